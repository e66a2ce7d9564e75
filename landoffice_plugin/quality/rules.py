"""The quality rules file (TOML, ``resources/quality/rules.toml``): loading and validation.

Each table is one rule the engine knows (:data:`SPECS`): its group, severity, title, Chinese message
and parameters. Unknown rules, keys, placeholders in a message and wrong types are refused with
their line (the rules-file key and type check of :mod:`core.toml_text`).
A rule left out of an office's file keeps the shipped settings.
"""
from __future__ import annotations

import string
from dataclasses import dataclass, field
from pathlib import Path

from landoffice_plugin.core import toml_text
from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.core.toml_text import NUM, STRS, key_lines, read_rules_file
from landoffice_plugin.core.toml_text import check_keys as _check
from landoffice_plugin.paths import resource_path

GROUPS = ("attribute", "area", "topology", "cross")
GROUP_ZH = {"attribute": "属性", "area": "面积", "topology": "拓扑", "cross": "图层间"}
SEVERITIES = ("error", "warning")
SEVERITY_ZH = {"error": "错误", "warning": "警告"}
TOP = {"name": str, "version": int, "snap_grid": NUM}
COMMON = {"group": str, "severity": str, "enabled": bool, "title": str, "message": str}
NUMS = "table[number]"


@dataclass(frozen=True)
class Spec:
    """What the engine knows of a rule: the role it checks, its parameters and message placeholders."""

    role: str
    params: dict
    placeholders: tuple
    messages: tuple = ("message",)


SPECS = {
    "dltb_required": Spec("DLTB", {"fields": STRS}, ("field",)),
    "dltb_landuse_code": Spec("DLTB", {}, ("value",)),
    "dltb_ownership_code": Spec("DLTB", {}, ("value", "valid")),
    "dltb_bsm_format": Spec("DLTB", {}, ("value",)),
    "dltb_bsm_unique": Spec("DLTB", {}, ("value", "count")),
    "dltb_unit_code": Spec("DLTB", {"fields": STRS, "length": int}, ("field", "value", "length")),
    "zd_parcel_code": Spec("ZD", {}, ("value", "detail")),
    "zd_parcel_code_unique": Spec("ZD", {}, ("value", "count")),
    "dltb_tbmj": Spec("DLTB", {"tolerance_m2": NUM}, ("recorded", "computed", "diff", "tolerance")),
    "dltb_kcmj": Spec("DLTB", {"tolerance_m2": NUM}, ("recorded", "computed")),
    "dltb_tbdlmj": Spec("DLTB", {"tolerance_m2": NUM}, ("recorded", "computed")),
    "dltb_village_total": Spec("CJDCQ", {"tolerance_m2": NUM, "tolerance_share": NUM},
                               ("code", "total", "area", "source", "diff")),
    "dltb_township_total": Spec("XZQ", {"tolerance_m2": NUM, "tolerance_share": NUM},
                                ("code", "total", "area", "source", "diff")),
    "dltb_kcxs_scope": Spec("DLTB", {"min_slope_grade": int}, ("value", "grade_min", "dlbm", "grade")),
    "dltb_overlap": Spec("DLTB", {"min_area_m2": NUM}, ("other", "area")),
    "dltb_gap": Spec("DLTB", {"min_area_m2": NUM}, ("area",)),
    "dltb_mergeable": Spec("DLTB", {"fields": STRS, "min_shared_m": NUM}, ("other", "length", "fields")),
    "dltb_invalid_geometry": Spec("DLTB", {}, ("detail",)),
    "dltb_sliver": Spec("DLTB", {"max_width_m": NUM}, ("width", "area")),
    "dltb_min_area": Spec("DLTB", {"by_category": NUMS, "by_code": NUMS, "exempt_codes": STRS},
                          ("area", "category", "minimum")),
    "dltb_village": Spec("CJDCQ", {"min_area_m2": NUM, "missing_message": str}, ("area", "code"),
                         ("message", "missing_message")),
    "dltb_township": Spec("XZQ", {"min_area_m2": NUM, "missing_message": str}, ("area", "code"),
                          ("message", "missing_message")),
    "jbnt_not_cropland": Spec("YJJBNTTB", {"min_area_m2": NUM}, ("key", "area", "dlbm")),
    "zd_overlap": Spec("ZD", {"min_area_m2": NUM}, ("key", "other", "area")),
    "zrz_outside_parcel": Spec("ZRZ", {"min_area_m2": NUM, "missing_message": str}, ("key", "code", "area"),
                               ("message", "missing_message")),
}


def default_rules_path() -> Path:
    return resource_path("quality", "rules.toml")


@dataclass
class Rule:
    id: str
    group: str
    severity: str
    title: str
    message: str
    enabled: bool
    params: dict
    role: str

    def text(self, which: str = "message", /, **values) -> str:
        """The rule's Chinese message (or ``missing_message``) with its placeholders filled in."""
        template = self.message if which == "message" else self.params[which]
        return template.format(**values)


@dataclass
class QualityRules:
    path: str
    name: str
    snap_grid: float
    rules: dict = field(default_factory=dict)  # id -> Rule, in file order

    def chosen(self, groups=None) -> list:
        """Enabled rules of ``groups`` (all groups when None)."""
        return [r for r in self.rules.values() if r.enabled and (groups is None or r.group in groups)]


def _nums_ok(value) -> bool:
    return isinstance(value, dict) and all(isinstance(v, NUM) and not isinstance(v, bool) for v in value.values())


def _check_rule(path, rule_id: str, values: dict, lines: dict) -> None:
    spec = SPECS[rule_id]
    line = lambda key: lines.get((rule_id, key), lines.get((rule_id, None), "?"))  # noqa: E731
    tables = {k: v for k, v in values.items() if spec.params.get(k) == NUMS}
    for key, value in tables.items():
        if not _nums_ok(value):
            raise LandOfficeError("Rules file {path}, line {line}: '{key}' must be a table of numbers, e.g. "
                                  "{{ \"1202\" = 200.0 }}. Correct the value.", path=str(path), line=line(key),
                                  key=f"{rule_id}.{key}")
    schema = {**COMMON, **{k: t for k, t in spec.params.items() if t != NUMS}}
    _check(path, {k: v for k, v in values.items() if k not in tables}, schema, rule_id, lines)
    if "group" in values and values["group"] not in GROUPS:
        raise LandOfficeError("Rules file {path}, line {line}: group '{value}' of {rule} is not one of {choices}.",
                              path=str(path), line=line("group"), value=values["group"], rule=rule_id,
                              choices=", ".join(GROUPS))
    if "severity" in values and values["severity"] not in SEVERITIES:
        raise LandOfficeError("Rules file {path}, line {line}: severity '{value}' of {rule} is not one of "
                              "{choices}.", path=str(path), line=line("severity"), value=values["severity"],
                              rule=rule_id, choices=", ".join(SEVERITIES))
    for key in spec.messages:
        if key not in values:
            continue
        try:
            used = {name for _, name, _, _ in string.Formatter().parse(values[key]) if name is not None}
        except ValueError as err:
            raise LandOfficeError("Rules file {path}, line {line}: the {key} of {rule} has an unpaired brace "
                                  "({reason}). Write placeholders as {{name}}.", path=str(path), line=line(key),
                                  key=key, rule=rule_id, reason=str(err)) from err
        unknown = sorted(used - set(spec.placeholders))
        if unknown:
            raise LandOfficeError("Rules file {path}, line {line}: the {key} of {rule} uses {{{name}}}, which the "
                                  "rule does not fill in. Its placeholders: {valid}.", path=str(path),
                                  line=line(key), key=key, rule=rule_id, name=unknown[0],
                                  valid=", ".join("{" + p + "}" for p in spec.placeholders) or "—")


def parse_rules(text: str, path="rules.toml") -> QualityRules:
    """Validate the TOML ``text`` (merged over the shipped rules); LandOfficeError naming the line."""
    try:
        data = toml_text.loads(text)
    except toml_text.TOMLDecodeError as err:
        raise LandOfficeError("Rules file {path} is not valid TOML: {reason}. Correct that line.",
                              path=str(path), reason=str(err)) from err
    lines = key_lines(text)
    _check(path, {k: v for k, v in data.items() if not isinstance(v, dict)}, TOP, None, lines)
    for rule_id, values in data.items():
        if not isinstance(values, dict):
            continue
        if rule_id not in SPECS:
            raise LandOfficeError("Rules file {path}, line {line}: unknown rule '{key}'. The rules are: {rules}.",
                                  path=str(path), line=lines.get((rule_id, None), "?"), key=rule_id,
                                  rules=", ".join(SPECS))
        _check_rule(path, rule_id, values, lines)
    default_path = default_rules_path()
    defaults = data if Path(path) == default_path else toml_text.loads(default_path.read_text(encoding="utf-8"))
    rules = {}
    for rule_id in list(dict.fromkeys([*defaults, *data])):
        if rule_id not in SPECS:
            continue
        merged = {**defaults.get(rule_id, {}), **data.get(rule_id, {})}
        spec = SPECS[rule_id]
        rules[rule_id] = Rule(rule_id, merged.get("group", "attribute"), merged.get("severity", "error"),
                              merged.get("title", rule_id), merged.get("message", ""),
                              bool(merged.get("enabled", True)),
                              {k: merged[k] for k in spec.params if k in merged}, spec.role)
    grid = data.get("snap_grid", defaults.get("snap_grid", 0.001))
    return QualityRules(str(path), str(data.get("name", defaults.get("name", ""))), float(grid), rules)


def load_rules(path=None) -> QualityRules:
    """Rules from ``path`` (default: the shipped file)."""
    path = Path(path) if path else default_rules_path()
    return parse_rules(read_rules_file(path), path)
