"""Townships (XZQ) and villages (CJDCQ): codes, names and polygons (unions of their patches)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from .geography import Geography
from .names import COUNTY_CODE, SEAT_SUFFIX, town_names, village_names


@dataclass
class Admin:
    town_code: list  # 9-char XZQDM
    town_name: list
    village_code: list  # 12-char village code
    village_name: list
    village_town: np.ndarray
    seat_village: np.ndarray  # per township: index of the village holding the town seat
    town_geom: np.ndarray = None
    village_geom: np.ndarray = None

    def zldwdm(self, village: np.ndarray) -> np.ndarray:
        codes = np.asarray([c + "0000000" for c in self.village_code], dtype=object)
        return codes[village]

    def zldwmc(self, village: np.ndarray) -> np.ndarray:
        return np.asarray(self.village_name, dtype=object)[village]

    def town_stem(self, t: int) -> str:
        return self.town_name[t][:-1]


def build_admin(rng: np.random.Generator, geo: Geography) -> Admin:
    """Codes: township = county + 1xx (镇); village = township + 001 (seat community) or 2xx."""
    nt = len(geo.town_xy)
    tnames = town_names(rng, nt)
    tcodes = [f"{COUNTY_CODE}{101 + t:03d}" for t in range(nt)]
    seat_village = np.empty(nt, dtype=np.int64)
    _, seat_v = geo.assign(geo.town_xy)
    seat_village[:] = seat_v
    taken: set = set()
    vnames = [""] * len(geo.village_xy)
    vcodes = [""] * len(geo.village_xy)
    for t in range(nt):
        members = np.flatnonzero(geo.village_town == t)
        # number villages from north-west to south-east, as county gazetteers tend to
        order = members[np.lexsort((geo.village_xy[members, 0], -np.round(geo.village_xy[members, 1], -3)))]
        names = village_names(rng, len(order), taken)
        k = 0
        for v, name in zip(order, names):
            if v == seat_village[t]:
                vnames[v] = tnames[t][:-1] + SEAT_SUFFIX
                vcodes[v] = tcodes[t] + "001"
            else:
                vnames[v] = name
                vcodes[v] = f"{tcodes[t]}{201 + k:03d}"
                k += 1
    return Admin(tcodes, tnames, vcodes, vnames, geo.village_town.copy(), seat_village)


def admin_polygons(admin: Admin, patch_geoms: np.ndarray, patch_village: np.ndarray) -> None:
    """Villages = coverage union of their patches; townships = coverage union of their villages."""
    nv = len(admin.village_code)
    order = np.argsort(patch_village, kind="stable")
    counts = np.bincount(patch_village, minlength=nv)
    starts = np.r_[0, np.cumsum(counts)[:-1]]
    vg = np.empty(nv, dtype=object)
    for v in range(nv):
        vg[v] = shapely.coverage_union_all(patch_geoms[order[starts[v]:starts[v] + counts[v]]])
    tg = np.empty(len(admin.town_code), dtype=object)
    for t in range(len(admin.town_code)):
        tg[t] = shapely.coverage_union_all(vg[admin.village_town == t])
    admin.village_geom = vg
    admin.town_geom = tg
