"""Topology rules of DLTB: overlaps, gaps, invalid geometries, slivers, minimum mapping area, patches outside
their village (CJDCQ) or township (XZQ).

Overlaps are the lookup panel's (:func:`lookup.red_lights.overlap_pairs`: shrunk by 5 cm, so touching
neighbours and vertex noise drop out); every overlay runs on the snap grid (``snap_grid``).
"""
from __future__ import annotations

import numpy as np
import shapely

from landoffice_plugin.analysis.geomops import nonempty, polygonal
from landoffice_plugin.core.landuse import default_codes
from landoffice_plugin.lookup.red_lights import overlap_pairs

from .checks_attributes import _villages
from .coverage import village_groups
from .findings import located_villages


def _f(x) -> str:
    return f"{x:.2f}"


def dltb_overlaps(ctx) -> list:
    """(i, j, m²) of overlapping DLTB patches (computed once per run). A layer that is a coverage (its village
    unions succeed as coverage unions, :mod:`.coverage`) has none; any other is searched pair by pair."""
    if "dltb_overlaps" not in ctx.cache:
        data = ctx["DLTB"]
        if village_groups(ctx).whole_exact:
            ctx.cache["dltb_overlaps"] = []
        else:
            ctx.cache["dltb_overlaps"] = overlap_pairs(data.geoms, ctx.epsg, usable=nonempty(data.geoms))
    return ctx.cache["dltb_overlaps"]


def overlap(ctx, rule, out) -> int:
    data = ctx["DLTB"]
    found = [p for p in dltb_overlaps(ctx) if p[2] > float(rule.params["min_area_m2"])]
    if found:
        i, j = (np.asarray([p[k] for p in found], dtype=np.int64) for k in (0, 1))
        pieces = polygonal(shapely.intersection(data.geoms[i], data.geoms[j], grid_size=ctx.grid or None))
        villages, keys = _villages(data), data.keys()
        for k, (a, b, area) in enumerate(found):
            out.add(rule, "DLTB", [data.arrays.fids[a], data.arrays.fids[b]], [keys[a], keys[b]],
                    rule.text(other=keys[b], area=_f(area)), pieces[k], area, villages[a])
    return len(data)


def gap(ctx, rule, out) -> int:
    """Holes in the union of the patches, and (with XZQ) the parts of the townships no patch covers."""
    data = ctx["DLTB"]
    ok = np.flatnonzero(nonempty(data.geoms))
    union = village_groups(ctx).whole
    parts = shapely.get_parts(union)
    rings = [shapely.Polygon(r) for p in parts for r in p.interiors]
    pieces = list(rings)
    if "XZQ" in ctx:
        towns = ctx["XZQ"].geoms
        outline = shapely.union_all(towns[nonempty(towns)], grid_size=ctx.grid or None)
        pieces += list(shapely.get_parts(polygonal(np.asarray(
            [shapely.difference(outline, union, grid_size=ctx.grid or None)], dtype=object))[0]))
    pieces = np.asarray([p for p in pieces if not p.is_empty], dtype=object)
    if len(pieces):
        areas = ctx.measure(pieces)
        keep = areas > float(rule.params["min_area_m2"])
        pieces, areas = pieces[keep], areas[keep]
        villages = located_villages(pieces, ctx)
        tree = shapely.STRtree(data.geoms)
        keys = data.keys()
        for k, piece in enumerate(pieces):
            near = tree.query(piece, predicate="touches")
            out.add(rule, "DLTB", data.arrays.fids[near[:20]], keys[near[:6]], rule.text(area=_f(areas[k])), piece,
                    areas[k], villages[k])
    return len(ok)


def invalid_geometry(ctx, rule, out) -> int:
    data = ctx["DLTB"]
    villages, keys = _villages(data), data.keys()
    missing = shapely.is_missing(data.raw)
    for i in np.flatnonzero(~data.valid | missing):
        detail = "无几何图形" if missing[i] else shapely.is_valid_reason(data.raw[i])
        out.add(rule, "DLTB", data.arrays.fids[i], keys[i], rule.text(detail=detail), data.geoms[i],
                village=villages[i])
    return len(data)


def sliver(ctx, rule, out) -> int:
    """Patches whose mean width 2·area/perimeter (a strip's width) is under ``max_width_m``."""
    data = ctx["DLTB"]
    ok = nonempty(data.geoms)
    width = np.full(len(data), np.inf)
    width[ok] = 2 * shapely.area(data.geoms[ok]) / shapely.length(data.geoms[ok])
    villages, keys, area = _villages(data), data.keys(), ctx.areas("DLTB")
    for i in np.flatnonzero(width < float(rule.params["max_width_m"])):
        out.add(rule, "DLTB", data.arrays.fids[i], keys[i], rule.text(width=_f(width[i]), area=_f(area[i])),
                data.geoms[i], area[i], villages[i])
    return int(ok.sum())


def minimum_for(code: str, params: dict) -> tuple:
    """(minimum m², what it is for) of a land-use code: ``by_code`` prefixes first, then its legal category."""
    if any(code.startswith(p) for p in params.get("exempt_codes", [])):
        return 0.0, ""
    for prefix, value in sorted(params.get("by_code", {}).items(), key=lambda kv: -len(kv[0])):
        if code.startswith(prefix):
            return float(value), default_codes().name(prefix) or prefix
    category = default_codes().legal_category(code)
    return float(params.get("by_category", {}).get(category, 0.0)), category


def min_area(ctx, rule, out) -> int:
    data = ctx["DLTB"]
    codes = data.text("DLBM")
    limits = {c: minimum_for(c, rule.params) for c in set(codes.tolist())}
    minimum = np.asarray([limits[c][0] for c in codes.tolist()])
    area = ctx.areas("DLTB")
    ok = nonempty(data.geoms) & (minimum > 0)
    villages, keys = _villages(data), data.keys()
    for i in np.flatnonzero(ok & (area < minimum)):
        out.add(rule, "DLTB", data.arrays.fids[i], keys[i],
                rule.text(area=_f(area[i]), category=limits[codes[i]][1], minimum=f"{minimum[i]:g}"),
                data.geoms[i], area[i], villages[i])
    return int(ok.sum())


def mergeable(ctx, rule, out) -> int:
    """Neighbours (a common edge longer than ``min_shared_m``) whose attributes in ``fields`` are all equal:
    one patch digitised as two, to be merged. Fields the layer lacks are left out of the comparison (said in the
    message); touching at a corner or overlapping (the overlap rule's) is not a common edge."""
    data = ctx["DLTB"]
    names = [f for f in rule.params["fields"] if data.has(f)]
    ok = np.flatnonzero(nonempty(data.geoms))
    if not names or len(ok) < 2:
        return 0
    columns = [data.text(f) for f in names]
    signature = np.asarray(["\x1f".join(row) for row in zip(*(c.tolist() for c in columns))], dtype=object)
    _, group = np.unique(signature, return_inverse=True)
    geoms = data.geoms[ok]
    a, b = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    keep = (a < b) & (group[ok[a]] == group[ok[b]])
    a, b = ok[a[keep]], ok[b[keep]]
    if not len(a):
        return len(ok)
    shared = shapely.length(shapely.intersection(shapely.boundary(data.geoms[a]), shapely.boundary(data.geoms[b]),
                                                 grid_size=ctx.grid or None))
    found = np.flatnonzero(shared > float(rule.params["min_shared_m"]))
    if len(found):
        villages, keys, area = _villages(data), data.keys(), ctx.areas("DLTB")
        pieces = shapely.union(data.geoms[a[found]], data.geoms[b[found]], grid_size=ctx.grid or None)
        listed = "、".join(names)
        for k, i in enumerate(found):
            x, y = a[i], b[i]
            out.add(rule, "DLTB", [data.arrays.fids[x], data.arrays.fids[y]], [keys[x], keys[y]],
                    rule.text(other=keys[y], length=_f(shared[i]), fields=listed), pieces[k], area[x] + area[y],
                    villages[x])
    return len(ok)


def _inside(ctx, rule, out, role: str, code_field: str, length: int) -> int:
    """Each unit's patches (ZLDWDM's first ``length`` characters) against the unit polygon: the union of its
    patches minus the unit first (one overlay per unit), then the patches that reach into what is left."""
    data, units = ctx["DLTB"], ctx[role]
    index = {}
    for k, c in enumerate(units.text(code_field).tolist()):
        if c[:length] and nonempty(units.geoms[k:k + 1])[0]:
            index.setdefault(c[:length], k)
    groups = village_groups(ctx)
    by_unit: dict = {}
    for code, members, union in zip(groups.codes, groups.members, groups.unions):
        entry = by_unit.setdefault(code[:length], ([], []))
        entry[0].append(members)
        entry[1].append(union)
    keys, villages, tol = data.keys(), _villages(data), float(rule.params["min_area_m2"])
    checked = 0
    for code, (member_lists, unions) in sorted(by_unit.items()):
        members = np.concatenate(member_lists)
        if not code:
            continue  # no ZLDWDM: the required-field rule says so
        if code not in index:
            for i in members:
                out.add(rule, "DLTB", data.arrays.fids[i], keys[i], rule.text("missing_message", code=code),
                        data.geoms[i], ctx.areas("DLTB")[i], villages[i])
            continue
        checked += len(members)
        unit = units.geoms[index[code]]
        whole = unions[0] if len(unions) == 1 else shapely.union_all(unions, grid_size=ctx.grid or None)
        rest = shapely.difference(whole, unit, grid_size=ctx.grid or None)
        if rest.is_empty or ctx.measure([rest])[0] <= tol:
            continue
        near = members[shapely.intersects(data.geoms[members], rest)]
        outside = polygonal(shapely.difference(data.geoms[near], unit, grid_size=ctx.grid or None))
        areas = ctx.measure(outside)
        for k in np.flatnonzero(areas > tol):
            i = near[k]
            out.add(rule, "DLTB", data.arrays.fids[i], keys[i], rule.text(area=_f(areas[k]), code=code),
                    outside[k], areas[k], villages[i])
    return checked


def village(ctx, rule, out) -> int:
    return _inside(ctx, rule, out, "CJDCQ", "ZLDWDM", 12)


def township(ctx, rule, out) -> int:
    return _inside(ctx, rule, out, "XZQ", "XZQDM", 9)


CHECKS = {"dltb_mergeable": mergeable, "dltb_overlap": overlap, "dltb_gap": gap,
          "dltb_invalid_geometry": invalid_geometry, "dltb_sliver": sliver,
          "dltb_min_area": min_area, "dltb_village": village, "dltb_township": township}
