"""Compensation standards (补偿标准) as versioned data: JSON files in ``resources/standards``.

A standard names its county, year, document number (文号) and effective date, and holds the
rates of every item with its unit (see ``resources/standards/README.md``). The same checks run
for JSON files and for the xlsx template (:mod:`.standard_xlsx`); an error names the key and the
line (JSON) or the row and column (xlsx).
"""
from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Callable, Optional

from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.core.fields import code_table
from landoffice_plugin.paths import resource_path

SCHEMA_ID = "landoffice-compensation-standard"
SCHEMA_VERSION = 1
FWJG_NAMES = {code: names[0] for code, names in code_table("ZRZ", "FWJG").items()}  # resources/codes/value_codes.json
FWJG_CODES = tuple(FWJG_NAMES)

# section -> (required, expected unit of its money values or None)
SECTIONS = {
    "land_price": "元/亩", "crops": "元/亩", "houses": "元/平方米", "condition": None, "moving": "元/户",
    "transition": "元/人·月", "social_security": "元/人", "attachments": "元/宗", "reclamation": "元/亩",
    "contingency": "%",
}
META_KEYS = ("name", "county", "year", "document", "effective_date")

Locator = Callable[[str], str]


@dataclass(frozen=True)
class Standard:
    """Rates of one standard; money in yuan as Decimal, shares and factors as Decimal fractions."""

    name: str
    county: str
    year: int
    document: str
    effective_date: datetime.date
    land_grades: dict
    land_share: Decimal              # 土地补偿费 share of 区片综合地价; 安置补助费 gets the rest
    crops: dict                      # land class code or prefix -> 元/亩 (longest prefix wins)
    house_prices: dict               # FWJG -> 元/m²
    condition_bands: tuple           # ((max_age or None, factor), ...) ascending
    moving: Decimal
    transition: Decimal
    transition_months: Decimal
    social_security: Decimal
    attachments: tuple               # ((name, 元/宗), ...)
    reclamation: Decimal
    new_cropland_ratio: Decimal
    contingency: Decimal             # fraction (5 % -> 0.05)
    village_grades: dict = field(default_factory=dict)  # 12-digit village code -> grade
    default_grade: Optional[str] = None
    county_code: str = ""
    notes: str = ""
    source: str = ""

    @property
    def label(self) -> str:
        return f"{self.name}（{self.document}，{self.effective_date.isoformat()} 起施行）"

    def crop_rate(self, code: str):
        """(rate, matched key) for a land class code, longest matching prefix; (None, None) if none."""
        code = (code or "").strip()
        for n in range(len(code), 0, -1):
            if code[:n] in self.crops:
                return self.crops[code[:n]], code[:n]
        return None, None

    def condition_factor(self, age: int):
        """(factor, band label) for a building of ``age`` whole years; (None, None) past the last band."""
        low = 0
        for max_age, factor in self.condition_bands:
            if max_age is None or age <= max_age:
                label = f"{low}年以上" if max_age is None else f"{low}–{max_age}年"
                return factor, label
            low = max_age + 1
        return None, None


def standards_dir() -> Path:
    return resource_path("standards")


def shipped_standards() -> list:
    """The JSON standards shipped in ``resources/standards`` (example first)."""
    folder = standards_dir()
    return sorted(folder.glob("*.json"), key=lambda p: (not p.name.startswith("example"), p.name)) \
        if folder.is_dir() else []


def json_locator(text: str) -> Locator:
    """Key path -> 'key a.b.c (line n)' using the first occurrence of each key in order."""
    lines = text.splitlines()

    def locate(path: str) -> str:
        line, col = 0, 0
        for part in path.split("."):
            pattern = re.compile(r'"' + re.escape(part) + r'"\s*:|\b' + re.escape(part) + r'\b')
            for n in range(line, len(lines)):
                m = pattern.search(lines[n], col if n == line else 0)
                if m:
                    line, col = n, m.end()
                    break
        return f"{path} (line {line + 1})"

    return locate


def load_standard(path) -> Standard:
    """A standard from a .json file or an office's filled xlsx template."""
    path = Path(path)
    if not path.is_file():
        raise LandOfficeError("The compensation standard {path} does not exist: choose an existing .json or "
                              ".xlsx standard.", path=str(path))
    if path.suffix.lower() == ".xlsx":
        from .standard_xlsx import import_xlsx

        return import_xlsx(path)
    text = path.read_text(encoding="utf-8-sig")
    try:
        data = json.loads(text, parse_float=Decimal)
    except ValueError as err:
        raise LandOfficeError("The compensation standard {path} is not valid JSON ({error}): correct the file "
                              "or fill the xlsx template instead.", path=str(path), error=str(err)) from err
    return parse_standard(data, str(path), json_locator(text))


def _num(value, where: str, source: str) -> Decimal:
    if isinstance(value, bool) or value is None or value == "":
        raise LandOfficeError("Standard {source}: {where} must be a number. Enter the rate as a plain number "
                              "and load the standard again.", source=source, where=where)
    try:
        out = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation as err:
        raise LandOfficeError("Standard {source}: {where} must be a number. Enter the rate as a plain number "
                              "and load the standard again.", source=source, where=where) from err
    if not out.is_finite() or out < 0:
        raise LandOfficeError("Standard {source}: {where} is {value}; rates cannot be negative. Correct it and "
                              "load the standard again.", source=source, where=where, value=str(value))
    return out


def _section(data: dict, key: str, source: str, locate: Locator) -> dict:
    sec = data.get(key)
    if not isinstance(sec, dict):
        raise LandOfficeError("Standard {source}: the item {key} is missing. Every standard needs land price, crops, "
                              "houses, condition, moving, transition, social security, attachments, reclamation "
                              "and contingency.", source=source, key=key)
    unit = SECTIONS[key]
    if unit is not None and str(sec.get("unit", "")).strip() != unit:
        raise LandOfficeError("Standard {source}: {where}: the unit is '{unit}' but {key} must be given in "
                              "'{expected}'. Convert the rates and correct the unit.", source=source,
                              where=locate(f"{key}.unit"), unit=str(sec.get("unit", "")), key=key, expected=unit)
    return sec


def _need(sec: dict, key: str, path: str, source: str, locate: Locator):
    if key not in sec or sec[key] is None or sec[key] == "":
        raise LandOfficeError("Standard {source}: {where} is missing. Add it and load the standard again.",
                              source=source, where=locate(path))
    return sec[key]


def _fraction(value, where: str, source: str, top: Decimal = Decimal(1)) -> Decimal:
    out = _num(value, where, source)
    if out > top:
        raise LandOfficeError("Standard {source}: {where} is {value} but must lie between 0 and {top}. Correct it and "
                              "load the standard again.", source=source, where=where, value=str(value), top=str(top))
    return out


def _rate_table(sec: dict, key: str, path: str, source: str, locate: Locator, allow_empty=False) -> dict:
    table = sec.get(key)
    if not isinstance(table, dict) or (not table and not allow_empty):
        raise LandOfficeError("Standard {source}: {where} is missing or empty. Add the rates and load the standard "
                              "again.", source=source, where=locate(path))
    return {str(k).strip(): _num(v, locate(f"{path}.{k}"), source) for k, v in table.items()}


def _date(value, where: str, source: str) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value).strip()[:10])
    except ValueError as err:
        raise LandOfficeError("Standard {source}: {where} is '{value}', not a date. Write it as YYYY-MM-DD.",
                              source=source, where=where, value=str(value)) from err


def parse_standard(data: dict, source: str, locate: Optional[Locator] = None) -> Standard:
    """Check a standard's dictionary (the JSON layout) and build a :class:`Standard`."""
    locate = locate or (lambda p: p)
    if not isinstance(data, dict):
        raise LandOfficeError("Standard {source} is not a JSON object: start from the shipped example.", source=source)
    for key in META_KEYS:
        if not str(data.get(key, "") or "").strip():
            raise LandOfficeError("Standard {source}: {where} is missing. Every standard names its county, year, "
                                  "document number and effective date.", source=source, where=locate(key))
    year = _num(data["year"], locate("year"), source)
    lp = _section(data, "land_price", source, locate)
    grades = _rate_table(lp, "grades", "land_price.grades", source, locate)
    share = _fraction(_need(lp, "land_compensation_share", "land_price.land_compensation_share", source, locate),
                      locate("land_price.land_compensation_share"), source)
    villages = {str(k).strip(): str(v).strip() for k, v in (lp.get("villages") or {}).items()}
    for code, grade in villages.items():
        if grade not in grades:
            raise LandOfficeError("Standard {source}: {where}: village {village} is given grade {grade}, which has no "
                                  "price. Use one of the grades {grades}.", source=source,
                                  where=locate(f"land_price.villages.{code}"), village=code, grade=grade,
                                  grades=", ".join(grades))
    default_grade = str(lp["default_grade"]).strip() if lp.get("default_grade") not in (None, "") else None
    if default_grade is not None and default_grade not in grades:
        raise LandOfficeError("Standard {source}: {where}: the default grade {grade} has no price. Use one of the "
                              "grades {grades}.", source=source, where=locate("land_price.default_grade"),
                              grade=default_grade, grades=", ".join(grades))
    crops = _rate_table(_section(data, "crops", source, locate), "rates", "crops.rates", source, locate)
    houses = _rate_table(_section(data, "houses", source, locate), "prices", "houses.prices", source, locate)
    for code in houses:
        if code not in FWJG_CODES:
            raise LandOfficeError("Standard {source}: {where}: '{code}' is not a structure code (FWJG 1–6). Correct "
                                  "the code.", source=source, where=locate(f"houses.prices.{code}"), code=code)
    bands = _bands(_section(data, "condition", source, locate), source, locate)
    mv = _section(data, "moving", source, locate)
    tr_ = _section(data, "transition", source, locate)
    ss = _section(data, "social_security", source, locate)
    att = _section(data, "attachments", source, locate)
    items = att.get("items")
    if not isinstance(items, list):
        raise LandOfficeError("Standard {source}: {where} is missing or empty. Add the rates and load the standard "
                              "again.", source=source, where=locate("attachments.items"))
    attachments = tuple((str(_need(it, "name", "attachments.items.name", source, locate)),
                         _num(_need(it, "rate", "attachments.items.rate", source, locate),
                              locate("attachments.items.rate"), source)) for it in items)
    rc = _section(data, "reclamation", source, locate)
    ct = _section(data, "contingency", source, locate)

    def val(sec, key, path):
        return _num(_need(sec, key, path, source, locate), locate(path), source)

    return Standard(
        name=str(data["name"]).strip(), county=str(data["county"]).strip(), year=int(year),
        document=str(data["document"]).strip(),
        effective_date=_date(data["effective_date"], locate("effective_date"), source),
        land_grades=grades, land_share=share, crops=crops, house_prices=houses, condition_bands=bands,
        moving=val(mv, "rate", "moving.rate"), transition=val(tr_, "rate", "transition.rate"),
        transition_months=val(tr_, "months", "transition.months"),
        social_security=val(ss, "rate", "social_security.rate"), attachments=attachments,
        reclamation=val(rc, "rate", "reclamation.rate"),
        new_cropland_ratio=_fraction(_need(rc, "new_cropland_ratio", "reclamation.new_cropland_ratio", source, locate),
                                     locate("reclamation.new_cropland_ratio"), source),
        contingency=_fraction(_need(ct, "rate", "contingency.rate", source, locate), locate("contingency.rate"),
                              source, Decimal(100)) / 100,
        village_grades=villages, default_grade=default_grade, county_code=str(data.get("county_code", "")),
        notes=str(data.get("notes", "")), source=source)


def _bands(sec: dict, source: str, locate: Locator) -> tuple:
    raw = sec.get("bands")
    if not isinstance(raw, list) or not raw:
        raise LandOfficeError("Standard {source}: {where} is missing or empty. Add the rates and load the standard "
                              "again.", source=source, where=locate("condition.bands"))
    out, last = [], -1
    for band in raw:
        max_age = band.get("max_age")
        factor = _fraction(_need(band, "factor", "condition.bands.factor", source, locate),
                           locate("condition.bands.factor"), source)
        if max_age in (None, ""):
            out.append((None, factor))
            break
        age = int(_num(max_age, locate("condition.bands.max_age"), source))
        if age <= last:
            raise LandOfficeError("Standard {source}: {where}: the age bands must be in ascending order of max_age. "
                                  "Sort them.", source=source, where=locate("condition.bands.max_age"))
        last = age
        out.append((age, factor))
    return tuple(out)


def standard_to_dict(st: Standard) -> dict:
    """The JSON layout of a standard (what :func:`parse_standard` reads)."""
    def num(d):
        return float(d) if d != int(d) else int(d)

    return {
        "schema": SCHEMA_ID, "schema_version": SCHEMA_VERSION, "name": st.name, "county": st.county,
        "county_code": st.county_code, "year": st.year, "document": st.document,
        "effective_date": st.effective_date.isoformat(), "notes": st.notes,
        "land_price": {"unit": "元/亩", "grades": {k: num(v) for k, v in st.land_grades.items()},
                       "land_compensation_share": num(st.land_share), "default_grade": st.default_grade,
                       "villages": dict(st.village_grades)},
        "crops": {"unit": "元/亩", "rates": {k: num(v) for k, v in st.crops.items()}},
        "houses": {"unit": "元/平方米", "prices": {k: num(v) for k, v in st.house_prices.items()}},
        "condition": {"bands": [{"max_age": a, "factor": num(f)} for a, f in st.condition_bands]},
        "moving": {"unit": "元/户", "rate": num(st.moving)},
        "transition": {"unit": "元/人·月", "rate": num(st.transition), "months": num(st.transition_months)},
        "social_security": {"unit": "元/人", "rate": num(st.social_security)},
        "attachments": {"unit": "元/宗", "items": [{"name": n, "rate": num(r)} for n, r in st.attachments]},
        "reclamation": {"unit": "元/亩", "rate": num(st.reclamation), "new_cropland_ratio": num(st.new_cropland_ratio)},
        "contingency": {"unit": "%", "rate": num(st.contingency * 100)},
    }
