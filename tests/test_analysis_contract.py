"""Never a silent zero (issue 10): the idle rule, loud messages for unusable input, any CRS.

Expected areas come from QgsDistanceArea (potential_cases.area), never from the engine.
"""
import openpyxl
import pytest
from potential_cases import VILLAGE, area, dltb, layer, rect, run, total, write_gpkg

from landoffice_plugin.analysis.report_xlsx import write_report
from landoffice_plugin.core.errors import LandOfficeError

REL = 1e-4


def _idle_layers():
    return {
        # 1201 空闲地 (supplied, nobody built), 0601 built industry, 0103 farmland
        "DLTB": layer("DLTB", [dltb(rect(0, 0, 100, 100), dlbm="1201"), dltb(rect(100, 0, 200, 100), dlbm="0601"),
                               dltb(rect(200, 0, 300, 100), dlbm="0103")]),
        "GYYD": layer("GYYD", [(rect(0, 0, 250, 100), {"GDMJ": 25000.0, "YDTZE": 1000.0,
                                                        "YDKGRQ": "2022-01-01"})]),  # not started: idle
    }


def test_idle_counts_1201_vacant_land_as_not_built(qgis_app, tmp_path):
    result = run(_idle_layers(), categories=["idle"])
    expected = area(rect(0, 0, 100, 100)) + area(rect(200, 0, 250, 100))
    assert total(result, "idle") == pytest.approx(expected, rel=REL)
    assert result.count == 2  # the 1201 patch and the farmland part; not the built 0601 patch
    sheet = openpyxl.load_workbook(write_report(result, tmp_path / "idle.xlsx"))["规则与说明"]
    values = {str(r[0]): str(r[1]) for r in sheet.iter_rows(values_only=True) if r[0]}
    from landoffice_plugin.analysis.categories import BY_ID

    assert values[f"{BY_ID['idle'].name_zh}：视为“未建设”的现状地类"] == "1201"  # the setting, named in Chinese
    assert "1201 空闲地" in values["闲置/供而未用：视为“未建设”的现状地类"]


def test_not_built_classes_are_a_rules_setting(qgis_app):
    rules = '[idle]\nnot_built_codes = []\n'
    result = run(_idle_layers(), categories=["idle"], rules_text=rules)
    assert total(result, "idle") == pytest.approx(area(rect(200, 0, 250, 100)), rel=REL)


def _error(layers, categories=None):
    with pytest.raises(LandOfficeError) as info:
        run(layers, categories=categories)
    return info.value


def test_dltb_without_dlbm_is_an_error_naming_field_meaning_and_closest(qgis_app):
    fields = "BSM:integer&field=DLBH:string&field=ZLDWDM:string&field=ZLDWMC:string&field=TBMJ:double"
    patches = layer("DLTB", [(rect(0, 0, 100, 100), {"DLBH": "0103", "ZLDWDM": VILLAGE})], fields=fields)
    err = _error({"DLTB": patches, "CZKFBJ": layer("CZKFBJ", [(rect(0, 0, 100, 100), {"FQDM": "11"})])})
    message = err.message_en
    assert "DLTB" in message and "地类图斑" in message and "field DLBM (地类编码)" in message
    assert "look closest: DLBH" in message and "field mapping" in message
    assert '[DLTB] DLBM = "<layer field>"' in message and "FIELD_MAP" in message  # the headless way to map it
    assert err.message_zh  # bilingual: the CLI shows both


def test_category_field_missing_disables_it_with_the_reason(qgis_app):
    layers = _idle_layers()
    layers["GYYD"] = layer("GYYD", [(rect(0, 0, 250, 100), {"KGRQ": "2022-01-01"})], fields="KGRQ:date")
    result = run(layers, categories=["idle"])
    assert result.count == 0 and result.categories_disabled == {"idle": ["GYYD.YDKGRQ"]}
    note = next(n for n in result.notes if "YDKGRQ" in n)
    assert "约定开工日期" in note and "KGRQ" in note


def test_empty_dltb_is_an_error(qgis_app):
    err = _error({"DLTB": layer("DLTB", [])})
    assert "DLTB" in err.message_en and "no patches" in err.message_en


def _boundary_layers(zone_value):
    return {
        "DLTB": layer("DLTB", [dltb(rect(0, 0, 100, 100)), dltb(rect(100, 0, 200, 100), dlbm="0601")]),
        "CZKFBJ": layer("CZKFBJ", [(rect(40, 0, 200, 100), {"FQDM": zone_value})]),
    }


@pytest.mark.parametrize("value", ["11", "集中建设区"])
def test_boundary_zone_type_as_code_or_name(qgis_app, value):
    result = run(_boundary_layers(value), categories=["boundary"])
    assert total(result, "boundary") == pytest.approx(area(rect(40, 0, 100, 100)), rel=REL)
    assert "集中建设区" in result.rows["reason"][0]


def test_boundary_zone_types_matching_nothing_are_listed(qgis_app):
    message = _error(_boundary_layers("Z1"), categories=["boundary"]).message_en
    assert "'Z1'" in message and "CZKFBJ" in message and "boundary.zone_codes" in message


def test_zero_result_is_a_warning_in_notes_and_xlsx(qgis_app, tmp_path):
    layers = _idle_layers()
    layers["GYYD"] = layer("GYYD", [(rect(0, 0, 250, 100), {"YDKGRQ": "2024-10-01"})])  # not yet due
    result = run(layers, categories=["idle", "recovery"])
    assert result.count == 0
    warnings = [n for n in result.notes if "为 0 亩" in n]
    assert len(warnings) == 2 and "闲置土地/供而未用" in warnings[0] and "GYYD 1" in warnings[0]
    sheet = openpyxl.load_workbook(write_report(result, tmp_path / "zero.xlsx"))["规则与说明"]
    assert sum("为 0 亩" in str(r[1]) for r in sheet.iter_rows(values_only=True)) == 2


def test_zero_result_reaches_the_algorithm_output(qgis_app, landoffice_processing, tmp_path):
    import processing

    gpkg = write_gpkg(tmp_path / "in.gpkg", {"DLTB": _idle_layers()["DLTB"],
                                             "GYYD": layer("GYYD", [(rect(0, 0, 250, 100),
                                                                     {"YDKGRQ": "2024-10-01"})])})
    result = processing.run("landoffice:potentialland", {
        "DLTB": f"{gpkg}|layername=DLTB", "GYYD": f"{gpkg}|layername=GYYD", "CATEGORIES": [1],
        "OUTPUT": str(tmp_path / "out.gpkg"), "REPORT_XLSX": str(tmp_path / "out.xlsx")})
    assert result["PIECES"] == 0 and "为 0 亩" in result["NOTES"] and "闲置土地/供而未用" in result["NOTES"]


def _reprojected(lyr, crs: str):
    """A copy of the memory layer ``lyr`` with its geometries transformed to ``crs`` (QGIS, not the engine)."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsFeature,
        QgsProject,
        QgsVectorLayer,
        QgsWkbTypes,
    )

    out = QgsVectorLayer(f"{QgsWkbTypes.displayString(lyr.wkbType())}?crs={crs}", lyr.name(), "memory")
    out.dataProvider().addAttributes(lyr.fields().toList())
    out.updateFields()
    xform = QgsCoordinateTransform(lyr.crs(), QgsCoordinateReferenceSystem(crs), QgsProject.instance())
    feats = []
    for f in lyr.getFeatures():
        g = f.geometry()
        assert g.transform(xform) == 0
        copy = QgsFeature(out.fields())
        copy.setGeometry(g)
        copy.setAttributes(f.attributes())
        feats.append(copy)
    assert out.dataProvider().addFeatures(feats)
    return out


def _crs_case():
    supply = {"GDMJ": 10000.0, "YDTZE": 1000.0}
    return {
        "DLTB": layer("DLTB", [dltb(rect(0, 0, 100, 100), dlbm="1201"), dltb(rect(100, 0, 200, 100), dlbm="0601"),
                               dltb(rect(200, 0, 300, 100)), dltb(rect(300, 0, 400, 100), dlbm="0301",
                                                                  zzsxdm="JKHF")]),
        "GYYD": layer("GYYD", [(rect(0, 0, 150, 100), {**supply, "YDKGRQ": "2022-01-01"})]),
        "PZYD": layer("PZYD", [(rect(0, 0, 230, 100), {"PZWH": "苏政地〔2020〕1号", "PZRQ": "2020-07-01"})]),
        "CZKFBJ": layer("CZKFBJ", [(rect(210, 0, 290, 100), {"FQDM": "11"})]),
        "STBHHX": layer("STBHHX", [(rect(380, 0, 400, 100), {"HXMC": "水源涵养"})]),
    }


@pytest.mark.parametrize("geographic", ["EPSG:4490", "EPSG:4326"])
def test_geographic_crs_gives_the_projected_areas(qgis_app, geographic):
    case = _crs_case()
    projected = run(case, categories=["unsupplied", "idle", "boundary", "recovery"])
    expected = {"unsupplied": area(rect(150, 0, 230, 100)), "idle": area(rect(0, 0, 100, 100)),
                "boundary": area(rect(230, 0, 290, 100)), "recovery": area(rect(300, 0, 380, 100))}
    for cat, value in expected.items():
        assert total(projected, cat) == pytest.approx(value, rel=REL), cat
    result = run({role: _reprojected(lyr, geographic) for role, lyr in case.items()},
                 categories=["unsupplied", "idle", "boundary", "recovery"])
    assert result.crs.authid() == "EPSG:4549"  # the 3° zone of 120°E, no prefix: metres for the snap grid
    for cat in expected:
        assert total(result, cat) == pytest.approx(total(projected, cat), rel=1e-4), cat
    assert sum(r["analysed_m2"] for r in result.reconciliation) == pytest.approx(
        sum(r["analysed_m2"] for r in projected.reconciliation), rel=1e-4)
    assert any("EPSG:4549" in n and "DLTB" in n for n in result.notes)


def test_algorithm_on_geographic_data_writes_the_working_crs(qgis_app, landoffice_processing, tmp_path):
    import processing
    from qgis.core import QgsVectorLayer

    case = _crs_case()
    gpkg = write_gpkg(tmp_path / "geo.gpkg", {r: _reprojected(case[r], "EPSG:4490") for r in ("DLTB", "GYYD")})
    result = processing.run("landoffice:potentialland", {
        "DLTB": f"{gpkg}|layername=DLTB", "GYYD": f"{gpkg}|layername=GYYD", "CATEGORIES": [1],
        "OUTPUT": str(tmp_path / "out.gpkg")})
    out = QgsVectorLayer(result["OUTPUT"], "out", "ogr")
    assert out.crs().authid() == "EPSG:4549"
    assert sum(f["area_m2"] for f in out.getFeatures()) == pytest.approx(area(rect(0, 0, 100, 100)), rel=REL)
    assert result["AREA_MU"] == pytest.approx(area(rect(0, 0, 100, 100)) * 15 / 10000, rel=REL)


TEXT_DATES = "GYRQ:string&field=YDKGRQ:string&field=SJKGRQ:string&field=GDMJ:double&field=YDTZE:double"


def test_supply_dates_none_of_which_is_a_date_are_listed(qgis_app):
    layers = _idle_layers()
    layers["GYYD"] = layer("GYYD", [(rect(0, 0, 250, 100), {"GDMJ": 25000.0, "YDKGRQ": "May 2022"}),
                                    (rect(0, 0, 50, 50), {"GDMJ": 2500.0, "YDKGRQ": "待定"})], fields=TEXT_DATES)
    message = _error(layers, categories=["idle"]).message_en
    assert "GYYD.YDKGRQ" in message and "'May 2022'" in message and "'待定'" in message and "2019年5月1日" in message


def test_supply_dates_in_office_text_forms_count(qgis_app):
    forms = ("2022/1/1", "20220101", "2022年1月1日")
    for form in forms:
        layers = _idle_layers()
        layers["GYYD"] = layer("GYYD", [(rect(0, 0, 250, 100), {"GDMJ": 25000.0, "YDTZE": 1000.0,
                                                                "YDKGRQ": form})], fields=TEXT_DATES)
        expected = area(rect(0, 0, 100, 100)) + area(rect(200, 0, 250, 100))  # as with 2022-01-01 above
        assert total(run(layers, categories=["idle"]), "idle") == pytest.approx(expected, rel=REL), form
