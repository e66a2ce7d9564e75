"""The cost dock builds, takes the red line from a selected feature and shows the estimate."""
from __future__ import annotations

from decimal import Decimal

import pytest
from cost_cases import REDLINE, layers, rect, standard_file
from pytest_qgis.utils import wait_until
from qgis.core import QgsFeature, QgsProject, QgsVectorLayer


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
        red.selectByIds([f.id() for f in red.getFeatures()])
        dock.redline_from_selection(red)
        assert dock.redline is not None and "红线" in dock.redline_label.text()
        dock.run_estimate()
        wait_until(lambda: dock.estimate is not None or dock.task is None, timeout_milliseconds=20000)
        est = dock.estimate
        assert est is not None, dock.warnings.toPlainText()
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
