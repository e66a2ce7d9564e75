"""Vectorised geometry helpers: repair, snapping, pairwise overlays and subtraction.

Inputs are put on one grid with ``set_precision`` and every overlay runs with ``grid_size``
(GEOS OverlayNG snap-rounding): tiny vertex offsets between neighbouring patches then neither
keep nor drop whole patches (domain.md, the GEOS note). Pairs where one geometry contains the
other, or where they only touch, are settled by (prepared) predicates without an overlay.
"""
from __future__ import annotations

import time
from typing import Optional

import numpy as np
import shapely
from shapely.errors import GEOSException

from landoffice_plugin.core.bitkey import bits_key
from landoffice_plugin.core.parallel import chunked, pairwise

POLY_TYPES = (3, 6)  # Polygon, MultiPolygon
EMPTY = shapely.Polygon()


def polygonal(geoms: np.ndarray) -> np.ndarray:
    """Only the polygonal part of each geometry (lines and points from overlays dropped)."""
    geoms = np.asarray(geoms, dtype=object)
    out = geoms.copy()
    types = shapely.get_type_id(geoms)
    for i in np.flatnonzero(types == 7):  # GeometryCollection: rare, loop
        parts = shapely.get_parts(shapely.get_parts(geoms[i]))
        parts = parts[np.isin(shapely.get_type_id(parts), POLY_TYPES)]
        out[i] = shapely.multipolygons(parts) if len(parts) else EMPTY
    bad = ~np.isin(types, (3, 6, 7)) & (types >= 0)
    out[bad] = EMPTY
    return out


def repair(geoms: np.ndarray, valid: Optional[np.ndarray] = None) -> tuple[np.ndarray, int]:
    """make_valid on the invalid geometries (kept polygonal); returns (geoms, number repaired).

    ``valid``: is_valid of each geometry when already known (checked while reading).
    """
    geoms = np.asarray(geoms, dtype=object)
    present = ~shapely.is_missing(geoms)
    invalid = present & ~(chunked(shapely.is_valid, geoms) if valid is None else valid)
    if invalid.any():
        geoms = geoms.copy()
        geoms[invalid] = polygonal(shapely.make_valid(geoms[invalid]))
    return geoms, int(invalid.sum())


SNAP_CHUNK = 5000  # geometries rounded per call


def snap(geoms: np.ndarray, grid: float) -> np.ndarray:
    """Vertices on a ``grid`` (m) lattice; the result is valid (GEOS valid-output mode).

    GEOS's set_precision snap-rounds every geometry through an overlay (~25 µs each). Most
    patches need only their coordinates rounded the way GEOS rounds them (round(x/grid)·grid,
    the same doubles); that is done in numpy, and set_precision is kept for the geometries the
    rounding leaves invalid or with two vertices within 1.5 grid cells (where snap-rounding
    would merge them).
    """
    if grid <= 0 or len(geoms) == 0:
        return geoms
    geoms = np.asarray(geoms, dtype=object)
    out = geoms.copy()
    idx = np.flatnonzero(~shapely.is_missing(geoms) & ~shapely.is_empty(geoms))
    if len(idx) == 0:
        return out
    scale = 1.0 / abs(grid)
    rounded = np.empty(len(idx), dtype=object)
    close_to = np.zeros(len(idx), dtype=bool)
    for start in range(0, len(idx), SNAP_CHUNK):  # reading and setting coordinates holds Python's lock: in parts
        part = np.asarray(shapely.transform(geoms[idx[start:start + SNAP_CHUNK]],
                                            lambda c: np.floor(c * scale + 0.5) * abs(grid)), dtype=object)
        rounded[start:start + len(part)] = part
        coords, owner = shapely.get_coordinates(part, return_index=True)
        if len(coords) > 1:
            step = np.hypot(*np.diff(coords, axis=0).T)
            close = (owner[1:] == owner[:-1]) & (step > 0) & (step < 1.5 * abs(grid))
            close_to[start + owner[1:][close]] = True
        time.sleep(0)  # the other threads (the window) run between parts
    risky = ~chunked(shapely.is_valid, rounded) | close_to
    if risky.any():
        rounded[risky] = chunked(shapely.set_precision, geoms[idx[risky]], grid, min_chunk=2000)
    out[idx] = polygonal(rounded)
    return out


def nonempty(geoms: np.ndarray, min_area: float = 0.0) -> np.ndarray:
    """Mask of geometries that exist, are not empty and have more than ``min_area`` planar area."""
    geoms = np.asarray(geoms, dtype=object)
    ok = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
    area = np.zeros(len(geoms))
    area[ok] = shapely.area(geoms[ok])
    return ok & (area > min_area)


def pairs(a: np.ndarray, b: np.ndarray, tree=None) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (ia, ib) of intersecting geometries of ``a`` and ``b``.

    The side with the larger geometries is the query side (GEOS prepares each query geometry
    once), the other is indexed: a few huge red-line polygons against many small patches cost
    one preparation each instead of a full scan of the huge polygon per patch. ``tree`` is an
    STRtree on ``b``, used when ``b`` is the indexed side.
    """
    if len(a) == 0 or len(b) == 0:
        return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp)
    size_a = shapely.get_num_coordinates(a).mean()
    size_b = shapely.get_num_coordinates(b).mean()
    if size_b > 4 * size_a:
        ib, ia = query(shapely.STRtree(a), b, "intersects")
        return ia, ib
    tree = tree or shapely.STRtree(b)
    ia, ib = query(tree, a, "intersects")
    return ia, ib


QUERY_CHUNK = 2000  # geometries per STRtree query call


def query(tree, geoms: np.ndarray, predicate: Optional[str] = None) -> np.ndarray:
    """``tree.query(geoms, predicate)`` in chunks: the query holds Python's lock while it runs,
    so one call over a county's patches would stop the other threads (and the window) for seconds.

    The chunks run one after the other on the calling thread: a predicate reads the tree's
    geometries, and GEOS 3.11 computes a hole's envelope on first use, so two threads testing
    the same patch with holes could race (:mod:`landoffice_plugin.core.parallel`)."""
    geoms = np.asarray(geoms, dtype=object)
    if len(geoms) <= QUERY_CHUNK:
        return tree.query(geoms, predicate=predicate)
    parts = []
    for start in range(0, len(geoms), QUERY_CHUNK):
        hit = tree.query(geoms[start:start + QUERY_CHUNK], predicate=predicate)
        hit[0] += start
        parts.append(hit)
    return np.concatenate(parts, axis=1)


def identical_in(geoms: np.ndarray, others: np.ndarray, other_bounds: Optional[np.ndarray] = None) -> np.ndarray:
    """For each of ``geoms``, the index of a geometry of ``others`` of exactly the same shape
    (the same vertices, from any starting vertex, in either direction), or -1.

    In 三调 data the basic-farmland patches are copies of cropland patches: such a copy is
    found by its box (a sorted key of the box's exact doubles) and confirmed by comparing the
    normalised geometries, with no overlay and no spatial predicate.
    """
    out = np.full(len(geoms), -1, dtype=np.intp)
    if len(geoms) == 0 or len(others) == 0:
        return out
    okeys = bits_key(shapely.bounds(others) if other_bounds is None else other_bounds)
    gkeys = bits_key(shapely.bounds(geoms))
    order = np.argsort(okeys, kind="stable")
    pos = np.minimum(np.searchsorted(okeys[order], gkeys), len(order) - 1)
    cand = order[pos]
    found = np.flatnonzero((okeys[cand] == gkeys) & ~shapely.is_missing(geoms))
    if len(found):  # a copy usually keeps the vertex order: compared as it is first, normalised only if not
        same = np.asarray(shapely.equals_exact(geoms[found], others[cand[found]], 0.0), dtype=bool)
        out[found[same]] = cand[found[same]]
        found = found[~same]
    if len(found):  # each distinct object on one thread only (two features may copy the same patch)
        distinct, inverse = np.unique(cand[found], return_inverse=True)
        mine, theirs = chunked(shapely.normalize, geoms[found]), chunked(shapely.normalize, others[distinct])[inverse]
        same = shapely.equals_exact(mine, theirs, 0.0)
        out[found[same]] = cand[found[same]]
    return out


def key_pairs(keys_a: np.ndarray, keys_b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """All (ia, ib) with keys_a[ia] == keys_b[ib] (a join on integer keys, no spatial index)."""
    order = np.argsort(keys_b, kind="stable")
    sorted_b = keys_b[order]
    left = np.searchsorted(sorted_b, keys_a, "left")
    counts = np.searchsorted(sorted_b, keys_a, "right") - left
    ia = np.repeat(np.arange(len(keys_a)), counts)
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    return ia, order[np.repeat(left, counts) + offsets]


OVERLAY, A_HAS_B, B_HAS_A, APART = 0, 1, 2, 3  # how a pair relates (see classify)


def _touching(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """touches(a[i], b[i]); a pair GEOS cannot relate counts as not touching (it goes to the overlay)."""
    try:
        return np.asarray(shapely.touches(a, b), dtype=bool)
    except GEOSException:
        out = np.zeros(len(a), dtype=bool)
        for i in range(len(a)):
            try:
                out[i] = shapely.touches(a[i], b[i])
            except GEOSException:
                out[i] = False
        return out


def _classify(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """:func:`classify` in the calling thread. Only predicates returning booleans are used: they
    run without Python's lock (``relate`` builds strings and holds it, which would stop the
    other threads and freeze the window)."""
    shapely.prepare(a)
    out = np.where(shapely.contains_properly(a, b), A_HAS_B, OVERLAY).astype(np.int8)
    rest = np.flatnonzero(out == OVERLAY)
    if len(rest) == 0:
        return out
    # boxes first: a can contain b only if a's box holds b's box, and the other way round
    ba, bb = shapely.bounds(a[rest]), shapely.bounds(b[rest])
    a_holds = (ba[:, 0] <= bb[:, 0]) & (ba[:, 1] <= bb[:, 1]) & (ba[:, 2] >= bb[:, 2]) & (ba[:, 3] >= bb[:, 3])
    b_holds = (bb[:, 0] <= ba[:, 0]) & (bb[:, 1] <= ba[:, 1]) & (bb[:, 2] >= ba[:, 2]) & (bb[:, 3] >= ba[:, 3])
    # a point inside b: in a's interior, the interiors meet (not APART); off a, a cannot contain b
    inner = shapely.point_on_surface(b[rest])
    meets = shapely.contains_properly(a[rest], inner)
    off = ~meets & ~shapely.intersects(a[rest], inner)
    test = a_holds & ~off
    if test.any():
        has = np.zeros(len(rest), dtype=bool)
        has[test] = shapely.contains(a[rest[test]], b[rest[test]])
        out[rest[has]] = A_HAS_B
        keep = ~has
        rest, b_holds, meets = rest[keep], b_holds[keep], meets[keep]
    test = np.flatnonzero(b_holds)
    if len(test):
        idx = rest[test]
        shapely.prepare(b[idx])
        has = np.zeros(len(rest), dtype=bool)
        has[test] = shapely.contains(b[idx], a[idx])
        out[rest[has]] = B_HAS_A
        keep = ~has
        rest, meets = rest[keep], meets[keep]
    rest = rest[~meets]  # interiors that meet are never only touching: those go to the overlay
    if len(rest):
        out[rest[_touching(a[rest], b[rest])]] = APART
    return out


DISJOINT, MEETS, HOLDS = 0, 1, 2  # how a prepared geometry relates to another (see meets_holds)


def _meets_holds(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """:func:`meets_holds` in the calling thread."""
    shapely.prepare(a)
    out = np.asarray(shapely.intersects(a, b), dtype=np.int8)
    meet = np.flatnonzero(out)
    if len(meet):
        out[meet[np.asarray(shapely.contains_properly(a[meet], b[meet]), dtype=bool)]] = HOLDS
    return out


def meets_holds(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """For each pair: HOLDS (a properly contains b), MEETS (they intersect) or DISJOINT, on every core.

    Each ``a`` (a red line of tens of thousands of vertices, tested against many patches) is
    prepared once per thread; the pairs are shared out by their cost, which grows about as the prepared
    geometry's vertices to the power 0.7 (2.5 µs a pair for 15,000, 10.5 µs for 120,000).
    """
    a, b = np.asarray(a, dtype=object), np.asarray(b, dtype=object)
    if len(a) == 0:
        return np.zeros(0, dtype=np.int8)
    distinct, inverse = np.unique(np.fromiter(map(id, a), dtype=np.int64, count=len(a)), return_inverse=True)
    first = np.zeros(len(distinct), dtype=np.intp)
    first[inverse] = np.arange(len(a))  # an entry of each distinct geometry (counted once, not per pair)
    cost = (shapely.get_num_coordinates(a[first]) ** 0.7)[inverse] + shapely.get_num_coordinates(b)
    return np.asarray(pairwise(_meets_holds, a, b, min_chunk=2000, cost=cost), dtype=np.int8)


def classify(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """For each pair (a[i], b[i]): A_HAS_B (a contains b), B_HAS_A, APART (they only touch, or
    are disjoint) or OVERLAY (an overlay must say), on every core.

    A prepared ``contains_properly`` settles most inside pairs (a point-in-polygon test, ~1 µs),
    then contains both ways and touches settle the rest. GEOS's relate can fail on valid
    geometries whose edges nearly coincide ("side location conflict", seen on densely digitised
    patches): such a pair goes to the overlay.
    """
    if len(a) == 0:
        return np.zeros(0, dtype=np.int8)
    return np.asarray(pairwise(_classify, a, b, min_chunk=2000), dtype=np.int8)


def intersect_pairs(a: np.ndarray, b: np.ndarray, grid: float, tree=None):
    """(ia, ib, pieces): the polygonal intersection of every intersecting pair, empties dropped."""
    ia, ib = pairs(a, b, tree)
    return intersect_known(a, b, ia, ib, grid)


def intersect_known(a: np.ndarray, b: np.ndarray, ia: np.ndarray, ib: np.ndarray, grid: float):
    """:func:`intersect_pairs` of the pairs (ia, ib) already known to intersect (or to nearly)."""
    if len(ia) == 0:
        return ia, ib, np.zeros(0, dtype=object)
    pieces = np.empty(len(ia), dtype=object)
    how = classify(a[ia], b[ib])
    pieces[how == A_HAS_B] = b[ib[how == A_HAS_B]]
    pieces[how == B_HAS_A] = a[ia[how == B_HAS_A]]
    pieces[how == APART] = EMPTY  # neighbours that only share an edge need no overlay
    rest = how == OVERLAY
    if rest.any():
        pieces[rest] = polygonal(pairwise(shapely.intersection, a[ia[rest]], b[ib[rest]], grid_size=grid or None))
    keep = nonempty(pieces)
    return ia[keep], ib[keep], pieces[keep]


def _overlapping(geoms: np.ndarray, source: np.ndarray, ia: np.ndarray, ib: np.ndarray):
    """The pairs that need an overlay; a geometry some source covers becomes empty at once."""
    how = classify(source[ib], geoms[ia])
    gone = np.unique(ia[how == A_HAS_B])
    geoms[gone] = EMPTY
    keep = ~np.isin(ia, gone) & (how != APART)
    return ia[keep], ib[keep]


def _subtract_pairs(geoms: np.ndarray, source: np.ndarray, ia: np.ndarray, ib: np.ndarray, grid: float,
                    predicates: bool = True):
    """geoms[ia] minus source[ib] for all pairs, settling containment and touching by predicates.

    ``predicates=False`` when each source[ib] is known to lie inside geoms[ia] (a patch minus
    its own pieces): the tests would never spare an overlay.
    """
    if len(ia) == 0:
        return geoms
    real = ~shapely.is_empty(geoms[ia]) & ~shapely.is_empty(source[ib])  # prepared predicates warn on empties
    ia, ib = ia[real], ib[real]
    if len(ia) and predicates:
        ia, ib = _overlapping(geoms, source, ia, ib)
    if len(ia) == 0:
        return geoms
    order = np.lexsort((ib, ia))
    ia, ib = ia[order], ib[order]
    start = np.r_[0, np.flatnonzero(np.diff(ia)) + 1]
    rank = np.arange(len(ia)) - np.repeat(start, np.diff(np.r_[start, len(ia)]))
    for r in range(int(rank.max()) + 1):
        sel = rank == r
        g, o = ia[sel], ib[sel]
        geoms[g] = pairwise(shapely.difference, geoms[g], source[o], grid_size=grid or None)
    changed = np.unique(ia)
    geoms[changed] = polygonal(geoms[changed])
    return geoms


def subtract(geoms: np.ndarray, others: np.ndarray, grid: float, tree=None) -> np.ndarray:
    """Each of ``geoms`` minus every one of ``others`` it overlaps."""
    geoms = np.asarray(geoms, dtype=object).copy()
    if len(geoms) == 0 or len(others) == 0:
        return geoms
    ia, ib = pairs(geoms, others, tree)
    return _subtract_pairs(geoms, others, ia, ib, grid)


def subtract_keyed(geoms: np.ndarray, keys: np.ndarray, others: np.ndarray, other_keys: np.ndarray, grid: float,
                   earlier_only: bool = False, inside: bool = False) -> np.ndarray:
    """Each of ``geoms`` minus the ``others`` with the same key (e.g. the same DLTB patch).

    ``earlier_only`` (``others`` is ``geoms``): subtract only lower-indexed ones, which makes a
    set of possibly overlapping geometries disjoint. ``inside``: each of ``others`` lies inside
    the geometries with its key (no containment or touching tests).
    """
    geoms = np.asarray(geoms, dtype=object).copy()
    if len(geoms) == 0 or len(others) == 0:
        return geoms
    ia, ib = key_pairs(np.asarray(keys), np.asarray(other_keys))
    if earlier_only:
        keep = ib < ia
        ia, ib = ia[keep], ib[keep]
        source = geoms.copy()
    else:
        source = np.asarray(others, dtype=object)
    return _subtract_pairs(geoms, source, ia, ib, grid, predicates=not inside)



def subdivide(geoms: np.ndarray, max_coords: int = 1000, grid: float = 0.0, near=None) -> np.ndarray:
    """Huge polygons (red lines, rivers) cut in halves until each part has ≤ ``max_coords`` vertices.

    Overlaying a small patch with a 100 000-vertex polygon costs the whole polygon each time;
    with the parts it costs a few hundred vertices. The union of the parts is the input, or with
    ``near`` (an STRtree) the part of it within ``grid`` of the geometries in ``near``: a half
    whose box lies away from all of them is dropped at once (neither clipped nor halved again).
    The halving uses the fast exact rectangle clip; each final part then goes through one
    overlay with its box on the ``grid`` (so every part is snap-rounded once, not per level).
    """
    geoms = np.asarray(geoms, dtype=object)
    sizes = shapely.get_num_coordinates(geoms)
    out = list(geoms[sizes <= max_coords])
    stack = [(g, g.bounds) for g in geoms[sizes > max_coords]]
    leaves, boxes = [], []
    while stack:
        g, (xmin, ymin, xmax, ymax) = stack.pop()
        if xmax - xmin >= ymax - ymin:
            mid = (xmin + xmax) / 2
            halves = ((xmin, ymin, mid, ymax), (mid, ymin, xmax, ymax))
        else:
            mid = (ymin + ymax) / 2
            halves = ((xmin, ymin, xmax, mid), (xmin, mid, xmax, ymax))
        for box in halves:
            if near is not None and not len(near.query(shapely.box(box[0] - grid, box[1] - grid, box[2] + grid,
                                                                   box[3] + grid))):
                continue  # nothing near this half: neither it nor any part of it is kept (no clipping)
            part = shapely.clip_by_rect(g, *box)
            if part.is_empty:
                continue
            tiny = max(box[2] - box[0], box[3] - box[1]) < 0.01  # a vertex cluster: stop halving
            if tiny or shapely.get_num_coordinates(part) <= max_coords:
                leaves.append(part)
                boxes.append(box)
            else:
                stack.append((part, box))
    if leaves and near is not None:
        b = np.asarray(boxes)
        hit = np.unique(near.query(shapely.box(b[:, 0] - grid, b[:, 1] - grid, b[:, 2] + grid, b[:, 3] + grid))[0])
        leaves, boxes = [leaves[i] for i in hit], [boxes[i] for i in hit]
    if leaves:
        try:
            parts = polygonal(pairwise(shapely.intersection, np.asarray(leaves, dtype=object),
                                       shapely.box(*np.asarray(boxes).T), grid_size=grid or None))
        except GEOSException:  # a clip GEOS could not overlay: cut by overlays all the way
            return _subdivide_overlay(geoms, max_coords, grid)
        out += [p for p in parts if not p.is_empty]
    return np.asarray(out, dtype=object)


def _subdivide_overlay(geoms: np.ndarray, max_coords: int, grid: float) -> np.ndarray:
    """:func:`subdivide` with a snap-rounded overlay at every halving (slower, the fallback)."""
    sizes = shapely.get_num_coordinates(geoms)
    out = list(geoms[sizes <= max_coords])
    stack = list(geoms[sizes > max_coords])
    while stack:
        g = stack.pop()
        xmin, ymin, xmax, ymax = g.bounds
        if xmax - xmin >= ymax - ymin:
            mid = (xmin + xmax) / 2
            halves = (shapely.box(xmin, ymin, mid, ymax), shapely.box(mid, ymin, xmax, ymax))
        else:
            mid = (ymin + ymax) / 2
            halves = (shapely.box(xmin, ymin, xmax, mid), shapely.box(xmin, mid, xmax, ymax))
        for half in polygonal(shapely.intersection(g, np.asarray(halves, dtype=object), grid_size=grid or None)):
            if half.is_empty:
                continue
            (out if shapely.get_num_coordinates(half) <= max_coords else stack).append(half)
    return np.asarray(out, dtype=object)
