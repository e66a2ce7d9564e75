"""The data contract's one door (core/fields.py): field resolution, field maps, values and dates."""
from __future__ import annotations

import datetime
import json

import numpy as np
import pytest
from qgis.core import QgsField, QgsFields
from qgis.PyQt.QtCore import QDate, QVariant

from landoffice_plugin.core import fields as F
from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.paths import resource_path


def _qfields(*specs):
    out = QgsFields()
    for name, alias, comment in specs:
        f = QgsField(name, QVariant.String)
        f.setAlias(alias)
        f.setComment(comment)
        out.append(f)
    return out


def test_resolution_order_map_then_standard_then_alias_then_meaning():
    fields = _qfields(("MY_CODE", "", ""), ("DLBM", "", ""), ("ZLDWDM_1", "", ""), ("X1", "图斑面积", ""),
                      ("X2", "", "权属性质（10 国有…）"))
    fm = F.FieldMap({"DLTB": {"DLMC": "MY_CODE"}})
    res = F.resolve("DLTB", fields, fm, layer_name="t")
    assert res.actual("DLMC") == "MY_CODE" and res.how["DLMC"] == F.HOW_MAP
    assert res.actual("DLBM") == "DLBM" and res.how["DLBM"] == F.HOW_STANDARD
    assert res.actual("ZLDWDM") == "ZLDWDM_1" and res.how["ZLDWDM"] == "alias ZLDWDM_1"
    assert res.actual("TBMJ") == "X1" and res.how["TBMJ"] == "meaning 图斑面积"
    assert res.actual("QSXZ") == "X2"  # the comment's meaning, explanation in brackets dropped


def test_national_standard_synonyms_resolve_without_a_map():
    res = F.resolve("GYYD", ["HTQDRQ", "YDKGSJ", "SJKGSJ", "YDJGSJ"])
    assert res.mapping.fields == {"GYRQ": "HTQDRQ", "YDKGRQ": "YDKGSJ", "SJKGRQ": "SJKGSJ", "YDJGRQ": "YDJGSJ"}
    assert F.resolve("CZKFBJ", ["GNFQLX"]).actual("FQDM") == "GNFQLX"
    zd = F.resolve("ZD", ["ZDDM", "QLR", "TDZL"])
    assert zd.actual("QLRMC") == "QLR" and zd.actual("ZL") == "TDZL"


def test_every_alias_names_its_source():
    data = json.loads(resource_path("field_aliases.json").read_text(encoding="utf-8"))
    sources = data["sources"]
    missing = [a for role, table in data.items() if isinstance(table, dict) and role != "sources"
               for names in table.values() for a in names if a not in sources]
    assert missing == []
    assert "不动产登记" in sources["QLR"] or "地籍" in sources["QLR"]
    assert "监管" in sources["HTQDRQ"]


def test_map_naming_a_missing_field_lists_the_layers_fields():
    fm = F.parse_field_map('[DLTB]\nDLBM = "DL_CODE"\n', "m.toml")
    with pytest.raises(LandOfficeError) as err:
        F.resolve("DLTB", ["DLBM_X", "ZLDWDM"], fm, layer_name="地类图斑")
    text = err.value.message_en
    assert "DL_CODE" in text and "DLBM_X, ZLDWDM" in text and "地类图斑" in text
    assert "地类图斑" in err.value.message_zh and "DL_CODE" in err.value.message_zh


@pytest.mark.parametrize("text, words", [
    ("[DLTB\nDLBM = 'x'", ["not valid TOML", "line"]),
    ("[NOPE]\nA = 'b'\n", ["'NOPE' is not a layer role", "DLTB"]),
    ("[DLTB]\nDLBMX = 'b'\n", ["no standard field 'DLBMX'", "DLBM"]),
    ("[DLTB]\nDLBM = 5\n", ["DLTB.DLBM must be the name of a layer field"]),
    ("[CZKFBJ.values.FQDM]\n", ["[CZKFBJ.values.FQDM] must map"]),
])
def test_malformed_field_maps_say_what_is_wrong(text, words):
    with pytest.raises(LandOfficeError) as err:
        F.parse_field_map(text, "bad.toml")
    for word in words:
        assert word in err.value.message_en
    assert "bad.toml" in err.value.message_en and "[CZKFBJ.values.FQDM]" in err.value.message_en  # the example


def test_field_map_round_trip_through_toml():
    fm = F.FieldMap({"CZKFBJ": {"FQDM": "ZONE_TYPE"}, "DLTB": {"DLBM": "地类 编码"}},
                    {"CZKFBJ": {"FQDM": {"A": "11", "B\"x": "12"}}})
    back = F.parse_field_map(fm.to_toml("written by a test"))
    assert back.fields == fm.fields and back.values == fm.values


def test_codes_or_names_and_value_maps():
    codes = F.resolve_codes("CZKFBJ", "FQDM", ["11", "集中建设区", 12.0, " 特别用途区 ", None, "A"])
    assert codes.tolist() == ["11", "11", "12", "13", "", "A"]
    assert F.resolve_codes("CZKFBJ", "FQDM", ["A", "B"], {"A": "11", "B": "12"}).tolist() == ["11", "12"]
    assert F.resolve_codes("DLTB", "QSXZ", ["集体", "30", "国有土地所有权"]).tolist() == ["30", "30", "10"]
    assert F.resolve_codes("ZRZ", "FWJG", ["混合结构", "4", 5, "砖木结构"]).tolist() == ["4", "4", "5", "5"]
    assert F.unmatched("CZKFBJ", "FQDM", ["A", "11", "Z"]) == ["A", "Z"]


def test_dates_in_office_forms():
    values = ["2019-05-01", "2019/5/1", "20190501", "2019年5月1日", "2019.5.1", datetime.date(2019, 5, 1),
              datetime.datetime(2019, 5, 1, 8, 30), QDate(2019, 5, 1), "2019-05-01 00:00:00", 20190501]
    days = F.parse_dates(np.asarray(values, dtype=object))
    assert (days == np.datetime64("2019-05-01")).all()
    bad = F.parse_dates(np.asarray(["", None, "2019-13-01", "五月", "2019"], dtype=object))
    assert np.isnat(bad).all()


def test_standardise_turns_dates_and_codes_to_standard_forms():
    cols = F.standardise("GYYD", {"YDKGRQ": np.asarray(["2020/3/9", None], dtype=object),
                                  "XMMC": np.asarray(["a", "b"], dtype=object)})
    assert cols["YDKGRQ"].tolist() == [datetime.date(2020, 3, 9), None]
    assert cols["XMMC"].tolist() == ["a", "b"]


def test_a_layer_carries_its_field_map_and_value_maps(qgis_app):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer("Polygon?crs=EPSG:4549&field=ZONE_TYPE:string&field=NAME:string", "zones", "memory")
    fm = F.parse_field_map('[CZKFBJ]\nFQDM = "ZONE_TYPE"\n[CZKFBJ.values.FQDM]\n"A" = "11"\n')
    F.attach_field_map(layer, fm)
    res = F.resolve_layer(layer, "CZKFBJ")
    assert res.actual("FQDM") == "ZONE_TYPE" and res.values == {"FQDM": {"A": "11"}}
    by_project = F.resolve_layer(layer, "CZKFBJ", {"FQDM": "ZONE_TYPE", "FQMC": "NAME"})  # the roles dialog's
    assert by_project.actual("FQMC") == "NAME" and by_project.values == {"FQDM": {"A": "11"}}
    F.attach_field_map(layer, None)
    assert F.resolve_layer(layer, "CZKFBJ").actual("FQDM") is None
