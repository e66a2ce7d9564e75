"""Precedence and hard constraints: every category's claims become disjoint pieces of DLTB patches.

For each category in precedence order: cut its claims by the DLTB patches (unless already cut),
remove the hard constraints, remove ground an earlier category (or an earlier claim of the same
category) took in the same patch, drop slivers under ``min_piece_m2``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import shapely

from .claims import Claims
from .geomops import EMPTY, intersect_known, intersect_pairs, nonempty, subtract_keyed


@dataclass
class Pieces:
    cat: list = field(default_factory=list)
    geoms: list = field(default_factory=list)
    reasons: list = field(default_factory=list)
    sources: list = field(default_factory=list)
    years: list = field(default_factory=list)
    patch: list = field(default_factory=list)

    def add(self, cat, geoms, reasons, sources, years, patch) -> None:
        self.cat.append(np.full(len(geoms), cat, dtype=object))
        for name, value in (("geoms", geoms), ("reasons", reasons), ("sources", sources), ("years", years),
                            ("patch", patch)):
            getattr(self, name).append(np.asarray(value))

    def arrays(self) -> dict:
        if not self.cat:
            z = np.zeros(0, dtype=object)
            return {"cat": z, "geoms": z, "reasons": z, "sources": z, "years": np.zeros(0),
                    "patch": np.zeros(0, dtype=np.intp)}
        return {name: np.concatenate(getattr(self, name)) for name in
                ("cat", "geoms", "reasons", "sources", "years", "patch")}


def _known_pairs(claims: Claims, found, patches: np.ndarray, snapped: Optional[np.ndarray]):
    """(claim index, patch index, pieces so far) from the pairs ``found`` = (Reach, the layer's geometries) of the
    claims' features with the patches as read, in (claim, patch) order.

    A claim is its feature or a part of it (an approval less its supplies), so every patch it meets
    is among its feature's pairs; snapping moves a patch by less than the grid, so a pair it adds
    only touches (or overlaps by a sliver under the smallest piece). A patch the unchanged feature
    properly contains, and that was not snapped, is the piece itself (no test, no overlay).
    """
    reach, layer = found
    claim_of = np.full(len(layer), -1, dtype=np.intp)
    claim_of[claims.feature] = np.arange(len(claims.feature))
    mine = claim_of[reach.other] >= 0
    ic, ip, inside = claim_of[reach.other[mine]], reach.patch[mine], reach.inside[mine]
    order = np.lexsort((ip, ic))
    ic, ip, inside = ic[order], ip[order], inside[order]
    same = np.fromiter((g is layer[f] for g, f in zip(claims.geoms, claims.feature)), dtype=bool,
                       count=len(claims.feature))
    whole = inside & same[ic] & (True if snapped is None else ~snapped[ip])
    pieces = np.full(len(ic), None, dtype=object)
    pieces[whole] = patches[ip[whole]]
    return ic, ip, pieces


def _cut(claims: Claims, patches: np.ndarray, grid: float, tree: list, found=None, snapped=None):
    """(pieces, claim index, patch index) of ``claims`` cut by the DLTB patches.

    ``tree`` holds the STRtree of the patches once one was needed (claims already cut by
    patch need none, nor claims whose features' pairs with the patches are ``found``).
    """
    if claims.patch is not None:
        return claims.geoms, np.arange(len(claims.geoms)), np.asarray(claims.patch, dtype=np.intp)
    if found is not None and claims.feature is not None and len(np.unique(claims.feature)) == len(claims.feature):
        # (one claim per feature: a feature split into several claims is cut by a fresh query below)
        ic, ip, pieces = _known_pairs(claims, found, patches, snapped)
        if claims.patch_mask is not None:
            keep = claims.patch_mask[ip]
            ic, ip, pieces = ic[keep], ip[keep], pieces[keep]
        rest = np.flatnonzero(pieces == None)  # noqa: E711 - element-wise: the pairs still to settle
        jc, jp, cut = intersect_known(claims.geoms, patches, ic[rest], ip[rest], grid)
        done = np.flatnonzero(pieces != None)  # noqa: E711
        ic, ip = np.concatenate([ic[done], jc]), np.concatenate([ip[done], jp])
        pieces = np.concatenate([pieces[done], cut])
        order = np.lexsort((ip, ic))
        return pieces[order], ic[order], ip[order]
    if not tree:
        tree.append(shapely.STRtree(patches))
    ic, ip, pieces = intersect_pairs(claims.geoms, patches, grid, tree[0])
    if claims.patch_mask is not None:
        keep = claims.patch_mask[ip]
        ic, ip, pieces = ic[keep], ip[keep], pieces[keep]
    return pieces, ic, ip


def merge(claims_in_order: list, patches: np.ndarray, constraints: tuple, grid: float,
          min_piece_m2: float, progress=None, found: Optional[dict] = None,
          snapped: Optional[np.ndarray] = None) -> dict:
    """Disjoint pieces of all categories, as arrays (see :class:`Pieces`).

    ``constraints`` is (geometries, DLTB patch index): the hard constraints already cut by patch.
    ``found``: {category: (Reach, the layer's geometries)}, the pairs of the layer whose features claim
    the category's land with the patches as read; ``snapped``: mask of the patches snapped since.
    """
    out = Pieces()
    patch_tree = []  # built on first use
    cons_g, cons_p = constraints
    taken_g, taken_p = np.zeros(0, dtype=object), np.zeros(0, dtype=np.intp)
    for step, claims in enumerate(claims_in_order):
        pieces, ic, ip = _cut(claims, patches, grid, patch_tree, (found or {}).get(claims.cat), snapped)
        if len(pieces) and len(cons_g):
            pieces = subtract_keyed(pieces, ip, cons_g, cons_p, grid)
        if len(pieces) and len(taken_g):
            pieces = subtract_keyed(pieces, ip, taken_g, taken_p, grid)
        if len(pieces):
            pieces = subtract_keyed(pieces, ip, pieces, ip, grid, earlier_only=True)
        keep = nonempty(pieces, min_piece_m2)
        pieces, ic, ip = pieces[keep], ic[keep], ip[keep]
        out.add(claims.cat, pieces, claims.reasons[ic], claims.sources[ic], claims.years[ic], ip)
        taken_g = np.concatenate([taken_g, pieces])
        taken_p = np.concatenate([taken_p, ip])
        if progress is not None:
            progress(step + 1, len(claims_in_order))
    return out.arrays()


def whole_patch(patches: np.ndarray, piece_geoms: np.ndarray, piece_patch: np.ndarray) -> np.ndarray:
    """Mask of the pieces that are their DLTB patch itself (the same geometry object, not a copy)."""
    return np.fromiter((g is patches[i] for g, i in zip(piece_geoms, piece_patch)), dtype=bool,
                       count=len(piece_geoms))


def leftover(patches: np.ndarray, piece_geoms: np.ndarray, piece_patch: np.ndarray, grid: float):
    """(patch index, geometry) of what remains of every patch that has pieces: the non-potential part.

    A patch one of whose pieces is the patch itself has nothing left (no overlay needed).
    """
    touched = np.unique(piece_patch)
    if len(touched) == 0:
        return touched, np.zeros(0, dtype=object)
    full = np.isin(touched, piece_patch[whole_patch(patches, piece_geoms, piece_patch)])
    rest = np.full(len(touched), EMPTY, dtype=object)
    part = touched[~full]
    if len(part):
        mine = np.isin(piece_patch, part)
        rest[~full] = subtract_keyed(patches[part], part, piece_geoms[mine], piece_patch[mine], grid, inside=True)
    return touched, rest
