"""The 宗地查询 dock with the pytest-qgis iface: guidance, search, details, map click, edits, locator."""
from __future__ import annotations

import pytest
from lookup_cases import X0, Y0, build_gpkg, code, layers
from pytest_qgis.utils import wait_until
from qgis.core import QgsCoordinateReferenceSystem, QgsLocatorContext, QgsPointXY, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest

from landoffice_plugin.gui import parcel_lookup_tools as tools
from landoffice_plugin.gui.dock_parcel_lookup import ParcelLookupDock


@pytest.fixture()
def make_dock(qgis_iface, tmp_path, monkeypatch):
    monkeypatch.setattr(ParcelLookupDock, "cache_dir", lambda self: tmp_path / "cache")
    docks = []

    def make():
        dock = ParcelLookupDock(qgis_iface)
        qgis_iface.mainWindow().addDockWidget(Qt.RightDockWidgetArea, dock)
        docks.append(dock)
        return dock
    yield make
    for dock in docks:
        dock.cleanup()
        if dock.roles_dialog is not None:
            dock.roles_dialog.close()
        qgis_iface.mainWindow().removeDockWidget(dock)
        dock.setParent(None)
        dock.deleteLater()
    QgsProject.instance().clear()


@pytest.fixture()
def project_layers(tmp_path, qgis_app):
    lyrs = layers(build_gpkg(tmp_path / "parcels.gpkg"))
    QgsProject.instance().addMapLayers(list(lyrs.values()))
    return lyrs


def _type(dock, qgis_bot, text):
    dock.search_box.clear()
    if text.isascii():
        QTest.keyClicks(dock.search_box, text)
    else:  # QTest cannot type Chinese (an input method commits the whole text at once)
        dock.search_box.setText(text)
    dock.timer.stop()
    dock.run_search()


def _codes(dock):
    return [dock.results.topLevelItem(i).text(0).lstrip("● ") for i in range(dock.results.topLevelItemCount())]


def test_no_parcel_layer_gives_guidance(make_dock, qgis_app):
    dock = make_dock()
    assert "ZDDM" in dock.status.text() and "FileGDB" in dock.status.text()
    assert not dock.search_box.isEnabled()


def test_layer_without_code_field_opens_the_field_mapping(make_dock, qgis_app):
    layer = QgsVectorLayer("Polygon?crs=EPSG:4549&field=CODE:string", "ZD", "memory")
    QgsProject.instance().addMapLayer(layer)
    dock = make_dock()
    assert dock.roles_dialog is not None and dock.roles_dialog.isVisible()
    assert "ZDDM" in dock.status.text()


def test_search_details_and_map_click(make_dock, project_layers, qgis_bot, qgis_iface):
    dock = make_dock()
    wait_until(lambda: dock.index is not None, timeout_milliseconds=20000)
    assert dock.search_box.isEnabled()
    _type(dock, qgis_bot, "zjg")
    assert _codes(dock) == [code("P1"), code("P2")]
    assert dock.results.topLevelItem(0).text(1) == "张建国"
    dock.results.setCurrentItem(dock.results.topLevelItem(0))
    html = dock.details.toPlainText()
    assert "张建国" in html and "地类图斑" in html and "混合结构" in html
    _type(dock, qgis_bot, "西村")
    assert dock.results.topLevelItem(0).text(0).startswith("● ")      # P9 overlaps P10: red marker
    dock.red_only.setChecked(True)
    _type(dock, qgis_bot, "湖塘村")
    assert _codes(dock) == [code("P6"), code("P7")]                   # no owner, invalid code
    dock.red_only.setChecked(False)
    _type(dock, qgis_bot, "")
    assert "pinyin" in dock.status.text()
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4549"))
    previous = canvas.mapTool()
    dock.toggle_map_tool(True)
    assert canvas.mapTool() is dock.map_tool
    dock.map_tool._clicked(QgsPointXY(X0 + 140, Y0 + 90), Qt.LeftButton)   # inside P12
    assert code("P12") in dock.details.toPlainText()
    dock.toggle_map_tool(False)
    assert canvas.mapTool() is previous
    old = dock.index
    dock.start_index(rebuild=True)                                    # the ↻ button
    wait_until(lambda: dock.index is not None and dock.index is not old, timeout_milliseconds=20000)
    _type(dock, qgis_bot, "zjg")
    assert _codes(dock) == [code("P1"), code("P2")]


def test_edit_updates_the_results(make_dock, project_layers, qgis_bot):
    dock = make_dock()
    wait_until(lambda: dock.index is not None, timeout_milliseconds=20000)
    layer = project_layers["ZD"]
    fid = next(f.id() for f in layer.getFeatures() if f["ZDDM"] == code("P3"))
    layer.startEditing()
    layer.changeAttributeValue(fid, layer.fields().indexOf("QLRMC"), "欧阳修")
    assert layer.commitChanges()
    wait_until(lambda: not dock.pending["changed"], timeout_milliseconds=5000)
    _type(dock, qgis_bot, "oyx")
    assert _codes(dock) == [code("P3")]


def test_locator_filter_finds_by_pinyin(make_dock, project_layers):
    from qgis.core import QgsFeedback

    dock = make_dock()
    wait_until(lambda: dock.index is not None, timeout_milliseconds=20000)
    flt = tools.ParcelLocatorFilter()
    assert flt.prefix() == "zd"
    found = []
    flt.resultFetched.connect(found.append)
    flt.fetchResults("zjg", QgsLocatorContext(), QgsFeedback())
    assert [r.displayString.split()[0] for r in found] == [code("P1"), code("P2")]
    flt.triggerResult(found[1])
    assert code("P2") in dock.details.toPlainText()


def test_report_from_the_dock(make_dock, project_layers, qgis_bot, tmp_path):
    import openpyxl

    dock = make_dock()
    wait_until(lambda: dock.index is not None, timeout_milliseconds=20000)
    _type(dock, qgis_bot, code("P1"))
    assert dock.current_fid() is not None
    out = dock.export_report("xlsx", str(tmp_path / "r.xlsx"))
    assert openpyxl.load_workbook(out)["宗地汇总"].cell(3, 1).value == code("P1")


def test_sandiao_filegdb_without_parcels_gets_guidance(make_dock, small_county):
    """The sample's 三调 FileGDB holds DLTB/XZQ/CJDCQ/YJJBNTTB only: the dock says what to load."""
    from osgeo import ogr

    gdb = small_county.with_name(small_county.stem + "_sandiao.gdb")
    ds = ogr.Open(str(gdb))
    names = [ds.GetLayerByIndex(i).GetName() for i in range(ds.GetLayerCount())]
    ds = None
    QgsProject.instance().addMapLayers([QgsVectorLayer(f"{gdb}|layername={n}", n, "ogr") for n in names])
    dock = make_dock()
    assert dock.index is None and not dock.search_box.isEnabled()
    assert "ZDDM" in dock.status.text() and "FileGDB" in dock.status.text()


def test_locator_filter_registered_at_plugin_load(qgis_app):
    class Iface:
        def __init__(self):
            self.filters = []

        def registerLocatorFilter(self, flt):  # noqa: N802
            self.filters.append(flt)

        def deregisterLocatorFilter(self, flt):  # noqa: N802
            self.filters.remove(flt)

    iface = Iface()
    ParcelLookupDock.plugin_loaded(iface)
    assert [f.prefix() for f in iface.filters] == ["zd"]
    ParcelLookupDock.plugin_unloading(iface)
    assert iface.filters == []


def _outlines(canvas):
    from qgis.gui import QgsHighlight, QgsRubberBand

    return [i for i in canvas.scene().items() if isinstance(i, (QgsRubberBand, QgsHighlight)) and i.isVisible()]


def test_a_new_search_forgets_the_parcel_chosen_before(make_dock, project_layers, qgis_bot):
    dock = make_dock()
    wait_until(lambda: dock.index is not None, timeout_milliseconds=20000)
    _type(dock, qgis_bot, "zjg")
    assert not any(b.isEnabled() for b in dock.parcel_buttons)  # two hits, none chosen yet
    dock.results.setCurrentItem(dock.results.topLevelItem(0))
    assert "张建国" in dock.details.toPlainText()
    assert all(b.isEnabled() for b in dock.parcel_buttons)
    _type(dock, qgis_bot, "西村")
    assert dock.results.topLevelItemCount() > 1
    assert dock.details.toPlainText() == "" and dock.current_fid() is None
    assert not any(b.isEnabled() for b in dock.parcel_buttons)
    assert dock.export_report("xlsx", "unused.xlsx") is None  # nothing acts on the parcel of the last search


def test_one_hit_zooms_to_it_with_one_outline(make_dock, project_layers, qgis_bot, qgis_iface):
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4549"))
    dock = make_dock()
    wait_until(lambda: dock.index is not None, timeout_milliseconds=20000)
    before = len(_outlines(canvas))
    for key, (x1, y1, x2, y2) in (("P5", (100, 0, 150, 40)), ("P12", (130, 80, 150, 100)), ("P1", (0, 0, 20, 20))):
        _type(dock, qgis_bot, code(key))
        assert _codes(dock) == [code(key)]
        assert dock.results.topLevelItem(0).isSelected() and code(key) in dock.details.toPlainText()
        extent = canvas.extent()
        assert extent.xMinimum() <= X0 + x1 and extent.xMaximum() >= X0 + x2
        assert extent.yMinimum() <= Y0 + y1 and extent.yMaximum() >= Y0 + y2
        # zoomed in on it (the canvas keeps its aspect: one side fits the parcel, with a margin)
        assert min(extent.width() / (x2 - x1), extent.height() / (y2 - y1)) < 4
        box = dock.highlight.asGeometry().boundingBox()
        assert (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()) == \
            pytest.approx((X0 + x1, Y0 + y1, X0 + x2, Y0 + y2))
        assert len(_outlines(canvas)) == before + 1  # the outline moves; they do not pile up
    _type(dock, qgis_bot, "西村")
    assert len(_outlines(canvas)) == before  # a new search: no parcel chosen, no outline


def test_every_row_is_drawn_and_columns_fit_their_text(make_dock, project_layers, qgis_bot):
    dock = make_dock()
    dock.setFloating(True)
    dock.resize(900, 700)
    dock.show()
    wait_until(lambda: dock.index is not None, timeout_milliseconds=20000)
    _type(dock, qgis_bot, code("P5"))     # one hit first …
    _type(dock, qgis_bot, "湖塘")          # … then many
    tree = dock.results
    count = tree.topLevelItemCount()
    assert count > 5
    tops = [tree.visualItemRect(tree.topLevelItem(i)).top() for i in range(count)]
    assert all(tree.visualItemRect(tree.topLevelItem(i)).height() > 0 for i in range(count))
    assert tops == sorted(tops) and len(set(tops)) == count  # every row laid out, one under the other
    metrics = tree.fontMetrics()
    for column in range(tree.columnCount() - 1):  # the last one stretches
        widest = max(metrics.horizontalAdvance(tree.topLevelItem(i).text(column)) for i in range(count))
        assert tree.columnWidth(column) >= widest, (column, tree.columnWidth(column), widest)
    dock.hide()


def test_log_messages_in_the_users_language(make_dock, project_layers):
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QCoreApplication

    from landoffice_plugin.i18n import load_translator
    from landoffice_plugin.log import TAG, install_handler, remove_handler

    translator = load_translator("zh_CN")
    assert translator is not None
    QCoreApplication.installTranslator(translator)
    handler = install_handler()
    logged = []

    def received(message, tag, _level):
        if tag == TAG:
            logged.append(message)
    QgsApplication.messageLog().messageReceived.connect(received)
    try:
        dock = make_dock()
        wait_until(lambda: dock.index is not None, timeout_milliseconds=20000)
        assert any(m.startswith("宗地索引已建立") for m in logged), logged
        assert not any("parcel index built" in m.lower() for m in logged)
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(received)
        remove_handler(handler)
        QCoreApplication.removeTranslator(translator)


def test_full_id_numbers_need_the_setting_and_a_reason(make_dock, project_layers, qgis_bot, monkeypatch, tmp_path):
    from lookup_cases import ID_NUMBER
    from qgis.core import QgsSettings
    from qgis.PyQt.QtWidgets import QInputDialog

    from landoffice_plugin.lookup import audit

    log = tmp_path / "audit.sqlite"
    monkeypatch.setattr(audit, "audit_path", lambda: log)
    dock = make_dock()
    wait_until(lambda: dock.index is not None, timeout_milliseconds=20000)
    _type(dock, qgis_bot, "zjg")
    dock.results.setCurrentItem(dock.results.topLevelItem(0))
    assert ID_NUMBER not in dock.details.toPlainText()
    answers = iter([("", True), ("土地确权纠纷调查", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: next(answers))
    settings = QgsSettings()
    try:
        settings.setValue("landoffice/allow_unmask", True)
        dock.show_unmasked()  # no reason: refused, still masked
        assert ID_NUMBER not in dock.details.toPlainText()
        dock.show_unmasked()
        assert ID_NUMBER in dock.details.toPlainText()
    finally:
        settings.remove("landoffice/allow_unmask")
    unmasks = [r for r in audit.rows(log) if r["kind"] == audit.UNMASK]
    assert [r["reason"] for r in unmasks] == ["土地确权纠纷调查"]
