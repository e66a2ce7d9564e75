"""Base of every LandOffice dock panel, and their discovery.

A panel is a module ``gui/dock_<name>.py`` holding one :class:`LandOfficeDock` subclass with
``OBJECT_NAME``, ``TITLE`` (English, marked with ``tr_noop``), ``ICON`` (file in
resources/icons) and ``ORDER``. The menu/toolbar (:mod:`.main_ui`) finds the panels itself and
creates each one only when the user first opens it, so start-up stays fast.
"""
from __future__ import annotations

import html
from pathlib import Path

from qgis.core import Qgis
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QSize, Qt, QUrl
from qgis.PyQt.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..discovery import subclasses_in_modules
from ..i18n import tr

# The most a panel may ask for as its minimum: QGIS at 1366×768 keeps the layers panel and the map
# beside it (a third of the width) and the menu, two toolbar rows and the status bar above and
# below it (≈ 200 px of the height).
MAX_MINIMUM_SIZE = QSize(1366 // 3, 768 - 200)
MINIMUM_WIDTH = 300


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
        self.setMinimumWidth(MINIMUM_WIDTH)

    def set_body(self, body: QWidget) -> QWidget:
        """Show ``body`` in the panel inside a scroll area: the panel's minimum size stays small
        (it fits a 1366×768 screen tabbed with the others) while ``body`` keeps its own layout."""
        scroll = QScrollArea(self)
        scroll.setObjectName(f"{self.OBJECT_NAME}Scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        scroll.setWidget(body)
        self.setWidget(scroll)
        return scroll

    def split_body(self, sizes=(400, 400)):
        """The panel as settings above (they scroll) and results below (always in sight), with a
        splitter between; returns the two layouts to fill."""
        splitter = QSplitter(Qt.Vertical, self)
        splitter.setChildrenCollapsible(False)
        scroll = QScrollArea(splitter)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        settings = QWidget(scroll)
        top = QVBoxLayout(settings)
        scroll.setWidget(settings)
        results = QWidget(splitter)
        bottom = QVBoxLayout(results)
        bottom.setContentsMargins(0, 0, 0, 0)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes(list(sizes))
        self.setWidget(splitter)
        return top, bottom

    def notify(self, text: str, level=Qgis.MessageLevel.Info, path=None, duration: int = 10) -> None:
        """The one way a panel reports an outcome: QGIS's message bar, titled with the panel's name;
        ``path`` (an output file or folder) is added as a link that opens it."""
        text = html.escape(text).replace("\n", "<br>")
        if path is not None:
            url = QUrl.fromLocalFile(str(path)).toString()
            text += f' <a href="{url}">{html.escape(str(path))}</a>'
        bar = self.iface.messageBar() if self.iface is not None else None
        if bar is not None:
            bar.pushMessage(tr(self.TITLE), text, level, duration)

    def confirm_overwrite(self, paths) -> bool:
        """Ask before a run replaces output files that exist already; True when none exist or the
        user agrees."""
        existing = [str(p) for p in paths if p and Path(p).exists()]
        if not existing:
            return True
        answer = QMessageBox.question(
            self, tr(self.TITLE), tr("These files exist already and would be replaced:\n{files}\n\nReplace them?")
            .format(files="\n".join(existing)), QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

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


def form_layout(parent) -> QFormLayout:
    """A form whose fields take the panel's width and whose long rows wrap (label above field)."""
    form = QFormLayout(parent)
    form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.WrapLongRows)
    return form


def dock_classes() -> list[type[LandOfficeDock]]:
    from . import __path__ as pkg_path

    found = [cls for cls in subclasses_in_modules(__package__, pkg_path, "dock_", LandOfficeDock, "OBJECT_NAME")
             if cls.__module__ != __name__]
    return sorted(found, key=lambda cls: (cls.ORDER, cls.OBJECT_NAME))
