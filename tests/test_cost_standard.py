"""Compensation standards: the shipped example, JSON and xlsx import, errors that name key/line or row/column."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest
from cost_cases import standard_file
from openpyxl import load_workbook

from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.cost.standard import load_standard, shipped_standards
from landoffice_plugin.cost.standard_xlsx import RATES_SHEET, write_template


def test_shipped_example_has_the_published_zone_prices(qgis_app):
    st = load_standard(shipped_standards()[0])
    assert "示例" in st.name
    assert "吉政函〔2020〕86号" in st.document
    assert st.land_grades == {"1": Decimal("60030"), "2": Decimal("41354"), "3": Decimal("33350")}
    assert st.contingency == Decimal("0.05")


def test_json_missing_item_names_the_key(qgis_app, tmp_path):
    path = standard_file(tmp_path, lambda d: d.pop("moving"))
    with pytest.raises(LandOfficeError, match="moving"):
        load_standard(path)


def test_json_wrong_unit_names_key_and_line(qgis_app, tmp_path):
    path = standard_file(tmp_path, lambda d: d["houses"].update(unit="元/亩"))
    lines = path.read_text(encoding="utf-8").splitlines()
    line_no = next(i for i, text in enumerate(lines, start=1) if '"元/亩"' in text and i >
                   next(j for j, t in enumerate(lines, start=1) if '"houses"' in t))
    with pytest.raises(LandOfficeError) as info:
        load_standard(path)
    assert "houses.unit" in info.value.message_en and f"line {line_no}" in info.value.message_en
    assert "元/平方米" in info.value.message_en


def test_json_negative_and_non_numeric_rates(qgis_app, tmp_path):
    with pytest.raises(LandOfficeError, match="negative"):
        load_standard(standard_file(tmp_path, lambda d: d["moving"].update(rate=-1)))
    with pytest.raises(LandOfficeError, match="transition.rate"):
        load_standard(standard_file(tmp_path, lambda d: d["transition"].update(rate="abc")))
    with pytest.raises(LandOfficeError, match="FWJG"):
        load_standard(standard_file(tmp_path, lambda d: d["houses"]["prices"].update({"9": 100})))


def test_xlsx_template_round_trip(qgis_app, tmp_path):
    st = load_standard(standard_file(tmp_path))
    path = write_template(tmp_path / "template.xlsx", st)
    back = load_standard(path)
    assert (back.land_grades, back.house_prices, back.condition_bands, back.moving, back.contingency) == \
        (st.land_grades, st.house_prices, st.condition_bands, st.moving, st.contingency)
    assert back.document == st.document and back.effective_date == st.effective_date


def _edit(path, out, find_kind, column, value):
    wb = load_workbook(path)
    ws = wb[RATES_SHEET]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value == find_kind)
    ws[f"{column}{row}"] = value
    wb.save(out)
    return row


@pytest.mark.parametrize("kind, column, value, expect", [
    ("搬迁费", "E", "元/人", "the unit is '元/人'"),
    ("房屋重置价", "D", "一千", "is not a non-negative number"),
    ("过渡费", "A", "过渡补贴", "is not a known item"),
])
def test_xlsx_errors_name_row_and_column(qgis_app, tmp_path, kind, column, value, expect):
    st = load_standard(standard_file(tmp_path))
    template = write_template(tmp_path / "template.xlsx", st)
    row = _edit(template, tmp_path / "bad.xlsx", kind, column, value)
    with pytest.raises(LandOfficeError) as info:
        load_standard(tmp_path / "bad.xlsx")
    text = info.value.message_en
    assert f"row {row}, column {column}" in text and expect in text


def test_xlsx_missing_item_is_rejected(qgis_app, tmp_path):
    st = load_standard(standard_file(tmp_path))
    template = write_template(tmp_path / "template.xlsx", st)
    wb = load_workbook(template)
    ws = wb[RATES_SHEET]
    for r in range(ws.max_row, 1, -1):
        if ws.cell(row=r, column=1).value == "社会保障费":
            ws.delete_rows(r)
    wb.save(tmp_path / "bad.xlsx")
    with pytest.raises(LandOfficeError, match="social_security"):
        load_standard(tmp_path / "bad.xlsx")


def test_json_file_that_is_not_json(qgis_app, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text(json.dumps({"name": "x"})[:-1], encoding="utf-8")
    with pytest.raises(LandOfficeError, match="not valid JSON"):
        load_standard(path)


def test_shipped_template_matches_the_example(qgis_app):
    from landoffice_plugin.cost.standard import standards_dir

    example = load_standard(shipped_standards()[0])
    template = load_standard(standards_dir() / "compensation_standard_template.xlsx")
    for field in ("name", "document", "effective_date", "land_grades", "land_share", "crops", "house_prices",
                  "condition_bands", "moving", "transition", "transition_months", "social_security",
                  "attachments", "reclamation", "new_cropland_ratio", "contingency", "village_grades"):
        assert getattr(template, field) == getattr(example, field), field
