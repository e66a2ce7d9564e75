"""initGui → unload → initGui leaves nothing behind, and the translator maps zh locales."""
import logging

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QMenu, QToolBar

from landoffice_plugin import classFactory
from landoffice_plugin.gui.main_ui import MENU_OBJECT_NAME, TOOLBAR_OBJECT_NAME
from landoffice_plugin.log import LOGGER_NAME, QgisMessageLogHandler


def _footprint(iface):
    window = iface.mainWindow()
    toolbars = [t for t in window.findChildren(QToolBar) if t.objectName() == TOOLBAR_OBJECT_NAME]
    menus = [a for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)
             and a.menu().objectName() == MENU_OBJECT_NAME]
    handlers = [h for h in logging.getLogger(LOGGER_NAME).handlers if isinstance(h, QgisMessageLogHandler)]
    provider = QgsApplication.processingRegistry().providerById("landoffice")
    return len(toolbars), len(menus), len(handlers), provider is not None


@pytest.fixture()
def plugin(qgis_iface, without_landoffice_provider):
    plugin = classFactory(qgis_iface)
    yield plugin
    plugin.unload()  # safe to repeat: unload only undoes what is there


def test_init_unload_init_leaves_nothing_behind(plugin, qgis_iface):
    assert _footprint(qgis_iface) == (0, 0, 0, False)
    plugin.initGui()
    assert _footprint(qgis_iface) == (1, 1, 1, True)
    actions = plugin.ui.actions
    assert len(actions) >= 3
    assert all(a.text() for a in actions)
    plugin.unload()
    assert _footprint(qgis_iface) == (0, 0, 0, False)
    plugin.initGui()
    assert _footprint(qgis_iface) == (1, 1, 1, True)
    plugin.unload()
    assert _footprint(qgis_iface) == (0, 0, 0, False)


def test_provider_lists_algorithms(plugin):
    plugin.initProcessing()
    provider = QgsApplication.processingRegistry().providerById("landoffice")
    names = {alg.name() for alg in provider.algorithms()}
    assert {"generatesample", "importdata", "overviewmap"} <= names
    plugin.unload()
    assert QgsApplication.processingRegistry().providerById("landoffice") is None


@pytest.mark.parametrize("locale", ["zh-Hans", "zh_CN", "zh", "zh_Hans_CN"])
def test_chinese_locales_load_the_translation(plugin, qgis_iface, locale, monkeypatch):
    monkeypatch.setattr("landoffice_plugin.plugin.qgis_locale", lambda: locale)
    plugin.initGui()
    try:
        assert QCoreApplication.translate("LandOffice", "LandOffice") == "国土所工具"
        assert plugin.ui.menu.title() == "国土所工具"
    finally:
        plugin.unload()
    # the translator is gone after unload
    assert QCoreApplication.translate("LandOffice", "LandOffice") == "LandOffice"


def test_english_locale_keeps_english(plugin, monkeypatch):
    monkeypatch.setattr("landoffice_plugin.plugin.qgis_locale", lambda: "en_US")
    plugin.initGui()
    try:
        assert plugin.ui.menu.title() == "LandOffice"
    finally:
        plugin.unload()


def test_every_panel_opens_and_unload_removes_it(plugin, qgis_iface):
    from qgis.PyQt.QtWidgets import QDockWidget

    from landoffice_plugin.gui.dock_base import dock_classes

    plugin.initGui()
    window = qgis_iface.mainWindow()
    names = [cls.OBJECT_NAME for cls in dock_classes()]
    for cls in dock_classes():
        action = next(a for a in plugin.ui.actions if a.objectName() == f"landoffice_dock_{cls.OBJECT_NAME}")
        action.trigger()  # opens the panel (created now, on first use)
        dock = plugin.ui.docks[cls.OBJECT_NAME]
        window.addDockWidget(cls.AREA, dock)  # the mock iface's addDockWidget does nothing
        assert dock.objectName() == cls.OBJECT_NAME and dock.windowTitle()
    plugin.unload()
    left = [d.objectName() for d in window.findChildren(QDockWidget) if d.objectName() in names]
    assert left == []
    assert plugin.ui is None


def test_layout_jobs_run_on_the_main_thread():
    from qgis.core import QgsProcessingAlgorithm

    from landoffice_plugin.processing.provider import algorithm_classes

    flags = {cls.NAME: bool(cls().flags() & QgsProcessingAlgorithm.FlagNoThreading) for cls in algorithm_classes()}
    assert flags["overviewmap"] and flags["parcelreport"] and flags["demolitioncost"]
    assert not flags["generatesample"] and not flags["potentialland"]
