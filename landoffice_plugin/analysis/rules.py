"""The rules file (TOML, ``resources/potential/rules.toml``): loading and validation.

TOML was chosen over JSON because offices need comments next to thresholds and because
``tomllib`` reports syntax errors with their line. Unknown keys and wrong types are found
here, and their line is located by scanning the text (tomllib does not keep positions).
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from landoffice_plugin.core import toml_text as tomllib  # tomllib, or tomli on Python 3.9
from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.paths import resource_path

from .categories import CATEGORY_IDS

NUM = (int, float)
STRS = "list[str]"
TOP = {"name": str, "version": int, "data_date": str, "hard_constraints": STRS, "precedence": STRS,
       "snap_grid": NUM, "min_piece_m2": NUM}
SECTIONS = {
    "unsupplied": {"enabled": bool, "min_area_m2": NUM},
    "idle": {"enabled": bool, "months_after_start": int, "built_share_below": NUM,
             "invested_share_below": NUM, "require_no_construction": bool, "not_built_codes": STRS},
    "inefficient": {"enabled": bool, "min_plot_ratio": NUM, "min_coverage": NUM, "min_tax_per_mu": NUM,
                    "tax_share_of_mean": NUM},
    "linkage": {"enabled": bool, "landuse_codes": STRS, "czcsxm_codes": STRS, "village_codes": STRS,
                "village_field": str, "village_field_values": STRS},
    "boundary": {"enabled": bool, "zone_codes": STRS},
    "recovery": {"enabled": bool, "zzsxdm_codes": STRS},
}
CONSTRAINT_ROLES = ("YJJBNTTB", "STBHHX")
_HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_\-]+)\s*\]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")


def default_rules_path() -> Path:
    return resource_path("potential", "rules.toml")


@dataclass
class Rules:
    """Validated rules; ``sections[cat]`` holds each category's settings."""

    path: str
    name: str
    data_date: datetime.date
    hard_constraints: list
    precedence: list
    snap_grid: float
    min_piece_m2: float
    sections: dict = field(default_factory=dict)

    def enabled(self, cat_id: str) -> bool:
        return bool(self.sections.get(cat_id, {}).get("enabled", True))

    def get(self, cat_id: str, key: str):
        return self.sections[cat_id][key]

    def as_rows(self) -> list:
        """(key, value) pairs for reports: every rule that was used."""
        rows = [("file", self.path), ("name", self.name), ("data_date", self.data_date.isoformat()),
                ("hard_constraints", ", ".join(self.hard_constraints)),
                ("precedence", " > ".join(self.precedence)), ("snap_grid", self.snap_grid),
                ("min_piece_m2", self.min_piece_m2)]
        for sec in CATEGORY_IDS:
            for key, value in self.sections.get(sec, {}).items():
                rows.append((f"{sec}.{key}", ", ".join(value) if isinstance(value, list) else value))
        return rows


def key_lines(text: str) -> dict:
    """{(section, key): line} and {(section, None): line} for headers, by scanning the text."""
    lines, section = {}, None
    for number, line in enumerate(text.splitlines(), start=1):
        head = _HEADER.match(line)
        if head:
            section = head.group(1)
            lines.setdefault((section, None), number)
            continue
        key = _KEY.match(line)
        if key:
            lines.setdefault((section, key.group(1)), number)
    return lines


def _type_ok(value, expected) -> bool:
    if expected == STRS:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if expected is bool:
        return isinstance(value, bool)
    if isinstance(value, bool):
        return False
    if expected is float or expected == NUM:
        return isinstance(value, NUM)
    return isinstance(value, expected)


def _type_name(expected) -> str:
    if expected == STRS:
        return "list of strings"
    if expected == NUM:
        return "number"
    return {bool: "true/false", int: "integer", str: "string"}.get(expected, str(expected))


def _bad_key(path, line, key):
    return LandOfficeError("Rules file {path}, line {line}: unknown key '{key}'. Remove it or check its spelling "
                           "against the shipped rules.toml.", path=str(path), line=line, key=key)


def _bad_type(path, line, key, expected, value):
    return LandOfficeError("Rules file {path}, line {line}: '{key}' must be a {expected}, not {value}. "
                           "Correct the value.", path=str(path), line=line, key=key,
                           expected=_type_name(expected), value=repr(value))


def _check(path, data: dict, schema: dict, section: Optional[str], lines: dict) -> None:
    for key, value in data.items():
        line = lines.get((section, key), lines.get((section, None), "?"))
        if key not in schema:
            raise _bad_key(path, line, f"{section}.{key}" if section else key)
        if not _type_ok(value, schema[key]):
            raise _bad_type(path, line, f"{section}.{key}" if section else key, schema[key], value)


def parse_rules(text: str, path="rules.toml") -> Rules:
    """Validate the TOML ``text``; raise LandOfficeError naming the line and the reason."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise LandOfficeError("Rules file {path} is not valid TOML: {reason}. Correct that line.",
                              path=str(path), reason=str(err)) from err
    lines = key_lines(text)
    top = {k: v for k, v in data.items() if not isinstance(v, dict)}
    _check(path, top, TOP, None, lines)
    for sec, values in data.items():
        if not isinstance(values, dict):
            continue
        if sec not in SECTIONS:
            raise _bad_key(path, lines.get((sec, None), "?"), sec)
        _check(path, values, SECTIONS[sec], sec, lines)
    defaults = tomllib.loads(default_rules_path().read_text(encoding="utf-8"))
    merged = {sec: {**defaults.get(sec, {}), **data.get(sec, {})} for sec in SECTIONS}
    get = lambda key: data.get(key, defaults.get(key))  # noqa: E731
    precedence = list(get("precedence"))
    for cat in precedence:
        if cat not in CATEGORY_IDS:
            raise LandOfficeError("Rules file {path}, line {line}: unknown category '{value}' in precedence; "
                                  "use {choices}.", path=str(path), line=lines.get((None, "precedence"), "?"),
                                  value=cat, choices=", ".join(CATEGORY_IDS))
    precedence += [c for c in CATEGORY_IDS if c not in precedence]
    date_text = (get("data_date") or "").strip()
    try:
        day = datetime.date.fromisoformat(date_text) if date_text else datetime.date.today()
    except ValueError as err:
        raise LandOfficeError("Rules file {path}, line {line}: data_date '{value}' is not a date; write it "
                              "as YYYY-MM-DD.", path=str(path), line=lines.get((None, "data_date"), "?"),
                              value=date_text) from err
    return Rules(path=str(path), name=str(get("name") or ""), data_date=day,
                 hard_constraints=[c.upper() for c in get("hard_constraints")], precedence=precedence,
                 snap_grid=float(get("snap_grid")), min_piece_m2=float(get("min_piece_m2")), sections=merged)


def load_rules(path=None) -> Rules:
    """Rules from ``path`` (default: the shipped file)."""
    path = Path(path) if path else default_rules_path()
    if not path.is_file():
        raise LandOfficeError("Rules file {path} does not exist: choose an existing .toml file or leave the "
                              "rules empty to use the shipped ones.", path=str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise LandOfficeError("Rules file {path} is not UTF-8 text: save it as UTF-8.", path=str(path)) from err
    return parse_rules(text, path)
