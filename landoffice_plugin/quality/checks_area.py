"""Area identities of DLTB: TBMJ = ellipsoidal area, KCMJ = round(TBMJ × KCXS, 2), TBDLMJ = TBMJ − KCMJ,
KCXS only on sloped cropland (:func:`core.area.deduction_areas`, :func:`core.landuse.is_cropland`)."""
from __future__ import annotations

import numpy as np

from landoffice_plugin.core.area import deduction_areas
from landoffice_plugin.core.landuse import default_codes

from .checks_attributes import _villages


def _f(x) -> str:
    return f"{x:.2f}"


def tbmj(ctx, rule, out) -> int:
    data = ctx["DLTB"]
    recorded, area = data.number("TBMJ"), ctx.areas("DLTB")
    tol = float(rule.params["tolerance_m2"])
    present = np.isfinite(recorded)
    diff = np.where(present, recorded - area, 0.0)
    villages, keys = _villages(data), data.keys()
    for i in np.flatnonzero(present & (np.abs(diff) > tol)):
        out.add(rule, "DLTB", data.arrays.fids[i], keys[i],
                rule.text(recorded=_f(recorded[i]), computed=_f(area[i]), diff=f"{diff[i]:+.2f}", tolerance=tol),
                data.geoms[i], area[i], villages[i])
    return int(present.sum())


def _identity(ctx, rule, out, recorded, computed) -> int:
    """A recorded area against the one its identity gives (an empty recorded value is a red light too)."""
    data, tb = ctx["DLTB"], data_tbmj(ctx)
    tol = float(rule.params["tolerance_m2"]) + 1e-9
    checked = np.isfinite(tb)
    bad = checked & ~(np.abs(recorded - computed) <= tol)
    villages, keys = _villages(data), data.keys()
    for i in np.flatnonzero(bad):
        shown = "空" if not np.isfinite(recorded[i]) else _f(recorded[i])
        out.add(rule, "DLTB", data.arrays.fids[i], keys[i], rule.text(recorded=shown, computed=_f(computed[i])),
                data.geoms[i], ctx.areas("DLTB")[i], villages[i])
    return int(checked.sum())


def data_tbmj(ctx) -> np.ndarray:
    return ctx["DLTB"].number("TBMJ")


def kcmj(ctx, rule, out) -> int:
    """KCMJ = round(TBMJ × KCXS, 2) (no KCXS: 0)."""
    data = ctx["DLTB"]
    computed, _ = deduction_areas(data_tbmj(ctx), data.number("KCXS"))
    return _identity(ctx, rule, out, np.where(np.isfinite(data.number("KCMJ")), data.number("KCMJ"),
                                              np.where(computed == 0, 0.0, np.nan)), computed)


def tbdlmj(ctx, rule, out) -> int:
    """TBDLMJ = TBMJ − KCMJ as recorded (a wrong KCMJ is the KCMJ rule's red light, not this one's)."""
    data = ctx["DLTB"]
    computed = np.round(data_tbmj(ctx) - np.nan_to_num(data.number("KCMJ")), 2)
    return _identity(ctx, rule, out, data.number("TBDLMJ"), computed)


def kcxs_scope(ctx, rule, out) -> int:
    data = ctx["DLTB"]
    kcxs = np.nan_to_num(data.number("KCXS"))
    grade = data.number("GDPDJB") if data.has("GDPDJB") else np.full(len(data), np.nan)
    codes = data.text("DLBM")
    cropland = {c: default_codes().is_cropland(c) for c in set(codes.tolist())}
    is_crop = np.asarray([cropland[c] for c in codes.tolist()], dtype=bool)
    grade_min = int(rule.params["min_slope_grade"])
    sloped = is_crop & (np.nan_to_num(grade) >= grade_min)
    bad = (kcxs > 0) & ~sloped
    villages, keys = _villages(data), data.keys()
    grades = data.text("GDPDJB") if data.has("GDPDJB") else np.full(len(data), "", dtype=object)
    for i in np.flatnonzero(bad):
        out.add(rule, "DLTB", data.arrays.fids[i], keys[i],
                rule.text(value=f"{kcxs[i]:g}", grade_min=grade_min, dlbm=codes[i], grade=grades[i]),
                data.geoms[i], ctx.areas("DLTB")[i], villages[i])
    return int((kcxs > 0).sum())


def _unit_totals(ctx, rule, out, role: str, code_field: str, length: int) -> int:
    """Each unit's (village: 12 digits of ZLDWDM; township: 9) sum of TBMJ against the unit's area — its recorded
    DCMJ when the unit layer has one, else its ellipsoidal area — within tolerance_m2 + tolerance_share × area."""
    data, units = ctx["DLTB"], ctx[role]
    codes = units.text(code_field)
    recorded = units.number("DCMJ") if units.has("DCMJ") else np.full(len(units), np.nan)
    areas = np.where(np.isfinite(recorded), recorded, ctx.areas(role))
    tbmj = np.nan_to_num(data_tbmj(ctx))
    owner = np.asarray([c[:length] for c in data.text("ZLDWDM").tolist()], dtype=object)
    totals: dict = {}
    for code, value in zip(owner.tolist(), tbmj.tolist()):
        totals[code] = totals.get(code, 0.0) + value
    tol, share = float(rule.params["tolerance_m2"]), float(rule.params["tolerance_share"])
    checked = 0
    for i, code in enumerate(codes.tolist()):
        code = code[:length]
        if not code or code not in totals:
            continue
        checked += 1
        diff = totals[code] - areas[i]
        if abs(diff) > tol + share * abs(areas[i]):
            source = "DCMJ" if np.isfinite(recorded[i]) else "椭球面积"
            out.add(rule, role, units.arrays.fids[i], code,
                    rule.text(code=code, total=_f(totals[code]), area=_f(areas[i]), source=source,
                              diff=f"{diff:+.2f}"), units.geoms[i], areas[i], code if length == 12 else "")
    return checked


def village_total(ctx, rule, out) -> int:
    return _unit_totals(ctx, rule, out, "CJDCQ", "ZLDWDM", 12)


def township_total(ctx, rule, out) -> int:
    return _unit_totals(ctx, rule, out, "XZQ", "XZQDM", 9)


CHECKS = {"dltb_village_total": village_total, "dltb_township_total": township_total, "dltb_tbmj": tbmj,
          "dltb_kcmj": kcmj, "dltb_tbdlmj": tbdlmj, "dltb_kcxs_scope": kcxs_scope}
