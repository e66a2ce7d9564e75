"""Headless domain core: code lists, codes, ID numbers, CRS and areas, layer roles.

Nothing in ``core`` imports widgets, ``qgis.gui`` or ``iface``.
"""
