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

from .geomops import DISJOINT, HOLDS, meets_holds, query


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

    The pairs whose boxes meet are found first: for a layer of a few features (the development-boundary
    zones) by comparing each feature's box with every patch's box in numpy, for bigger layers in an
    STRtree of the patches (built on first need, boxes only). The prepared features are then tested
    against their candidates on every core (:func:`.geomops.meets_holds`).
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

    def _scan(self, geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(feature, patch) pairs whose boxes meet, comparing each feature's box with every patch's in numpy."""
        b = self.bounds
        others, patches = [], []
        for k, g in enumerate(geoms):
            if g is None or g.is_empty:
                continue
            xmin, ymin, xmax, ymax = g.bounds
            cand = np.flatnonzero((b[:, 0] <= xmax) & (b[:, 2] >= xmin) & (b[:, 1] <= ymax) & (b[:, 3] >= ymin))
            patches.append(cand)
            others.append(np.full(len(cand), k, dtype=np.intp))
        if not patches:
            return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp)
        return np.concatenate(others), np.concatenate(patches).astype(np.intp)

    def reach(self, role: str, geoms: np.ndarray) -> Reach:
        """The intersecting pairs of ``geoms`` (the layer of ``role``) with the patches."""
        hit = self._cache.get(role)
        if hit is not None:
            return hit
        if len(geoms) == 0:
            z = np.zeros(0, dtype=np.intp)
            hit = Reach(z, z.copy(), np.zeros(0, dtype=bool))
        else:
            # the pairs whose boxes meet, then the predicates on every core (each feature prepared once per thread)
            fo, fp = self._scan(geoms) if self.bounds is not None and len(geoms) <= SCAN_MAX else \
                query(self.tree, geoms)
            how = meets_holds(geoms[fo], self.patches[fp])
            meet = how != DISJOINT
            hit = Reach(fo[meet], fp[meet], how[meet] == HOLDS)
        self._cache[role] = hit
        return hit
