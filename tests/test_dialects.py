"""Any office's data in, the right answer out: the sample county in three dialects gives the same numbers.

``standard`` is the generator's own schema; ``alias`` uses the national standards' synonyms in EPSG:4490 (and
one row per household in the population table) and is read with aliases only (no map); ``mapped`` uses a
local system's names and codes in EPSG:4527 and is read with the FIELD_MAP file the generator writes beside
it. Expected numbers are the standard dialect's, computed by the same algorithm on the standard data — plus
independent checks that each dialect holds the same geography (QgsDistanceArea on each dialect's own layers)
and the same persons (Σ JTRKS = the per-person rows).
"""
from __future__ import annotations

import csv

import openpyxl
import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer

from landoffice_plugin.analysis.categories import CATEGORIES, ROLES
from landoffice_plugin.sample.dialects import MAPPED_LAYERS

DIALECTS = ("standard", "alias", "mapped")
REL = 1e-4  # 0.01 %


@pytest.fixture(scope="session")
def dialect_counties(small_county, tmp_path_factory, qgis_app):
    """{dialect: (gpkg, {role: layer name}, field map path or '')}: the small county, seed 1, in each dialect."""
    from landoffice_plugin.sample.generator import generate_sample

    folder = tmp_path_factory.mktemp("dialects")
    out = {"standard": (small_county, {r: r for r in MAPPED_LAYERS}, "")}
    for dialect in ("alias", "mapped"):
        summary = generate_sample(folder / f"{dialect}.gpkg", scale="small", seed=1, dialect=dialect)
        names = MAPPED_LAYERS if dialect == "mapped" else {r: r for r in MAPPED_LAYERS}
        out[dialect] = (summary["output"], names, summary["fieldmap"])
    return out


def _params(county, roles) -> dict:
    gpkg, names, field_map = county
    params = {role: f"{gpkg}|layername={names[role]}" for role in roles}
    if field_map:
        params["FIELD_MAP"] = field_map
    return params


def _close(value, expected, rel=REL):
    return value == pytest.approx(expected, rel=rel, abs=1e-6)


def test_dialects_differ_the_way_deliveries_do(dialect_counties):
    gpkg, names, field_map = dialect_counties["alias"]
    dltb = QgsVectorLayer(f"{gpkg}|layername=DLTB", "a", "ogr")
    assert dltb.crs().authid() == "EPSG:4490"
    zones = QgsVectorLayer(f"{gpkg}|layername=CZKFBJ", "z", "ogr")
    assert "GNFQLX" in zones.fields().names() and "FQDM" not in zones.fields().names()
    assert {f["GNFQLX"] for f in zones.getFeatures()} <= {"集中建设区", "弹性发展区", "特别用途区"}
    supply = QgsVectorLayer(f"{gpkg}|layername=GYYD", "g", "ogr")
    texts = [f["YDKGSJ"] for f in supply.getFeatures() if f["YDKGSJ"]]
    assert any("/" in t for t in texts) and any("年" in t for t in texts) and any(t.isdigit() for t in texts)
    assert field_map == ""
    standard_hj = QgsVectorLayer(f"{dialect_counties['standard'][0]}|layername=HJ", "s", "ogr")
    households = QgsVectorLayer(f"{gpkg}|layername=HJ", "h", "ogr")  # one row per household
    assert {"HH", "ZDDM", "HZXM", "HZSFZHM", "JTRKS"} <= set(households.fields().names())
    assert "XM" not in households.fields().names()
    persons = [f["HH"] for f in standard_hj.getFeatures()]
    assert households.featureCount() == len(set(persons))
    assert sum(f["JTRKS"] for f in households.getFeatures()) == len(persons)
    gpkg, names, field_map = dialect_counties["mapped"]
    dltb = QgsVectorLayer(f"{gpkg}|layername=地类图斑", "m", "ogr")
    assert dltb.isValid() and dltb.crs().authid() == "EPSG:4527"
    assert QgsCoordinateReferenceSystem("EPSG:4527").toProj().count("+x_0=39500000") == 1
    assert dltb.extent().xMinimum() > 39_000_000  # the zone number in the false easting
    assert {"DL_CODE", "AREA_M2", "CUN_CODE", "OWNER_TYPE"} <= set(dltb.fields().names())
    assert "ZONE_TYPE" in QgsVectorLayer(f"{gpkg}|layername=城镇开发边界", "z", "ogr").fields().names()
    assert field_map.endswith("mapped.fieldmap.toml")


def test_same_geography_in_every_dialect(dialect_counties):
    """Σ ellipsoidal area of DLTB measured by QGIS on each dialect's own file (its own CRS) agrees."""
    from qgis.core import QgsDistanceArea, QgsProject

    totals = {}
    for dialect, (gpkg, names, _fm) in dialect_counties.items():
        layer = QgsVectorLayer(f"{gpkg}|layername={names['DLTB']}", dialect, "ogr")
        da = QgsDistanceArea()
        da.setSourceCrs(layer.crs(), QgsProject.instance().transformContext())
        da.setEllipsoid(layer.crs().ellipsoidAcronym())  # CGCS2000 (EPSG:1024) in every dialect
        totals[dialect] = sum(da.measureArea(f.geometry()) for f in layer.getFeatures())
    for dialect in ("alias", "mapped"):
        assert _close(totals[dialect], totals["standard"], 1e-6), totals


def _potential(county, tmp_path, name):
    import processing

    params = {**_params(county, ROLES), "CATEGORIES": list(range(len(CATEGORIES))),
              "OUTPUT": str(tmp_path / f"{name}.gpkg"), "REPORT_XLSX": str(tmp_path / f"{name}.xlsx")}
    result = processing.run("landoffice:potentialland", params)
    layer = QgsVectorLayer(result["OUTPUT"], name, "ogr")
    by_category: dict = {}
    for f in layer.getFeatures():
        by_category[f["category"]] = by_category.get(f["category"], 0.0) + f["area_mu"]
    return result, by_category


@pytest.fixture(scope="module")
def potential_standard(dialect_counties, landoffice_processing, tmp_path_factory):
    return _potential(dialect_counties["standard"], tmp_path_factory.mktemp("pot"), "standard")


@pytest.mark.parametrize("dialect", ["alias", "mapped"])
def test_potentialland_gives_the_standard_numbers(dialect, dialect_counties, potential_standard, tmp_path):
    expected, expected_by = potential_standard
    assert set(expected_by) == {c.id for c in CATEGORIES} and all(v > 0 for v in expected_by.values())
    result, by_category = _potential(dialect_counties[dialect], tmp_path, dialect)
    assert "未分析" not in result["NOTES"] and "为 0 亩" not in result["NOTES"]
    assert set(by_category) == set(expected_by)
    for cat, mu in expected_by.items():
        assert _close(by_category[cat], mu), (cat, by_category[cat], mu)
    assert _close(result["AREA_MU"], expected["AREA_MU"])
    assert abs(result["PIECES"] - expected["PIECES"]) <= max(1, expected["PIECES"] // 1000)


@pytest.fixture(scope="module")
def redline(small_county, tmp_path_factory):
    from landoffice_plugin.cost.sample_redline import write_redline

    return write_redline(small_county, tmp_path_factory.mktemp("red") / "redline.gpkg", 60)


def _demolition(county, redline, tmp_path, name):
    import processing

    xlsx = tmp_path / f"{name}.xlsx"
    result = processing.run("landoffice:demolitioncost", {
        **_params(county, ("DLTB", "ZD", "ZRZ", "HJ")), "REDLINE": str(redline), "AS_OF": "2024-01-01",
        "OUTPUT_XLSX": str(xlsx)})
    wb = openpyxl.load_workbook(xlsx)
    households = [[c for c in row] for row in wb["分户"].iter_rows(min_row=3, values_only=True)]
    lines = {}
    ws = wb["明细"]
    for row in ws.iter_rows(min_row=3, values_only=True):
        if row[1] and isinstance(row[3], (int, float)):
            lines[str(row[1])] = lines.get(str(row[1]), 0.0) + float(row[3])  # quantity per line item
    return result, households, lines


def test_demolitioncost_gives_the_standard_numbers(dialect_counties, redline, landoffice_processing, tmp_path):
    expected, households, lines = _demolition(dialect_counties["standard"], redline, tmp_path, "standard")
    assert expected["TOTAL"] > 0 and len(households) > 20
    for dialect in ("alias", "mapped"):
        result, got_households, got_lines = _demolition(dialect_counties[dialect], redline, tmp_path, dialect)
        assert _close(result["TOTAL"], expected["TOTAL"]), (dialect, result["TOTAL"], expected["TOTAL"])
        assert len(got_households) == len(households), dialect
        assert set(got_lines) == set(lines), dialect
        for item, quantity in lines.items():
            assert _close(got_lines[item], quantity), (dialect, item, got_lines[item], quantity)


def _search(county, tmp_path, name, query):
    import processing

    out = tmp_path / f"{name}.csv"
    result = processing.run("landoffice:parcelsearch", {
        **_params(county, ("ZD", "XZQ", "CJDCQ")), "QUERY": query, "LIMIT": 500,
        "INDEX_DIR": str(tmp_path / f"idx_{name}"), "OUTPUT": str(out)})
    with out.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))[1:]
    return result, rows


def test_parcelsearch_and_report_give_the_standard_answers(dialect_counties, landoffice_processing, tmp_path):
    import processing

    expected, rows = _search(dialect_counties["standard"], tmp_path, "standard", "张")
    assert expected["TOTAL"] > 5
    codes = [r[1] for r in rows[:3]]
    reports = {}
    for dialect in DIALECTS:
        result, got = _search(dialect_counties[dialect], tmp_path, dialect, "张")
        assert result["TOTAL"] == expected["TOTAL"], dialect
        assert [r[1:4] + r[5:9] for r in got] == [r[1:4] + r[5:9] for r in rows], dialect  # code … village
        for mine, theirs in zip(got, rows):
            assert _close(float(mine[4]), float(theirs[4])), (dialect, mine, theirs)
        xlsx = tmp_path / f"report_{dialect}.xlsx"
        params = {**_params(dialect_counties[dialect], ("ZD", "DLTB", "YJJBNTTB", "CZKFBJ", "GYYD", "ZRZ")),
                  "CODES": ",".join(codes), "INDEX_DIR": str(tmp_path / f"r_{dialect}"),
                  "OUTPUT_XLSX": str(xlsx)}
        processing.run("landoffice:parcelreport", params)
        reports[dialect] = openpyxl.load_workbook(xlsx)
    for dialect in ("alias", "mapped"):
        for sheet in reports["standard"].sheetnames:
            want = list(reports["standard"][sheet].iter_rows(values_only=True))
            got = list(reports[dialect][sheet].iter_rows(values_only=True))
            assert len(got) == len(want), (dialect, sheet)
            for g_row, w_row in zip(got, want):
                for g, w in zip(g_row, w_row):
                    if isinstance(w, float):
                        assert _close(g, w), (dialect, sheet, g_row, w_row)
                    else:
                        assert g == w, (dialect, sheet, g_row, w_row)


# ---- bad input --------------------------------------------------------------------------------------------

def _run_error(alg, params) -> str:
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as err:
        processing.run(alg, params)
    text = str(err.value)
    assert "Traceback" not in text
    return text


def test_field_map_naming_a_missing_field(dialect_counties, landoffice_processing, tmp_path):
    gpkg, names, _fm = dialect_counties["mapped"]
    bad = tmp_path / "bad.toml"
    bad.write_text('[DLTB]\nDLBM = "DLBM_CODE"\nZLDWDM = "CUN_CODE"\n', encoding="utf-8")
    text = _run_error("landoffice:potentialland", {
        "DLTB": f"{gpkg}|layername={names['DLTB']}", "FIELD_MAP": str(bad), "OUTPUT": str(tmp_path / "o.gpkg")})
    assert "DLBM_CODE" in text and "DL_CODE" in text and "AREA_M2" in text  # names the field, lists the layer's
    assert "没有该字段" in text or "没有名为" in text  # Chinese too


def test_malformed_field_map(dialect_counties, landoffice_processing, tmp_path):
    bad = tmp_path / "broken.toml"
    bad.write_text('[DLTB\nDLBM = "DL_CODE"\n', encoding="utf-8")
    text = _run_error("landoffice:parcelsearch", {
        **_params(dialect_counties["mapped"], ("ZD",)), "FIELD_MAP": str(bad), "QUERY": "张",
        "OUTPUT": str(tmp_path / "o.csv")})
    assert "broken.toml" in text and "TOML" in text and "line 1" in text and "[CZKFBJ]" in text  # shows an example


def test_value_map_that_maps_nothing(dialect_counties, landoffice_processing, tmp_path):
    gpkg, names, field_map = dialect_counties["mapped"]
    text = open(field_map, encoding="utf-8").read().replace('"A" = "11"', '"X" = "11"').replace(
        '"B" = "12"', '"Y" = "12"').replace('"C" = "13"', '"Z" = "13"')
    bad = tmp_path / "nothing.toml"
    bad.write_text(text, encoding="utf-8")
    params = {**_params((gpkg, names, str(bad)), ROLES), "CATEGORIES": [4], "OUTPUT": str(tmp_path / "o.gpkg")}
    message = _run_error("landoffice:potentialland", params)
    assert "CZKFBJ.FQDM" in message and "'X'" in message and "'A'" in message and "城镇开发边界" in message
    assert "ZONE_TYPE" in message


def test_help_shows_a_field_map_example(landoffice_processing):
    from qgis.core import QgsApplication

    for name in ("potentialland", "demolitioncost", "reclamationcost", "parcelreport", "parcelsearch",
                 "overviewmap", "buildproject"):
        alg = QgsApplication.processingRegistry().algorithmById(f"landoffice:{name}")
        assert alg.parameterDefinition("FIELD_MAP") is not None, name
        assert "[CZKFBJ.values.FQDM]" in alg.shortHelpString() and 'FQDM = "ZONE_TYPE"' in alg.shortHelpString()


def test_buildproject_and_overviewmap_take_the_field_map(dialect_counties, landoffice_processing, tmp_path):
    import processing

    from landoffice_plugin.core.fields import resolve_layer
    from landoffice_plugin.core.roles import load_role_assignments

    gpkg, names, field_map = dialect_counties["mapped"]
    out = tmp_path / "mapped.qgz"
    result = processing.run("landoffice:buildproject", {"INPUT": gpkg, "FIELD_MAP": field_map, "OUTPUT": str(out)})
    assert set(result["ROLES"].split(",")) == set(MAPPED_LAYERS)  # every Chinese layer name recognised
    from qgis.core import QgsProject

    project = QgsProject()
    assert project.read(str(out))
    saved = load_role_assignments(project)
    assert saved["DLTB"][1].actual("DLBM") == "DL_CODE" and saved["GYYD"][1].actual("GYRQ") == "SIGN_DATE"
    zones = project.mapLayer(saved["CZKFBJ"][0])
    assert resolve_layer(zones, "CZKFBJ").values["FQDM"]["A"] == "11"  # the value map travels with the layer
    from qgis.core import QgsExpression, QgsExpressionContext

    expression = QgsExpression(zones.renderer().classAttribute())  # the style draws A/B/C as 11/12/13
    context = QgsExpressionContext()
    context.setFields(zones.fields())
    drawn = set()
    for feature in zones.getFeatures():
        context.setFeature(feature)
        drawn.add(expression.evaluate(context))
    assert drawn and drawn <= {"11", "12", "13"} and not expression.hasEvalError()
    project.clear()
    pdf = tmp_path / "overview.pdf"
    processing.run("landoffice:overviewmap", {"INPUT": gpkg, "FIELD_MAP": field_map, "OUTPUT_PDF": str(pdf)})
    assert pdf.stat().st_size > 10_000
