"""Menu 国土所工具 and the LandOffice toolbar, with every action recorded for removal."""
from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMainWindow, QMenu, QToolBar

from ..i18n import tr, tr_noop
from ..paths import resource_path
from ..processing.provider import PROVIDER_ID

MENU_OBJECT_NAME = "LandOfficeMenu"
TOOLBAR_OBJECT_NAME = "LandOfficeToolbar"

# (algorithm name, English label, in toolbar)
ALGORITHM_ACTIONS = (
    ("importdata", tr_noop("Import survey data…"), True),
    ("overviewmap", tr_noop("Print overview map…"), True),
    ("generatesample", tr_noop("Generate sample county…"), False),
)


def open_algorithm_dialog(algorithm: str) -> None:
    """Open the Processing dialog of ``landoffice:<algorithm>`` (runs it as a background task)."""
    from qgis import processing

    processing.execAlgorithmDialog(f"{PROVIDER_ID}:{algorithm}")


class MainUi:
    def __init__(self, iface):
        self.iface = iface
        self.menu: QMenu | None = None
        self.toolbar: QToolBar | None = None
        self.actions: list[QAction] = []
        self.docks: dict[str, object] = {}  # OBJECT_NAME -> LandOfficeDock, created on first use
        self.dock_classes: list = []

    def build(self) -> None:
        window = self.iface.mainWindow()
        self.menu = QMenu(tr("LandOffice"), window)
        self.menu.setObjectName(MENU_OBJECT_NAME)
        self.toolbar = QToolBar(tr("LandOffice"), window)
        self.toolbar.setObjectName(TOOLBAR_OBJECT_NAME)
        window.addToolBar(self.toolbar)

        from .dock_base import dock_classes

        self.dock_classes = dock_classes()
        for cls in self.dock_classes:
            cls.plugin_loaded(self.iface)
            action = QAction(QIcon(str(resource_path("icons", cls.ICON))), tr(cls.TITLE), window)
            action.setObjectName(f"landoffice_dock_{cls.OBJECT_NAME}")
            action.setCheckable(True)
            action.toggled.connect(lambda checked, c=cls: self.show_dock(c, checked))
            self.menu.addAction(action)
            self.toolbar.addAction(action)
            self.actions.append(action)
        if self.actions:
            self.menu.addSeparator()

        icon = QIcon(str(resource_path("icons", "landoffice.svg")))
        for algorithm, label, in_toolbar in ALGORITHM_ACTIONS:
            action = QAction(icon, tr(label), window)
            action.setObjectName(f"landoffice_{algorithm}")
            action.triggered.connect(lambda _checked=False, a=algorithm: open_algorithm_dialog(a))
            self.menu.addAction(action)
            if in_toolbar:
                self.toolbar.addAction(action)
            self.actions.append(action)

        self.menu.addSeparator()
        roles_action = QAction(icon, tr("Layer roles and field mapping…"), window)
        roles_action.setObjectName("landoffice_roles")
        roles_action.triggered.connect(self.open_roles_dialog)
        self.menu.addAction(roles_action)
        self.actions.append(roles_action)

        menubar = window.menuBar()
        before = self._help_menu_action()
        if before is not None:
            menubar.insertMenu(before, self.menu)
        else:
            menubar.addMenu(self.menu)

    def show_dock(self, cls, visible: bool = True):
        """Show or hide a panel, creating it on first use; returns the dock."""
        dock = self.docks.get(cls.OBJECT_NAME)
        if dock is None:
            if not visible:
                return None
            dock = cls(self.iface)
            self._place(cls, dock)
            action = self._dock_action(cls)
            if action is not None:
                dock.visibilityChanged.connect(action.setChecked)
            self.docks[cls.OBJECT_NAME] = dock
        dock.setVisible(visible)
        if visible:
            dock.raise_()
        return dock

    def _place(self, cls, dock) -> None:
        """Add a new panel to the window, tabbed onto the first LandOffice panel already there
        (several panels stacked one above the other push QGIS's window off a laptop screen)."""
        window = self.iface.mainWindow()
        self.iface.addDockWidget(cls.AREA, dock)
        if not isinstance(window, QMainWindow):
            return
        if window.dockWidgetArea(dock) == Qt.NoDockWidgetArea:  # an iface that only records the call
            window.addDockWidget(cls.AREA, dock)
        area = window.dockWidgetArea(dock)
        others = [d for d in self.docks.values() if d is not dock and not d.isFloating()
                  and window.dockWidgetArea(d) == area]
        first = next((d for d in others if d.isVisible()), others[0] if others else None)
        if first is not None:
            window.tabifyDockWidget(first, dock)

    def _dock_action(self, cls):
        name = f"landoffice_dock_{cls.OBJECT_NAME}"
        return next((a for a in self.actions if a.objectName() == name), None)

    def open_roles_dialog(self) -> None:
        from .roles_dialog import RolesDialog

        RolesDialog(parent=self.iface.mainWindow()).exec()

    def _help_menu_action(self):
        try:
            help_menu = self.iface.firstRightStandardMenu()
        except Exception:  # noqa: BLE001 - not every iface has it
            return None
        return help_menu.menuAction() if isinstance(help_menu, QMenu) else None

    def teardown(self) -> None:
        window = self.iface.mainWindow()
        for dock in reversed(list(self.docks.values())):
            dock.cleanup()
            self.iface.removeDockWidget(dock)
            window.removeDockWidget(dock)
            dock.setParent(None)
            dock.deleteLater()
        self.docks.clear()
        for cls in reversed(self.dock_classes):
            cls.plugin_unloading(self.iface)
        self.dock_classes = []
        for action in reversed(self.actions):
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
            if self.menu is not None:
                self.menu.removeAction(action)
            action.setParent(None)
            action.deleteLater()
        self.actions.clear()
        if self.menu is not None:
            window.menuBar().removeAction(self.menu.menuAction())
            self.menu.setParent(None)
            self.menu.deleteLater()
            self.menu = None
        if self.toolbar is not None:
            window.removeToolBar(self.toolbar)
            self.toolbar.setParent(None)
            self.toolbar.deleteLater()
            self.toolbar = None
