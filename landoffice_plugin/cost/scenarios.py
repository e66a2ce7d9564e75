"""Scenarios: two estimates side by side (two red lines, or one red line under two standards),
line by line (matched by line key) and by item group, with the differences B − A."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

from .model import GROUPS, Estimate
from .money import ZERO


@dataclass
class ComparisonRow:
    key: str
    title: str
    detail: str
    unit: str
    qty_a: Optional[Decimal]
    amount_a: Optional[Decimal]
    qty_b: Optional[Decimal]
    amount_b: Optional[Decimal]

    @property
    def difference(self) -> Decimal:
        return (self.amount_b or ZERO) - (self.amount_a or ZERO)

    @property
    def change(self) -> Optional[Decimal]:
        """Relative change (B − A) / A; None when A is zero or missing."""
        if not self.amount_a:
            return None
        return self.difference / self.amount_a


def compare_lines(a: Estimate, b: Estimate) -> list:
    """Every line of A and of B (contingency last), matched by key."""
    rows: dict = {}
    for side, est in (("a", a), ("b", b)):
        for ln in est.item_lines:
            row = rows.setdefault(ln.key, ComparisonRow(ln.key, ln.title, ln.detail, ln.unit, None, None, None, None))
            if side == "a":
                row.qty_a, row.amount_a = ln.quantity, ln.amount
            else:
                row.qty_b, row.amount_b = ln.quantity, ln.amount
    order = {g: i for i, (g, _t) in enumerate(GROUPS)}
    out = sorted(rows.values(), key=lambda r: (order.get(r.key.split(":")[0], 99),))
    out.append(ComparisonRow("contingency", "不可预见费", "", "元", a.subtotal, a.contingency,
                             b.subtotal, b.contingency))
    return out


def compare_groups(a: Estimate, b: Estimate) -> list:
    """One row per item group plus the total."""
    ga, gb = a.by_group(), b.by_group()
    rows = [ComparisonRow(g, title, "", "元", None, ga[g], None, gb[g]) for g, title in GROUPS
            if ga[g] or gb[g]]
    rows.append(ComparisonRow("total", "合计", "", "元", None, a.total, None, b.total))
    return rows
