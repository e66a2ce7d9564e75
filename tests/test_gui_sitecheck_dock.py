"""The site-check dock: site from selected features, the check, verdicts, pieces (zoom), candidates, exports."""
from __future__ import annotations

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer

ROLES = ("XZQ", "DLTB", "YJJBNTTB", "STBHHX", "CZKFBJ", "PZYD", "GYYD", "ZD", "ZRZ", "HJ")


@pytest.fixture()
def project(qgis_app, small_county):
    project = QgsProject.instance()
    layers = {r: QgsVectorLayer(f"{small_county}|layername={r}", r, "ogr") for r in ROLES}
    site = QgsVectorLayer("Polygon?crs=EPSG:4549", "选址", "memory")
    feat = QgsFeature()
    feat.setGeometry(QgsGeometry.fromWkt("POLYGON((505000 3485000,505100 3485000,505100 3485100,505000 3485100,"
                                         "505000 3485000))"))
    site.dataProvider().addFeatures([feat])
    project.addMapLayers([*layers.values(), site])
    yield layers, site
    project.clear()


def test_dock_checks_a_selected_site_and_exports(qgis_iface, project, tmp_path):
    from landoffice_plugin.gui.dock_sitecheck import SiteCheckDock

    layers, site = project
    dock = SiteCheckDock(qgis_iface)
    try:
        for role, layer in layers.items():
            dock.layer_boxes[role].setLayer(layer)
        dock.run_check()  # no site yet: a message, no report
        assert dock.report is None and dock.verdicts.toPlainText()
        site.selectByIds([f.id() for f in site.getFeatures()])
        dock.site_from_selection(site)
        assert dock.site is not None and "15.0000" in dock.site_label.text()
        dock.run_check()
        report = dock.report
        assert report is not None, dock.verdicts.toPlainText()
        assert "占用永久基本农田" in dock.verdicts.toPlainText()
        assert dock.pieces.rowCount() == len(report.pieces) > 0
        dock.zoom_to_piece(0)
        dock.add_candidate()
        assert dock.compare.rowCount() == 1
        dock.export_xlsx(str(tmp_path / "d.xlsx"))
        dock.export_boundary_points(str(tmp_path / "d.txt"))
        assert (tmp_path / "d.xlsx").is_file() and "[地块坐标]" in (tmp_path / "d.txt").read_text(encoding="gb18030")
        dock.add_result_layer()
        assert any(lyr.name() == "选址分析结果" for lyr in QgsProject.instance().mapLayers().values())
        from qgis.core import QgsCoordinateReferenceSystem

        qgis_iface.mapCanvas().setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4549"))
        dock.start_drawing()  # the map tool: three corners and a right click close a site
        from qgis.core import QgsPointXY

        for x, y in ((505000, 3485000), (505100, 3485000), (505100, 3485100)):
            dock.tool.add_point(QgsPointXY(x, y))
        dock.tool.finish()
        assert dock.site.name and "7.5000" in dock.site_label.text()  # half the 100 m square
    finally:
        dock.cleanup()
        assert dock.tool is None
        dock.deleteLater()
