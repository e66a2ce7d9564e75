"""landoffice:potentialland on the small sample: layer, xlsx sheets, PDF pages = 1 + townships."""
import re
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from qgis.core import QgsGeometry, QgsVectorLayer

from landoffice_plugin.analysis.categories import ROLES

VILLAGES = "320299101202,320299102203"


@pytest.fixture(scope="module")
def outputs(small_county, landoffice_processing, tmp_path_factory):
    import processing

    out = tmp_path_factory.mktemp("potential")
    params = {role: f"{small_county}|layername={role}" for role in ROLES}
    params.update({"VILLAGES": VILLAGES, "OUTPUT": str(out / "potential.gpkg"),
                   "REPORT_XLSX": str(out / "potential.xlsx"), "REPORT_PDF": str(out / "potential.pdf")})
    result = processing.run("landoffice:potentialland", params)
    return result, small_county


def test_layer_has_every_category_and_consistent_areas(outputs):
    result, _gpkg = outputs
    layer = QgsVectorLayer(result["OUTPUT"], "p", "ogr")
    assert layer.isValid() and layer.featureCount() == result["PIECES"] > 0
    names = layer.fields().names()
    for field in ("category", "category_zh", "reason", "town_code", "town_name", "village_code",
                  "village_name", "area_m2", "area_mu", "source_ids"):
        assert field in names
    cats = {f["category"] for f in layer.getFeatures()}
    assert cats == {"unsupplied", "idle", "inefficient", "linkage", "boundary", "recovery"}
    for f in layer.getFeatures():
        assert f["area_mu"] == pytest.approx(f["area_m2"] * 15 / 10000, abs=1e-3)
        assert len(f["town_code"]) == 9 and f["village_code"].startswith(f["town_code"])
        assert f["town_name"] and f["reason"] and f["source_ids"]


def test_no_piece_on_hard_constraints_and_no_overlaps(outputs):
    result, gpkg = outputs
    layer = QgsVectorLayer(result["OUTPUT"], "p", "ogr")
    pieces = [f.geometry() for f in layer.getFeatures()]
    # pieces are disjoint: the area of their union equals the sum of their areas (QGIS's GEOS)
    union = QgsGeometry.unaryUnion(pieces)
    assert union.area() == pytest.approx(sum(g.area() for g in pieces), rel=1e-6)
    for role in ("YJJBNTTB", "STBHHX"):
        cons = QgsGeometry.unaryUnion([f.geometry() for f in
                                       QgsVectorLayer(f"{gpkg}|layername={role}", role, "ogr").getFeatures()])
        overlap = union.intersection(cons)
        # only slivers along shared edges from the 1 mm snapping grid: tiny in total and in width
        assert overlap.area() < 1e-5 * union.area(), role
        if overlap.area() > 0:
            assert 2 * overlap.area() / overlap.length() < 0.005, role  # mean width under 5 mm


def test_xlsx_has_summary_details_and_rules(outputs):
    result, _gpkg = outputs
    wb = load_workbook(result["REPORT_XLSX"])
    assert wb.sheetnames == ["汇总", "乡镇核算", "明细", "规则与说明"]
    details = wb["明细"]
    assert details.max_row - 3 == result["PIECES"]  # title row + header row + totals row
    assert details.cell(row=details.max_row, column=1).value == "合计"
    rules = {row[0].value: (row[1].value, row[2].value) for row in wb["规则与说明"].iter_rows(min_row=2)}
    assert rules["数据日期"][0] == "2024-12-31"
    # each rule named and explained in Chinese, its value a number; no English key, no local path
    assert rules["低效工业用地：容积率低于"][0] == 1.0 and "容积率" in rules["低效工业用地：容积率低于"][1]
    texts = [str(c.value) for row in wb["规则与说明"].iter_rows() for c in row if c.value is not None]
    assert not any("min_plot_ratio" in t or "/" in t and t.startswith("/") for t in texts)
    assert not any(str(Path.cwd()) in t or "/tmp/" in t for t in texts)
    recon = wb["乡镇核算"]
    header = [c.value for c in recon[2]]
    residual = header.index("核算差值（平方米）")
    m2, mu = header.index("分析面积（平方米）"), header.index("分析面积（亩）")
    body = [row for row in recon.iter_rows(min_row=3, values_only=True) if row[0] != "合计"]
    for row in body:
        assert abs(row[residual]) < 0.5
        assert row[mu] == pytest.approx(row[m2] * 15 / 10000)


def test_pdf_has_county_page_plus_one_per_township(outputs):
    result, gpkg = outputs
    towns = QgsVectorLayer(f"{gpkg}|layername=XZQ", "XZQ", "ogr").featureCount()
    info = subprocess.run(["pdfinfo", result["REPORT_PDF"]], capture_output=True, text=True, check=True).stdout
    assert int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1)) == 1 + towns


def test_missing_layers_give_notes_not_failure(small_county, landoffice_processing, tmp_path):
    import processing

    result = processing.run("landoffice:potentialland", {
        "DLTB": f"{small_county}|layername=DLTB", "OUTPUT": str(tmp_path / "p.gpkg")})
    assert "PZYD" in result["NOTES"] and "CZKFBJ" in result["NOTES"]
    layer = QgsVectorLayer(result["OUTPUT"], "p", "ogr")
    assert {f["category"] for f in layer.getFeatures()} == {"recovery"}


def test_bad_rules_file_is_reported_with_its_line(small_county, landoffice_processing, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    rules = tmp_path / "rules.toml"
    rules.write_text('[recovery]\nenabled = true\nzzsxdm = ["JKHF"]\n', encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="line 3"):
        processing.run("landoffice:potentialland", {"DLTB": f"{small_county}|layername=DLTB",
                                                    "RULES": str(rules), "OUTPUT": str(tmp_path / "p.gpkg")})


def test_each_township_page_carries_its_own_figures(outputs):
    """The table beside each atlas page's map sums the result layer's pieces of that township only."""
    result, gpkg = outputs
    layer = QgsVectorLayer(result["OUTPUT"], "p", "ogr")
    totals: dict = {}
    for f in layer.getFeatures():
        count, mu = totals.get(f["town_code"], (0, 0.0))
        totals[f["town_code"]] = (count + 1, mu + f["area_mu"])
    towns = sorted((f["XZQDM"], f["XZQMC"]) for f in QgsVectorLayer(f"{gpkg}|layername=XZQ", "XZQ", "ogr")
                   .getFeatures())
    pages = [("", "全县", (sum(n for n, _ in totals.values()), sum(m for _, m in totals.values())))]
    pages += [(code, name, totals.get(code, (0, 0.0))) for code, name in towns]
    for number, (_code, name, (count, mu)) in enumerate(pages, start=1):
        text = subprocess.run(["pdftotext", "-layout", "-f", str(number), "-l", str(number), result["REPORT_PDF"],
                               "-"], capture_output=True, text=True, check=True).stdout
        text = " ".join(text.split())
        assert f"{name}用地潜力分布图" in text
        if count:
            assert f"合计 {count} {mu:,.2f}" in text, (name, text)
        else:
            assert "无潜力图斑" in text
