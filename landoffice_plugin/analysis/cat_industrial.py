"""低效工业用地: industrial enterprises (GYQY) joined to their parcels (ZD) by ZDDM.

Plot ratio (RJL) and coverage (JZMD) come from GYQY; where missing they are computed from the
buildings (ZRZ: floor area JZMJ and footprints) on the parcel. Tax per 亩 is NSSS, else
SSZE / parcel area in 亩.
"""
from __future__ import annotations

import numpy as np
import shapely

from landoffice_plugin.core.area import SQM_PER_MU
from landoffice_plugin.i18n import zh

from .claims import Claims
from .columns import text
from .loading import LayerArrays, numbers


def _from_buildings(zrz, codes: np.ndarray, parcel_area: np.ndarray):
    """(plot ratio, coverage) per parcel code from ZRZ, NaN where the parcel has no building."""
    if zrz is None or len(zrz) == 0:
        nan = np.full(len(codes), np.nan)
        return nan, nan.copy()
    index = {c: i for i, c in enumerate(codes)}
    which = np.asarray([index.get(c, -1) for c in text(zrz.col("ZDDM"))])
    ok = which >= 0
    floor = np.bincount(which[ok], weights=np.nan_to_num(numbers(zrz.col("JZMJ"))[ok]), minlength=len(codes))
    foot = np.bincount(which[ok], weights=shapely.area(zrz.geoms[ok]), minlength=len(codes))
    has = np.bincount(which[ok], minlength=len(codes)) > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        return (np.where(has, floor / parcel_area, np.nan), np.where(has, foot / parcel_area, np.nan))


def inefficient(gyqy: LayerArrays, zd: LayerArrays, zrz, rules) -> Claims:
    sec = rules.sections["inefficient"]
    zd_codes = text(zd.col("ZDDM"))
    first = {}
    for i, c in enumerate(zd_codes):
        if c:
            first.setdefault(c, i)
    parcel = np.asarray([first.get(c, -1) for c in text(gyqy.col("ZDDM"))])
    ok = parcel >= 0
    if not ok.any():
        return Claims.empty("inefficient")
    g = gyqy.take(np.flatnonzero(ok))
    p = parcel[ok]
    area = shapely.area(zd.geoms[p])
    rjl, jzmd = numbers(g.col("RJL")), numbers(g.col("JZMD"))
    b_rjl, b_jzmd = _from_buildings(zrz, zd_codes[p], area)
    rjl = np.where(np.isnan(rjl), b_rjl, rjl)
    jzmd = np.where(np.isnan(jzmd), b_jzmd, jzmd)
    ydmj = numbers(g.col("YDMJ"))
    mu = np.where(ydmj > 0, ydmj, area) / SQM_PER_MU
    tax = numbers(g.col("NSSS"))
    tax = np.where(np.isnan(tax), numbers(g.col("SSZE")) / mu, tax)
    low = {"rjl": rjl < float(sec["min_plot_ratio"]), "jzmd": jzmd < float(sec["min_coverage"])}
    tax_min = float(sec["min_tax_per_mu"])
    low["tax"] = tax < tax_min if tax_min > 0 else np.zeros(len(g), dtype=bool)
    share = float(sec["tax_share_of_mean"])
    mean_tax = float(np.nanmean(tax)) if np.isfinite(tax).any() else np.nan
    if share > 0 and np.isfinite(mean_tax):
        low["mean"] = tax < share * mean_tax
    texts = {"rjl": zh("plot ratio {value} under {limit}"), "jzmd": zh("coverage {value} under {limit}"),
             "tax": zh("tax {value} under {limit} (10,000 yuan per mu)"),
             "mean": zh("tax {value} under {limit} of the county mean (10,000 yuan per mu)")}
    values = {"rjl": (rjl, sec["min_plot_ratio"]), "jzmd": (jzmd, sec["min_coverage"]), "tax": (tax, tax_min),
              "mean": (tax, f"{share:.0%}")}
    names = text(g.col("QYMC"))
    by_parcel: dict = {}
    for i in range(len(g)):
        why = [texts[k].format(value=f"{values[k][0][i]:.2f}", limit=values[k][1]) for k in low if low[k][i]]
        if not why:
            continue
        entry = by_parcel.setdefault(int(p[i]), ([], []))
        entry[0].append(f"{names[i]}：" + "；".join(why) if names[i] else "；".join(why))
        entry[1].append(f"GYQY:{g.fids[i]}")
    keys = np.asarray(sorted(by_parcel), dtype=np.intp)
    reasons = np.asarray([" / ".join(by_parcel[k][0]) for k in keys], dtype=object)
    sources = np.asarray([";".join(by_parcel[k][1] + [f"ZD:{zd.fids[k]}"]) for k in keys], dtype=object)
    return Claims("inefficient", zd.geoms[keys], reasons, sources, np.full(len(keys), np.nan), feature=keys)
