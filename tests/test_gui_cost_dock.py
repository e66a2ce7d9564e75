"""The cost dock builds, takes the red line from a selected feature and shows the estimate."""
from __future__ import annotations

from decimal import Decimal

import pytest
from cost_cases import REDLINE, layers, rect, standard_file
from pytest_qgis.utils import wait_until
from qgis.core import QgsFeature, QgsProject, QgsVectorLayer

from landoffice_plugin.cost.money import yuan_text
from landoffice_plugin.gui.cost_views import line_headers
from landoffice_plugin.i18n import tr


@pytest.fixture()
def project(qgis_app):
    project = QgsProject.instance()
    lay = layers()
    red = QgsVectorLayer("Polygon?crs=EPSG:4549&field=NAME:string", "红线", "memory")
    feat = QgsFeature(red.fields())
    feat.setGeometry(rect(*REDLINE))
    feat.setAttributes(["测试"])
    red.dataProvider().addFeatures([feat])
    project.addMapLayers([*lay.values(), red])
    yield lay, red
    project.clear()


def test_dock_estimates_from_a_selected_feature(qgis_iface, project, tmp_path):
    from landoffice_plugin.gui.dock_cost import CostDock

    lay, red = project
    dock = CostDock(qgis_iface)
    try:
        for role in ("DLTB", "ZD", "ZRZ", "HJ"):
            dock.layer_boxes[role].setLayer(lay[role])
        dock.standard_box.addItem("test", str(standard_file(tmp_path)))
        dock.standard_box.setCurrentIndex(dock.standard_box.count() - 1)
        dock.run_estimate()  # no red line yet: refused with a message, nothing runs
        assert dock.task is None and dock.estimate is None
        assert dock.tabs.currentWidget() is dock.warnings
        red.selectByIds([f.id() for f in red.getFeatures()])
        dock.redline_from_selection(red)
        assert dock.redline is not None and "红线" in dock.redline_label.text()
        dock.project_name.setText("滨湖路拓宽工程")
        dock.run_estimate()
        wait_until(lambda: dock.estimate is not None or dock.task is None, timeout_milliseconds=20000)
        est = dock.estimate
        assert est is not None, dock.warnings.toPlainText()
        assert est.title == "滨湖路拓宽工程"  # the reports' title
        assert dock.tabs.currentWidget() is dock.lines_table  # the good run leaves 警告
        dock.setFloating(True)
        dock.resize(430, 640)
        dock.show()
        table = dock.lines_table
        assert table.height() >= 160
        amount = line_headers().index(tr("Amount (yuan)"))
        assert table.columnViewportPosition(amount) + table.columnWidth(amount) <= table.viewport().width()
        assert table.item(table.rowCount() - 1, amount).text() == yuan_text(est.total)
        dock.hide()
        assert len(est.homesteads) == 3 and est.total > Decimal("339860")
        assert dock.lines_table.rowCount() == len(est.lines) + 1
        assert f"{est.total:,.2f}" in dock.total_label.text()
        dock.keep_scenario()
        dock.rule_box.setCurrentIndex(dock.rule_box.findData("share"))
        dock.threshold.setValue(0.25)  # the fourth homestead (30 % inside) now counts
        first = est
        dock.run_estimate()
        wait_until(lambda: dock.estimate is not first, timeout_milliseconds=20000)
        assert len(dock.estimate.homesteads) == 4
        assert dock.compare_table.rowCount() > 1
        dock.export_xlsx(str(tmp_path / "dock.xlsx"))  # in a task
        wait_until(lambda: dock.export_task is None, timeout_milliseconds=20000)
        assert (tmp_path / "dock.xlsx").is_file()
        from openpyxl import load_workbook

        assert "方案比较" in load_workbook(tmp_path / "dock.xlsx").sheetnames
    finally:
        dock.cleanup()
        dock.deleteLater()


def _outlines(canvas):
    from qgis.gui import QgsRubberBand

    return [i for i in canvas.scene().items() if isinstance(i, QgsRubberBand) and i.isVisible()
            and i.numberOfVertices() > 0]


def _bounds(geometry):
    box = geometry.boundingBox()
    return box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()


def test_red_line_is_drawn_whatever_its_source_and_replaces_the_last(qgis_iface, project, tmp_path):
    from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY, QgsVectorFileWriter
    from qgis.gui import QgsMapMouseEvent
    from qgis.PyQt.QtCore import QEvent, QPoint

    from landoffice_plugin.gui.dock_cost import CostDock

    _lay, red = project
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4549"))
    before = len(_outlines(canvas))
    dock = CostDock(qgis_iface)
    try:
        red.selectByIds([f.id() for f in red.getFeatures()])
        dock.redline_from_selection(red)
        assert _bounds(dock.redline_band.asGeometry()) == pytest.approx(REDLINE)
        assert len(_outlines(canvas)) == before + 1
        other = QgsVectorLayer("Polygon?crs=EPSG:4549&field=NAME:string", "file", "memory")
        feat = QgsFeature(other.fields())
        box = (REDLINE[0] + 50, REDLINE[1] + 50, REDLINE[2] - 50, REDLINE[3] - 50)
        feat.setGeometry(rect(*box))
        feat.setAttributes(["文件红线"])
        other.dataProvider().addFeatures([feat])
        path = str(tmp_path / "redline.gpkg")
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        QgsVectorFileWriter.writeAsVectorFormatV3(other, path, QgsProject.instance().transformContext(), options)
        dock.redline_from_file(path)
        assert _bounds(dock.redline_band.asGeometry()) == pytest.approx(box)
        assert len(_outlines(canvas)) == before + 1  # the earlier outline is gone
        dock.start_drawing()
        tool = dock.tool
        corners = [(REDLINE[0], REDLINE[1]), (REDLINE[2], REDLINE[1]), (REDLINE[2], REDLINE[3])]
        for x, y in corners:
            tool.add_point(QgsPointXY(x, y))
        tool.canvasMoveEvent(QgsMapMouseEvent(canvas, QEvent.MouseMove, QPoint(5, 5)))  # the cursor elsewhere
        assert tool.band.numberOfVertices() >= 4  # the sketch follows the cursor while drawing
        tool.finish()
        assert tool.band.numberOfVertices() == 0  # the sketch is gone …
        drawn = dock.redline_band.asGeometry()  # kept: vertices() iterates over it
        # … and no corner at the cursor
        assert {(round(p.x(), 6), round(p.y(), 6)) for p in drawn.vertices()} == set(corners)
        assert len(_outlines(canvas)) == before + 1
    finally:
        dock.cleanup()
        dock.deleteLater()
    assert len(_outlines(canvas)) == before


def test_standards_are_listed_by_title(qgis_iface, project):
    import json

    from landoffice_plugin.cost.standard import shipped_standards
    from landoffice_plugin.gui.dock_cost import CostDock

    dock = CostDock(qgis_iface)
    try:
        for i, path in enumerate(shipped_standards()):
            name = json.loads(path.read_text(encoding="utf-8"))["name"]
            assert dock.standard_box.itemText(i).startswith(name) and path.name not in dock.standard_box.itemText(i)
            assert dock.standard_box.itemData(i) == str(path)
    finally:
        dock.cleanup()
        dock.deleteLater()


def test_map_tool_digitises_a_polygon(qgis_canvas):
    from qgis.core import QgsPointXY

    from landoffice_plugin.gui.cost_maptool import RedLineTool

    tool = RedLineTool(qgis_canvas)
    got = []
    tool.polygonFinished.connect(got.append)
    tool.add_point(QgsPointXY(0, 0))
    tool.add_point(QgsPointXY(100, 0))
    tool.finish()  # two corners are not an area: nothing is emitted
    assert got == []
    for x, y in ((0, 0), (100, 0), (100, 50), (0, 50)):
        tool.add_point(QgsPointXY(x, y))
    tool.finish()
    assert len(got) == 1 and abs(got[0].area() - 5000.0) < 1e-6
    tool.remove_band()
