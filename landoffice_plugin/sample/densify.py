"""Densified patch boundaries: a vertex every few metres, as digitised 三调 patches have.

Every segment gets its extra vertices from its two endpoints alone: the endpoints are put in
a canonical order (lexicographic), the points are computed from that order and, where the
segment runs the other way, emitted reversed. Two patches sharing an edge therefore get
bit-identical vertices on both sides and the partition stays exact (coverage unions of
villages and townships still work). The points wiggle off the straight line by at most
``MAX_WIGGLE`` m, a full sine period per segment whose sign and size come from a hash of the
endpoints: the vertices are not collinear (so no simplification drops them), and the area
between the wiggle and the chord sums to zero, so patch areas stay the same up to rounding.
"""
from __future__ import annotations

import numpy as np
import shapely

from ..core.bitkey import unit_interval

MAX_WIGGLE = 0.5  # m, largest offset of an inserted vertex from its segment
WIGGLE_SHARE = 0.02  # the offset is also at most this share of the segment's length
def mean_vertices(geoms: np.ndarray) -> float:
    """Mean number of distinct vertices per polygon (the closing vertex of each ring not counted)."""
    geoms = np.asarray(geoms, dtype=object)
    if len(geoms) == 0:
        return 0.0
    rings = shapely.get_num_interior_rings(geoms) + 1
    return float((shapely.get_num_coordinates(geoms) - rings).mean())


def _segments(geoms: np.ndarray):
    """(rings, owner polygon of each ring, coordinates, ring of each coordinate, segment mask)."""
    rings, owner = shapely.get_rings(geoms, return_index=True)
    coords, ring_of = shapely.get_coordinates(rings, return_index=True)
    is_seg = np.zeros(len(coords), dtype=bool)
    is_seg[:-1] = ring_of[:-1] == ring_of[1:]
    return rings, owner, coords, ring_of, is_seg


def _canonical(coords: np.ndarray, is_seg: np.ndarray):
    """Start p, end q of every segment in canonical order, and whether the ring runs q → p."""
    a = coords[:-1][is_seg[:-1]]
    b = coords[1:][is_seg[:-1]]
    swap = (a[:, 0] > b[:, 0]) | ((a[:, 0] == b[:, 0]) & (a[:, 1] > b[:, 1]))
    p = np.where(swap[:, None], b, a)
    q = np.where(swap[:, None], a, b)
    return p, q, swap


def _inserted(length: np.ndarray, spacing: float) -> np.ndarray:
    return np.floor(length / spacing).astype(np.int64)


def spacing_for(geoms: np.ndarray, target: float) -> float:
    """The vertex spacing (m) that gives a mean of at least ``target`` vertices per polygon
    (0.0 when the polygons already have that many)."""
    geoms = np.asarray(geoms, dtype=object)
    if len(geoms) == 0 or mean_vertices(geoms) >= target:
        return 0.0
    _r, _o, coords, _ring_of, is_seg = _segments(geoms)
    p, q, _swap = _canonical(coords, is_seg)
    length = np.hypot(*(q - p).T)
    have = mean_vertices(geoms) * len(geoms)
    need = target * len(geoms) - have
    lo, hi = 1e-3, float(length.max()) + 1.0  # inserted(lo) is plenty; inserted(hi) is none
    for _ in range(40):  # bisection on the spacing: the count falls as the spacing grows
        mid = 0.5 * (lo + hi)
        if _inserted(length, mid).sum() >= need:
            lo = mid
        else:
            hi = mid
    return lo


def densify(geoms: np.ndarray, spacing: float) -> np.ndarray:
    """Polygons with a vertex at least every ``spacing`` m, identical on shared edges (see module)."""
    geoms = np.asarray(geoms, dtype=object)
    if spacing <= 0 or len(geoms) == 0:
        return geoms
    rings, owner, coords, ring_of, is_seg = _segments(geoms)
    p, q, swap = _canonical(coords, is_seg)
    d = q - p
    length = np.hypot(d[:, 0], d[:, 1])
    n = _inserted(length, spacing)
    with np.errstate(invalid="ignore", divide="ignore"):
        normal = np.where(length[:, None] > 0, np.c_[-d[:, 1], d[:, 0]] / length[:, None], 0.0)
    h = unit_interval(np.c_[p, q])
    amp = np.minimum(MAX_WIGGLE, WIGGLE_SHARE * length) * (0.5 + 0.5 * np.abs(2 * h - 1)) * np.where(h < 0.5, -1, 1)
    # emit: every coordinate, then the points inserted after it (segment starts only)
    per_coord = np.ones(len(coords), dtype=np.int64)
    per_coord[np.flatnonzero(is_seg)] += n
    start = np.r_[0, np.cumsum(per_coord)[:-1]]
    out = np.empty((int(per_coord.sum()), 2))
    out[start] = coords
    seg_pos = start[np.flatnonzero(is_seg)]
    total = int(n.sum())
    seg = np.repeat(np.arange(len(n)), n)
    k = np.arange(total) - np.repeat(np.cumsum(n) - n, n) + 1  # 1..n along the ring's direction
    m = np.where(swap[seg], n[seg] + 1 - k, k)  # index along the canonical direction
    t = m / (n[seg] + 1)
    wiggle = amp[seg] * np.sin(2 * np.pi * t)
    pts = p[seg] + t[:, None] * d[seg] + wiggle[:, None] * normal[seg]
    out[seg_pos[seg] + k] = pts
    new_rings = shapely.linearrings(out, indices=np.repeat(ring_of, per_coord))
    return _polygons(new_rings, owner, len(geoms))


def _polygons(rings: np.ndarray, owner: np.ndarray, count: int) -> np.ndarray:
    per = np.bincount(owner, minlength=count)
    first = np.r_[0, np.cumsum(per)[:-1]]
    result = np.empty(count, dtype=object)
    simple = per == 1
    result[simple] = shapely.polygons(rings[first[simple]])
    for i in np.flatnonzero(per > 1):
        result[i] = shapely.Polygon(rings[first[i]], list(rings[first[i] + 1:first[i] + per[i]]))
    result[per == 0] = shapely.Polygon()
    return result


def densify_to(geoms: np.ndarray, target: float) -> tuple[np.ndarray, float]:
    """(densified polygons, spacing used) with a mean of at least ``target`` vertices per polygon."""
    spacing = spacing_for(geoms, target)
    return densify(geoms, spacing), spacing


def densify_patches(patches, target: float):
    """The DLTB partition with densified boundaries (a copy of ``patches``; 0: unchanged).

    Done before the villages, townships and the layers copied from patches (basic farmland,
    red line, supplies, homesteads) are built, so all of them inherit the same vertices.
    """
    if not target:
        return patches
    import dataclasses

    geoms, _spacing = densify_to(patches.geoms, float(target))
    return dataclasses.replace(patches, geoms=geoms)
