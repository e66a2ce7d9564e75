"""Layer against layer: basic farmland (YJJBNTTB) not on cropland, parcels (ZD) overlapping each other."""
from __future__ import annotations

import numpy as np
import shapely

from landoffice_plugin.analysis.geomops import intersect_pairs, nonempty, polygonal
from landoffice_plugin.core.landuse import default_codes
from landoffice_plugin.lookup.red_lights import overlap_pairs

from .coverage import group_by, union, village_groups


def _f(x) -> str:
    return f"{x:.2f}"


def _on_cropland(ctx, farmland, is_crop: np.ndarray, ok: np.ndarray) -> np.ndarray:
    """Mask (over ``ok``) of the basic-farmland patches lying wholly on their village's cropland union."""
    dltb = ctx["DLTB"]
    groups = village_groups(ctx)
    zl = farmland.text("ZLDWDM")[ok] if farmland.has("ZLDWDM") else np.full(len(ok), "", dtype=object)
    keys = np.asarray([z[:12] for z in zl.tolist()], dtype=object)
    covered = np.zeros(len(ok), dtype=bool)
    members = dict(zip(groups.codes, groups.members))
    for code, rows in zip(*group_by(keys)):
        crop = members.get(code, np.zeros(0, dtype=np.int64))
        crop = crop[is_crop[crop]]
        if not code or not len(crop):
            continue
        cropland, _ = union(dltb.geoms[crop], ctx.grid, 0.05)
        shapely.prepare(cropland)
        covered[rows] = shapely.covers(cropland, farmland.geoms[ok[rows]])
    return covered


def farmland_not_cropland(ctx, rule, out) -> int:
    """The pieces of each basic-farmland patch that lie on a DLTB patch whose class is not 01 耕地 (patches wholly
    on their village's cropland are settled by one covers test; the rest are overlaid)."""
    farmland, dltb = ctx["YJJBNTTB"], ctx["DLTB"]
    codes = dltb.text("DLBM")
    crop = {c: default_codes().is_cropland(c) for c in set(codes.tolist())}
    is_crop = np.asarray([crop[c] for c in codes.tolist()], dtype=bool)
    other = np.flatnonzero(nonempty(dltb.geoms) & ~is_crop)
    ok = np.flatnonzero(nonempty(farmland.geoms))
    rest = ok[~_on_cropland(ctx, farmland, is_crop, ok)]
    ia, ib, pieces = intersect_pairs(farmland.geoms[rest], dltb.geoms[other], ctx.grid)
    if len(ia):
        areas = ctx.measure(pieces)
        keys, dkeys = farmland.keys(), dltb.keys()
        zl = dltb.text("ZLDWDM") if dltb.has("ZLDWDM") else np.full(len(dltb), "", dtype=object)
        for k in np.flatnonzero(areas > float(rule.params["min_area_m2"])):
            f, d = rest[ia[k]], other[ib[k]]
            out.add(rule, "YJJBNTTB", [farmland.arrays.fids[f]], [keys[f], dkeys[d]],
                    rule.text(key=keys[f], area=_f(areas[k]), dlbm=codes[d]), pieces[k], areas[k], zl[d])
    return len(ok)


def parcel_overlap(ctx, rule, out) -> int:
    """The lookup panel's overlap red light (:func:`lookup.red_lights.overlap_pairs`) over the whole ZD layer."""
    data = ctx["ZD"]
    pairs = [p for p in overlap_pairs(data.geoms, ctx.epsg, usable=nonempty(data.geoms))
             if p[2] > float(rule.params["min_area_m2"])]
    if pairs:
        i, j = (np.asarray([p[k] for p in pairs], dtype=np.int64) for k in (0, 1))
        pieces = polygonal(shapely.intersection(data.geoms[i], data.geoms[j], grid_size=ctx.grid or None))
        keys = data.keys()
        for k, (a, b, area) in enumerate(pairs):
            out.add(rule, "ZD", [data.arrays.fids[a], data.arrays.fids[b]], [keys[a], keys[b]],
                    rule.text(key=keys[a], other=keys[b], area=_f(area)), pieces[k], area, keys[a][:12])
    return len(data)


def building_outside_parcel(ctx, rule, out) -> int:
    """Each building (ZRZ) against the parcel (ZD) its ZDDM names: the part outside it."""
    buildings, parcels = ctx["ZRZ"], ctx["ZD"]
    index = {}
    for k, code in enumerate(parcels.text("ZDDM").tolist()):
        if code:
            index.setdefault(code, k)
    codes, keys = buildings.text("ZDDM"), buildings.keys()
    ok = nonempty(buildings.geoms)
    parcel = np.asarray([index.get(c, -1) for c in codes.tolist()], dtype=np.int64)
    for i in np.flatnonzero(ok & (parcel < 0) & (codes != "")):
        message = rule.text("missing_message", key=keys[i], code=codes[i])
        out.add(rule, "ZRZ", buildings.arrays.fids[i], keys[i], message, buildings.geoms[i], village=codes[i][:12])
    test = np.flatnonzero(ok & (parcel >= 0))
    shapely.prepare(parcels.geoms[np.unique(parcel[test])])
    rest = test[~shapely.covers(parcels.geoms[parcel[test]], buildings.geoms[test])]
    if len(rest):
        outside = polygonal(shapely.difference(buildings.geoms[rest], parcels.geoms[parcel[rest]],
                                               grid_size=ctx.grid or None))
        areas = ctx.measure(outside)
        for k in np.flatnonzero(areas > float(rule.params["min_area_m2"])):
            i = rest[k]
            out.add(rule, "ZRZ", buildings.arrays.fids[i], [keys[i], codes[i]],
                    rule.text(key=keys[i], code=codes[i], area=_f(areas[k])), outside[k], areas[k], codes[i][:12])
    return len(test)


CHECKS = {"jbnt_not_cropland": farmland_not_cropland, "zd_overlap": parcel_overlap,
          "zrz_outside_parcel": building_outside_parcel}
