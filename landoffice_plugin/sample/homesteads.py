"""Homestead lots (宅基地) inside 0702 patches and the houses on them, fully vectorised.

Each 0702 patch gets rows of rectangular lots (≈ 13 × 16 m) along the village's street
direction with a lane between rows; only lots lying wholly inside the patch are kept. Every
lot has a main house at its front and, often, an outbuilding at the back.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

LANE = 4.0


@dataclass
class Lots:
    geoms: np.ndarray
    patch: np.ndarray  # index of the DLTB patch holding the lot
    centre: np.ndarray  # (n, 2)
    houses: np.ndarray  # building polygons
    house_lot: np.ndarray  # lot index of each building
    house_no: np.ndarray  # 1 main house, 2 outbuilding


def _rect_coords(x0, y0, x1, y1) -> np.ndarray:
    """(n, 5, 2) closed rings of axis-aligned rectangles in local coordinates."""
    return np.stack([np.c_[x0, y0], np.c_[x1, y0], np.c_[x1, y1], np.c_[x0, y1], np.c_[x0, y0]], axis=1)


def _to_world(local: np.ndarray, origin: np.ndarray, angle: np.ndarray) -> np.ndarray:
    c, s = np.cos(angle)[:, None], np.sin(angle)[:, None]
    x, y = local[..., 0], local[..., 1]
    return np.stack([origin[:, None, 0] + x * c - y * s, origin[:, None, 1] + x * s + y * c], axis=-1)


def build_lots(rng: np.random.Generator, geoms: np.ndarray, patch_idx: np.ndarray,
               angle: np.ndarray, outline: np.ndarray = None) -> Lots:
    """Lots in ``geoms[patch_idx]``; ``angle`` (radians) is the row direction of each of them.

    ``outline``: the patches before densification, when densified. The lots are laid out in
    those (the same lots as the sparse sample), then cut to the densified patch where they
    cross its boundary, so every lot lies in its patch.
    """
    dense = geoms[patch_idx]
    polys = dense if outline is None else outline[patch_idx]
    origin = shapely.get_coordinates(shapely.centroid(polys))
    coords, which = shapely.get_coordinates(polys, return_index=True)
    c, s = np.cos(angle[which]), np.sin(angle[which])
    dx, dy = coords[:, 0] - origin[which, 0], coords[:, 1] - origin[which, 1]
    lx, ly = dx * c + dy * s, -dx * s + dy * c  # world -> local
    n = len(polys)
    minx = np.full(n, np.inf)
    maxx = np.full(n, -np.inf)
    miny = np.full(n, np.inf)
    maxy = np.full(n, -np.inf)
    np.minimum.at(minx, which, lx)
    np.maximum.at(maxx, which, lx)
    np.minimum.at(miny, which, ly)
    np.maximum.at(maxy, which, ly)
    width = rng.uniform(12.0, 14.5, n)
    depth = rng.uniform(15.0, 18.0, n)
    pitch = depth + LANE
    nx = np.floor((maxx - minx) / width).astype(np.int64)
    ny = np.floor((maxy - miny + LANE) / pitch).astype(np.int64)
    count = nx * ny
    owner = np.repeat(np.arange(n), count)
    k = np.arange(len(owner)) - np.repeat(np.cumsum(count) - count, count)
    i, j = k % np.repeat(nx, count), k // np.repeat(nx, count)
    slack_x = (maxx - minx - nx * width) / 2
    x0 = minx[owner] + slack_x[owner] + i * width[owner]
    y0 = miny[owner] + LANE / 2 + j * pitch[owner]
    x1, y1 = x0 + width[owner], y0 + depth[owner]
    ring = _to_world(_rect_coords(x0, y0, x1, y1), origin[owner], angle[owner])
    cand = shapely.polygons(ring)
    inside = shapely.within(cand, polys[owner])
    lots, owner = cand[inside], owner[inside]
    x0, y0, x1, y1 = x0[inside], y0[inside], x1[inside], y1[inside]
    m = len(lots)
    # main house at the front, outbuilding at the back for some lots
    hd = np.minimum(rng.uniform(8.5, 11.0, m), (y1 - y0) - 7.0)
    main = _rect_coords(x0 + 1.2, y0 + 1.0, x1 - 1.2, y0 + 1.0 + hd)
    has_out = rng.random(m) < 0.45
    ws, ds = rng.uniform(3.5, 5.5, m), rng.uniform(3.0, 4.0, m)
    out = _rect_coords(x0 + 1.0, y1 - 1.0 - ds, x0 + 1.0 + ws, y1 - 1.0)[has_out]
    lot_idx = np.r_[np.arange(m), np.flatnonzero(has_out)]
    local = np.concatenate([main, out])
    houses = shapely.polygons(_to_world(local, origin[owner][lot_idx], angle[owner][lot_idx]))
    house_no = np.r_[np.ones(m, np.int64), np.full(int(has_out.sum()), 2)]
    order = np.lexsort((house_no, lot_idx))
    if outline is not None:
        out_of = ~shapely.within(lots, dense[owner])
        lots = lots.copy()
        lots[out_of] = shapely.intersection(lots[out_of], dense[owner][out_of])
    return Lots(lots, patch_idx[owner], shapely.get_coordinates(shapely.centroid(lots)),
                houses[order], lot_idx[order], house_no[order])
