"""Base of every LandOffice dock panel, and their discovery.

A panel is a module ``gui/dock_<name>.py`` holding one :class:`LandOfficeDock` subclass with
``OBJECT_NAME``, ``TITLE`` (English, marked with ``tr_noop``), ``ICON`` (file in
resources/icons) and ``ORDER``. The menu/toolbar (:mod:`.main_ui`) finds the panels itself and
creates each one only when the user first opens it, so start-up stays fast.
"""
from __future__ import annotations

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QHBoxLayout, QToolButton, QVBoxLayout, QWidget

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

    def setWidget(self, widget) -> None:  # noqa: N802 - Qt's name; every panel's body gets the 数据体检 button
        """Show ``widget`` as the panel's body, with the 数据体检 (data check) button above it."""
        container = QWidget(self)
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        row = QHBoxLayout()
        row.setContentsMargins(4, 2, 4, 0)
        row.addStretch(1)
        self.inspect_button = QToolButton(container)
        self.inspect_button.setObjectName(f"{self.OBJECT_NAME}InspectButton")
        self.inspect_button.setText(tr("Data check"))
        self.inspect_button.setToolTip(tr("Check the project's data: which layer plays each role, how each standard "
                                          "field was found, how valid the values are, and which jobs can run"))
        self.inspect_button.clicked.connect(self.inspect_data)
        row.addWidget(self.inspect_button)
        layout.addLayout(row)
        layout.addWidget(widget, 1)
        super().setWidget(container)

    def inspect_data(self):
        """数据体检 of the open project, shown in a dialog (kept open beside the map)."""
        from qgis.core import QgsProject
        from qgis.PyQt.QtWidgets import QMessageBox

        from ..core.errors import LandOfficeError
        from ..datacheck.inspection import inspect_project
        from .inspect_dialog import InspectDialog

        try:
            inspection = inspect_project(QgsProject.instance())
        except LandOfficeError as err:
            QMessageBox.warning(self, tr("Data check"), err.bilingual())
            return None
        self.inspect_dialog = InspectDialog(inspection, self)
        self.inspect_dialog.show()
        return self.inspect_dialog

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
