"""The xlsx template of a compensation standard: generated from :data:`ROW_KINDS`, filled in Excel
by an office, imported back with every error named by sheet, row and column."""
from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.export.xlsx import Column, add_sheet, new_workbook, save_workbook, write_key_values, write_table

from .standard import FWJG_NAMES, Standard, parse_standard

INFO_SHEET, RATES_SHEET, README_SHEET = "基本信息", "费率", "说明"
# (category in the sheet, JSON path, unit, code meaning or None)
ROW_KINDS = (
    ("区片综合地价", "land_price.grades", "元/亩", "区片等级"),
    ("土地补偿费比例", "land_price.land_compensation_share", "比例", None),
    ("默认区片等级", "land_price.default_grade", "级", None),
    ("村区片等级", "land_price.villages", "级", "村代码（12位）"),
    ("青苗补偿费", "crops.rates", "元/亩", "地类编码或其前缀"),
    ("房屋重置价", "houses.prices", "元/平方米", "房屋结构FWJG"),
    ("成新率", "condition.bands", "系数", "房龄上限（年，空=以上）"),
    ("搬迁费", "moving.rate", "元/户", None),
    ("过渡费", "transition.rate", "元/人·月", None),
    ("过渡期", "transition.months", "月", None),
    ("社会保障费", "social_security.rate", "元/人", None),
    ("附属物补偿", "attachments.items", "元/宗", "项目名称"),
    ("复垦工程费", "reclamation.rate", "元/亩", None),
    ("新增耕地系数", "reclamation.new_cropland_ratio", "系数", None),
    ("不可预见费", "contingency.rate", "%", None),
)
INFO_FIELDS = (("标准名称", "name"), ("县（市、区）", "county"), ("县代码", "county_code"), ("年份", "year"),
               ("文号", "document"), ("生效日期", "effective_date"), ("备注", "notes"))
RATE_COLUMNS = [Column("类别", "kind", width=16), Column("代码", "code", width=16, number_format="text"),
                Column("名称/说明", "label", width=40), Column("数值", "value", width=14),
                Column("单位", "unit", width=12)]
KIND_BY_NAME = {k[0]: k for k in ROW_KINDS}
SECTION_UNITS = {"land_price": "元/亩", "crops": "元/亩", "houses": "元/平方米", "moving": "元/户",
                 "transition": "元/人·月", "social_security": "元/人", "attachments": "元/宗",
                 "reclamation": "元/亩", "contingency": "%"}


def _num_text(value: Decimal):
    return int(value) if value == int(value) else float(value)


def template_rows(st: Standard) -> list:
    rows = []
    for grade, price in st.land_grades.items():
        rows.append(("区片综合地价", grade, f"{grade}级区片", _num_text(price), "元/亩"))
    rows.append(("土地补偿费比例", "", "土地补偿费占区片综合地价的比例，其余为安置补助费",
                 _num_text(st.land_share), "比例"))
    if st.default_grade:
        rows.append(("默认区片等级", "", "未列出的村按此等级", st.default_grade, "级"))
    for village, grade in st.village_grades.items():
        rows.append(("村区片等级", village, "", grade, "级"))
    for code, rate in st.crops.items():
        rows.append(("青苗补偿费", code, "", _num_text(rate), "元/亩"))
    for code, price in st.house_prices.items():
        rows.append(("房屋重置价", code, FWJG_NAMES.get(code, ""), _num_text(price), "元/平方米"))
    for max_age, factor in st.condition_bands:
        rows.append(("成新率", "" if max_age is None else max_age, "", _num_text(factor), "系数"))
    rows += [("搬迁费", "", "每户", _num_text(st.moving), "元/户"),
             ("过渡费", "", "每人每月", _num_text(st.transition), "元/人·月"),
             ("过渡期", "", "月数", _num_text(st.transition_months), "月"),
             ("社会保障费", "", "每人", _num_text(st.social_security), "元/人")]
    for name, rate in st.attachments:
        rows.append(("附属物补偿", name, "每宗宅基地包干", _num_text(rate), "元/宗"))
    rows += [("复垦工程费", "", "每亩", _num_text(st.reclamation), "元/亩"),
             ("新增耕地系数", "", "新增耕地亩数 / 复垦亩数", _num_text(st.new_cropland_ratio), "系数"),
             ("不可预见费", "", "占小计的百分比", _num_text(st.contingency * 100), "%")]
    return rows


def write_template(path, st: Standard) -> Path:
    """The xlsx template, pre-filled with ``st`` (the office overwrites the values)."""
    wb = new_workbook()
    readme = add_sheet(wb, README_SHEET)
    write_key_values(readme, [
        ("用途", "补偿标准模板：填写后在“征地拆迁成本测算”面板或算法中作为标准文件导入。"),
        ("基本信息", "标准名称、县、年份、文号、生效日期必填。"),
        ("费率", "每行一个费率：类别从下拉列表选择，单位必须与类别一致（见下表），数值为非负数字。"),
        *((kind, f"单位：{unit}" + (f"；代码：{code}" if code else "")) for kind, _p, unit, code in ROW_KINDS),
    ], title="补偿标准模板说明")
    info = add_sheet(wb, INFO_SHEET)
    values = {"name": st.name, "county": st.county, "county_code": st.county_code, "year": st.year,
              "document": st.document, "effective_date": st.effective_date.isoformat(), "notes": st.notes}
    write_key_values(info, [(label, values[key]) for label, key in INFO_FIELDS])
    rates = add_sheet(wb, RATES_SHEET)
    rows = template_rows(st)
    last = write_table(rates, RATE_COLUMNS, rows)
    dv = DataValidation(type="list", formula1='"' + ",".join(k[0] for k in ROW_KINDS) + '"', allow_blank=False)
    dv.error, dv.errorTitle = "请从列表中选择类别", "类别"
    rates.add_data_validation(dv)
    dv.add(f"A2:A{max(last, 2) + 200}")
    for row in range(2, last + 1):
        rates.cell(row=row, column=2).number_format = "@"
    note = rates.cell(row=1, column=7, value="单位须与类别一致；成新率代码为房龄上限，最后一档可留空。")
    note.font = Font(italic=True)
    return save_workbook(wb, path)


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    return str(value).strip()


def _where(sheet: str, row: int, column: str) -> str:
    return f"sheet {sheet}, row {row}, column {column}"


def import_xlsx(path) -> Standard:
    """A :class:`Standard` from a filled template; errors name sheet, row and column."""
    path = Path(path)
    source = str(path)
    try:
        wb = load_workbook(path, data_only=True, read_only=True)
    except Exception as err:  # noqa: BLE001 - openpyxl raises many kinds
        raise LandOfficeError("The standard {path} cannot be read as an xlsx workbook ({error}). Save it as .xlsx "
                              "from Excel or WPS and try again.", path=source, error=str(err)) from err
    for name in (INFO_SHEET, RATES_SHEET):
        if name not in wb.sheetnames:
            raise LandOfficeError("The standard {path} has no sheet '{sheet}'. Start from the shipped template.",
                                  path=source, sheet=name)
    data, where = {}, {}
    labels = {label: key for label, key in INFO_FIELDS}
    for r, row in enumerate(wb[INFO_SHEET].iter_rows(min_row=1, max_col=2, values_only=True), start=1):
        label = _cell_text(row[0]) if row else ""
        if label in labels:
            data[labels[label]] = row[1] if len(row) > 1 else None
            where[labels[label]] = _where(INFO_SHEET, r, "B")
    sections = {sec: {"unit": unit} for sec, unit in SECTION_UNITS.items()}
    sections["condition"] = {"bands": []}
    sections["attachments"]["items"] = []
    data.update(sections)
    for r, row in enumerate(wb[RATES_SHEET].iter_rows(min_row=2, max_col=5, values_only=True), start=2):
        row = tuple(row) + (None,) * (5 - len(row))
        kind_name, code, value, unit = _cell_text(row[0]), _cell_text(row[1]), row[3], _cell_text(row[4])
        if not kind_name and value in (None, ""):
            continue
        kind = KIND_BY_NAME.get(kind_name)
        if kind is None:
            raise LandOfficeError("Standard {source}: {where}: '{kind}' is not a known item. Choose the item from "
                                  "the drop-down list of the template.", source=source,
                                  where=_where(RATES_SHEET, r, "A"), kind=kind_name)
        _name, jpath, expected, code_kind = kind
        if unit != expected:
            raise LandOfficeError("Standard {source}: {where}: the unit is '{unit}' but {key} must be given in "
                                  "'{expected}'. Convert the rates and correct the unit.", source=source,
                                  where=_where(RATES_SHEET, r, "E"), unit=unit, key=kind_name, expected=expected)
        if code_kind and not code and jpath != "condition.bands":
            raise LandOfficeError("Standard {source}: {where}: the item {kind} needs a code ({meaning}). Fill in "
                                  "the code.", source=source, where=_where(RATES_SHEET, r, "B"), kind=kind_name,
                                  meaning=code_kind)
        text = _cell_text(value)
        if jpath not in ("land_price.villages", "land_price.default_grade"):
            try:
                number = Decimal(text.replace(",", ""))
                ok = number.is_finite() and number >= 0
            except InvalidOperation:
                ok = False
            if not ok:
                raise LandOfficeError("Standard {source}: {where}: '{value}' is not a non-negative number. Enter "
                                      "the rate as a plain number.", source=source,
                                      where=_where(RATES_SHEET, r, "D"), value=text)
            value = number
        _put(data, jpath, code, value, where, _where(RATES_SHEET, r, "D"))
    wb.close()
    return parse_standard(data, source, lambda p: where.get(p) or where.get(p.rsplit(".", 1)[0]) or p)


def _put(data: dict, jpath: str, code: str, value, where: dict, location: str) -> None:
    section, key = jpath.split(".", 1)
    sec = data[section]
    if jpath == "condition.bands":
        sec["bands"].append({"max_age": code or None, "factor": value})
        where.setdefault("condition.bands.max_age", location)
        where.setdefault("condition.bands.factor", location)
    elif jpath == "attachments.items":
        sec["items"].append({"name": code, "rate": value})
    elif key in ("grades", "villages", "rates", "prices"):
        sec.setdefault(key, {})[code] = value
        where[f"{jpath}.{code}"] = location
    else:
        sec[key] = value
    where.setdefault(jpath, location)
