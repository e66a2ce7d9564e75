"""The 质检与核查任务 panel: the quality check runs in the background, counts per rule match the red-light layer
it wrote, a rerun replaces the layer (never stacks copies), and the red lights become field tasks."""
from __future__ import annotations

import pytest
from pytest_qgis.utils import wait_until
from qgis.core import QgsProject, QgsVectorLayer


@pytest.fixture()
def county_layers(small_county):
    layers = {}
    for role in ("DLTB", "CJDCQ", "XZQ", "YJJBNTTB", "ZD", "ZRZ"):
        layer = QgsVectorLayer(f"{small_county}|layername={role}", role, "ogr")
        assert layer.isValid()
        layers[role] = layer
    QgsProject.instance().addMapLayers(list(layers.values()))
    yield layers
    QgsProject.instance().removeAllMapLayers()


def _wait(dock):
    wait_until(lambda: dock.task is None, timeout_milliseconds=120000)


def test_quality_panel_counts_replaces_and_makes_tasks(county_layers, qgis_iface, tmp_path):
    from landoffice_plugin.gui.dock_quality import QualityDock

    dock = QualityDock(qgis_iface)
    assert dock.boxes["DLTB"].currentLayer() is county_layers["DLTB"]  # the project's roles found by themselves
    dock.url.setText("")
    dock.make_tasks()
    assert dock.task is None and ("先运行质检" in dock.status.text() or "Run the quality check first" in
                                  dock.status.text())
    dock.output.setFilePath(str(tmp_path / "red.gpkg"))
    dock.run_check()
    _wait(dock)
    red = QgsVectorLayer(f"{tmp_path}/red.gpkg|layername=red_lights", "r", "ogr")
    assert red.isValid() and red.featureCount() > 0, dock.status.text()
    by_rule: dict = {}
    for f in red.getFeatures():
        by_rule[f["rule"]] = by_rule.get(f["rule"], 0) + 1
    shown = {dock.counts.item(r, 0).text(): int(dock.counts.item(r, 3).text()) for r in range(dock.counts.rowCount())}
    assert {k: v for k, v in shown.items() if v} == by_rule
    assert (tmp_path / "red.xlsx").is_file()
    dock.run_check()  # again: the layer is replaced, not stacked
    _wait(dock)
    showing = [lyr for lyr in QgsProject.instance().mapLayers().values() if "red.gpkg" in lyr.source()]
    assert len(showing) == 1 and showing[0].featureCount() == red.featureCount()
    expected = {(f["rule"], f["layer"], f["keys"] or f["fids"]) for f in red.getFeatures()}
    dock.make_tasks()
    _wait(dock)
    tasks = QgsVectorLayer(str(tmp_path / "red_tasks.gpkg"), "t", "ogr")
    assert tasks.isValid() and tasks.featureCount() == len(expected), dock.status.text()
    assert {f["ZT"] for f in tasks.getFeatures()} == {"待核查"}
    dock.deleteLater()
