"""Money and quantity rounding shared by the engine and the Excel report.

Rules (the xlsx formulas reproduce them exactly):

* amounts are :class:`~decimal.Decimal` yuan; every line amount is
  ``ROUND(quantity × rate × factor, 2)``, half away from zero (Excel's ROUND);
* quantities are rounded *before* they are used: 亩 to 4 decimals per land piece, floor area in
  m² to 2 decimals per building, households and persons are integers; a line's quantity is
  the exact sum of its rounded pieces;
* rates and factors are exact decimals as written in the standard;
* subtotal = Σ line amounts (exact); contingency = ROUND(subtotal × rate, 2); total =
  subtotal + contingency.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
MU_STEP = Decimal("0.0001")
M2_STEP = Decimal("0.01")
ZERO = Decimal(0)
ONE = Decimal(1)


def dec(value) -> Decimal:
    """A Decimal from int, str, float (through its shortest repr) or Decimal."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def money(value) -> Decimal:
    return dec(value).quantize(CENT, rounding=ROUND_HALF_UP)


def mu(value) -> Decimal:
    """亩 to 4 decimals."""
    return dec(value).quantize(MU_STEP, rounding=ROUND_HALF_UP)


def m2(value) -> Decimal:
    return dec(value).quantize(M2_STEP, rounding=ROUND_HALF_UP)


def line_amount(quantity: Decimal, rate: Decimal, factor: Decimal = ONE) -> Decimal:
    """ROUND(quantity × rate × factor, 2)."""
    return money(dec(quantity) * dec(rate) * dec(factor))


def yuan_text(value) -> str:
    """``1,234,567.89``; '—' for None."""
    return "—" if value is None else f"{dec(value):,.2f}"
