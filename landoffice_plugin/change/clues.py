"""Suspected unlawful use (疑似违法用地): change pieces that became construction land on cropland or in basic
farmland, less what an approval (PZYD) or a supply (GYYD) covers; what is left is the clue, with its evidence.

1201 空闲地 is construction land by class but records land that is not built on: it is not new construction.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from landoffice_plugin.analysis.geomops import nonempty, polygonal, subtract
from landoffice_plugin.core.landuse import default_codes
from landoffice_plugin.i18n import tr_noop, zh

NOT_BUILT = ("1201",)
LABELS = {"PZYD": tr_noop("approval (PZYD)"), "GYYD": tr_noop("land supply (GYYD)")}
IN_FARMLAND = tr_noop("{area} m² in permanent basic farmland")
NOT_GIVEN = tr_noop("no {layer} layer given: not checked")
PARTLY = tr_noop("{layer} covers only {area} m²")
NONE = tr_noop("no {layer}")
UNCOVERED = tr_noop("{area} m² covered by no approval or supply")


@dataclass
class Clue:
    piece: int  # index into the pieces
    geom: object
    area: float
    farmland_m2: float
    evidence: str


def _covered(pieces, layer, ctx) -> np.ndarray:
    """m² of each piece a layer covers (0 when the layer is not given)."""
    out = np.zeros(len(pieces))
    if layer is None or not len(pieces):
        return out
    ok = layer.geoms[nonempty(layer.geoms)]
    rest = subtract(pieces, ok, ctx.grid)
    return np.maximum(ctx.measure(pieces) - ctx.measure(rest), 0.0)


def suspected_unlawful(pieces, ctx, min_area_m2: float) -> list:
    codes = default_codes()
    is_new_construction = np.asarray([
        codes.is_construction(t) and not t.startswith(NOT_BUILT) and not codes.is_construction(f)
        for f, t in zip(pieces.from_code.tolist(), pieces.to_code.tolist())], dtype=bool)
    on_cropland = np.asarray([codes.is_cropland(f) for f in pieces.from_code.tolist()], dtype=bool)
    farmland = ctx["YJJBNTTB"] if "YJJBNTTB" in ctx else None
    cand = np.flatnonzero(is_new_construction)
    in_farmland = _covered(pieces.geoms[cand], farmland, ctx)
    cand_mask = on_cropland[cand] | (in_farmland > min_area_m2)
    cand, in_farmland = cand[cand_mask], in_farmland[cand_mask]
    approvals = [ctx[r] for r in ("PZYD", "GYYD") if r in ctx]
    rest = pieces.geoms[cand]
    covered = {}
    for role in ("PZYD", "GYYD"):
        covered[role] = _covered(pieces.geoms[cand], ctx[role] if role in ctx else None, ctx)
    for layer in approvals:
        rest = polygonal(subtract(rest, layer.geoms[nonempty(layer.geoms)], ctx.grid))
    left = ctx.measure(rest)
    clues = []
    for k in np.flatnonzero(left > min_area_m2):
        i = cand[k]
        parts = [f"{pieces.from_code[i]} {codes.name(pieces.from_code[i])} → {pieces.to_code[i]} "
                 f"{codes.name(pieces.to_code[i])}"]
        if in_farmland[k] > 0:
            parts.append(zh(IN_FARMLAND).format(area=f"{in_farmland[k]:.2f}"))
        for role in ("PZYD", "GYYD"):
            label = zh(LABELS[role])
            if role not in ctx:
                parts.append(zh(NOT_GIVEN).format(layer=label))
            elif covered[role][k] > 0:
                parts.append(zh(PARTLY).format(layer=label, area=f"{covered[role][k]:.2f}"))
            else:
                parts.append(zh(NONE).format(layer=label))
        parts.append(zh(UNCOVERED).format(area=f"{left[k]:.2f}"))
        clues.append(Clue(int(i), rest[k], float(left[k]), float(in_farmland[k]), "; ".join(parts)))
    return clues
