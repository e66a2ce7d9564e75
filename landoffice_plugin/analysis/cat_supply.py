"""批而未供 and 闲置土地/供而未用: from approvals (PZYD) and land supply (GYYD)."""
from __future__ import annotations

import numpy as np

from landoffice_plugin.i18n import zh

from .claims import Claims, not_built_mask, years_between
from .columns import text
from .geomops import nonempty, subtract
from .loading import LayerArrays, dates, numbers


def unsupplied(pzyd: LayerArrays, gyyd, rules, day: np.datetime64, grid: float) -> Claims:
    """Approved batches minus every supply; pieces under ``min_area_m2`` are slivers."""
    geoms = pzyd.geoms if gyyd is None else subtract(pzyd.geoms, gyyd.geoms, grid)
    keep = nonempty(geoms, float(rules.get("unsupplied", "min_area_m2")))
    approved = dates(pzyd.col("PZRQ"))
    years = years_between(approved, day)
    wh, mc = text(pzyd.col("PZWH")), text(pzyd.col("PCMC"))
    template = zh("Approved on {date} ({document}{batch}), not supplied after {years} years")
    reasons = np.asarray([template.format(date=str(d) if not np.isnat(d) else "?", document=w,
                                          batch=f"，{m}" if m else "", years=f"{y:.1f}" if y == y else "?")
                          for d, w, m, y in zip(approved, wh, mc, years)], dtype=object)
    sources = np.asarray([f"PZYD:{f}" for f in pzyd.fids], dtype=object)
    return Claims("unsupplied", geoms[keep], reasons[keep], sources[keep], years[keep], feature=np.flatnonzero(keep))


def idle(gyyd: LayerArrays, dltb: LayerArrays, rules, day: np.datetime64) -> Claims:
    """部令第53号 as far as the data allows, limited to ground the survey shows unbuilt
    (non-construction land, or a class in ``idle.not_built_codes``, by default 1201 空闲地).

    Approximation: the data has no halt date, so "started but under 1/3 built or under 25 %
    invested" is taken as halted when the contracted start is past by the set months.
    """
    sec = rules.sections["idle"]
    contracted = dates(gyyd.col("YDKGRQ"))
    started = dates(gyyd.col("SJKGRQ"))
    months = int(sec["months_after_start"])
    due = ~np.isnat(contracted) & (contracted + np.timedelta64(months * 30 + months // 2, "D") <= day)
    area = numbers(gyyd.col("GDMJ"))
    built = numbers(gyyd.col("YJSMJ")) / np.where(area > 0, area, np.nan)
    invested = numbers(gyyd.col("YWCTZE")) / np.where(numbers(gyyd.col("YDTZE")) > 0,
                                                        numbers(gyyd.col("YDTZE")), np.nan)
    not_started = due & np.isnat(started)
    low_built = built < float(sec["built_share_below"])
    low_invest = invested < float(sec["invested_share_below"])
    halted = due & ~np.isnat(started) & (low_built | low_invest)
    unused = due & ~not_started & ~halted
    r_idle = zh("Idle: not started {months} months after the contracted start {date}")
    r_halt = zh("Idle: started, built {built} and invested {invested} of the contract; taken as halted "
                "(no halt date in the data)")
    r_unused = zh("Supplied but unused: contracted start {date} is past and the survey shows no construction")
    reasons = []
    for i in range(len(gyyd)):
        if not_started[i]:
            reasons.append(r_idle.format(months=months, date=str(contracted[i])))
        elif halted[i]:
            reasons.append(r_halt.format(built=_pct(built[i]), invested=_pct(invested[i])))
        else:
            reasons.append(r_unused.format(date=str(contracted[i])))
    keep = due & (not_started | halted | unused) & nonempty(gyyd.geoms)
    years = years_between(contracted, day)
    sources = np.asarray([f"GYYD:{f}" for f in gyyd.fids], dtype=object)
    mask = not_built_mask(text(dltb.col("DLBM")), sec["not_built_codes"]) \
        if sec["require_no_construction"] else None
    return Claims("idle", gyyd.geoms[keep], np.asarray(reasons, dtype=object)[keep], sources[keep],
                  years[keep], patch_mask=mask, feature=np.flatnonzero(keep))


def _pct(value: float) -> str:
    return "?" if not np.isfinite(value) else f"{value:.0%}"

