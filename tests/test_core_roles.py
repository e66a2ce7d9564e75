"""Layer roles: loading, recognising, field mapping, checking a layer, project storage."""
from __future__ import annotations

import json

import pytest
from qgis.core import QgsProject, QgsVectorLayer

from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.core.roles import (
    FieldMapping,
    assign_roles_in_project,
    auto_mapping,
    check_layer_for_role,
    load_role_assignments,
    load_roles,
    missing_required,
    recognise_role,
    save_role_assignment,
)
from landoffice_plugin.paths import resource_path
from landoffice_plugin.settings import PROJECT_SCOPE

DLTB_FIELDS = ["BSM", "DLBM", "DLMC", "ZLDWDM", "ZLDWMC", "TBMJ"]


def memory_layer(name: str, geometry: str, fields: list, crs: str = "EPSG:4549") -> QgsVectorLayer:
    spec = f"{geometry}?crs={crs}" if geometry != "None" else "None?"
    spec += "".join(f"&field={f}:string(20)" for f in fields)
    layer = QgsVectorLayer(spec, name, "memory")
    assert layer.isValid()
    return layer


def test_load_roles_reads_the_json(qgis_app):
    raw = json.loads(resource_path("roles.json").read_text(encoding="utf-8"))["roles"]
    roles = load_roles()
    assert list(roles) == list(raw)
    assert roles["DLTB"].name_zh == "地类图斑"
    assert roles["DLTB"].required == ("DLBM", "ZLDWDM", "TBMJ")
    assert roles["HJ"].geometry == "none"
    assert load_roles() is roles  # cached default


def test_load_roles_from_other_file(tmp_path, qgis_app):
    path = tmp_path / "roles.json"
    path.write_text(json.dumps({"roles": {"X": {"name_zh": "某", "geometry": "point", "required": ["A"]}}}),
                    encoding="utf-8")
    roles = load_roles(path)
    assert list(roles) == ["X"] and roles["X"].name_zh == "某" and roles["X"].required == ("A",)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(LandOfficeError) as err:
        load_roles(path)
    assert str(path) in err.value.message_en


@pytest.mark.parametrize("name, fields, kind, expected", [
    ("DLTB", DLTB_FIELDS, "polygon", "DLTB"),
    ("dltb_2023", [], "polygon", "DLTB"),          # name alone is enough
    ("宗地", ["ZDDM", "QLR"], "polygon", "ZD"),
    ("xzq_2023", ["XZQDM", "XZQMC"], "polygon", "XZQ"),
    ("村级调查区", ["ZLDWDM", "ZLDWMC"], "polygon", "CJDCQ"),
    ("户籍表", ["HH", "ZDDM", "XM"], "none", "HJ"),
    ("some_table", ["HH", "ZDDM", "XM", "GMSFHM"], "none", "HJ"),   # fields only, no geometry
    ("企业点", ["ZDDM", "QYMC"], "point", "GYQY"),
])
def test_recognise_role(name, fields, kind, expected, qgis_app):
    match = recognise_role(name, fields, kind)
    assert match is not None and match.role_id == expected
    assert match.reason


def test_field_only_match_scores_below_name_match(qgis_app):
    by_fields = recognise_role("abc_export_7", DLTB_FIELDS, "polygon")
    by_name = recognise_role("DLTB", [], "polygon")
    assert by_fields.role_id == "DLTB" and not by_fields.by_name
    assert by_name.by_name
    assert by_fields.score < by_name.score
    assert "DLBM" in by_fields.reason and "TBMJ" in by_fields.reason


def test_name_match_beats_field_match(qgis_app):
    # a layer called 宗地 that happens to carry the DLTB fields (and ZDDM) is a ZD layer
    match = recognise_role("宗地", DLTB_FIELDS + ["ZDDM"], "polygon")
    assert match.role_id == "ZD"
    assert "宗地" in match.reason


def test_geometry_must_fit(qgis_app):
    assert recognise_role("DLTB", DLTB_FIELDS, "point") is None
    household_polygons = recognise_role("户籍", ["HH", "ZDDM", "XM"], "polygon")
    assert household_polygons is None or household_polygons.role_id != "HJ"
    assert recognise_role("random", ["FOO", "BAR"], "polygon") is None


def test_dltb_fields_are_not_taken_for_villages(qgis_app):
    # DLTB carries ZLDWDM/ZLDWMC too (the village role's required fields): DLTB must win
    match = recognise_role("export", ["DLBM", "DLMC", "ZLDWDM", "ZLDWMC", "TBMJ"], "polygon")
    assert match.role_id == "DLTB"


def test_auto_mapping_case_and_aliases(qgis_app):
    mapping = auto_mapping("DLTB", ["dlbm", "Dlmc", "ZLDWDM_1", "图斑面积", "bz"])
    assert mapping.fields["DLBM"] == "dlbm"
    assert mapping.fields["DLMC"] == "Dlmc"
    assert mapping.fields["ZLDWDM"] == "ZLDWDM_1"
    assert mapping.fields["TBMJ"] == "图斑面积"
    assert mapping.fields["BZ"] == "bz"
    assert missing_required("DLTB", mapping) == []

    chinese = auto_mapping("DLTB", ["地类编码", "坐落单位代码"])
    assert chinese.fields == {"DLBM": "地类编码", "ZLDWDM": "坐落单位代码"}
    assert missing_required("DLTB", chinese) == ["TBMJ"]

    zd = auto_mapping("ZD", ["QLR", "zddm_1", "权利人证件号"])
    assert zd.fields == {"ZDDM": "zddm_1", "QLRMC": "QLR", "QLRZJH": "权利人证件号"}
    assert zd.renames() == {"zddm_1": "ZDDM", "QLR": "QLRMC", "权利人证件号": "QLRZJH"}


def test_exact_name_beats_alias(qgis_app):
    mapping = auto_mapping("DLTB", ["DLBM_1", "DLBM"])
    assert mapping.fields["DLBM"] == "DLBM"


def test_missing_required_takes_dicts(qgis_app):
    assert missing_required("ZRZ", {"ZDDM": "ZDDM"}) == ["FWJG"]
    assert missing_required("YJJBNTTB", {}) == []


def test_check_layer_for_role_names_layer_role_and_fields(qgis_app):
    layer = memory_layer("我的图斑", "Polygon", ["DLBM", "ZLDWDM"])
    with pytest.raises(LandOfficeError) as err:
        check_layer_for_role(layer, "DLTB")
    text = err.value.message_en
    assert "我的图斑" in text and "地类图斑" in text and "TBMJ" in text
    assert "field mapping" in text  # says what to do

    ok = memory_layer("x", "Polygon", ["DLBM", "ZLDWDM", "面积"])
    mapping = check_layer_for_role(ok, "DLTB", {"DLBM": "DLBM", "ZLDWDM": "ZLDWDM", "TBMJ": "面积"})
    assert mapping.actual("TBMJ") == "面积"
    # a mapping that names a field the layer does not have counts as missing
    with pytest.raises(LandOfficeError) as err:
        check_layer_for_role(ok, "DLTB", {"DLBM": "DLBM", "ZLDWDM": "ZLDWDM", "TBMJ": "GONE"})
    assert "TBMJ" in err.value.message_en


def test_check_layer_for_role_geometry_and_unknown_role(qgis_app):
    with pytest.raises(LandOfficeError) as err:
        check_layer_for_role(memory_layer("pts", "Point", DLTB_FIELDS), "DLTB")
    assert "pts" in err.value.message_en and "polygon" in err.value.message_en
    with pytest.raises(LandOfficeError):
        check_layer_for_role(memory_layer("x", "Polygon", DLTB_FIELDS), "NOPE")


def test_role_assignments_round_trip_in_project(qgis_app):
    project = QgsProject()
    mapping = FieldMapping("DLTB", {"DLBM": "地类编码", "ZLDWDM": "ZLDWDM", "TBMJ": "面积"})
    save_role_assignment(project, "DLTB", "layer_1", mapping)
    save_role_assignment(project, "ZD", "layer_2", {"ZDDM": "ZDDM"})
    loaded = load_role_assignments(project)
    assert loaded["DLTB"][0] == "layer_1"
    assert loaded["DLTB"][1].fields == {"DLBM": "地类编码", "ZLDWDM": "ZLDWDM", "TBMJ": "面积"}
    assert loaded["ZD"] == ("layer_2", FieldMapping("ZD", {"ZDDM": "ZDDM"}))
    raw, ok = project.readEntry(PROJECT_SCOPE, "roles")
    assert ok and json.loads(raw) == {"DLTB": "layer_1", "ZD": "layer_2"}
    save_role_assignment(project, "ZD", None)
    assert set(load_role_assignments(project)) == {"DLTB"}


def test_role_assignments_survive_bad_json(qgis_app):
    project = QgsProject()
    project.writeEntry(PROJECT_SCOPE, "roles", "{broken")
    assert load_role_assignments(project) == {}


def test_assign_roles_in_project_keeps_saved_first(qgis_app):
    project = QgsProject()
    named = memory_layer("DLTB", "Polygon", DLTB_FIELDS)
    chosen = memory_layer("patches_2019", "Polygon", DLTB_FIELDS)
    parcels = memory_layer("宗地", "Polygon", ["ZDDM"])
    people = memory_layer("人口", "None", ["HH", "ZDDM", "XM"])
    other = memory_layer("roads", "LineString", ["NAME"])
    project.addMapLayers([named, chosen, parcels, people, other])
    assert assign_roles_in_project(project)["DLTB"] is named  # nothing saved: the name wins

    save_role_assignment(project, "DLTB", chosen.id(), auto_mapping("DLTB", DLTB_FIELDS))
    roles = assign_roles_in_project(project)
    assert roles["DLTB"] is chosen
    assert roles["ZD"] is parcels
    assert roles["HJ"] is people
    assert other not in roles.values() and named not in roles.values()
