"""DLTB attribute table: every 三调 field filled consistently."""
from __future__ import annotations

import numpy as np

from ..core.landuse import landuse_name
from .admin import Admin
from .landuse_mix import LandUse, is_construction_code
from .tessellation import Patches

YSDM_DLTB = "2001010100"
SJNF = 2023
STATE_WATER = ("1101", "1107A")
ENCLAVE_SHARE = 0.01


def _sequence_within(group: np.ndarray, sort_key: np.ndarray) -> np.ndarray:
    """1-based rank of each row inside its group, ordered by ``sort_key``."""
    order = np.lexsort((sort_key, group))
    g = group[order]
    start = np.r_[0, np.flatnonzero(np.diff(g)) + 1]
    rank_sorted = np.arange(len(g)) - np.repeat(start, np.diff(np.r_[start, len(g)]))
    rank = np.empty(len(g), dtype=np.int64)
    rank[order] = rank_sorted + 1
    return rank


def dltb_table(rng: np.random.Generator, patches: Patches, lu: LandUse, admin: Admin, area: np.ndarray) -> dict:
    n = len(patches.geoms)
    code = lu.dlbm
    names = {c: landuse_name(c) for c in sorted(set(code))}
    dlmc = np.asarray([names[c] for c in code], dtype=object)
    village = patches.village
    zldwdm = admin.zldwdm(village)
    zldwmc = admin.zldwmc(village)
    constr = is_construction_code(code)
    in_town = lu.town_zone >= 0

    qsxz = np.full(n, "30", dtype=object)
    state = (in_town & constr) | np.isin(code, ("1003", "1101"))
    qsxz[state] = np.where(np.isin(code[state], ("1004", "1101", "0810", "0810A")), "10", "20")
    collective = ~state
    pick = rng.random(n)
    qsxz[collective & (pick < 0.10)] = "31"
    qsxz[collective & (pick >= 0.10) & (pick < 0.12)] = "32"
    qsxz[collective & (pick >= 0.12) & (pick < 0.125)] = "33"
    qsxz[collective & (pick >= 0.125) & (pick < 0.13)] = "34"
    village_firm = collective & (lu.hamlet >= 0) & np.isin(code, ("0601", "05H1"))
    qsxz[village_firm & (pick > 0.5)] = "40"

    qsdwdm = zldwdm.copy()
    qsdwmc = zldwmc.copy()
    group_no = (patches.anchor[:, 0] // 400 % 12 + 1).astype(int)
    groups = qsxz == "31"
    qsdwdm[groups] = [z[:12] + f"{g:03d}" + "0000" for z, g in zip(zldwdm[groups], group_no[groups])]
    qsdwmc[groups] = [m + f"{g}组" for m, g in zip(zldwmc[groups], group_no[groups])]
    enclave = np.flatnonzero(np.isin(qsxz, ("30", "31", "32")) & (rng.random(n) < ENCLAVE_SHARE))
    other = _neighbour_village(patches, admin, enclave)
    qsdwdm[enclave] = admin.zldwdm(other)
    qsdwmc[enclave] = admin.zldwmc(other)
    qsxz[enclave] = "30"

    tbmj = np.round(area, 2)
    kcxs = lu.kcxs
    kcmj = np.round(tbmj * kcxs, 2)
    tbdlmj = np.round(tbmj - kcmj, 2)
    kcdlbm = np.where(kcxs > 0, "1203", "").astype(object)
    seq = _sequence_within(village, -patches.anchor[:, 1] * 1e-3 + patches.anchor[:, 0] * 1e-9)
    preseq = _sequence_within(village, patches.anchor[:, 0])
    return {
        "BSM": np.arange(1, n + 1) + 10_000_000,
        "YSDM": np.full(n, YSDM_DLTB, dtype=object),
        "TBYBH": np.asarray([str(s) for s in preseq], dtype=object),
        "TBBH": np.asarray([str(s) for s in seq], dtype=object),
        "DLBM": code, "DLMC": dlmc, "QSXZ": qsxz, "QSDWDM": qsdwdm, "QSDWMC": qsdwmc,
        "ZLDWDM": zldwdm, "ZLDWMC": zldwmc, "TBMJ": tbmj, "KCDLBM": kcdlbm, "KCXS": kcxs,
        "KCMJ": kcmj, "TBDLMJ": tbdlmj, "GDLX": lu.gdlx,
        "GDPDJB": np.where(lu.gdpdjb > 0, lu.gdpdjb.astype(str), "").astype(object),
        "GDDB": np.where(lu.gddb > 0, lu.gddb, None).astype(object),
        "CZCSXM": lu.czcsxm, "ZZSXDM": lu.zzsxdm, "SJNF": np.full(n, SJNF),
        "BZ": np.full(n, "", dtype=object),
    }


def _neighbour_village(patches: Patches, admin: Admin, idx: np.ndarray) -> np.ndarray:
    """For enclaves: the nearest other village of the same township (by village seed)."""
    out = np.empty(len(idx), dtype=np.int64)
    seeds = np.asarray([g.representative_point().coords[0] for g in admin.village_geom])
    for k, i in enumerate(idx):
        v = patches.village[i]
        cand = np.flatnonzero((admin.village_town == admin.village_town[v]) & (np.arange(len(seeds)) != v))
        if not len(cand):
            cand = np.flatnonzero(np.arange(len(seeds)) != v)
        d = ((seeds[cand] - patches.anchor[i]) ** 2).sum(axis=1)
        out[k] = cand[int(np.argmin(d))]
    return out
