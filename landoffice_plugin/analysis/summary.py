"""Summary by township, village and category; reconciliation of areas per township."""
from __future__ import annotations

from collections import defaultdict

import numpy as np

from landoffice_plugin.core.area import m2_to_mu

from .categories import BY_ID, CATEGORY_IDS
from .columns import factorize


def summarise(rows: dict) -> list:
    """One row per (township, village, category): count, m², 亩; sorted by code and precedence."""
    acc = defaultdict(lambda: [0, 0.0])
    names = {}
    for t, tn, v, vn, c, a in zip(rows["town_code"], rows["town_name"], rows["village_code"], rows["village_name"],
                                  rows["category"], rows["area_m2"]):
        key = (t, v, c)
        acc[key][0] += 1
        acc[key][1] += float(a)
        names[t], names[v] = tn, vn
    order = {c: i for i, c in enumerate(CATEGORY_IDS)}
    out = []
    for (t, v, c), (n, a) in sorted(acc.items(), key=lambda kv: (kv[0][0], kv[0][1], order.get(kv[0][2], 99))):
        out.append({"town_code": t, "town_name": names.get(t, ""), "village_code": v,
                    "village_name": names.get(v, ""), "category": c, "category_zh": BY_ID[c].name_zh,
                    "count": n, "area_m2": a, "area_mu": m2_to_mu(a)})
    return out


def reconcile(rows: dict, patch_town: np.ndarray, patch_area: np.ndarray, rest_area: np.ndarray,
              town_names: dict) -> list:
    """Per township: analysed area (DLTB), each category, non-potential (measured), residual.

    The residual (analysed − categories − non-potential) shows what the overlays lost or
    doubled; it is ~0 when the pieces and the leftovers tile the patches exactly.
    """
    towns, town_of = factorize(patch_town, sort=True)
    n = len(towns)
    analysed = np.bincount(town_of, weights=patch_area, minlength=n)
    rest = np.bincount(town_of, weights=rest_area, minlength=n)
    index = {t: i for i, t in enumerate(towns)}
    piece_town = np.fromiter((index.get(t, -1) for t in rows["town_code"]), dtype=np.intp,
                             count=len(rows["town_code"]))
    by_cat = {}
    for c in CATEGORY_IDS:
        sel = (rows["category"] == c) & (piece_town >= 0)
        by_cat[c] = np.bincount(piece_town[sel], weights=np.asarray(rows["area_m2"], dtype=float)[sel], minlength=n)
    out = []
    for i, t in enumerate(towns):
        row = {"town_code": t, "town_name": town_names.get(t, ""), "analysed_m2": float(analysed[i]),
               "not_potential_m2": float(rest[i])}
        for c in CATEGORY_IDS:
            row[c + "_m2"] = float(by_cat[c][i])
        potential = sum(row[c + "_m2"] for c in CATEGORY_IDS)
        row["potential_m2"] = potential
        row["residual_m2"] = row["analysed_m2"] - potential - row["not_potential_m2"]
        out.append(row)
    return out
