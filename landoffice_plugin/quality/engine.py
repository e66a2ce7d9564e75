"""``run_quality``: every chosen rule over the role layers, headless; red lights, counts and notes.

A rule whose layer was not given is skipped with a note, and so is one that found nothing to look at
(an empty layer, no KCXS anywhere): a zero in the counts then never stands for "not checked".
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.i18n import tr
from landoffice_plugin.log import get_logger

from . import checks_area, checks_attributes, checks_cross, checks_topology
from .context import load_context
from .findings import Findings
from .rules import QualityRules

CHECKS = {**checks_attributes.CHECKS, **checks_area.CHECKS, **checks_topology.CHECKS, **checks_cross.CHECKS}
ROLES = ("DLTB", "CJDCQ", "XZQ", "YJJBNTTB", "ZD", "ZRZ")
# besides the rule's own role, a rule reads DLTB (the cross rules and the admin containment)
NEEDS = {rule_id: {"DLTB"} for rule_id in CHECKS}
NEEDS["zrz_outside_parcel"] = {"DLTB", "ZD"}


@dataclass
class QualityResult:
    table: dict  # column -> array, with 'geoms'
    counts: dict  # rule -> red lights
    checked: dict  # rule -> features looked at
    notes: list = field(default_factory=list)
    seconds: dict = field(default_factory=dict)  # rule -> s
    rules: list = field(default_factory=list)  # the Rule objects run or skipped
    crs: object = None
    village_names: dict = field(default_factory=dict)

    @property
    def total(self) -> int:
        return len(self.table["rule"])


def _village_names(ctx) -> dict:
    for role, code, name in (("CJDCQ", "ZLDWDM", "ZLDWMC"), ("DLTB", "ZLDWDM", "ZLDWMC")):
        if role in ctx and ctx[role].has(name):
            data = ctx[role]
            return dict(zip([c[:12] for c in data.text(code).tolist()], data.text(name).tolist()))
    return {}


def run_quality(inputs: dict, rules: QualityRules, groups=None, feedback=None) -> QualityResult:
    """Check the role layers ``inputs`` ({role: LayerInput}; DLTB required) with the enabled rules of
    ``groups`` (None: all). ``feedback``: an optional QgsProcessingFeedback (progress, cancel)."""
    if "DLTB" not in inputs:
        raise LandOfficeError("The land-use patch layer (DLTB) is missing: every quality rule needs it. "
                              "Choose the DLTB layer.")
    chosen = rules.chosen(groups)
    if not chosen:
        raise LandOfficeError("No rule is enabled in the groups chosen ({groups}): enable a rule in the rules file "
                              "or choose other groups.", groups=", ".join(groups or ()) or "—")
    started = time.perf_counter()
    ctx = load_context({r: inp for r, inp in inputs.items() if r in ROLES}, rules.snap_grid)
    out = Findings()
    notes, seconds = [], {"read": round(time.perf_counter() - started, 3)}
    for k, rule in enumerate(chosen):
        if feedback is not None:
            if feedback.isCanceled():
                break
            feedback.setProgress(100.0 * k / len(chosen))
        missing = sorted(({rule.role} | NEEDS[rule.id]) - set(ctx.roles))
        if missing:
            out.checked[rule.id] = 0
            notes.append(tr("{rule} ({title}) not checked: layer {layer} not given").format(
                rule=rule.id, title=rule.title, layer=", ".join(missing)))
            continue
        t0 = time.perf_counter()
        out.checked[rule.id] = CHECKS[rule.id](ctx, rule, out)
        seconds[rule.id] = round(time.perf_counter() - t0, 3)
        if rule.id in out.notes:
            notes.append(f"{rule.id} ({rule.title}): {out.notes[rule.id]}")
        if out.checked[rule.id] == 0:
            notes.append(tr("{rule} ({title}) found nothing to check in layer {layer}").format(
                rule=rule.id, title=rule.title, layer=rule.role))
    counts = {rule.id: out.count(rule.id) for rule in chosen}
    seconds["total"] = round(time.perf_counter() - started, 3)
    get_logger().info("Quality check: %d red lights from %d rules in %.1f s", len(out.rows), len(chosen),
                      seconds["total"])
    return QualityResult(out.table(), counts, dict(out.checked), notes, seconds, chosen, ctx.crs, _village_names(ctx))
