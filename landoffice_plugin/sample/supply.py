"""Approvals (PZYD), land supply (GYYD) and industrial enterprises (GYQY).

Approved batches lie on the edge of each town; some batches were never supplied (批而未供),
some supplies never started (SJKGRQ NULL: idle), some are under-invested or under-built,
and enterprises' tax per 亩 is spread widely so some fall far under the county mean.
"""
from __future__ import annotations

import numpy as np
import shapely

from ..core.area import SQM_PER_MU, ellipsoidal_areas
from .admin import Admin
from .geography import EPSG, Geography
from .landuse_mix import LandUse
from .names import COUNTY_CODE, PROVINCE_SHORT, company_names
from .tessellation import Patches

REFERENCE_DAY = np.datetime64("2024-12-31")
UNSUPPLIED_SHARE = 0.2
IDLE_SHARE = 0.15
SECTORS, BANDS = 12, 3


def _days(rng, lo, hi, n):
    return rng.integers(lo, hi + 1, n).astype("timedelta64[D]")


def approvals(rng, geo: Geography, patches: Patches, lu: LandUse, admin: Admin):
    """PZYD batches: unions of town-edge patches grouped by sector and ring; returns (table, members)."""
    xy = patches.anchor
    d = np.sqrt(((xy[:, None, :] - geo.town_xy[None]) ** 2).sum(axis=2)) / geo.town_radius[None]
    t = d.argmin(axis=1)
    rel = d[np.arange(len(xy)), t]
    cand = np.flatnonzero((rel > 0.45) & (rel < 1.45) & (patches.line_code == "") & (patches.town == t))
    ang = np.arctan2(xy[cand, 1] - geo.town_xy[t[cand], 1], xy[cand, 0] - geo.town_xy[t[cand], 0])
    sector = ((ang + np.pi) / (2 * np.pi) * SECTORS).astype(int) % SECTORS
    band = np.minimum(((rel[cand] - 0.45) / 1.0 * BANDS).astype(int), BANDS - 1)
    key = (t[cand] * SECTORS + sector) * BANDS + band
    keys = np.unique(key)
    keys = keys[rng.random(len(keys)) < 0.6]
    geoms, members, town = [], [], []
    for k in keys:
        m = cand[key == k]
        geoms.append(shapely.coverage_union_all(patches.geoms[m]))
        members.append(m)
        town.append(int(k // (SECTORS * BANDS)))
    n = len(geoms)
    geoms = np.asarray(geoms, dtype=object)
    pzrq = (rng.integers(0, 15 * 365, n) + np.datetime64("2010-01-01").astype(np.int64)).astype("datetime64[D]")
    years = pzrq.astype("datetime64[Y]").astype(int) + 1970
    seq = rng.integers(10, 400, n)
    batch_no = {}
    pcmc = []
    for tw, y in zip(town, years):
        batch_no[(tw, y)] = batch_no.get((tw, y), 0) + 1
        pcmc.append(f"{admin.town_name[tw]}{y}年度第{batch_no[(tw, y)]}批次城镇建设用地")
    table = {"geoms": geoms, "PZWH": np.asarray([f"{PROVINCE_SHORT}政地〔{y}〕{s}号" for y, s in zip(years, seq)],
                                                dtype=object),
             "PCMC": np.asarray(pcmc, dtype=object), "PZRQ": pzrq,
             "PZMJ": np.round(ellipsoidal_areas(geoms, EPSG), 2),
             "XZQDM": np.asarray([admin.town_code[tw] for tw in town], dtype=object)}
    return table, members


def supplies(rng, patches: Patches, lu: LandUse, admin: Admin, pzyd: dict, members: list) -> dict:
    """GYYD: 1–4 supplies per approved batch, covering part of it; some batches none at all."""
    rows = {k: [] for k in ("geoms", "town", "pzrq", "industrial")}
    for b, m in enumerate(members):
        if rng.random() < UNSUPPLIED_SHARE or len(m) < 2:
            continue
        k = int(min(rng.integers(1, 5), len(m)))
        order = m[np.argsort(patches.anchor[m, 0] + 0.3 * patches.anchor[m, 1])]
        chunks = np.array_split(order, k)
        n_supplied = k if k == 1 or rng.random() < 0.5 else k - 1
        for chunk in chunks[:n_supplied]:
            rows["geoms"].append(shapely.coverage_union_all(patches.geoms[chunk]))
            rows["town"].append(int(admin.village_town[patches.village[chunk[0]]]))
            rows["pzrq"].append(pzyd["PZRQ"][b])
            rows["industrial"].append(bool(lu.industrial[chunk].mean() > 0.5))
    n = len(rows["geoms"])
    geoms = np.asarray(rows["geoms"], dtype=object)
    gdmj = np.round(ellipsoidal_areas(geoms, EPSG), 2) if n else np.zeros(0)
    industrial = np.asarray(rows["industrial"], bool)
    yt = np.where(industrial, "0601", rng.choice(["05H1", "0701", "08H2"], size=n, p=[0.45, 0.45, 0.1])).astype(object)
    gdfs = np.where((yt == "08H2") | (rng.random(n) < 0.05), "划拨", "出让").astype(object)
    pz = np.asarray(rows["pzrq"], dtype="datetime64[D]")
    gyrq = np.minimum(pz + _days(rng, 30, 900, n), np.datetime64("2024-10-31"))
    ydkgrq = gyrq + _days(rng, 90, 365, n)
    ydjgrq = ydkgrq + _days(rng, 730, 1095, n)
    started = rng.random(n) >= IDLE_SHARE
    sjkgrq = np.where(started, ydkgrq + _days(rng, 0, 200, n), np.datetime64("NaT"))
    sjkgrq = np.where(sjkgrq > REFERENCE_DAY, np.datetime64("NaT"), sjkgrq)
    mu = gdmj / SQM_PER_MU
    ydtze = np.round(mu * rng.uniform(150, 450, n), 1)
    progress = np.where(np.isnat(sjkgrq), 0.0, np.clip(rng.beta(2.2, 1.2, n), 0.03, 1.0))
    ywctze = np.round(ydtze * progress, 1)
    built = np.where(np.isnat(sjkgrq), 0.0, np.clip(progress * rng.uniform(0.6, 1.1, n), 0, 1))
    yjsmj = np.round(gdmj * built, 2)
    srr = company_names(rng, n, [admin.town_stem(t) for t in range(len(admin.town_name))])
    years = gyrq.astype("datetime64[Y]").astype(int) + 1970
    seq = _rank(years) + 1
    return {
        "geoms": geoms, "DZJGH": np.asarray([f"{COUNTY_CODE}{y}B{s:05d}" for y, s in zip(years, seq)], dtype=object),
        "XMMC": np.asarray([f"{s[2:-4]}{'厂房' if i else '开发'}项目" for s, i in zip(srr, industrial)], dtype=object),
        "SRR": np.asarray(srr, dtype=object), "GDFS": gdfs, "YT": yt, "GYRQ": gyrq, "YDKGRQ": ydkgrq,
        "SJKGRQ": sjkgrq, "YDJGRQ": ydjgrq, "GDMJ": gdmj, "YDTZE": ydtze, "YWCTZE": ywctze, "YJSMJ": yjsmj,
    }


def _rank(group):
    order = np.argsort(group, kind="stable")
    g = group[order]
    start = np.r_[0, np.flatnonzero(np.diff(g)) + 1]
    r = np.arange(len(g)) - np.repeat(start, np.diff(np.r_[start, len(g)]))
    out = np.empty(len(g), dtype=np.int64)
    out[order] = r
    return out


def enterprises(rng, zd: dict, zrz: dict, area: np.ndarray) -> dict:
    """GYQY: one enterprise per state industrial parcel, at a point inside it."""
    sel = np.flatnonzero((zd["YT"] == "0601") & np.asarray([c[12:13] == "G" for c in zd["ZDDM"]]))
    n_parcels = len(zd["ZDDM"])
    fp = np.bincount(zrz["parcel"], weights=zrz["footprint"], minlength=n_parcels)
    floor_area = np.bincount(zrz["parcel"], weights=zrz["JZMJ"], minlength=n_parcels)
    ydmj = area[sel]
    names = zd["QLRMC"][sel].copy()
    missing = np.flatnonzero([not x for x in names])
    if len(missing):
        names[missing] = company_names(rng, len(missing), ["澄湖"])
    mu = ydmj / SQM_PER_MU
    per_mu = rng.lognormal(np.log(22.0), 0.85, len(sel))
    ssze = np.round(per_mu * mu, 1)
    return {
        "geoms": shapely.point_on_surface(zd["geoms"][sel]), "QYMC": names, "ZDDM": zd["ZDDM"][sel],
        "YDMJ": np.round(ydmj, 2), "RJL": np.round(floor_area[sel] / ydmj, 2),
        "JZMD": np.round(fp[sel] / ydmj, 3), "SSZE": ssze, "NSSS": np.round(ssze / mu, 2),
    }
