"""Construction-land parcels outside homesteads and their buildings.

State parcels (G + B) cover the town's industrial, commercial, residential, public and idle
patches; adjacent industrial patches of one village merge into larger factory lots. Village
enterprises and public buildings on collective land are J + B parcels.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from .landuse_mix import LandUse
from .tessellation import Patches

STATE_CODES = ("0601", "0508", "05H1", "0701", "08H1", "08H2", "0809", "1201")
COLLECTIVE_CODES = ("0601", "05H1", "08H2")
MERGED_CODES = ("0601", "0508")
BLOCK = 170.0  # m, grid that groups industrial patches into factory lots
# floors (low, high) and structure weights (FWJG 1..6) by land use
BUILDING_STYLE = {
    "0601": ((1, 3), (40, 20, 30, 10, 0, 0)),
    "0508": ((1, 2), (60, 10, 20, 10, 0, 0)),
    "05H1": ((2, 8), (0, 35, 55, 10, 0, 0)),
    "0701": ((6, 18), (0, 30, 70, 0, 0, 0)),
    "08H1": ((3, 6), (0, 30, 60, 10, 0, 0)),
    "08H2": ((2, 5), (0, 30, 60, 10, 0, 0)),
    "0809": ((1, 3), (10, 20, 50, 20, 0, 0)),
}


@dataclass
class ConstructionParcels:
    geoms: np.ndarray
    code: np.ndarray  # YT
    state: np.ndarray  # bool: G (else J)
    village: np.ndarray
    town: np.ndarray
    buildings: np.ndarray
    building_parcel: np.ndarray
    floors: np.ndarray
    fwjg: np.ndarray


def _group_union(geoms, key) -> tuple[np.ndarray, np.ndarray]:
    """Coverage union per key; returns (parts, index of the first member of each part's group)."""
    uniq, first, inv = np.unique(key, return_index=True, return_inverse=True)
    order = np.argsort(inv, kind="stable")
    counts = np.bincount(inv)
    starts = np.r_[0, np.cumsum(counts)[:-1]]
    out = geoms[first].copy()
    for g in np.flatnonzero(counts > 1):
        out[g] = shapely.coverage_union_all(geoms[order[starts[g]:starts[g] + counts[g]]])
    parts, src = shapely.get_parts(out, return_index=True)
    return parts, first[src]


def scale_about_centroid(geoms: np.ndarray, factor: np.ndarray) -> np.ndarray:
    """Each geometry shrunk by ``factor`` about its centroid (vectorised)."""
    out = geoms.copy()
    coords, which = shapely.get_coordinates(out, return_index=True)
    c = shapely.get_coordinates(shapely.centroid(out))
    coords = c[which] + (coords - c[which]) * factor[which, None]
    return shapely.set_coordinates(out, coords)


def _in_sparse_order(parts, src, sparse_parts, sparse_src):
    """The densified parts in the order of their sparse counterparts (a group's parts may come
    out of the union in another order): matched by (group, centroid x). None if they differ."""
    if len(sparse_parts) != len(parts):
        return None
    dense_order = np.lexsort((shapely.get_x(shapely.centroid(parts)), src))
    sparse_order = np.lexsort((shapely.get_x(shapely.centroid(sparse_parts)), sparse_src))
    if not (src[dense_order] == sparse_src[sparse_order]).all():
        return None
    perm = np.empty(len(parts), dtype=np.intp)
    perm[sparse_order] = dense_order
    return perm


def build_construction(rng: np.random.Generator, patches: Patches, lu: LandUse,
                       outline: Patches = None) -> ConstructionParcels:
    """Parcels from ``patches``; building footprints from ``outline`` (the patches before
    densification, when densified): buildings are surveyed on their own, they do not copy the
    parcel boundary's vertices, and their coverage stays what the sparse sample has."""
    code = lu.dlbm
    state = (lu.town_zone >= 0) & np.isin(code, STATE_CODES)
    coll = (lu.hamlet >= 0) & (lu.town_zone < 0) & np.isin(code, COLLECTIVE_CODES)
    idx = np.flatnonzero(state | coll)
    xy = patches.anchor[idx]
    merge = state[idx] & np.isin(code[idx], MERGED_CODES)
    bx, by = np.floor(xy[:, 0] / BLOCK).astype(np.int64), np.floor(xy[:, 1] / BLOCK).astype(np.int64)
    vil = patches.village[idx]
    code_no = np.searchsorted(np.asarray(sorted(set(STATE_CODES))), code[idx])
    key = np.where(merge, ((vil * 4000 + bx % 4000) * 4000 + by % 4000) * 16 + code_no, -1 - np.arange(len(idx)))
    parts, src = _group_union(patches.geoms[idx], key)
    shape = parts
    if outline is not None:  # parcels and buildings as in the sparse sample, the parcels densified
        sparse_parts, sparse_src = _group_union(outline.geoms[idx], key)
        perm = _in_sparse_order(parts, src, sparse_parts, sparse_src)
        if perm is not None:
            parts, src, shape = parts[perm], src[perm], sparse_parts
    member = idx[src]
    keep = shapely.area(parts) >= 60.0
    parts, member, shape = parts[keep], member[keep], shape[keep]
    pcode = code[member]
    # buildings: a shrunken copy of the parcel, kept 3 m inside its boundary
    built = pcode != "1201"
    cov = np.clip(rng.lognormal(np.log(0.42), 0.35, len(parts)), 0.08, 0.75)
    shrunk = scale_about_centroid(shape[built], np.sqrt(cov[built]))
    fp = shapely.intersection(shrunk, shapely.buffer(shape[built], -3.0, join_style="mitre"))
    fparts, fsrc = shapely.get_parts(fp, return_index=True)
    ok = shapely.area(fparts) >= 25.0
    fparts, fsrc = fparts[ok], fsrc[ok]
    bparcel = np.flatnonzero(built)[fsrc]
    floors = np.empty(len(fparts), dtype=np.int64)
    fwjg = np.empty(len(fparts), dtype=np.int64)
    for c, ((lo, hi), weights) in BUILDING_STYLE.items():
        sel = pcode[bparcel] == c
        k = int(sel.sum())
        if not k:
            continue
        floors[sel] = rng.integers(lo, hi + 1, k)
        w = np.asarray(weights, float)
        fwjg[sel] = rng.choice(np.arange(1, 7), size=k, p=w / w.sum())
    return ConstructionParcels(parts, pcode, state[member], patches.village[member], patches.town[member],
                               fparts, bparcel, floors, fwjg)
