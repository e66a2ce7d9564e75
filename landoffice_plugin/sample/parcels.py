"""ZD (宗地), ZRZ (自然幢) and HJ (户籍) tables, with deliberate "red lights".

Red lights (what the lookup panel must find): ~2 % of parcels with a recorded area (ZDMJ)
3–10 % off, ~0.5 % with an invalid parcel code or a missing owner, ~0.5 % of households
whose ZDDM matches no parcel. They are listed in the generator's summary.
"""
from __future__ import annotations

import datetime as dt

import numpy as np

from ..core.area import ellipsoidal_areas
from .admin import Admin
from .construction import ConstructionParcels
from .geography import EPSG
from .homesteads import Lots
from .names import COUNTY_CODE, COUNTY_NAME, STREET_NAMES, company_names, developer_name
from .people import credit_codes, households, random_dates

AREA_OFF_SHARE = 0.02
BAD_CODE_SHARE = 0.0025
NO_OWNER_SHARE = 0.0025
ORPHAN_SHARE = 0.005
HOMESTEAD_FWJG_P = np.array([0.005, 0.03, 0.15, 0.45, 0.31, 0.055])
STATE_OWNER = {"08H1": "{town}人民政府", "08H2": "{town}中心小学", "0809": COUNTY_NAME + "水务有限公司",
               "1201": COUNTY_NAME + "土地储备中心"}


def _rank_within(group, key):
    order = np.lexsort((key, group))
    g = group[order]
    start = np.r_[0, np.flatnonzero(np.diff(g)) + 1]
    rank_sorted = np.arange(len(g)) - np.repeat(start, np.diff(np.r_[start, len(g)]))
    rank = np.empty(len(g), dtype=np.int64)
    rank[order] = rank_sorted
    return rank


def _dates(rng, n, start, end):
    return random_dates(rng, n, dt.date(*start), dt.date(*end))


def parcel_tables(rng: np.random.Generator, admin: Admin, lots: Lots, lot_village: np.ndarray,
                  cp: ConstructionParcels) -> dict:
    nh, nc = len(lots.geoms), len(cp.geoms)
    geoms = np.r_[lots.geoms, cp.geoms]
    village = np.r_[lot_village, cp.village]
    yt = np.r_[np.full(nh, "0702", dtype=object), cp.code]
    own = np.r_[np.full(nh, "J", dtype=object), np.where(cp.state, "G", "J").astype(object)]
    typ = np.r_[np.full(nh, "C", dtype=object), np.full(nc, "B", dtype=object)]
    cxy = np.r_[lots.centre, _centres(cp.geoms)]
    # homesteads first, then north to south, west to east
    order_key = np.r_[np.zeros(nh), np.ones(nc)] * 1e9 - np.round(cxy[:, 1], 0) * 1e4 + cxy[:, 0] * 1e-3
    seq = _rank_within(village, order_key)
    if seq.max() >= 90000:  # pragma: no cover - far beyond any scale generated here
        raise RuntimeError("too many parcels in one cadastral sub-district")
    vcode = np.asarray(admin.village_code, dtype=object)[village]
    zddm = np.asarray([f"{v}{o}{t}{s + 1:05d}" for v, o, t, s in zip(vcode, own, typ, seq)], dtype=object)
    area = np.round(ellipsoidal_areas(geoms, EPSG), 2)

    people = households(rng, nh, COUNTY_CODE)
    head = np.r_[0, np.flatnonzero(np.diff(people["household"])) + 1]
    qlrmc = np.r_[people["name"][head], np.empty(nc, dtype=object)]
    qlrzjh = np.r_[people["id"][head], np.empty(nc, dtype=object)]
    _state_owners(rng, admin, cp, qlrmc, qlrzjh, nh)
    zl = np.r_[_homestead_addresses(rng, admin, lot_village, lots.centre), _street_addresses(rng, admin, cp)]
    djsj = np.r_[_dates(rng, nh, (1992, 1, 1), (2023, 6, 30)), _dates(rng, nc, (2003, 1, 1), (2023, 12, 31))]
    qlxz = np.r_[np.full(nh, "批准拨用", dtype=object),
                 np.where(cp.state, np.where(np.isin(cp.code, ("08H1", "08H2", "0809")), "划拨", "出让"),
                          "批准拨用").astype(object)]

    # red lights
    n = nh + nc
    pick = rng.permutation(n)
    n_off, n_bad, n_none = int(round(n * AREA_OFF_SHARE)), max(1, int(round(n * BAD_CODE_SHARE))), \
        max(1, int(round(n * NO_OWNER_SHARE)))
    off, bad, none = pick[:n_off], pick[n_off:n_off + n_bad], pick[n_off + n_bad:n_off + n_bad + n_none]
    zdmj = area.copy()
    zdmj[off] = np.round(area[off] * (1 + rng.choice([-1, 1], n_off) * rng.uniform(0.03, 0.10, n_off)), 2)
    for k, i in enumerate(bad):
        code = zddm[i]
        zddm[i] = (code[:12] + "Q" + code[13:], code[:13] + "K" + code[14:], code[:14] + "O" + code[15:])[k % 3]
    qlrmc[none] = None
    qlrzjh[none] = None

    has_building = np.zeros(n, bool)
    has_building[lots.house_lot] = True
    has_building[nh + cp.building_parcel] = True
    bdcdyh = np.asarray([z + ("F00010001" if b else "W00000000") for z, b in zip(zddm, has_building)], dtype=object)
    zd = {"geoms": geoms, "ZDDM": zddm, "BDCDYH": bdcdyh, "QLRMC": qlrmc, "QLRZJH": qlrzjh, "ZL": zl,
          "ZDMJ": zdmj, "YT": yt, "QLXZ": qlxz, "DJSJ": djsj}
    zrz = _buildings(rng, lots, cp, zddm, nh)
    hj, orphans = _household_table(rng, people, zddm[:nh], village[:nh], admin)
    red = {"area_mismatch": sorted(zddm[off].tolist()), "invalid_code": sorted(zddm[bad].tolist()),
           "missing_owner": sorted(zddm[none].tolist()), "orphan_households": orphans}
    return {"ZD": zd, "ZRZ": zrz, "HJ": hj, "red_lights": red, "owners": qlrmc, "area": area}


def _centres(geoms):
    import shapely

    return shapely.get_coordinates(shapely.point_on_surface(geoms)) if len(geoms) else np.zeros((0, 2))


def _state_owners(rng, admin: Admin, cp: ConstructionParcels, qlrmc, qlrzjh, nh):
    stems = [admin.town_stem(t) for t in range(len(admin.town_name))]
    firms = cp.code == "0601"
    names = company_names(rng, int(firms.sum()), stems)
    codes = credit_codes(rng, len(cp.code), COUNTY_CODE)
    k = 0
    for i, (c, t, v, st) in enumerate(zip(cp.code, cp.town, cp.village, cp.state)):
        if c == "0601" and st:
            name = names[k]
            k += 1
        elif not st:
            name = admin.village_name[v] + ("股份经济合作社" if c != "08H2" else "村民委员会")
            if c == "0601":
                name = names[k]
                k += 1
        elif c in STATE_OWNER:
            name = STATE_OWNER[c].format(town=admin.town_name[t])
        else:
            name = developer_name(rng, stems[t])
        qlrmc[nh + i] = name
        qlrzjh[nh + i] = codes[i]


def _homestead_addresses(rng, admin: Admin, village, centre) -> np.ndarray:
    """'湖塘镇东庄村3组12号': groups are bands across the village, houses numbered within groups."""
    nv = len(admin.village_code)
    n_groups = rng.integers(6, 17, nv)
    rank = _rank_within(village, centre[:, 0])
    size = np.bincount(village, minlength=nv)
    group = 1 + rank * n_groups[village] // np.maximum(size[village], 1)
    house = 1 + _rank_within(village * 100 + group, -centre[:, 1])
    return np.asarray([f"{admin.town_name[admin.village_town[v]]}{admin.village_name[v]}{g}组{h}号"
                       for v, g, h in zip(village, group, house)], dtype=object)


def _street_addresses(rng, admin: Admin, cp: ConstructionParcels) -> np.ndarray:
    street = rng.integers(len(STREET_NAMES), size=len(cp.code))
    number = rng.integers(1, 400, size=len(cp.code))
    out = []
    for t, v, st, s, no in zip(cp.town, cp.village, cp.state, street, number):
        if st:
            out.append(f"{admin.town_name[t]}{STREET_NAMES[s]}{no}号")
        else:
            out.append(f"{admin.town_name[t]}{admin.village_name[v]}")
    return np.asarray(out, dtype=object)


def _buildings(rng, lots: Lots, cp: ConstructionParcels, zddm, nh) -> dict:
    geoms = np.r_[lots.houses, cp.buildings]
    parcel = np.r_[lots.house_lot, nh + cp.building_parcel]
    number = np.r_[lots.house_no, 1 + _rank_within(cp.building_parcel, np.arange(len(cp.building_parcel)))]
    m = len(lots.houses)
    main = lots.house_no == 1
    floors_h = np.where(main, rng.choice([1, 2, 3], size=m, p=[0.25, 0.6, 0.15]), 1)
    fwjg_h = rng.choice(np.arange(1, 7), size=m, p=HOMESTEAD_FWJG_P)
    fwjg_h[~main] = rng.choice([4, 5, 6], size=int((~main).sum()), p=[0.3, 0.5, 0.2])
    floors = np.r_[floors_h, cp.floors]
    fwjg = np.r_[fwjg_h, cp.fwjg]
    footprint = ellipsoidal_areas(geoms, EPSG)
    jgrq = np.r_[_dates(rng, m, (1975, 1, 1), (2023, 10, 31)), _dates(rng, len(cp.buildings), (1995, 1, 1),
                                                                       (2023, 10, 31))]
    old = jgrq < np.datetime64("1990-01-01")
    fwjg[:m][old[:m] & main & (fwjg_h < 4)] = 5  # old village houses are brick-and-timber
    zrzh = np.asarray([f"{zddm[p]}F{k:04d}" for p, k in zip(parcel, number)], dtype=object)
    return {"geoms": geoms, "ZRZH": zrzh, "ZDDM": zddm[parcel],
            "FWJG": np.asarray([str(f) for f in fwjg], dtype=object),
            "ZCS": floors, "JZMJ": np.round(footprint * floors, 2), "JGRQ": jgrq,
            "footprint": footprint, "parcel": parcel}


def _household_table(rng, people, zddm_h, village_h, admin: Admin):
    hh_index = people["household"]
    nh = len(zddm_h)
    hseq = _rank_within(village_h, np.arange(nh)) + 1
    hh_codes = np.asarray([f"{admin.village_code[v]}{s:05d}" for v, s in zip(village_h, hseq)], dtype=object)
    link = zddm_h.copy()
    n_orphan = max(1, int(round(nh * ORPHAN_SHARE)))
    orphan = rng.choice(nh, size=n_orphan, replace=False)
    for k, i in enumerate(sorted(orphan)):
        link[i] = link[i][:14] + f"{99999 - k:05d}"  # a sequence no parcel uses
    born = people["birth"]
    return {
        "HH": hh_codes[hh_index], "ZDDM": link[hh_index], "XM": people["name"], "GMSFHM": people["id"],
        "YHZGX": people["relation"], "XB": np.where(people["male"], "男", "女").astype(object),
        "CSRQ": born, "LXDH": people["phone"],
    }, sorted(hh_codes[orphan].tolist())
