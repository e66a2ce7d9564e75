"""Base of every LandOffice dock panel, and their discovery.

A panel is a module ``gui/dock_<name>.py`` holding one :class:`LandOfficeDock` subclass with
``OBJECT_NAME``, ``TITLE`` (English, marked with ``tr_noop``), ``ICON`` (file in
resources/icons) and ``ORDER``. The menu/toolbar (:mod:`.main_ui`) finds the panels itself and
creates each one only when the user first opens it, so start-up stays fast.
"""
from __future__ import annotations

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt

from ..discovery import subclasses_in_modules
from ..i18n import tr


class LandOfficeDock(QgsDockWidget):
    OBJECT_NAME = ""
    TITLE = ""
    ICON = "landoffice.svg"
    ORDER = 100
    AREA = Qt.RightDockWidgetArea

    def __init__(self, iface, parent=None):
        super().__init__(tr(self.TITLE), parent or iface.mainWindow())
        self.iface = iface
        self.setObjectName(self.OBJECT_NAME)

    def cleanup(self) -> None:
        """Disconnect from QGIS (map tools, project signals) before the dock is deleted."""

    @classmethod
    def plugin_loaded(cls, iface) -> None:
        """Called at initGui, before the panel exists: register what must work without it
        (e.g. a locator filter). Whatever is added here is removed in :meth:`plugin_unloading`."""

    @classmethod
    def plugin_unloading(cls, iface) -> None:
        """Called at unload: undo :meth:`plugin_loaded`."""


def dock_classes() -> list[type[LandOfficeDock]]:
    from . import __path__ as pkg_path

    found = [cls for cls in subclasses_in_modules(__package__, pkg_path, "dock_", LandOfficeDock, "OBJECT_NAME")
             if cls.__module__ != __name__]
    return sorted(found, key=lambda cls: (cls.ORDER, cls.OBJECT_NAME))
