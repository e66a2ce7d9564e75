"""``run_quality``: every chosen rule over the role layers, headless; red lights, counts and notes.

A rule whose layer was not given is skipped with a note, and so is one that found nothing to look at
(an empty layer, no KCXS anywhere): a zero in the counts then never stands for "not checked".

Rerun only on what changed: with a ``cache`` (a dict the caller keeps between runs, e.g. the panel), each
rule's red lights are kept under a fingerprint of the rule (parameters, message, snap grid) and of every
layer it reads (ids, geometries, the attributes loaded). A rule whose fingerprint is unchanged is not run
again — after an edit of the parcels only the parcel and building rules run.
"""
from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field

import numpy as np
import shapely

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
    reused: list = field(default_factory=list)  # rules whose red lights came from the cache (nothing changed)

    @property
    def total(self) -> int:
        return len(self.table["rule"])


def _village_names(ctx) -> dict:
    for role, code, name in (("CJDCQ", "ZLDWDM", "ZLDWMC"), ("DLTB", "ZLDWDM", "ZLDWMC")):
        if role in ctx and ctx[role].has(name):
            data = ctx[role]
            return dict(zip([c[:12] for c in data.text(code).tolist()], data.text(name).tolist()))
    return {}


def _role_fingerprint(data) -> str:
    digest = hashlib.sha1()
    digest.update(np.asarray(data.arrays.fids, dtype=np.int64).tobytes())
    for blob in shapely.to_wkb(data.raw, byte_order=1).tolist():
        digest.update(blob or b"-")
    for name in sorted(data.arrays.attrs):
        digest.update(name.encode("utf-8"))
        digest.update("\x1f".join(data.text(name).tolist()).encode("utf-8"))
    return digest.hexdigest()


def _rule_key(rule, ctx, roles: set, prints: dict) -> str:
    text = json.dumps([rule.params, rule.severity, rule.title, rule.message, ctx.grid,
                       [(r, prints[r]) for r in sorted(roles)]], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def run_quality(inputs: dict, rules: QualityRules, groups=None, feedback=None, cache: dict | None = None
                ) -> QualityResult:
    """Check the role layers ``inputs`` ({role: LayerInput}; DLTB required) with the enabled rules of
    ``groups`` (None: all). ``feedback``: an optional QgsProcessingFeedback (progress, cancel). ``cache``: see
    the module docstring (updated in place)."""
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
    prints = {role: _role_fingerprint(data) for role, data in ctx.roles.items()} if cache is not None else {}
    reused = []
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
        key = _rule_key(rule, ctx, {rule.role} | NEEDS[rule.id], prints) if cache is not None else None
        if key is not None and cache.get(rule.id, (None,))[0] == key:
            _key, rows, checked, note = cache[rule.id]
            out.rows += rows
            out.checked[rule.id] = checked
            if note:
                out.notes[rule.id] = note
            reused.append(rule.id)
        else:
            first = len(out.rows)
            out.checked[rule.id] = CHECKS[rule.id](ctx, rule, out)
            if key is not None:
                cache[rule.id] = (key, out.rows[first:], out.checked[rule.id], out.notes.get(rule.id))
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
    return QualityResult(out.table(), counts, dict(out.checked), notes, seconds, chosen, ctx.crs, _village_names(ctx),
                         reused)
