"""Offline field editing and sync (外业核查) against an OGC API - Features data centre.

``client`` speaks the protocol, ``package`` keeps a checkout in one GeoPackage, ``changes``
finds local edits, ``merge`` merges three ways, ``sync`` runs pull → merge → push, ``checks``
runs the 灭红灯 checks before a sync. Headless: no widgets, no iface.
"""
