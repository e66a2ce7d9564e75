"""LandOffice: QGIS plugin suite for China's township land offices (国土所工具)."""


def classFactory(iface):  # noqa: N802 - QGIS plugin entry point
    from .plugin import LandOfficePlugin

    return LandOfficePlugin(iface)
