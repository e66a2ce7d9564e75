"""宗地代码 / 不动产单元号 (GB/T 37346-2019): parsing and problem positions, checked by hand."""
from __future__ import annotations

import pytest

from landoffice_plugin.core import parcel_codes as pc
from landoffice_plugin.core.errors import LandOfficeError

EXAMPLE = "320205001001JC00012F00010001"  # domain.md


def _spans(problems):
    return [(p.start, p.end) for p in problems]


def test_example_unit_number_parses():
    u = pc.parse_unit_number(EXAMPLE)
    assert (u.county, u.district, u.subdistrict) == ("320205", "001", "001")
    assert (u.ownership, u.parcel_type, u.sequence) == ("J", "C", "00012")
    assert (u.fixture, u.building, u.unit) == ("F", "0001", "0001")
    assert u.parcel.code == "320205001001JC00012"
    assert u.village_prefix == "320205001001"
    assert u.parcel.ownership_name == "集体"
    assert u.parcel.parcel_type_name == "宅基地使用权宗地"
    assert u.fixture_name.startswith("房屋")
    assert u.parcel.province_name == "江苏省"


def test_parcel_code_parses_and_w_fixture():
    p = pc.parse_parcel_code("320205001001JC00012")
    assert (p.county, p.district, p.subdistrict, p.ownership, p.parcel_type, p.sequence) == (
        "320205", "001", "001", "J", "C", "00012",
    )
    w = pc.parse_unit_number("320205001001GB00003W00000000")
    assert (w.fixture, w.fixture_number, w.building, w.unit) == ("W", "00000000", "", "")
    assert w.parcel.ownership_name == "国有"


def test_copy_paste_forms_are_normalised():
    # full-width digits/letters, spaces, lower case, a zero-width space
    assert pc.validate_parcel_code("３２０２０５ 001 001 jc\u200b00012") == "320205001001JC00012"
    assert pc.parcel_code_problems("320205\u3000001001JC00012") == []


def test_ownership_problem_names_position_13():
    problems = pc.parcel_code_problems("320205001001XC00012")
    assert _spans(problems) == [(13, 13)]
    msg = problems[0].message_en()
    assert msg.startswith("position 13: 'X' is not an ownership code (")
    assert "G 国有" in msg and "J 集体" in msg and "Z 争议" in msg


def test_each_field_reports_its_positions():
    #        1-6    7-9 10-12 13 14 15-19
    code = "3202O5" "0A1" "001" "J" "Q" "00A12"
    assert len(code) == 19
    assert _spans(pc.parcel_code_problems(code)) == [(5, 5), (8, 8), (14, 14), (17, 17)]
    assert _spans(pc.parcel_code_problems("990205001001JC00012")) == [(1, 2)]  # no province 99


def test_wrong_lengths():
    short = pc.parcel_code_problems("320205001001JC0001")
    assert _spans(short) == [(19, 19)]
    assert "expected 19 characters, got 18" in short[0].message_en()
    long_ = pc.unit_number_problems(EXAMPLE + "9")
    assert _spans(long_) == [(29, 29)] and "expected 28 characters, got 29" in long_[0].message_en()
    unit_as_parcel = pc.parcel_code_problems(EXAMPLE)
    assert _spans(unit_as_parcel) == [(20, 28)] and "unit number" in unit_as_parcel[0].message_en()
    either = pc.code_problems("12345")
    assert "19" in either[0].message_en() and "28" in either[0].message_en() and "got 5" in either[0].message_en()
    assert pc.code_problems(EXAMPLE) == [] and pc.code_problems(EXAMPLE[:19]) == []


def test_unit_number_tail():
    assert _spans(pc.unit_number_problems("320205001001JC00012W00010001")) == [(21, 28)]
    assert _spans(pc.unit_number_problems("320205001001JC00012K00010001")) == [(20, 20)]
    assert _spans(pc.unit_number_problems("320205001001JC00012F0001O001")) == [(25, 25)]


def test_validate_lists_every_problem():
    with pytest.raises(LandOfficeError) as info:
        pc.validate_parcel_code("320205001001XQ000A2")
    text = info.value.message_en
    for where in ("position 13:", "position 14:", "position 18:"):
        assert where in text
    with pytest.raises(LandOfficeError):
        pc.parse_unit_number("320205001001JC00012")


@pytest.mark.parametrize(
    "text, ok",
    [
        ("3", True),
        ("3202", True),
        ("320205001001", True),
        ("320205001001j", True),
        ("320205001001JC0", True),
        ("320205001001JC00012W000", True),
        (EXAMPLE, True),
        ("", False),
        ("3A", False),
        ("99", False),
        ("320205001001K", False),
        ("320205001001JC00012W01", False),
        (EXAMPLE + "1", False),
    ],
)
def test_prefixes(text, ok):
    assert pc.is_parcel_code_prefix(text) is ok
    assert (pc.prefix_problems(text) == []) is (ok or text == "")
