"""Red lights (灭红灯): what is wrong with each parcel, with the reason.

Computed for all parcels at once (numpy/shapely, vectorised) when the index is built, and for the
changed parcels when the layer is edited. Stored as a bit mask per parcel; the area check is *not*
stored as a bit: the index keeps the recorded (ZDMJ) and ellipsoidal areas and compares them with
the current tolerance (setting ``AREA_TOLERANCE_PCT``) at query time, so changing the setting
needs no rebuild.

Overlap: two parcels whose interiors share more than :data:`OVERLAP_MIN_M2` (ellipsoidal m²)
in a strip wider than 2 × :data:`SHRINK_M`. Each parcel is shrunk by 5 cm and the shrunk shapes are
tested with ``intersects`` in a shapely STRtree: touching neighbours and the 1e-9 m vertex noise of
real survey data (see domain notes) drop out, containment and any real double registration — even a
1 m sliver — stay. Measured on 113,000 parcels: 1.3 s, against 11.5 s for the DE-9IM predicates
``overlaps`` + ``covers`` + ``covered_by`` (which made a 1 M-parcel build take 170 s).
"""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import shapely

from landoffice_plugin.core.area import ellipsoidal_areas
from landoffice_plugin.core.parcel_codes import PARCEL_LENGTH, parcel_code_problems
from landoffice_plugin.i18n import tr

BAD_CODE, DUP_CODE, OVERLAP, BAD_GEOM, NO_OWNER, UNIT_MISMATCH = 1, 2, 4, 8, 16, 32
OVERLAP_MIN_M2 = 0.1
SHRINK_M = 0.05
METRES_PER_DEGREE = 111_000.0


def _code_ok_factory():
    cache: dict[str, bool] = {}

    def ok(code: str) -> bool:
        if len(code) != PARCEL_LENGTH or not code[14:].isdigit():
            return not parcel_code_problems(code)
        key = code[:14]  # the sequence (15–19) is 5 digits: validity depends on the first 14 only
        if key not in cache:
            cache[key] = not parcel_code_problems(key + "00001")
        return cache[key]
    return ok


def code_flags(codes: list, units: list) -> np.ndarray:
    ok = _code_ok_factory()
    flags = np.zeros(len(codes), dtype=np.int64)
    for i, code in enumerate(codes):
        if not code or not ok(code):
            flags[i] |= BAD_CODE
        unit = units[i]
        if unit and code and not unit.startswith(code):
            flags[i] |= UNIT_MISMATCH
    arr = np.asarray(codes, dtype=object)
    if len(arr):
        _, inverse, counts = np.unique(arr, return_inverse=True, return_counts=True)
        flags[(counts[inverse] > 1) & (arr != "")] |= DUP_CODE
    return flags


def geometry_flags(geoms) -> np.ndarray:
    arr = np.asarray(geoms, dtype=object)
    bad = np.array([g is None for g in arr], dtype=bool)
    present = ~bad
    if present.any():
        sub = arr[present]
        bad[present] = shapely.is_empty(sub) | ~shapely.is_valid(sub)
    return np.where(bad, BAD_GEOM, 0).astype(np.int64)


def _chunked(func, arr, parts: int):
    """``func`` over ``arr`` in ``parts`` threads (shapely releases the GIL in its vectorised calls)."""
    if parts <= 1 or len(arr) < 20_000:
        return [func(arr, 0)]
    bounds = np.linspace(0, len(arr), parts + 1).astype(int)
    with ThreadPoolExecutor(parts) as pool:
        return list(pool.map(lambda k: func(arr[bounds[k]:bounds[k + 1]], bounds[k]), range(parts)))


def overlap_pairs(geoms, epsg, candidates=None, geographic: bool = False, usable=None) -> list[tuple[int, int, float]]:
    """``(i, j, m²)`` of overlapping parcels (indexes into ``geoms``), i < j unless ``candidates``
    restricts the left side to those indexes (incremental update). ``usable``: valid, non-empty mask."""
    arr = np.asarray(geoms, dtype=object)
    if usable is None:
        usable = geometry_flags(arr) == 0
    index = np.flatnonzero(usable)
    if len(index) < 2:
        return []
    shrink = SHRINK_M / METRES_PER_DEGREE if geographic else SHRINK_M
    parts = min(4, os.cpu_count() or 1)
    shrunk = np.concatenate(_chunked(
        lambda sub, _start: shapely.buffer(sub, -shrink, quad_segs=1, join_style="mitre"), arr[index], parts))
    tree = shapely.STRtree(shrunk)
    left = np.arange(len(index)) if candidates is None else \
        np.flatnonzero(np.isin(index, np.asarray(candidates, dtype=np.int64)))

    def query(sub, start):
        a, b = tree.query(sub, predicate="intersects")
        return a + start, b
    found = _chunked(query, shrunk[left], parts)
    a = left[np.concatenate([f[0] for f in found])]
    b = np.concatenate([f[1] for f in found])
    keep = a < b if candidates is None else a != b
    both = np.column_stack([index[a[keep]], index[b[keep]]])
    if not len(both):
        return []
    inter = shapely.intersection(arr[both[:, 0]], arr[both[:, 1]])
    areas = ellipsoidal_areas(inter, epsg)
    keep = np.nan_to_num(areas) > OVERLAP_MIN_M2
    return [(int(i), int(j), float(a)) for (i, j), a in zip(both[keep], areas[keep])]


def reasons(flags: int, recorded_m2, ellipsoidal_m2, tolerance_pct: float,
            overlaps=(), code: str = "") -> list[str]:
    """The red lights of one parcel in words (UI language), area check included."""
    out = []
    if flags & BAD_CODE:
        problems = parcel_code_problems(code) if code else []
        detail = "; ".join(p.message() for p in problems) if problems else tr("empty")
        out.append(tr("Invalid parcel code: {detail}").format(detail=detail))
    if flags & DUP_CODE:
        out.append(tr("The parcel code {code} is used by more than one parcel").format(code=code))
    if flags & UNIT_MISMATCH:
        out.append(tr("The real-estate unit number does not start with the parcel code"))
    if flags & BAD_GEOM:
        out.append(tr("Invalid or missing geometry: repair it (Vector ▸ Geometry Tools ▸ Fix Geometries)"))
    if flags & NO_OWNER:
        out.append(tr("No owner (权利人) recorded"))
    for other, area in overlaps:
        out.append(tr("Overlaps parcel {code} by {area:.2f} m²").format(code=other, area=area))
    problem = area_problem(recorded_m2, ellipsoidal_m2, tolerance_pct)
    if problem:
        out.append(problem)
    return out


def area_problem(recorded_m2, ellipsoidal_m2, tolerance_pct: float) -> str:
    if ellipsoidal_m2 is None or not np.isfinite(ellipsoidal_m2) or ellipsoidal_m2 <= 0:
        return ""
    if recorded_m2 is None or not np.isfinite(recorded_m2):
        return tr("No recorded area (宗地面积): the ellipsoidal area is {area:.2f} m²").format(area=ellipsoidal_m2)
    diff = (recorded_m2 - ellipsoidal_m2) / ellipsoidal_m2 * 100.0
    if abs(diff) <= tolerance_pct:
        return ""
    return tr("Recorded area {recorded:.2f} m² differs from the ellipsoidal area {area:.2f} m² by "
              "{diff:+.2f} % (tolerance {tol:g} %)").format(recorded=recorded_m2, area=ellipsoidal_m2,
                                                           diff=diff, tol=tolerance_pct)


def compute(columns, epsg, geographic: bool = False) -> tuple[np.ndarray, np.ndarray, list]:
    """``(flags, ellipsoidal areas m², overlap pairs)`` for all parcels of ``columns``."""
    values = columns.values
    flags = code_flags(values["ZDDM"], values["BDCDYH"])
    geom_flags = geometry_flags(columns.geoms)
    flags |= geom_flags
    owners = values["QLRMC"]
    flags |= np.array([0 if (o or "").strip() else NO_OWNER for o in owners], dtype=np.int64)
    areas = ellipsoidal_areas(columns.geoms, epsg) if len(columns) else np.zeros(0)
    pairs = overlap_pairs(columns.geoms, epsg, geographic=geographic, usable=geom_flags == 0)
    for i, j, _ in pairs:
        flags[i] |= OVERLAP
        flags[j] |= OVERLAP
    return flags, areas, pairs
