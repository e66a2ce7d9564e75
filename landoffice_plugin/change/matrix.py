"""The transition matrix (流量表): area from each class of the old vintage to each class of the new one, by
first-level class (GB/T 21010, 三调 variants under their base class) and by the three legal categories.

Unchanged land is on the diagonal: each row adds up to the class's area in the old vintage.
"""
from __future__ import annotations

from collections import defaultdict

import numpy as np

from landoffice_plugin.core.landuse import default_codes

OTHER = "其他"


def first_level(code: str) -> str:
    base = default_codes().base_code(code) or code
    return base[:2] if base[:2].isdigit() else (code[:2] or OTHER)


def category(code: str) -> str:
    return default_codes().legal_category(code) or OTHER


def matrix(old_codes: np.ndarray, old_areas: np.ndarray, pieces, key) -> dict:
    """{from: {to: m²}} with ``key`` (first_level or category) applied to the codes."""
    keys = {c: key(c) for c in set(old_codes.tolist()) | set(pieces.from_code.tolist()) | set(pieces.to_code.tolist())}
    out: dict = defaultdict(lambda: defaultdict(float))
    total: dict = defaultdict(float)
    for c, a in zip(old_codes.tolist(), old_areas.tolist()):
        total[keys[c]] += a
    outflow: dict = defaultdict(float)
    for f, t, a in zip(pieces.from_code.tolist(), pieces.to_code.tolist(), pieces.area.tolist()):
        out[keys[f]][keys[t]] += a
        outflow[keys[f]] += a
    for k, a in total.items():
        out[k][k] += a - outflow[k]
    return {f: dict(row) for f, row in out.items()}


def labels(keys, key) -> dict:
    """Names of first-level classes (01 耕地 …); categories are their own names."""
    if key is category:
        return {k: k for k in keys}
    return {k: f"{k} {default_codes().name(k)}".strip() for k in keys}
