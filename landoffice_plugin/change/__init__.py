"""Survey-to-survey change detection (年度变更): change pieces, the transition matrix, suspected unlawful use."""
