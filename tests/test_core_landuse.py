"""Land-use code list: counts, names and legal categories checked against domain.md by hand."""
from __future__ import annotations

import csv

import pytest

from landoffice_plugin.core import landuse
from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.paths import resource_path

CSV_PATH = resource_path("landuse", "gbt21010_2017.csv")
STD = "GB/T 21010-2017"


def _rows():
    with CSV_PATH.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_csv_has_12_classes_and_73_subclasses():
    rows = _rows()
    assert list(rows[0].keys()) == ["code", "name", "parent", "level", "legal_category", "system", "note"]
    classes = [r["code"] for r in rows if r["system"] == STD and r["level"] == "class"]
    subclasses = [r["code"] for r in rows if r["system"] == STD and r["level"] == "subclass"]
    assert classes == ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"]
    assert len(subclasses) == 73
    # per-class counts from the standard: 3 4 7 4 7 4 2 10 6 9 10 7
    per_class = {c: sum(1 for s in subclasses if s[:2] == c) for c in classes}
    assert list(per_class.values()) == [3, 4, 7, 4, 7, 4, 2, 10, 6, 9, 10, 7]
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes))


def test_loaded_list_matches_the_file():
    codes = landuse.default_codes()
    assert len(codes.entries(system=STD, level="subclass")) == 73
    assert len(codes.entries(system=STD, level="class")) == 12


@pytest.mark.parametrize(
    "code, name",
    [
        ("0501", "零售商业用地"),
        ("0507", "其他商服用地"),
        ("0801", "机关团体用地"),
        ("0810", "公园与绿地"),
        ("0901", "军事设施用地"),
        ("0906", "风景名胜设施用地"),
        ("0702", "农村宅基地"),
        ("1110", "冰川及永久积雪"),
        ("1207", "裸岩石砾地"),
        ("1104A", "养殖坑塘"),
        ("0810A", "广场"),
        ("00", "湿地"),
        ("08H2", "科教文卫用地"),
    ],
)
def test_names(code, name):
    assert landuse.landuse_name(code) == name


def test_unknown_code_has_empty_name_and_no_entry():
    assert landuse.landuse_name("9999") == ""
    assert landuse.landuse_entry("9999") is None
    assert landuse.legal_category("9999") == ""
    assert landuse.is_construction("9999") is False


@pytest.mark.parametrize(
    "code, category",
    [
        ("0702", "建设用地"),
        ("0101", "农用地"),
        ("1206", "未利用地"),
        ("1104K", "农用地"),
        ("1006", "农用地"),
        ("1201", "建设用地"),
        ("0404", "未利用地"),
        ("1109", "建设用地"),
        ("1103", "农用地"),
        ("1101", "未利用地"),
        ("0201K", "农用地"),
        ("0810A", "建设用地"),
        ("01", "农用地"),  # homogeneous class
        ("07", "建设用地"),
        ("04", ""),  # 0404 is 未利用地, the rest 农用地
        ("10", ""),
        ("11", ""),
        ("12", ""),
    ],
)
def test_legal_category(code, category):
    assert landuse.legal_category(code) == category


def test_five_char_dlbm_and_sloppy_input():
    assert landuse.legal_category("0201K") == "农用地"
    assert landuse.landuse_name(" 0201k ") == "可调整果园"
    assert landuse.landuse_name("０７０２") == "农村宅基地"  # full-width digits


def test_variants_inherit_when_their_row_has_no_category(tmp_path):
    path = tmp_path / "codes.csv"
    path.write_text(
        "code,name,parent,level,legal_category,system,note\n"
        "11,水域及水利设施用地,,class,,GB/T 21010-2017,\n"
        "1104,坑塘水面,11,subclass,农用地,GB/T 21010-2017,\n"
        "1109,水工建筑用地,11,subclass,建设用地,GB/T 21010-2017,\n"
        "1104K,可调整养殖坑塘,1104,variant,,三调,\n"
        "09,特殊用地,,class,,GB/T 21010-2017,\n"
        "0901,军事设施用地,09,subclass,建设用地,GB/T 21010-2017,\n",
        encoding="utf-8",
    )
    codes = landuse.LandUseCodes.from_csv(path)
    assert codes.legal_category("1104K") == "农用地"
    assert codes.legal_category("09") == "建设用地"  # derived: every sub-class agrees
    assert codes.legal_category("11") == ""  # mixed
    assert codes.base_code("1104K") == "1104"


def test_predicates():
    assert landuse.is_construction("0702") and not landuse.is_construction("0101")
    assert landuse.is_agricultural("1202") and not landuse.is_agricultural("1201")
    assert landuse.is_cropland("0103") and landuse.is_cropland("01")
    assert not landuse.is_cropland("0201K")  # 可调整 orchard is not cropland
    assert not landuse.is_cropland("1203")


def test_validate_names_code_and_what_is_valid():
    assert landuse.validate_landuse_code("0101").name == "水田"
    with pytest.raises(LandOfficeError) as info:
        landuse.validate_landuse_code("0199")
    assert "0199" in info.value.message_en and "0101" in info.value.message_en
    with pytest.raises(LandOfficeError) as info:
        landuse.validate_landuse_code("011")
    assert "2007" in info.value.message_en


def test_office_override_does_not_touch_default(tmp_path):
    path = tmp_path / "office.csv"
    path.write_text(
        "\ufeffcode,name,parent,level,legal_category,system,note\n0101,水稻田,01,subclass,农用地,GB/T 21010-2017,\n",
        encoding="utf-8",
    )
    office = landuse.LandUseCodes.from_csv(path)
    assert office.name("0101") == "水稻田"
    assert len(office) == 1
    assert landuse.landuse_name("0101") == "水田"


def test_bad_files_raise(tmp_path):
    missing_col = tmp_path / "a.csv"
    missing_col.write_text("code,name\n0101,水田\n", encoding="utf-8")
    with pytest.raises(LandOfficeError) as info:
        landuse.LandUseCodes.from_csv(missing_col)
    assert "legal_category" in info.value.message_en
    dup = tmp_path / "b.csv"
    dup.write_text(
        "code,name,parent,level,legal_category,system,note\n0101,水田,01,subclass,农用地,x,\n0101,水田,01,subclass,农用地,x,\n",
        encoding="utf-8",
    )
    with pytest.raises(LandOfficeError, match="0101"):
        landuse.LandUseCodes.from_csv(dup)
    with pytest.raises(LandOfficeError):
        landuse.LandUseCodes.from_csv(tmp_path / "nope.csv")
