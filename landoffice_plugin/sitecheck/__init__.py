"""Site compliance check (选址合规性分析): what a drawn or loaded site touches in every role layer and
registered control layer, in 亩 and share of the site, and the verdicts of ``resources/sitecheck/rules.toml``.
Headless: no widget, no iface."""
