"""Red lights (灭红灯): what is wrong with each parcel, with the reason.

Computed for all parcels at once (numpy/shapely, vectorised) when the index is built, and for the
changed parcels when the layer is edited. Stored as a bit mask per parcel; the area check is *not*
stored as a bit: the index keeps the recorded (ZDMJ) and ellipsoidal areas and compares them with
the current tolerance (setting ``AREA_TOLERANCE_PCT``) at query time, so changing the setting
needs no rebuild.

Overlap: two parcels whose interiors share more than :data:`OVERLAP_MIN_M2` (ellipsoidal m²).
The threshold ignores the 1e-9 m vertex noise of real survey data (see domain notes) while any
real double registration — even a 1 m sliver — is reported. Candidates come from a shapely STRtree
with the ``overlaps`` and ``covers`` predicates, so touching neighbours (the common case) cost nothing.
"""
from __future__ import annotations

import numpy as np
import shapely

from landoffice_plugin.core.area import ellipsoidal_areas
from landoffice_plugin.core.parcel_codes import PARCEL_LENGTH, parcel_code_problems
from landoffice_plugin.i18n import tr

BAD_CODE, DUP_CODE, OVERLAP, BAD_GEOM, NO_OWNER, UNIT_MISMATCH = 1, 2, 4, 8, 16, 32
OVERLAP_MIN_M2 = 0.1


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


def overlap_pairs(geoms, epsg, candidates=None) -> list[tuple[int, int, float]]:
    """``(i, j, m²)`` of overlapping parcels (indexes into ``geoms``), i < j unless ``candidates``
    restricts the left side to those indexes (incremental update)."""
    arr = np.asarray(geoms, dtype=object)
    usable = np.array([g is not None for g in arr], dtype=bool)
    if usable.any():
        usable[usable] = ~shapely.is_empty(arr[usable]) & shapely.is_valid(arr[usable])
    index = np.flatnonzero(usable)
    if len(index) < 2:
        return []
    tree = shapely.STRtree(arr[index])
    left = index if candidates is None else np.intersect1d(index, np.asarray(candidates, dtype=np.int64))
    pos = np.searchsorted(index, left)
    pairs = []
    for predicate in ("overlaps", "covers", "covered_by"):
        a, b = tree.query(arr[left], predicate=predicate)
        pairs.append(np.column_stack([index[pos[a]], index[b]]))
    both = np.unique(np.concatenate(pairs), axis=0) if pairs else np.zeros((0, 2), dtype=np.int64)
    both = both[both[:, 0] != both[:, 1]]
    if candidates is None:
        both = both[both[:, 0] < both[:, 1]]
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


def compute(columns, epsg) -> tuple[np.ndarray, np.ndarray, list]:
    """``(flags, ellipsoidal areas m², overlap pairs)`` for all parcels of ``columns``."""
    values = columns.values
    flags = code_flags(values["ZDDM"], values["BDCDYH"])
    flags |= geometry_flags(columns.geoms)
    owners = values["QLRMC"]
    flags |= np.array([0 if (o or "").strip() else NO_OWNER for o in owners], dtype=np.int64)
    areas = ellipsoidal_areas(columns.geoms, epsg) if len(columns) else np.zeros(0)
    pairs = overlap_pairs(columns.geoms, epsg)
    for i, j, _ in pairs:
        flags[i] |= OVERLAP
        flags[j] |= OVERLAP
    return flags, areas, pairs
