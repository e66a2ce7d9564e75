"""Vectorised geometry helpers: repair, snapping, pairwise overlays and subtraction.

Every overlay runs with ``grid_size`` (GEOS OverlayNG snap-rounding) on inputs already put on
the same grid with ``set_precision``: tiny vertex offsets between neighbouring patches then
neither keep nor drop whole patches (see domain.md, the GEOS note).
"""
from __future__ import annotations

import numpy as np
import shapely

POLY_TYPES = (3, 6)  # Polygon, MultiPolygon


def polygonal(geoms: np.ndarray) -> np.ndarray:
    """Only the polygonal part of each geometry (lines and points from overlays dropped)."""
    geoms = np.asarray(geoms, dtype=object)
    out = geoms.copy()
    types = shapely.get_type_id(geoms)
    for i in np.flatnonzero(types == 7):  # GeometryCollection: rare, loop
        parts = shapely.get_parts(shapely.get_parts(geoms[i]))
        parts = parts[np.isin(shapely.get_type_id(parts), POLY_TYPES)]
        out[i] = shapely.multipolygons(parts) if len(parts) else shapely.Polygon()
    bad = ~np.isin(types, (3, 6, 7)) & (types >= 0)
    out[bad] = shapely.Polygon()
    return out


def repair(geoms: np.ndarray) -> tuple[np.ndarray, int]:
    """make_valid on the invalid geometries (kept polygonal); returns (geoms, number repaired)."""
    geoms = np.asarray(geoms, dtype=object)
    present = ~shapely.is_missing(geoms)
    invalid = present & ~shapely.is_valid(geoms)
    if invalid.any():
        geoms = geoms.copy()
        geoms[invalid] = polygonal(shapely.make_valid(geoms[invalid]))
    return geoms, int(invalid.sum())


def snap(geoms: np.ndarray, grid: float) -> np.ndarray:
    """Vertices on a ``grid`` (m) lattice; the result is valid (GEOS valid-output mode)."""
    if grid <= 0 or len(geoms) == 0:
        return geoms
    return polygonal(shapely.set_precision(geoms, grid))


def nonempty(geoms: np.ndarray, min_area: float = 0.0) -> np.ndarray:
    """Mask of geometries that exist, are not empty and have more than ``min_area`` planar area."""
    ok = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
    area = np.zeros(len(geoms))
    area[ok] = shapely.area(geoms[ok])
    return ok & (area > min_area)


def pairs(a: np.ndarray, b: np.ndarray, tree=None) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (ia, ib) of intersecting geometries of ``a`` and ``b`` (STRtree on ``b``)."""
    if len(a) == 0 or len(b) == 0:
        return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp)
    tree = tree or shapely.STRtree(b)
    ia, ib = tree.query(a, predicate="intersects")
    return ia, ib


def intersect_pairs(a: np.ndarray, b: np.ndarray, grid: float, tree=None):
    """(ia, ib, pieces): the polygonal intersection of every intersecting pair, empties dropped."""
    ia, ib = pairs(a, b, tree)
    if len(ia) == 0:
        return ia, ib, np.zeros(0, dtype=object)
    pieces = polygonal(shapely.intersection(a[ia], b[ib], grid_size=grid or None))
    keep = nonempty(pieces)
    return ia[keep], ib[keep], pieces[keep]


def subtract(geoms: np.ndarray, others: np.ndarray, grid: float, tree=None, keys=None, other_keys=None,
             earlier_only: bool = False) -> np.ndarray:
    """Each of ``geoms`` minus every one of ``others`` it touches (vectorised in rounds).

    With ``keys``/``other_keys`` only pairs with equal keys count (e.g. the same DLTB patch);
    ``earlier_only`` (``others`` is ``geoms``) subtracts only lower-indexed ones, making a set
    of possibly overlapping geometries disjoint.
    """
    geoms = np.asarray(geoms, dtype=object).copy()
    if len(geoms) == 0 or len(others) == 0:
        return geoms
    ia, ib = pairs(geoms, others, tree)
    keep = np.ones(len(ia), dtype=bool)
    if keys is not None:
        keep &= keys[ia] == other_keys[ib]
    if earlier_only:
        keep &= ib < ia
    ia, ib = ia[keep], ib[keep]
    if len(ia) == 0:
        return geoms
    order = np.lexsort((ib, ia))
    ia, ib = ia[order], ib[order]
    start = np.r_[0, np.flatnonzero(np.diff(ia)) + 1]
    rank = np.arange(len(ia)) - np.repeat(start, np.diff(np.r_[start, len(ia)]))
    source = geoms.copy() if earlier_only else others
    for r in range(int(rank.max()) + 1):
        sel = rank == r
        g, o = ia[sel], ib[sel]
        geoms[g] = shapely.difference(geoms[g], source[o], grid_size=grid or None)
    return polygonal(geoms)


def union_groups(geoms: np.ndarray, groups: np.ndarray, n: int, grid: float) -> np.ndarray:
    """Union of ``geoms`` per group id in 0..n-1 (empty polygon for groups without members)."""
    out = np.array([shapely.Polygon()] * n, dtype=object)
    if len(geoms) == 0:
        return out
    order = np.argsort(groups, kind="stable")
    g, gs = groups[order], geoms[order]
    start = np.r_[0, np.flatnonzero(np.diff(g)) + 1]
    end = np.r_[start[1:], len(g)]
    for s, e in zip(start, end):
        out[g[s]] = gs[s] if e - s == 1 else shapely.union_all(gs[s:e], grid_size=grid or None)
    return out
