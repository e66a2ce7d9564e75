"""The DLTB partition: Voronoi cells of generator points, grouped into patches.

Ordinary patches are single cells (finer in towns and villages). Linear features are three
rows of generators (centre and both banks at ± width): the centre cells form a strip exactly
``width`` wide; each bank cell is merged into the patch of its nearest ordinary generator,
and strip cells are merged per (line, village). Cells come from one Voronoi diagram, so
patches share identical vertices and the result is an exact coverage (no gaps, no overlaps).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from .geography import Geography

RASTER = 8.0  # m, resolution of the line-crossing occupancy grid
LINE_ORDER = ("river", "highway", "canal", "road")


@dataclass
class Patches:
    geoms: np.ndarray  # shapely polygons
    anchor: np.ndarray  # (n, 2) generator point deciding the patch's land use
    line_code: np.ndarray  # '' for ordinary patches, else DLBM of the line
    town: np.ndarray
    village: np.ndarray


def _jittered_grid(rng, bounds, spacing):
    x0, y0, x1, y1 = bounds
    xs = np.arange(x0, x1, spacing)
    ys = np.arange(y0, y1, spacing)
    gx, gy = np.meshgrid(xs, ys)
    pts = np.c_[gx.ravel(), gy.ravel()]
    return pts + rng.uniform(-0.38 * spacing, 0.38 * spacing, pts.shape)


def _zones(geo: Geography):
    """Areas with finer patches: town disks (with their industrial park) and natural villages."""
    disks = [shapely.buffer(shapely.points(geo.town_xy), geo.town_radius * 1.45),
             shapely.buffer(shapely.points(geo.cluster_xy), geo.cluster_radius * 1.25)]
    return shapely.union_all(np.concatenate(disks))


def ordinary_points(rng, geo: Geography) -> np.ndarray:
    s = geo.scale.spacing
    outer = shapely.buffer(geo.region, 3 * s)
    zone = _zones(geo)
    shapely.prepare(zone)
    base = _jittered_grid(rng, outer.bounds, s)
    base = base[shapely.contains_xy(outer, base[:, 0], base[:, 1]) & ~shapely.contains_xy(zone, base[:, 0], base[:, 1])]
    fine = _jittered_grid(rng, zone.bounds, s / 1.5)
    fine = fine[shapely.contains_xy(zone, fine[:, 0], fine[:, 1])]
    return np.r_[base, fine]


class _Occupancy:
    """Raster of ground already claimed by a line, so later lines stop at crossings."""

    def __init__(self, bounds):
        self.x0, self.y0 = bounds[0], bounds[1]
        self.grid = np.zeros((int((bounds[3] - bounds[1]) / RASTER) + 2, int((bounds[2] - bounds[0]) / RASTER) + 2),
                             dtype=bool)

    def _ij(self, pts):
        i = np.clip(((pts[:, 1] - self.y0) / RASTER).astype(np.int64), 0, self.grid.shape[0] - 1)
        j = np.clip(((pts[:, 0] - self.x0) / RASTER).astype(np.int64), 0, self.grid.shape[1] - 1)
        return i, j

    def hit(self, pts):
        i, j = self._ij(pts)
        return self.grid[i, j]

    def claim(self, pts, radius):
        r = int(np.ceil(radius / RASTER))
        i, j = self._ij(pts)
        for di in range(-r, r + 1):
            for dj in range(-r, r + 1):
                self.grid[np.clip(i + di, 0, self.grid.shape[0] - 1), np.clip(j + dj, 0, self.grid.shape[1] - 1)] = True


def line_points(geo: Geography):
    """(points, kind 1 centre / 2 bank, line index) of all lines, crossings resolved by priority."""
    occ = _Occupancy(shapely.buffer(geo.region, 500).bounds)
    town_d = np.inf
    pts_all, kind_all, idx_all = [], [], []
    order = sorted(range(len(geo.lines)), key=lambda k: LINE_ORDER.index(geo.lines[k].kind))
    for k in order:
        ln = geo.lines[k]
        c, n, w = ln.centre, ln.normal, ln.width
        left, right = c + n * w, c - n * w
        keep = shapely.contains_xy(geo.region, c[:, 0], c[:, 1])
        keep &= ~(occ.hit(c) | occ.hit(left) | occ.hit(right))
        if ln.kind in ("canal", "road"):
            town_d = np.sqrt(((c[:, None, :] - geo.town_xy[None]) ** 2).sum(axis=2)) / geo.town_radius[None]
            keep &= town_d.min(axis=1) > (1.5 if ln.kind == "canal" else 1.0)
        if ln.kind == "canal":
            keep &= geo.hill(c) < -0.05
            keep &= _far_from(c, geo.cluster_xy, geo.cluster_radius * 1.3)
        if keep.sum() < 3:
            continue
        c, left, right = c[keep], left[keep], right[keep]
        occ.claim(np.r_[c, left, right], max(w, ln.step) * 0.9 + RASTER)
        m = len(c)
        pts_all.append(np.r_[c, left, right])
        kind_all.append(np.r_[np.ones(m, np.int8), np.full(2 * m, 2, np.int8)])
        idx_all.append(np.full(3 * m, k))
    if not pts_all:
        return np.zeros((0, 2)), np.zeros(0, np.int8), np.zeros(0, np.int64)
    return np.concatenate(pts_all), np.concatenate(kind_all), np.concatenate(idx_all)


def _far_from(pts, centres, radius):
    if not len(centres):
        return np.ones(len(pts), bool)
    d = np.sqrt(((pts[:, None, :] - centres[None]) ** 2).sum(axis=2))
    return (d > radius[None]).all(axis=1)


def _drop_near_lines(ordinary, lpts, lkind, lidx, geo):
    tree = shapely.STRtree(shapely.points(ordinary))
    drop = np.zeros(len(ordinary), bool)
    for k in np.unique(lidx):
        ln = geo.lines[k]
        sel = (lidx == k) & (lkind == 1)
        hits = tree.query(shapely.points(lpts[sel]), predicate="dwithin", distance=ln.width + 0.5 * ln.step)
        drop[hits[1]] = True
    return ordinary[~drop]


def _voronoi_cells(pts: np.ndarray, extent) -> np.ndarray:
    """The Voronoi cell of each point (None if GEOS merged it with a duplicate).

    ``ordered=True`` needs GEOS 3.12; QGIS 3.22 ships 3.11, so cells are matched to their
    generators through a spatial index (each generator lies strictly inside its own cell).
    """
    vor = shapely.voronoi_polygons(shapely.multipoints(pts), extend_to=extent)
    parts = np.asarray(shapely.get_parts(vor))
    pt_idx, cell_idx = shapely.STRtree(parts).query(shapely.points(pts), predicate="within")
    cells = np.full(len(pts), None, dtype=object)
    cells[pt_idx] = parts[cell_idx]
    return cells


def build_patches(rng, geo: Geography, feedback=None) -> Patches:
    ordinary = ordinary_points(rng, geo)
    lpts, lkind, lidx = line_points(geo)
    ordinary = _drop_near_lines(ordinary, lpts, lkind, lidx, geo)
    pts = np.r_[ordinary, lpts]
    kind = np.r_[np.zeros(len(ordinary), np.int8), lkind]
    line = np.r_[np.full(len(ordinary), -1), lidx]
    inside = shapely.contains_xy(geo.region, pts[:, 0], pts[:, 1])
    cells = _voronoi_cells(pts, shapely.box(*shapely.buffer(geo.region, 2000).bounds))
    keep = inside & (cells != None)  # noqa: E711  (elementwise test of an object array)
    cells, pts, kind, line = cells[keep], pts[keep], kind[keep], line[keep]
    town, village = geo.assign(pts)

    # group: ordinary cells are their own patch; banks join their nearest ordinary cell; strips merge
    n = len(pts)
    group = np.full(n, -1, np.int64)
    ord_idx = np.flatnonzero(kind == 0)
    group[ord_idx] = np.arange(len(ord_idx))
    bank = np.flatnonzero(kind == 2)
    if len(bank):
        tree = shapely.STRtree(shapely.points(pts[ord_idx]))
        near = tree.query_nearest(shapely.points(pts[bank]), all_matches=False)
        group[bank[near[0]]] = near[1]
    strip = np.flatnonzero(kind == 1)
    if len(strip):
        key = line[strip] * 100000 + village[strip]
        _, inv = np.unique(key, return_inverse=True)
        group[strip] = len(ord_idx) + inv
        # banks take their ordinary neighbour's town/village: patches nest in villages
    ng = int(group.max()) + 1
    rep = np.full(ng, -1, np.int64)
    rep[group[::-1]] = np.arange(n)[::-1]  # first member of each group
    rep[group[ord_idx]] = ord_idx
    order = np.argsort(group, kind="stable")
    counts = np.bincount(group, minlength=ng)
    starts = np.r_[0, np.cumsum(counts)[:-1]]
    geoms = np.empty(ng, dtype=object)
    single = counts == 1
    geoms[single] = cells[order[starts[single]]]
    for g in np.flatnonzero(~single):
        geoms[g] = shapely.coverage_union_all(cells[order[starts[g]:starts[g] + counts[g]]])
    parts, src = shapely.get_parts(geoms, return_index=True)
    r = rep[src]
    code = np.where(kind[r] == 1, np.asarray([ln.code for ln in geo.lines] + [""], dtype=object)[line[r]], "")
    return Patches(parts, pts[r], code.astype(object), town[r], village[r])
