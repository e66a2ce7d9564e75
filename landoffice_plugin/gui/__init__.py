"""Widgets: docks, dialogs, menu. Only this package may import qgis.gui or use iface."""
