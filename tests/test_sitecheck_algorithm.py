"""landoffice:sitecheck through Processing and the command line: xlsx, PDF and result layer; candidate sites
ranked; a malformed 界址点 file refused in both languages."""
from __future__ import annotations

import pytest
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsGeometry,
    QgsVectorLayer,
)
from test_sitecheck import CRS, MU, da, square


def test_algorithm_writes_xlsx_pdf_and_result_layer(small_county, tmp_path, landoffice_processing):
    import processing
    from openpyxl import load_workbook

    from landoffice_plugin.sitecheck.boundary_points import write_boundary_file

    txt = write_boundary_file(tmp_path / "site.txt", [("取水泵站", shapely.from_wkt(
        "POLYGON(" + square(505000, 3485000, 100) + ")"))], QgsCoordinateReferenceSystem(CRS))
    res = processing.run("landoffice:sitecheck", {
        "AREA_FILE": str(txt), "GPKG": str(small_county), "OUTPUT_XLSX": str(tmp_path / "r.xlsx"),
        "OUTPUT_PDF": str(tmp_path / "r.pdf"), "OUTPUT": str(tmp_path / "r.gpkg")})
    assert (tmp_path / "r.pdf").stat().st_size > 10_000
    wb = load_workbook(tmp_path / "r.xlsx")
    assert "结论" in wb.sheetnames and "界址点坐标" in wb.sheetnames and "永久基本农田" in wb.sheetnames
    assert "不符合" in res["VERDICTS"]
    out = QgsVectorLayer(str(tmp_path / "r.gpkg"), "r", "ogr")
    cats = {f["category"] for f in out.getFeatures()}
    assert {"SITE", "DLTB", "YJJBNTTB"} <= cats
    assert res["SITE_MU"] == pytest.approx(da().measureArea(QgsGeometry.fromWkt("POLYGON(" + square(
        505000, 3485000, 100) + ")")) / MU, rel=1e-5)


def test_candidate_sites_compared_best_first(small_county, tmp_path, landoffice_processing):
    import processing
    from openpyxl import load_workbook

    cand = QgsVectorLayer(f"Polygon?crs={CRS}", "候选", "memory")
    feats = []
    for wkt in ("POLYGON(" + square(505000, 3485000, 100) + ")",     # farmland, red line: 2 blocking verdicts
                "POLYGON(" + square(505966.8, 3484533.8, 40) + ")"):  # supplied land inside the boundary
        f = QgsFeature()
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    cand.dataProvider().addFeatures(feats)
    from qgis.core import QgsVectorFileWriter

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    err = QgsVectorFileWriter.writeAsVectorFormatV2(cand, str(tmp_path / "cand.gpkg"),
                                                    QgsCoordinateTransformContext(), options)
    assert err[0] == QgsVectorFileWriter.NoError
    del cand, feats
    res = processing.run("landoffice:sitecheck", {
        "AREA": str(tmp_path / "cand.gpkg"), "CANDIDATES": True, "TITLE": "泵站", "GPKG": str(small_county),
        "OUTPUT_XLSX": str(tmp_path / "c.xlsx")})
    ws = load_workbook(tmp_path / "c.xlsx")["候选选址比较"]
    sites = [ws.cell(row=r, column=2).value for r in (3, 4)]
    assert sites == ["泵站 2", "泵站 1"]  # the one without blocking verdicts first
    assert ws.cell(row=4, column=10).value >= 2  # 不符合 count of the farmland site
    assert res["VERDICTS"].startswith("泵站 2")


def test_cli_refuses_a_malformed_boundary_file_in_both_languages(small_county, tmp_path):
    from test_cli import run_cli

    bad = tmp_path / "bad.txt"
    bad.write_text("[属性描述]\n带号=40\n[地块坐标]\n4,1.0,1,地块,面,,,,@\nJ1,1,40505000,3485000\n", encoding="utf-8")
    proc = run_cli("sitecheck", "--AREA_FILE", str(bad), "--GPKG", str(small_county))
    assert proc.returncode == 1
    assert "line 5" in proc.stderr and "swapped" in proc.stderr  # English
    assert "第 5 行" in proc.stderr and "写反" in proc.stderr      # and Chinese
    assert "Traceback" not in proc.stderr
