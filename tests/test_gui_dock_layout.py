"""The six panels open tabbed together and fit a 1366×768 laptop screen (offscreen platform)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtWidgets import QScrollArea

from landoffice_plugin import classFactory
from landoffice_plugin.gui.dock_base import dock_classes

SCREEN = QSize(1366, 768)
# what QGIS keeps beside and around a dock area on such a screen: the layers panel and the map take two
# thirds of the width; title bar, menu, two toolbar rows and the status bar about 200 px of the height
DOCK_BUDGET = QSize(SCREEN.width() // 3, SCREEN.height() - 200)


@pytest.fixture()
def plugin(qgis_iface, without_landoffice_provider, small_county):
    from qgis.core import QgsProject, QgsVectorLayer

    QgsProject.instance().addMapLayers([QgsVectorLayer(f"{small_county}|layername={role}", role, "ogr")
                                        for role in ("DLTB", "XZQ", "CJDCQ", "ZD", "ZRZ", "GYQY")])
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    yield plugin
    plugin.unload()
    QgsProject.instance().clear()


def test_six_panels_open_tabbed_and_fit_a_laptop_screen(plugin, qgis_iface):
    window = qgis_iface.mainWindow()
    classes = dock_classes()
    assert len(classes) == 6
    for cls in classes:
        action = next(a for a in plugin.ui.actions if a.objectName() == f"landoffice_dock_{cls.OBJECT_NAME}")
        action.trigger()
    docks = [plugin.ui.docks[cls.OBJECT_NAME] for cls in classes]
    window.resize(SCREEN)
    window.show()
    shown = [d for d in docks if d.isVisible()]
    assert shown == [docks[-1]], "one panel in sight, the last opened, the others behind their tabs"
    assert set(window.tabifiedDockWidgets(shown[0])) == set(docks[:-1]), "the panels are not tabbed together"
    assert {window.dockWidgetArea(d) for d in docks} == {window.dockWidgetArea(shown[0])}
    for dock in docks:
        hint = dock.minimumSizeHint()
        assert hint.width() <= DOCK_BUDGET.width() and hint.height() <= DOCK_BUDGET.height(), \
            f"{dock.objectName()} needs {hint.width()}×{hint.height()}"
        assert dock.minimumWidth() >= 250  # and not squeezed to nothing either
        for scroll in dock.findChildren(QScrollArea):  # what scrolls needs no sideways scrolling in that width
            inner = scroll.widget().minimumSizeHint().width()
            assert inner <= DOCK_BUDGET.width() - scroll.verticalScrollBar().sizeHint().width(), \
                (dock.objectName(), inner)
    need = window.minimumSizeHint()
    assert need.width() <= SCREEN.width() and need.height() <= SCREEN.height(), need
    assert window.width() <= SCREEN.width() and window.height() <= SCREEN.height()
    if os.environ.get("LANDOFFICE_SCREENSHOTS"):
        out = Path(__file__).resolve().parent.parent / "demo-output"
        out.mkdir(exist_ok=True)
        for dock in docks:
            dock.raise_()
            dock.grab().save(str(out / f"screenshot_{dock.objectName()}.png"))
    window.hide()


def test_reopened_panel_is_not_added_twice(plugin, qgis_iface):
    window = qgis_iface.mainWindow()
    cls = dock_classes()[0]
    dock = plugin.ui.show_dock(cls)
    plugin.ui.show_dock(cls, False)
    assert plugin.ui.show_dock(cls) is dock
    assert [d for d in window.findChildren(type(dock)) if d.objectName() == cls.OBJECT_NAME] == [dock]
