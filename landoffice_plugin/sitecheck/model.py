"""What a site check produces: tables (one per layer or grouping), verdicts, notes and the pieces of the site
cut by each layer (for the result layer and the map)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class Col:
    """A table column: row key, Chinese title, unit, kind ('text', 'area' (亩), 'percent', 'integer', 'date')."""

    key: str
    title: str
    unit: str = ""
    kind: str = "text"


@dataclass
class Table:
    id: str
    title: str
    columns: list
    rows: list = field(default_factory=list)   # dicts by Col.key
    empty_text: str = ""                        # what an empty table says (never a silent zero)
    total_mu: Optional[float] = None            # the area the table adds up to, when it is one


@dataclass
class Verdict:
    rule: str
    severity: int
    verdict: str
    text: str
    mu: float = 0.0


@dataclass
class Piece:
    """The site ∩ one feature of one layer."""

    layer: str
    category: str
    label: str
    mu: float
    share: float
    wkb: bytes


@dataclass
class SiteReport:
    name: str
    crs_authid: str
    site_wkb: bytes
    site_mu: float
    townships: list
    tables: list = field(default_factory=list)
    verdicts: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    pieces: list = field(default_factory=list)
    seconds: float = 0.0

    def table(self, table_id: str) -> Optional[Table]:
        return next((t for t in self.tables if t.id == table_id), None)

    def severity_counts(self) -> dict:
        out = {3: 0, 2: 0, 1: 0}
        for v in self.verdicts:
            if v.severity in out:
                out[v.severity] += 1
        return out

    def key_figures(self) -> dict:
        def total(table_id):
            t = self.table(table_id)
            return t.total_mu if t is not None and t.total_mu is not None else 0.0

        return {"site_mu": self.site_mu, "basic_farmland_mu": total("basic_farmland"),
                "eco_redline_mu": total("eco_redline"), "cropland_mu": total("cropland"),
                "outside_boundary_mu": total("outside_boundary"), "supplied_mu": total("supplied"),
                "buildings": len(self.table("buildings").rows) if self.table("buildings") else 0}
