"""The rules file (TOML, ``resources/potential/rules.toml``): loading and validation.

TOML was chosen over JSON because offices need comments next to thresholds and because
``tomllib`` reports syntax errors with their line. Unknown keys and wrong types are found
here, and their line is located by scanning the text (tomllib does not keep positions).
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from landoffice_plugin.core import toml_text as tomllib  # tomllib, or tomli on Python 3.9
from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.core.toml_text import NUM, STRS, key_lines, read_rules_file
from landoffice_plugin.core.toml_text import bad_key as _bad_key
from landoffice_plugin.core.toml_text import check_keys as _check
from landoffice_plugin.paths import resource_path

from .categories import CATEGORY_IDS

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
    return parse_rules(read_rules_file(path), path)
