"""The rules file: the shipped one loads; bad keys, types and syntax are reported with their line."""
import datetime

import pytest

from landoffice_plugin.analysis.rules import default_rules_path, load_rules, parse_rules
from landoffice_plugin.core.errors import LandOfficeError


def test_shipped_rules_load(qgis_app):
    rules = load_rules()
    assert rules.path == str(default_rules_path())
    assert rules.data_date == datetime.date(2024, 12, 31)
    assert rules.hard_constraints == ["YJJBNTTB", "STBHHX"]
    assert rules.precedence[0] == "unsupplied" and len(rules.precedence) == 6
    assert rules.get("idle", "invested_share_below") == 0.25
    assert ("inefficient.min_plot_ratio", 1.0) in rules.as_rows()


def test_partial_file_falls_back_to_shipped_values(qgis_app):
    rules = parse_rules('[boundary]\nzone_codes = ["11"]\n')
    assert rules.get("boundary", "zone_codes") == ["11"]
    assert rules.get("recovery", "zzsxdm_codes") == ["JKHF", "GCHF"]


def _error(text):
    with pytest.raises(LandOfficeError) as info:
        parse_rules(text, "office.toml")
    return info.value.message_en


def test_unknown_key_names_its_line(qgis_app):
    message = _error('name = "x"\n\n[idle]\nenabled = true\nmonths_after_strat = 12\n')
    assert "line 5" in message and "idle.months_after_strat" in message


def test_unknown_section_names_its_line(qgis_app):
    message = _error('# comment\n[idel]\nenabled = true\n')
    assert "line 2" in message and "idel" in message


def test_wrong_type_names_line_and_expected_type(qgis_app):
    message = _error('[inefficient]\nenabled = true\n\nmin_plot_ratio = "1.0"\n')
    assert "line 4" in message and "number" in message
    message = _error('hard_constraints = "YJJBNTTB"\n')
    assert "line 1" in message and "list of strings" in message
    message = _error('[idle]\nenabled = 1\n')
    assert "line 2" in message and "true/false" in message


def test_syntax_error_names_its_line(qgis_app):
    message = _error('name = "x"\n[idle\n')
    assert "line 2" in message


def test_bad_date_and_precedence(qgis_app):
    assert "line 1" in _error('data_date = "2024-13-01"\n')
    assert "line 2" in _error('name = "x"\nprecedence = ["unsupplied", "nope"]\n')


def test_missing_file_says_what_to_do(qgis_app, tmp_path):
    with pytest.raises(LandOfficeError, match="does not exist"):
        load_rules(tmp_path / "none.toml")
