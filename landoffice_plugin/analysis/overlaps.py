"""Which DLTB patches each overlay layer reaches: found once per run, shared by the stages.

The spatial queries against the county's patches are the expensive part of deciding what to
snap and what to cut. :class:`Overlaps` runs them once per layer on the patches as read
(before snapping) and remembers, for every (feature, patch) pair that intersects, whether the
feature properly contains the patch: such a patch needs no overlay with that feature.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely


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


class Overlaps:
    """Pairs of each layer's features with the DLTB patches, cached by role."""

    def __init__(self, patches: np.ndarray):
        self.patches = patches  # the patches as read; the tree keeps referring to these
        self.tree = shapely.STRtree(patches)
        self._cache: dict = {}

    def reach(self, role: str, geoms: np.ndarray) -> Reach:
        """The intersecting pairs of ``geoms`` (the layer of ``role``) with the patches."""
        hit = self._cache.get(role)
        if hit is not None:
            return hit
        if len(geoms) == 0:
            z = np.zeros(0, dtype=np.intp)
            hit = Reach(z, z.copy(), np.zeros(0, dtype=bool))
        else:
            io, ip = self.tree.query(geoms, predicate="intersects")
            jo, jp = self.tree.query(geoms, predicate="contains_properly")
            n = np.int64(len(self.patches))
            hit = Reach(io, ip, np.isin(io * n + ip, jo * n + jp))
        self._cache[role] = hit
        return hit
