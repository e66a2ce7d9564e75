"""ID numbers (GB 11643-1999) and masking; expected values worked out by hand."""
from __future__ import annotations

import datetime as dt
import logging

import pytest

from landoffice_plugin.core import personal
from landoffice_plugin.core.errors import LandOfficeError


@pytest.mark.parametrize("number", ["11010519491231002X", "440524188001010014"])
def test_standard_examples_are_valid(number):
    assert personal.id_number_problems(number) == []
    assert personal.validate_id_number(number) == number
    assert personal.id_check_digit(number[:17]) == number[17]


def test_check_digit_by_hand():
    first17 = "32020519800101123"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    # 3*7 + 2*9 + 0*10 + 2*5 + 0*8 + 5*4 + 1*2 + 9*1 + 8*6 + 0*3 + 0*7 + 1*9 + 0*10 + 1*5 + 1*8 + 2*4 + 3*2
    products = [21, 18, 0, 10, 0, 20, 2, 9, 48, 0, 0, 9, 0, 5, 8, 8, 6]
    assert [int(d) * w for d, w in zip(first17, weights)] == products
    assert sum(products) == 164 and 164 % 11 == 10
    # remainder 0..10 -> 1 0 X 9 8 7 6 5 4 3 2, so remainder 10 -> 2
    assert personal.id_check_digit(first17) == "2"
    assert personal.id_number_problems(first17 + "2") == []


def test_wrong_check_digit_says_expected():
    problems = personal.id_number_problems("110105194912310021")
    assert len(problems) == 1 and "should be X" in problems[0]
    with pytest.raises(LandOfficeError) as info:
        personal.validate_id_number("110105194912310021")
    text = info.value.message_en
    assert "should be X" in text and "19491231" not in text  # error does not leak the ID


def test_lowercase_x_and_spaces_accepted():
    assert personal.validate_id_number(" 110105 19491231 002x") == "11010519491231002X"


def test_length_characters_and_dates():
    assert "18 characters, got 16" in personal.id_number_problems("1101051949123100")[0]
    assert "15-digit" in personal.id_number_problems("110105491231002")[0]
    bad_chars = personal.id_number_problems("1101051949123100AY")
    assert any("position(s) 17" in p for p in bad_chars)
    assert any("digit or X" in p for p in bad_chars)
    # 1949-02-30 does not exist; check digit computed for it so only the date is wrong
    first17 = "11010519490230002"
    number = first17 + personal.id_check_digit(first17)
    assert personal.id_number_problems(number) == ["positions 7–14 are not a valid birth date (YYYYMMDD)"]
    future17 = "11010520991231002"
    future = future17 + personal.id_check_digit(future17)
    assert personal.id_number_problems(future, today=dt.date(2024, 1, 1)) == [
        "the birth date (positions 7–14) lies in the future"
    ]
    assert personal.id_number_problems("") == ["the ID number is empty"]
    with pytest.raises(LandOfficeError):
        personal.id_check_digit("1234")


def test_birth_date_and_sex():
    assert personal.birth_date_from_id("11010519491231002X") == dt.date(1949, 12, 31)
    assert personal.sex_from_id("11010519491231002X") == "F"  # position 17 is 2
    assert personal.sex_from_id("440524188001010014") == "M"  # position 17 is 1
    assert personal.birth_date_from_id("440524800101001") == dt.date(1980, 1, 1)
    with pytest.raises(LandOfficeError):
        personal.birth_date_from_id("110105194913310021")


def test_masks():
    assert personal.mask_id_number("11010519491231002X") == "110105********002X"
    assert personal.mask_phone("13812345678") == "138****5678"
    assert personal.mask_phone("0510-85551234") == "****-****1234"
    assert personal.mask_phone("+86 138 1234 5678") == "+86 138 **** 5678"


def test_mask_personal_text():
    line = "户主 11010519491231002X，电话 13812345678；另 138-1234-5678 与 440524188001010014"
    out = personal.mask_personal_text(line)
    assert out == "户主 110105********002X，电话 138****5678；另 138-****-5678 与 440524********0014"
    for secret in ("19491231", "18800101", "1234"):
        assert secret not in out


def test_mask_leaves_other_numbers():
    text = "BSM 123456789012 area 13812345678901 unit 320205001001JC00012F00010001"
    assert personal.mask_personal_text(text) == text  # 14-digit run is not a mobile


def test_log_filter_masks(qgis_app):
    from landoffice_plugin.log import MaskingFilter

    args = ("11010519491231002X", "13912345678")
    record = logging.LogRecord("landoffice", logging.INFO, __file__, 1, "owner %s tel %s", args, None)
    assert MaskingFilter().filter(record)
    assert record.getMessage() == "owner 110105********002X tel 139****5678"


def test_id_numbers_valid_agrees_with_the_problems(qgis_app):
    """The column check gives the verdict of id_number_problems for valid, wrong and odd values."""
    import datetime

    from landoffice_plugin.core.personal import id_check_digit, id_number_problems, id_numbers_valid

    good = "11010519491231002" + id_check_digit("11010519491231002")
    wrong_check = good[:17] + ("0" if good[17] != "0" else "1")
    values = [good, good.lower(), wrong_check, "110105194912310", "11010520991231002X", "110105180012310021",
              "１１０１０５１９４９１２３１００２" + good[17], " " + good, "", None, 110105194912310021,
              "11010519491331002" + id_check_digit("11010519491331002")]
    today = datetime.date(2024, 1, 1)
    assert id_numbers_valid(values, today) == [not id_number_problems(v, today) for v in values]
    assert id_numbers_valid([good], today) == [True]
