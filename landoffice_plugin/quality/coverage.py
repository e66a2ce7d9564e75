"""Unions of DLTB patches by village, fast when the patches form a coverage (三调 data should).

``coverage_union_all`` (edge matching, no overlay) is used when it succeeds and its result is valid with the
area of its parts (an overlap or a badly noded edge fails one of the three); otherwise a snapped
``union_all``. Each village's union is what the gap, overlap and containment rules compare.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.errors import GEOSException

from landoffice_plugin.analysis.geomops import nonempty


def coverage_union(geoms: np.ndarray, tolerance: float):
    """The union of ``geoms`` when they form a coverage (no overlap, matching edges), else None."""
    if len(geoms) == 0:
        return shapely.Polygon()
    try:
        union = shapely.coverage_union_all(geoms)
    except GEOSException:
        return None
    if not shapely.is_valid(union) or abs(union.area - shapely.area(geoms).sum()) > tolerance:
        return None
    return union


def union(geoms: np.ndarray, grid: float, tolerance: float):
    """(union, is a coverage) of ``geoms``."""
    fast = coverage_union(geoms, tolerance)
    if fast is not None:
        return fast, True
    return shapely.union_all(geoms, grid_size=grid or None), False


@dataclass
class Groups:
    codes: list  # group key (village code) per group
    members: list  # index arrays into the DLTB arrays
    unions: list
    exact: np.ndarray  # the group is a coverage
    whole: object  # the union of every patch
    whole_exact: bool  # the whole layer is a coverage (then no patch overlaps another)


def group_by(keys: np.ndarray) -> tuple:
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    start = np.r_[0, np.flatnonzero(sorted_keys[1:] != sorted_keys[:-1]) + 1] if len(keys) else np.zeros(0, int)
    stops = np.r_[start[1:], len(keys)]
    return [sorted_keys[s] for s in start], [order[s:e] for s, e in zip(start, stops)]


def village_groups(ctx, tolerance: float = 0.05) -> Groups:
    """DLTB patches grouped by ZLDWDM[:12], with each group's union and the whole layer's (once per run)."""
    if "groups" in ctx.cache:
        return ctx.cache["groups"]
    data = ctx["DLTB"]
    ok = np.flatnonzero(nonempty(data.geoms))
    keys = np.asarray([z[:12] for z in data.text("ZLDWDM")[ok].tolist()], dtype=object) if data.has("ZLDWDM") \
        else np.full(len(ok), "", dtype=object)
    codes, members = group_by(keys)
    members = [ok[m] for m in members]
    made = [union(data.geoms[m], ctx.grid, tolerance) for m in members]
    unions = [u for u, _ in made]
    exact = np.asarray([e for _, e in made], dtype=bool)
    whole, whole_exact = union(np.asarray(unions, dtype=object), ctx.grid, tolerance)
    groups = Groups(codes, members, unions, exact, whole, bool(whole_exact and exact.all()))
    ctx.cache["groups"] = groups
    return groups
