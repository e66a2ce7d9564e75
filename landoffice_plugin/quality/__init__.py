"""Whole-layer quality checks (质检): rules as data, checks by group, a red-light table."""
