"""Land use of every patch: a spatial mix, not salt and pepper.

Towns (urban core + an industrial park on one side), natural villages (homesteads 0702 with
rural roads and ponds), a hilly corner (forest, tea, orchards, sloping dry land), and the plain
(paddy-dominated cropland with orchard and wood clusters from smooth random fields, ponds,
aquaculture near rivers). Linear features keep their own code.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .geography import Geography
from .tessellation import Patches

# (code, weight) per zone
URBAN = (("0701", 46), ("05H1", 14), ("08H1", 4), ("08H2", 7), ("0809", 2), ("0810", 3), ("0810A", 1),
         ("1004", 12), ("1005", 1), ("1201", 3), ("1104", 2), ("0101", 5))
INDUSTRIAL = (("0601", 76), ("0508", 7), ("1004", 6), ("1201", 4), ("0101", 5), ("1107", 2))
HAMLET = (("0702", 75), ("1006", 6), ("1104", 4), ("08H2", 2), ("0601", 2), ("05H1", 2), ("1201", 2),
          ("1202", 2), ("0101", 5))
HILL = (("0301", 52), ("0305", 10), ("0307", 10), ("0202", 9), ("0201", 4), ("0301K", 3), ("0202K", 1),
        ("0103", 6), ("0602", 1), ("0906", 1), ("1104", 2), ("1203", 0.5), ("0404", 1))
PLAIN_SPRINKLE = (("1104", 4.5), ("1104K", 0.7), ("1202", 1.2), ("1201", 0.3), ("0601", 0.8), ("0301K", 0.5),
                  ("0201K", 0.7), ("1203", 0.2), ("1006", 1.5), ("1107", 0.8))
CROPLAND = ("0101", "0102", "0103")
RECOVERABLE = ("0201", "0202", "0301", "0307", "1104")
K_VARIANTS = ("0201K", "0202K", "0301K", "1104K")
CONSTRUCTION_PREFIXES = ("05", "06", "07", "08", "09", "1001", "1002", "1003", "1004", "1005", "1201")
KCXS = {"TT": {2: 0.026, 3: 0.058, 4: 0.108, 5: 0.142}, "PD": {2: 0.031, 3: 0.072, 4: 0.126, 5: 0.165}}
ZZSX = (("LS", 80), ("FLS", 10), ("LYFL", 5), ("XG", 2), ("WG", 3))


@dataclass
class LandUse:
    dlbm: np.ndarray
    town_zone: np.ndarray  # township index whose town area holds the patch, else -1
    industrial: np.ndarray  # bool: in an industrial park
    hamlet: np.ndarray  # natural-village index, else -1
    hill: np.ndarray  # hill field value (> 0: hills)
    czcsxm: np.ndarray
    gdpdjb: np.ndarray  # 0 = not cropland
    gdlx: np.ndarray
    kcxs: np.ndarray
    gddb: np.ndarray
    zzsxdm: np.ndarray


def _draw(rng, table, n) -> np.ndarray:
    codes = np.asarray([c for c, _ in table], dtype=object)
    w = np.asarray([x for _, x in table], dtype=float)
    return codes[rng.choice(len(codes), size=n, p=w / w.sum())]


def is_construction_code(codes: np.ndarray) -> np.ndarray:
    return np.asarray([c.startswith(CONSTRUCTION_PREFIXES) for c in codes], dtype=bool)


def zones(geo: Geography, xy: np.ndarray):
    """(town index or -1, industrial flag, hamlet index or -1) of points."""
    wob = 1 + 0.18 * geo.noises["radius"](xy[:, 0], xy[:, 1])
    d = np.sqrt(((xy[:, None, :] - geo.town_xy[None]) ** 2).sum(axis=2))
    rel = d / geo.town_radius[None]
    t = rel.argmin(axis=1)
    r = rel[np.arange(len(xy)), t] / wob
    vec = (xy - geo.town_xy[t]) / np.maximum(d[np.arange(len(xy)), t], 1.0)[:, None]
    facing = (vec * geo.industry_dir[t]).sum(axis=1)
    industrial = (facing > 0.55) & (r > 0.3) & (r < 1.45)
    town = np.where((r < 1.0) | industrial, t, -1)
    hamlet = np.full(len(xy), -1)
    if len(geo.cluster_xy):
        dc = np.empty(len(xy))
        ci = np.empty(len(xy), dtype=np.int64)
        for s in range(0, len(xy), 20000):
            dd = np.sqrt(((xy[s:s + 20000, None, :] - geo.cluster_xy[None]) ** 2).sum(axis=2))
            dd /= geo.cluster_radius[None]
            ci[s:s + 20000] = dd.argmin(axis=1)
            dc[s:s + 20000] = dd.min(axis=1)
        hamlet = np.where((dc / wob < 1.0) & (town < 0), ci, -1)
    return town, industrial & (town >= 0), hamlet


def assign_landuse(rng: np.random.Generator, geo: Geography, patches: Patches) -> LandUse:
    xy = patches.anchor
    n = len(xy)
    town, industrial, hamlet = zones(geo, xy)
    hill = geo.hill(xy)
    code = np.empty(n, dtype=object)
    fixed = patches.line_code != ""
    urban = (town >= 0) & ~industrial & ~fixed
    ind = industrial & ~fixed
    ham = (hamlet >= 0) & ~fixed & (town < 0)
    hil = (hill > 0) & ~fixed & (town < 0) & (hamlet < 0)
    plain = ~(fixed | urban | ind | ham | hil)
    code[fixed] = patches.line_code[fixed]
    code[urban] = _draw(rng, URBAN, int(urban.sum()))
    code[ind] = _draw(rng, INDUSTRIAL, int(ind.sum()))
    code[ham] = _draw(rng, HAMLET, int(ham.sum()))
    code[hil] = _draw(rng, HILL, int(hil.sum()))
    code[plain] = _plain_codes(rng, geo, xy[plain])

    czc = np.full(n, "", dtype=object)
    constr = is_construction_code(code)
    czc[constr & (town == 0)] = "201"
    czc[constr & (town > 0)] = "202"
    village_built = constr & (town < 0)
    czc[village_built] = "203"
    czc[village_built & (code == "1003")] = ""  # highways outside towns lie outside 城镇村
    czc[code == "0602"] = "204"
    czc[code == "0906"] = "205"
    czc[(czc == "203") & (rng.random(n) < 0.08)] = "203A"
    return LandUse(code, town, industrial, hamlet, hill, czc, *_cropland_attrs(rng, geo, xy, code, hill))


def _plain_codes(rng, geo: Geography, xy: np.ndarray) -> np.ndarray:
    n = len(xy)
    crop = geo.noises["crop"](xy[:, 0], xy[:, 1])
    orchard = geo.noises["orchard"](xy[:, 0], xy[:, 1])
    wood = geo.noises["wood"](xy[:, 0], xy[:, 1])
    out = np.where(crop > -0.45, "0101", np.where(crop > -1.0, "0102", "0103")).astype(object)
    out[orchard > 1.45] = np.where(rng.random(int((orchard > 1.45).sum())) < 0.85, "0201", "0202")
    out[wood > 1.75] = np.where(rng.random(int((wood > 1.75).sum())) < 0.7, "0301", "0307")
    sprinkle = rng.random(n) < 0.115
    out[sprinkle] = _draw(rng, PLAIN_SPRINKLE, int(sprinkle.sum()))
    river_pts = np.concatenate([ln.centre for ln in geo.lines if ln.kind == "river"] or [np.zeros((0, 2))])
    if len(river_pts):
        import shapely

        tree = shapely.STRtree(shapely.points(river_pts))
        near = np.zeros(n, bool)
        hits = tree.query(shapely.points(xy), predicate="dwithin", distance=700.0)
        near[hits[0]] = True
        aqua = near & (rng.random(n) < 0.22)
        out[aqua] = np.where(rng.random(int(aqua.sum())) < 0.8, "1104A", "1104")
    return out


def _cropland_attrs(rng, geo: Geography, xy, code, hill):
    n = len(code)
    cropland = np.isin(code, CROPLAND)
    grade_noise = geo.noises["grade"](xy[:, 0], xy[:, 1])
    gdpdjb = np.where(grade_noise > 1.05, 2, 1)
    hill_grade = np.clip(2 + (hill * 9).astype(int), 2, 5)
    gdpdjb = np.where(hill > 0, np.where(rng.random(n) < 0.1, 1, hill_grade), gdpdjb)
    gdpdjb = np.where(cropland, gdpdjb, 0)
    gdlx = np.full(n, "", dtype=object)
    sloped = gdpdjb > 1
    gdlx[sloped] = np.where((hill[sloped] > 0) & (rng.random(int(sloped.sum())) < 0.6), "TT", "PD")
    kcxs = np.zeros(n)
    for lx, table in KCXS.items():
        for grade, coef in table.items():
            kcxs[(gdlx == lx) & (gdpdjb == grade)] = coef
    gddb = np.clip(np.round(6 + 1.2 * geo.noises["crop"](xy[:, 0], xy[:, 1]) + np.maximum(hill, 0) * 12
                            + rng.normal(0, 0.6, n)), 1, 15).astype(int)
    gddb = np.where(cropland, gddb, 0)
    zzsx = np.full(n, "", dtype=object)
    zzsx[cropland] = _draw(rng, ZZSX, int(cropland.sum()))
    rec = np.isin(code, RECOVERABLE)
    pick = rng.random(n)
    zzsx[rec & (pick < 0.08)] = "JKHF"
    zzsx[rec & (pick >= 0.08) & (pick < 0.12)] = "GCHF"
    kv = np.isin(code, K_VARIANTS)
    zzsx[kv] = np.where(pick[kv] < 0.65, "JKHF", "GCHF")
    return gdpdjb, gdlx, kcxs, gddb, zzsx
