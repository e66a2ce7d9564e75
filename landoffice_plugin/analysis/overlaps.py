"""Which DLTB patches each overlay layer reaches: found once per run, shared by the stages.

The spatial queries against the county's patches are the expensive part of deciding what to
snap and what to cut. :class:`Overlaps` runs them once per layer on the patches as read
(before snapping) and remembers, for every (feature, patch) pair that intersects, whether the
feature properly contains the patch: such a patch needs no overlay with that feature.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import numpy as np
import shapely

from .geomops import query


@dataclass(frozen=True)
class Reach:
    """Intersecting pairs: ``other`` (index into the layer), ``patch`` (DLTB index), ``inside``."""

    other: np.ndarray
    patch: np.ndarray
    inside: np.ndarray  # the feature properly contains the patch

    @property
    def crossing(self) -> np.ndarray:
        """Patches whose interior some feature's boundary may cut (those need an overlay)."""
        return np.unique(self.patch[~self.inside])

    def take(self, mask: np.ndarray) -> Reach:
        return Reach(self.other[mask], self.patch[mask], self.inside[mask])


SCAN_MAX = 64  # layers with at most this many features are matched by scanning the patches' boxes


class Overlaps:
    """Pairs of each layer's features with the DLTB patches, cached by role.

    A layer of a few features (the development-boundary zones) is matched by comparing each
    feature's box with every patch's box in numpy, then testing the prepared feature against
    the candidates; bigger layers query an STRtree of the patches, built on first need.
    """

    def __init__(self, patches: np.ndarray, bounds: Optional[np.ndarray] = None):
        self.patches = patches  # the patches as read; the tree keeps referring to these
        self.bounds = bounds  # (n, 4) boxes of the patches, when known
        self._tree = None
        self._cache: dict = {}

    @property
    def tree(self) -> shapely.STRtree:
        if self._tree is None:
            self._tree = shapely.STRtree(self.patches)
        return self._tree

    def _scan(self, geoms: np.ndarray) -> Reach:
        b = self.bounds
        others, patches, inside = [], [], []
        for k, g in enumerate(geoms):
            if g is None or g.is_empty:
                continue
            xmin, ymin, xmax, ymax = g.bounds
            cand = np.flatnonzero((b[:, 0] <= xmax) & (b[:, 2] >= xmin) & (b[:, 1] <= ymax) & (b[:, 3] >= ymin))
            if len(cand) == 0:
                continue
            shapely.prepare(g)
            cand = cand[shapely.intersects(g, self.patches[cand])]
            patches.append(cand)
            others.append(np.full(len(cand), k, dtype=np.intp))
            inside.append(shapely.contains_properly(g, self.patches[cand]))
        if not patches:
            z = np.zeros(0, dtype=np.intp)
            return Reach(z, z.copy(), np.zeros(0, dtype=bool))
        return Reach(np.concatenate(others), np.concatenate(patches).astype(np.intp), np.concatenate(inside))

    def reach(self, role: str, geoms: np.ndarray) -> Reach:
        """The intersecting pairs of ``geoms`` (the layer of ``role``) with the patches."""
        hit = self._cache.get(role)
        if hit is not None:
            return hit
        if len(geoms) == 0:
            z = np.zeros(0, dtype=np.intp)
            hit = Reach(z, z.copy(), np.zeros(0, dtype=bool))
        elif self.bounds is not None and len(geoms) <= SCAN_MAX:
            hit = self._scan(geoms)
        else:
            io, ip = query(self.tree, geoms, "intersects")
            jo, jp = query(self.tree, geoms, "contains_properly")
            n = np.int64(len(self.patches))
            hit = Reach(io, ip, np.isin(io * n + ip, jo * n + jp))
        self._cache[role] = hit
        return hit
