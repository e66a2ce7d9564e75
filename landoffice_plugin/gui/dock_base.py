"""Base of every LandOffice dock panel, and their discovery.

A panel is a module ``gui/dock_<name>.py`` holding one :class:`LandOfficeDock` subclass with
``OBJECT_NAME``, ``TITLE`` (English, marked with ``tr_noop``), ``ICON`` (file in
resources/icons) and ``ORDER``. The menu/toolbar (:mod:`.main_ui`) finds the panels itself and
creates each one only when the user first opens it, so start-up stays fast.
"""
from __future__ import annotations

import importlib
import inspect
import pkgutil

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt

from ..i18n import tr
from ..log import get_logger


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


def dock_classes() -> list[type[LandOfficeDock]]:
    from . import __path__ as pkg_path

    found = []
    for info in pkgutil.iter_modules(pkg_path):
        if not info.name.startswith("dock_") or info.name == "dock_base":
            continue
        try:
            module = importlib.import_module(f"{__package__}.{info.name}")
        except Exception:  # noqa: BLE001 - one broken panel must not take the plugin down
            get_logger().exception("LandOffice: cannot load panel module %s", info.name)
            continue
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, LandOfficeDock) and obj is not LandOfficeDock and obj.OBJECT_NAME \
                    and obj.__module__ == module.__name__:
                found.append(obj)
    return sorted(found, key=lambda cls: (cls.ORDER, cls.OBJECT_NAME))
