"""Change pieces between two DLTB vintages: where the land-use code differs, from-code → to-code.

Patches identical in both vintages (same geometry, same code) are set aside first, so only what changed is
overlaid (:func:`analysis.geomops.intersect_pairs`, snapped). A piece that a ``jitter_m``-wide negative buffer
empties is boundary jitter, and one under the minimum mapping area of its new class (the quality rule
``dltb_min_area``) is a sliver: neither is a change.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from landoffice_plugin.analysis.geomops import intersect_pairs, nonempty
from landoffice_plugin.quality.checks_topology import minimum_for


@dataclass
class Pieces:
    geoms: np.ndarray
    old: np.ndarray  # index into the old vintage
    new: np.ndarray  # index into the new vintage
    from_code: np.ndarray
    to_code: np.ndarray
    area: np.ndarray  # ellipsoidal m²
    dropped_jitter: int = 0
    dropped_small: int = 0

    def __len__(self) -> int:
        return len(self.geoms)


def _signature(data) -> np.ndarray:
    wkb = shapely.to_wkb(data.geoms)
    codes = data.text("DLBM")
    return np.asarray([(b or b"") + c.encode("utf-8") for b, c in zip(wkb, codes.tolist())], dtype=object)


def change_pieces(ctx_old, ctx_new, min_area: dict, jitter_m: float = 0.1) -> Pieces:
    old, new = ctx_old["DLTB"], ctx_new["DLTB"]
    so, sn = _signature(old), _signature(new)
    common = set(so.tolist()) & set(sn.tolist())
    same_o = np.fromiter((k in common for k in so.tolist()), dtype=bool, count=len(so))
    same_n = np.fromiter((k in common for k in sn.tolist()), dtype=bool, count=len(sn))
    oc = np.flatnonzero(nonempty(old.geoms) & ~same_o)
    nc = np.flatnonzero(nonempty(new.geoms) & ~same_n)
    ia, ib, geoms = intersect_pairs(old.geoms[oc], new.geoms[nc], ctx_old.grid)
    fc, tc = old.text("DLBM")[oc[ia]], new.text("DLBM")[nc[ib]]
    diff = fc != tc
    ia, ib, geoms, fc, tc = ia[diff], ib[diff], geoms[diff], fc[diff], tc[diff]
    thin = shapely.is_empty(shapely.buffer(geoms, -jitter_m / 2, quad_segs=1, join_style="mitre")) if len(geoms) \
        else np.zeros(0, dtype=bool)
    area = ctx_old.measure(geoms)
    limits = {c: minimum_for(c, min_area)[0] for c in set(tc.tolist())}
    small = ~thin & (area < np.asarray([limits[c] for c in tc.tolist()]))
    keep = ~thin & ~small
    return Pieces(geoms[keep], oc[ia[keep]], nc[ib[keep]], fc[keep], tc[keep], area[keep], int(thin.sum()),
                  int(small.sum()))
