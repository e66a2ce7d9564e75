"""``run_landuse_change``: two DLTB vintages (and PZYD, GYYD, YJJBNTTB) → change pieces, the transition
matrix and the suspected unlawful conversions, headless."""
from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from landoffice_plugin.analysis.loading import working_crs
from landoffice_plugin.core.area import m2_to_mu
from landoffice_plugin.core.landuse import default_codes
from landoffice_plugin.i18n import tr
from landoffice_plugin.quality.context import load_context

from .clues import suspected_unlawful
from .matrix import category, first_level, matrix
from .pieces import change_pieces

OTHER_ROLES = ("PZYD", "GYYD", "YJJBNTTB")


@dataclass
class ChangeResult:
    rows: dict  # change pieces: column -> array, with geoms
    clues: dict  # suspected unlawful use: column -> array, with geoms
    by_class: dict  # {from: {to: m²}} first-level classes
    by_category: dict  # {from: {to: m²}} 农用地/建设用地/未利用地
    notes: list = field(default_factory=list)
    crs: object = None
    seconds: float = 0.0


def _piece_rows(pieces, old, new) -> dict:
    codes = default_codes()
    zl = new.text("ZLDWDM") if new.has("ZLDWDM") else np.full(len(new), "", dtype=object)
    ob, nb = old.keys(), new.keys()
    n = len(pieces)
    col = lambda values: np.asarray(list(values), dtype=object)  # noqa: E731
    return {
        "from_code": pieces.from_code, "from_name": col(codes.name(c) for c in pieces.from_code),
        "to_code": pieces.to_code, "to_name": col(codes.name(c) for c in pieces.to_code),
        "from_group": col(category(c) for c in pieces.from_code), "to_group": col(category(c) for c in pieces.to_code),
        "village_code": col(z[:12] for z in zl[pieces.new]) if n else col([]),
        "old_bsm": ob[pieces.old] if n else col([]), "new_bsm": nb[pieces.new] if n else col([]),
        "area_m2": np.asarray(pieces.area, dtype=float), "area_mu": m2_to_mu(np.asarray(pieces.area, dtype=float)),
        "clue": np.full(n, "否", dtype=object), "evidence": np.full(n, "", dtype=object), "geoms": pieces.geoms,
    }


def run_landuse_change(old_input, new_input, others: dict, rules, jitter_m: float = 0.1) -> ChangeResult:
    """``old_input``/``new_input``: LayerInputs of the two DLTB vintages; ``others``: {role: LayerInput} of PZYD,
    GYYD, YJJBNTTB (each optional); ``rules``: the quality rules (the minimum mapping area by class)."""
    started = time.perf_counter()
    crs = working_crs(old_input)
    ctx_old = load_context({"DLTB": old_input, **{r: i for r, i in others.items() if r in OTHER_ROLES}},
                           rules.snap_grid, crs)
    ctx_new = load_context({"DLTB": new_input}, rules.snap_grid, crs)
    min_area = rules.rules["dltb_min_area"].params
    pieces = change_pieces(ctx_old, ctx_new, min_area, jitter_m)
    construction_min = float(min_area.get("by_category", {}).get("建设用地", 0.0))
    clues = suspected_unlawful(pieces, ctx_old, construction_min)
    rows = _piece_rows(pieces, ctx_old["DLTB"], ctx_new["DLTB"])
    for c in clues:
        rows["clue"][c.piece], rows["evidence"][c.piece] = "是", c.evidence
    take = np.asarray([c.piece for c in clues], dtype=np.int64)
    clue_rows = {k: (v[take] if len(take) else v[:0]) for k, v in rows.items() if k != "geoms"}
    clue_rows["area_m2"] = np.asarray([c.area for c in clues], dtype=float)
    clue_rows["area_mu"] = m2_to_mu(clue_rows["area_m2"])
    clue_rows["farmland_m2"] = np.asarray([c.farmland_m2 for c in clues], dtype=float)
    geoms = np.empty(len(clues), dtype=object)
    geoms[:] = [c.geom for c in clues]
    clue_rows["geoms"] = geoms
    old = ctx_old["DLTB"]
    codes, areas = old.text("DLBM"), ctx_old.areas("DLTB")
    notes = [tr("Not counted as change: {jitter} boundary-jitter pieces, {small} pieces under the minimum mapping "
                "area").format(jitter=pieces.dropped_jitter, small=pieces.dropped_small)]
    notes += [tr("Layer {role} not given: suspected unlawful use is not checked against it").format(role=r)
              for r in OTHER_ROLES if r not in ctx_old]
    if not len(pieces):
        notes.append(tr("No land-use change between the two vintages"))
    return ChangeResult(rows, clue_rows, matrix(codes, areas, pieces, first_level),
                        matrix(codes, areas, pieces, category), notes, crs, round(time.perf_counter() - started, 3))
