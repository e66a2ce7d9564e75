"""The site-check rules file (TOML, ``resources/sitecheck/rules.toml``): verdict rules, their wording, and the
rule (禁止 / 限制 / 提示) of each registered control layer.

Read through :mod:`landoffice_plugin.core.toml_text`; unknown keys and wrong types are refused with their line
(:func:`~landoffice_plugin.core.toml_text.key_lines`). A file need not repeat every rule: what it leaves out
comes from the shipped file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from landoffice_plugin.core import toml_text
from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.core.toml_text import NUM, STRS, check_keys
from landoffice_plugin.paths import resource_path

RULE_IDS = ("basic_farmland", "eco_redline", "outside_boundary", "cropland", "approved", "supplied", "buildings",
            "control_forbidden", "control_limited", "control_notice", "compliant")
RULE_KEYS = {"enabled": bool, "min_mu": NUM, "severity": int, "verdict": str, "text": str}
TOP = {"name": str, "version": int, "min_piece_m2": NUM, "household_parcel_share": NUM}
CONTROL_FIELDS = {"rule_fields": STRS, "name_fields": STRS}
LEVELS = {"禁止": "control_forbidden", "限制": "control_limited", "提示": "control_notice"}
LEVEL_ALIASES = {"forbidden": "禁止", "prohibited": "禁止", "limited": "限制", "restricted": "限制",
                 "notice": "提示", "hint": "提示"}


def default_rules_path() -> Path:
    return resource_path("sitecheck", "rules.toml")


@dataclass(frozen=True)
class Rule:
    id: str
    enabled: bool
    min_mu: float
    severity: int
    verdict: str
    text: str


@dataclass
class SiteRules:
    path: str
    name: str
    min_piece_m2: float
    household_parcel_share: float = 0.5
    rules: dict = field(default_factory=dict)      # id -> Rule
    controls: dict = field(default_factory=dict)   # layer name -> 禁止/限制/提示
    rule_fields: list = field(default_factory=list)
    name_fields: list = field(default_factory=list)

    def rule(self, rule_id: str) -> Rule:
        return self.rules[rule_id]

    def control_level(self, layer_name: str) -> Optional[str]:
        return self.controls.get(layer_name)


def normalise_level(value) -> Optional[str]:
    """禁止 / 限制 / 提示 from the Chinese word or its English name; None for anything else."""
    text = "" if value is None else str(value).strip()
    if text in LEVELS:
        return text
    return LEVEL_ALIASES.get(text.lower())


def _parse(text: str, path) -> tuple:
    try:
        data = toml_text.loads(text)
    except toml_text.TOMLDecodeError as err:
        raise LandOfficeError("Site-check rules {path} are not valid TOML: {reason}. Correct that line.",
                              path=str(path), reason=str(err)) from err
    lines = toml_text.key_lines(text)
    check_keys(path, {k: v for k, v in data.items() if not isinstance(v, dict)}, TOP, None, lines)
    for sec, values in data.items():
        if not isinstance(values, dict):
            continue
        if sec in RULE_IDS:
            check_keys(path, values, RULE_KEYS, sec, lines)
        elif sec == "control_fields":
            check_keys(path, values, CONTROL_FIELDS, sec, lines)
        elif sec == "controls":
            for layer, level in values.items():
                if normalise_level(level) is None:
                    raise LandOfficeError(
                        "Site-check rules {path}, line {line}: the rule of control layer '{layer}' must be "
                        "\"禁止\" (forbidden), \"限制\" (limited) or \"提示\" (notice), not {value}.",
                        path=str(path), line=lines.get((sec, layer), lines.get((sec, None), "?")), layer=layer,
                        value=repr(level))
        else:
            raise LandOfficeError("Site-check rules {path}, line {line}: unknown section [{key}]. The sections are: "
                                  "{sections}.", path=str(path), line=lines.get((sec, None), "?"), key=sec,
                                  sections=", ".join((*RULE_IDS, "controls", "control_fields")))
    return data, lines


def parse_site_rules(text: str, path="rules.toml") -> SiteRules:
    """Validate ``text``; the shipped file fills in what it leaves out. LandOfficeError naming the line."""
    data, _lines = _parse(text, path)
    shipped = default_rules_path()
    defaults = data if Path(str(path)) == shipped else _parse(shipped.read_text(encoding="utf-8"), shipped)[0]
    rules = {}
    for rid in RULE_IDS:
        merged = {**defaults.get(rid, {}), **data.get(rid, {})}
        missing = [k for k in RULE_KEYS if k not in merged]
        if missing:
            raise LandOfficeError("Site-check rules {path}: rule [{rule}] lacks {keys}. Add them (see the shipped "
                                  "sitecheck/rules.toml).", path=str(path), rule=rid, keys=", ".join(missing))
        rules[rid] = Rule(rid, bool(merged["enabled"]), float(merged["min_mu"]), int(merged["severity"]),
                          str(merged["verdict"]), str(merged["text"]))
    controls = {str(k): normalise_level(v) for k, v in {**defaults.get("controls", {}),
                                                        **data.get("controls", {})}.items()}
    cf = {**defaults.get("control_fields", {}), **data.get("control_fields", {})}
    get = lambda key, default: data.get(key, defaults.get(key, default))  # noqa: E731
    return SiteRules(str(path), str(get("name", "")), float(get("min_piece_m2", 0.5)),
                     float(get("household_parcel_share", 0.5)), rules, controls, list(cf.get("rule_fields", [])),
                     list(cf.get("name_fields", [])))


def load_site_rules(path=None) -> SiteRules:
    """Rules from ``path`` (empty: the shipped file)."""
    path = Path(path) if path else default_rules_path()
    if not path.is_file():
        raise LandOfficeError("Site-check rules {path} do not exist: choose an existing .toml file or leave RULES "
                              "empty to use the shipped ones.", path=str(path))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise LandOfficeError("Site-check rules {path} are not UTF-8 text: save them as UTF-8.",
                              path=str(path)) from err
    return parse_site_rules(text, path)
