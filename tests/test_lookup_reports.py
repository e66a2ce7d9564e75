"""landoffice:parcelsearch and landoffice:parcelreport through processing.run; the PDF and xlsx read back."""
from __future__ import annotations

import csv
import re
import subprocess

import openpyxl
import pytest
from lookup_cases import ID_NUMBER, MIS_SIZED, PARCELS, PHONE, build_gpkg, code, ellipsoidal


@pytest.fixture(scope="module")
def gpkg(tmp_path_factory, qgis_app):
    return build_gpkg(tmp_path_factory.mktemp("reports") / "parcels.gpkg")


def _src(gpkg, name):
    return f"{gpkg}|layername={name}"


def test_parcelsearch_csv_in_rank_order(gpkg, tmp_path, landoffice_processing):
    import processing

    out = tmp_path / "matches.csv"
    result = processing.run("landoffice:parcelsearch", {
        "ZD": _src(gpkg, "ZD"), "QUERY": "zj", "LIMIT": 10, "INDEX_DIR": str(tmp_path / "cache"),
        "OUTPUT": str(out)})
    assert result["TOTAL"] == 4
    with out.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][1] == "宗地代码"
    assert [r[1] for r in rows[1:]] == [code("P12"), code("P1"), code("P2"), code("P3")]
    assert [r[2] for r in rows[1:]] == ["周杰", "张建国", "章建国", "张建华"]
    assert all(r[6] == "" for r in rows[1:])  # no XZQ given: no township names


def test_parcelsearch_names_township_and_village(gpkg, tmp_path, landoffice_processing):
    import processing

    out = tmp_path / "named.csv"
    processing.run("landoffice:parcelsearch", {
        "ZD": _src(gpkg, "ZD"), "XZQ": _src(gpkg, "XZQ"), "CJDCQ": _src(gpkg, "CJDCQ"), "QUERY": code("P1"),
        "LIMIT": 5, "INDEX_DIR": str(tmp_path / "cache"), "OUTPUT": str(out)})
    with out.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][1] == code("P1")
    # the test data: township 320299101 湖塘镇, village 320299101201 湖塘村 (lookup_cases.build_gpkg)
    assert code("P1").startswith("320299101201") and (rows[1][6], rows[1][7]) == ("湖塘镇", "湖塘村")


def test_parcelsearch_limit(gpkg, tmp_path, landoffice_processing):
    import processing

    out = tmp_path / "m.csv"
    result = processing.run("landoffice:parcelsearch", {
        "ZD": _src(gpkg, "ZD"), "QUERY": "3202991012", "LIMIT": 2, "INDEX_DIR": str(tmp_path / "c"),
        "OUTPUT": str(out)})
    assert result["TOTAL"] == 11
    assert len(out.read_text(encoding="utf-8-sig").strip().splitlines()) == 3


def _pdf_text(path) -> str:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True).stdout
    text = text.decode("utf-8")  # no NFKC: the text layer must hold what was printed
    assert not [ch for ch in text if 0x2E80 <= ord(ch) <= 0x2FDF], "Kangxi radicals in the text layer"
    return text


def test_parcelreport_pdf_and_xlsx(gpkg, tmp_path, landoffice_processing):
    import processing

    pdf, xlsx = tmp_path / "report.pdf", tmp_path / "report.xlsx"
    params = {"ZD": _src(gpkg, "ZD"), "CODES": f"{code('P1')}, {code('P9')}", "INDEX_DIR": str(tmp_path / "c"),
              "OUTPUT_PDF": str(pdf), "OUTPUT_XLSX": str(xlsx)}
    for role in ("DLTB", "YJJBNTTB", "ZRZ", "HJ", "XZQ", "CJDCQ"):
        params[role] = _src(gpkg, role)
    processing.run("landoffice:parcelreport", params)
    text = _pdf_text(pdf)
    assert code("P1") in text and code("P9") in text
    for chinese in ("宗地查询报告", "张建国", "地类图斑", "永久基本农田", "混合结构", "红灯"):
        assert chinese in text, chinese
    assert ID_NUMBER not in text.replace(" ", "") and PHONE not in text.replace(" ", "")
    assert (ID_NUMBER[:6] + "********" + ID_NUMBER[-4:]) in text
    assert "重叠" in text or code("P10") in text          # P9's red light names the parcel it overlaps
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True).stdout.decode()
    assert re.search(r"^Pages:\s+2$", pages, re.M)
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames[0] == "宗地汇总" and code("P1") in wb.sheetnames
    summary = [[c.value for c in row] for row in wb["宗地汇总"].iter_rows(min_row=3)]
    assert [r[0] for r in summary] == [code("P1"), code("P9"), "合计"]
    # the totals row sums the parcels' 亩 (checked against the cells above it, recomputed here)
    assert summary[-1][3] == "=SUM(D3:D4)"
    # 宗地面积 is a number with its unit in the label, not text: the recorded area written by the test data
    zdmj = {row[0].value: row[1].value for row in wb[code("P1")].iter_rows() if row[0].value}
    expected = round(ellipsoidal(PARCELS["P1"][3]) * MIS_SIZED.get("P1", 1.0), 2)
    assert zdmj["宗地面积（m²）"] == pytest.approx(expected)
    assert f"{expected:,.2f} m²" in text  # the PDF gives the unit
    values = [str(c.value) for row in wb[code("P1")].iter_rows() for c in row if c.value is not None]
    assert "张建国" in values and ID_NUMBER not in values
    assert ID_NUMBER[:6] + "********" + ID_NUMBER[-4:] in values


def test_parcelreport_unknown_code(gpkg, tmp_path, landoffice_processing):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="320299999999JC00001"):
        processing.run("landoffice:parcelreport", {
            "ZD": _src(gpkg, "ZD"), "CODES": "320299999999JC00001", "INDEX_DIR": str(tmp_path / "c"),
            "OUTPUT_PDF": str(tmp_path / "x.pdf")})
