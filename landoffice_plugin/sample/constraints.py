"""三区三线 constraints: permanent basic farmland, ecological red line, development boundary."""
from __future__ import annotations

import numpy as np
import shapely

from .admin import Admin
from .geography import Geography
from .landuse_mix import CROPLAND, LandUse
from .names import COUNTY_CODE
from .tessellation import Patches

FOREST = ("0301", "0305", "0307", "0301K")


def _blob(centre, radius, rng, wobble=0.12, n=180):
    """A smooth noisy disk."""
    t = np.linspace(0, 2 * np.pi, n, endpoint=False)
    r = np.ones(n)
    for k in (2, 3, 5):
        r += wobble / k * np.cos(k * t + rng.uniform(0, 2 * np.pi))
    return shapely.Polygon(np.c_[centre[0] + radius * r * np.cos(t), centre[1] + radius * r * np.sin(t)])


def _wedge(centre, direction, r0, r1, half_angle, n=40):
    a = np.arctan2(direction[1], direction[0])
    t = np.linspace(a - half_angle, a + half_angle, n)
    outer = np.c_[centre[0] + r1 * np.cos(t), centre[1] + r1 * np.sin(t)]
    inner = np.c_[centre[0] + r0 * np.cos(t[::-1]), centre[1] + r0 * np.sin(t[::-1])]
    return shapely.Polygon(np.r_[outer, inner])


def development_boundary(rng, geo: Geography, admin: Admin) -> dict:
    """CZKFBJ: 11 集中建设区 around each town seat (with its industrial park), 12 弹性发展区 on one
    side, 13 特别用途区 (a green belt) by the county seat; clipped to the township."""
    geoms, fqdm, fqmc, xzq = [], [], [], []
    for t, (c, r) in enumerate(zip(geo.town_xy, geo.town_radius)):
        core = shapely.union(_blob(c, 1.12 * r, rng), _wedge(c, geo.industry_dir[t], 0.0, 1.5 * r, 0.95))
        core = shapely.intersection(core, admin.town_geom[t])
        a = rng.uniform(0, 2 * np.pi)
        flex = _wedge(c, (np.cos(a), np.sin(a)), 0.9 * r, 1.4 * r, 1.0)
        flex = shapely.intersection(shapely.difference(flex, core), admin.town_geom[t])
        zones = [(core, "11", "集中建设区"), (flex, "12", "弹性发展区")]
        if t == 0:
            b = a + np.pi
            special = _blob(c + 1.55 * r * np.array([np.cos(b), np.sin(b)]), 0.3 * r, rng)
            special = shapely.intersection(shapely.difference(special, shapely.union(core, flex)), admin.town_geom[t])
            zones.append((special, "13", "特别用途区"))
        for g, code, name in zones:
            if g.is_empty or g.area < 1000:
                continue
            geoms.append(g)
            fqdm.append(code)
            fqmc.append(name)
            xzq.append(admin.town_code[t])
    return {"geoms": np.asarray(geoms, dtype=object), "FQDM": np.asarray(fqdm, dtype=object),
            "FQMC": np.asarray(fqmc, dtype=object), "XZQDM": np.asarray(xzq, dtype=object)}


def basic_farmland(rng, patches: Patches, lu: LandUse, dltb: dict, czkfbj) -> dict:
    """YJJBNTTB: most flat cropland patches of the plain outside the development boundary."""
    xy = patches.anchor
    plain = np.isin(lu.dlbm, CROPLAND) & (lu.town_zone < 0) & (lu.hamlet < 0) & (lu.gdpdjb <= 2)
    if len(czkfbj["geoms"]):
        boundary = shapely.union_all(czkfbj["geoms"])
        plain &= ~shapely.contains_xy(boundary, xy[:, 0], xy[:, 1])
    sel = np.flatnonzero(plain & (rng.random(len(xy)) < 0.9))
    zl = dltb["ZLDWDM"][sel]
    order = np.lexsort((-xy[sel, 1], zl))
    number = np.empty(len(sel), dtype=np.int64)
    start = np.r_[0, np.flatnonzero(zl[order][1:] != zl[order][:-1]) + 1]
    number[order] = np.arange(len(sel)) - np.repeat(start, np.diff(np.r_[start, len(sel)])) + 1
    return {"geoms": patches.geoms[sel], "BSM": np.arange(1, len(sel) + 1) + 20_000_000,
            "JBNTTBBH": np.asarray([f"{z[9:12]}{k:05d}" for z, k in zip(zl, number)], dtype=object),
            "DLBM": lu.dlbm[sel], "TBMJ": dltb["TBMJ"][sel], "ZLDWDM": zl, "TBBH": dltb["TBBH"][sel]}


def ecological_red_line(patches: Patches, lu: LandUse, geo: Geography) -> dict:
    """STBHHX: the forested hills (water conservation) and the river corridors."""
    min_area = 0.02 * geo.scale.radius ** 2
    items = []
    forest = np.isin(lu.dlbm, FOREST) & (lu.hill > 0.12)
    if forest.any():
        parts = shapely.get_parts(shapely.coverage_union_all(patches.geoms[forest]))
        parts = parts[shapely.area(parts) >= min_area * 0.2]
        items += [(g, "水源涵养", "山林水源涵养生态保护红线") for g in parts]
    river = lu.dlbm == "1101"
    if river.any():
        parts = shapely.get_parts(shapely.coverage_union_all(patches.geoms[river]))
        parts = parts[shapely.area(parts) >= min_area * 0.05]
        items += [(g, "生物多样性维护", "河流生态廊道生态保护红线") for g in parts]
    items.sort(key=lambda it: (-it[0].area, it[1]))
    return {"geoms": np.asarray([g for g, _, _ in items], dtype=object),
            "HXBH": np.asarray([f"HX{COUNTY_CODE}{k + 1:03d}" for k in range(len(items))], dtype=object),
            "HXMC": np.asarray([f"{m}{k + 1}号" for k, (_, _, m) in enumerate(items)], dtype=object),
            "HXLX": np.asarray([lx for _, lx, _ in items], dtype=object)}
