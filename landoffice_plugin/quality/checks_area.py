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


CHECKS = {"dltb_tbmj": tbmj, "dltb_kcmj": kcmj, "dltb_tbdlmj": tbdlmj, "dltb_kcxs_scope": kcxs_scope}
