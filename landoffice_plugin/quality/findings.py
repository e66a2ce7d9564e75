"""Red lights as they are found, and the table they become (one row per problem)."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely

from .rules import GROUP_ZH, SEVERITY_ZH, Rule

COLUMNS = ("rule", "group", "severity", "title", "message", "layer", "fids", "keys", "town_code", "village_code",
           "area_m2")


@dataclass
class Findings:
    """Collects the red lights of every rule; ``checked[rule]`` = how many features the rule looked at."""

    rows: list = field(default_factory=list)
    checked: dict = field(default_factory=dict)
    notes: dict = field(default_factory=dict)  # rule -> why it checked nothing

    def add(self, rule: Rule, layer: str, fids, keys, message: str, geom, area=float("nan"), village: str = ""):
        fids = [int(f) for f in np.atleast_1d(fids)]
        keys = [str(k) for k in np.atleast_1d(keys) if str(k)]
        village = str(village or "")[:12]
        self.rows.append({
            "rule": rule.id, "group": GROUP_ZH.get(rule.group, rule.group),
            "severity": SEVERITY_ZH.get(rule.severity, rule.severity), "title": rule.title, "message": message,
            "layer": layer, "fids": ",".join(map(str, fids)), "keys": ",".join(keys),
            "town_code": village[:9], "village_code": village,
            "area_m2": float(area) if area is not None and np.isfinite(area) else float("nan"), "geom": geom,
        })

    def count(self, rule_id: str) -> int:
        return sum(1 for r in self.rows if r["rule"] == rule_id)

    def table(self) -> dict:
        """{column: array} plus ``geoms`` (shapely), rows ordered by village, rule, first feature."""
        rows = sorted(self.rows, key=lambda r: (r["village_code"], r["rule"], r["fids"]))
        out = {c: np.asarray([r[c] for r in rows], dtype=float if c == "area_m2" else object) for c in COLUMNS}
        geoms = np.empty(len(rows), dtype=object)
        geoms[:] = [r["geom"] for r in rows]
        out["geoms"] = geoms
        return out


def located_villages(points_of, ctx) -> np.ndarray:
    """The 12-digit village code (CJDCQ) under a representative point of each geometry ('' when none)."""
    geoms = np.asarray(points_of, dtype=object)
    out = np.full(len(geoms), "", dtype=object)
    if "CJDCQ" not in ctx or not len(geoms):
        return out
    villages = ctx["CJDCQ"]
    codes = villages.text("ZLDWDM")
    pts = shapely.point_on_surface(geoms)
    tree = shapely.STRtree(villages.geoms)
    gi, vi = tree.query(pts, predicate="within")
    out[gi] = [c[:12] for c in codes[vi]]
    return out
