"""Search forms of the parcel lookup, with expected results written by hand (tests/lookup_cases.py)."""
from __future__ import annotations

import pytest
from lookup_cases import close_index, code, open_index

from landoffice_plugin.lookup import search as S
from landoffice_plugin.lookup.query import parse


@pytest.fixture(scope="module")
def index(tmp_path_factory, qgis_app):
    idx = open_index(tmp_path_factory.mktemp("lookup"))
    yield idx
    close_index(idx)


def codes(result):
    return [row.code for row in result.rows]


def test_exact_code_and_unit_number(index):
    result = S.search(index, code("P1"))
    assert codes(result) == [code("P1")]
    assert result.rows[0].rank == S.EXACT_CODE
    assert result.rows[0].owner == "张建国"
    assert codes(S.search(index, code("P4") + "F00010001")) == [code("P4")]


def test_code_prefix_in_code_order_with_count(index):
    result = S.search(index, "3202991012", limit=3)
    assert codes(result) == ["320299101201JC00001", "320299101201JC00002", "320299101201JC00003"]
    assert result.total == 11 and result.more == 8
    full = S.search(index, "3202991012", limit=50)
    assert codes(full) == ["320299101201JC00001", "320299101201JC00002", "320299101201JC00003",
                           "320299101201JC00004", "320299101201JQ00005", "320299101202JC00001",
                           "320299101203JC00001", "320299101203JC00002", "320299101203JC00003",
                           "320299101203JC00004", "320299101203JC00005"]


def test_full_width_and_lower_case_code(index):
    assert codes(S.search(index, "３２０２９９１０２２０１gb")) == ["320299102201GB00001"]


def test_pinyin_initials_and_full(index):
    assert codes(S.search(index, "zjg")) == [code("P1"), code("P2")]           # 张建国, 章建国
    assert codes(S.search(index, "zhangjianguo")) == [code("P1"), code("P2")]
    assert codes(S.search(index, "zhangjian")) == [code("P1"), code("P2"), code("P3")]
    # 周杰 is exactly "zj": it comes before the names that merely start with z-j
    result = S.search(index, "zj")
    assert codes(result) == [code("P12"), code("P1"), code("P2"), code("P3")]
    assert [r.rank for r in result.rows] == [S.INITIALS, S.INITIALS_PREFIX, S.INITIALS_PREFIX, S.INITIALS_PREFIX]


def test_polyphonic_surname_both_readings(index):
    for text in ("shanxiongxin", "danxiongxin", "sxx"):
        assert codes(S.search(index, text)) == [code("P4")], text


def test_owner_exact_then_address(index):
    result = S.search(index, "张建国")
    assert codes(result) == [code("P1"), code("P8")]   # owner 张建国, then the address 张建国路3号
    assert [r.rank for r in result.rows] == [S.EXACT_OWNER, S.ADDRESS]


def test_partial_name(index):
    assert codes(S.search(index, "建华")) == [code("P3"), code("P5")]
    assert codes(S.search(index, "建国")) == [code("P1"), code("P2"), code("P8")]


def test_address_fragments(index):
    assert codes(S.search(index, "湖塘村1组")) == [code("P1"), code("P2")]
    assert codes(S.search(index, "解放路")) == [code("P5")]
    assert codes(S.search(index, "西村")) == [code("P9"), code("P10"), code("P11"), code("P12")]


def test_dltb_patch_number(index):
    assert codes(S.search(index, "0012")) == [code("P1")]
    assert codes(S.search(index, "TB0013")) == [code("P1"), code("P2")]


def test_township_and_village_names(index):
    row = S.search(index, code("P1")).rows[0]
    assert (row.township, row.village) == ("湖塘镇", "湖塘村")
    assert row.use_name == "农村宅基地"


def test_bad_input_hints(index):
    empty = S.search(index, "   ")
    assert not empty.rows and "pinyin" in empty.message and "宗地代码" in empty.message
    nonsense = S.search(index, "!!??")
    assert not nonsense.rows and "宗地代码" in nonsense.message
    # the data can be wrong too: the parcel with the bad code is still found, and the hint names position 14
    wrong = S.search(index, "320299101201JQ")
    assert codes(wrong) == [code("P7")] and "position 14" in wrong.message
    assert parse("320299101201JQ").problems[0].start == 14
    letter = S.search(index, "32029910120A")
    assert not letter.rows and "position 12" in letter.message


def test_red_only_for_a_village(index):
    result = S.search(index, "", red_only=True, area_prefix="320299101203", tolerance_pct=1.0)
    # overlap P9/P10, invalid geometry P11, P12 recorded 5 % too large
    assert codes(result) == [code("P9"), code("P10"), code("P11"), code("P12")]
    assert all(r.red for r in result.rows)
    loose = S.search(index, "", red_only=True, area_prefix="320299101203", tolerance_pct=10.0)
    assert code("P12") not in codes(loose)


def test_without_pypinyin_names_still_found(index, monkeypatch):
    from landoffice_plugin.lookup import pinyin

    monkeypatch.setattr(pinyin, "lazy_pinyin", None)
    assert not pinyin.available()
    result = S.search(index, "zzzq")
    assert "pypinyin" in result.message
    assert codes(S.search(index, "张建国"))[0] == code("P1")
    assert pinyin.name_keys("张建国") == (set(), set())


def test_sample_county(small_county, tmp_path):
    """On the generated sample: a code finds its parcel first; an owner's name finds exactly the
    parcels an independent OGR scan finds for that name."""
    from osgeo import ogr
    from qgis.core import QgsVectorLayer

    from landoffice_plugin.lookup.index import ensure_index

    ds = ogr.Open(str(small_county))
    rows = [(f["ZDDM"], f["QLRMC"]) for f in ds.GetLayerByName("ZD")]
    ds = None
    target_code, target_owner = next((c, o) for c, o in rows[100:] if o and len(o) == 3)
    expected = sorted(c for c, o in rows if o == target_owner)
    layer = QgsVectorLayer(f"{small_county}|layername=ZD", "ZD", "ogr")
    index = ensure_index(layer, tmp_path)
    assert codes(S.search(index, target_code))[:1] == [target_code]
    owner_rows = [r for r in S.search(index, target_owner, limit=500).rows if r.rank == S.EXACT_OWNER]
    assert [r.code for r in owner_rows] == expected
    index.close()
