"""数据体检 (inspectdata): what a delivery holds per role, how each standard field was resolved, how valid its
values are, and which jobs can run with it. Headless: no widget, no iface."""
