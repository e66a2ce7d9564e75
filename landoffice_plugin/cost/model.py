"""Results of a cost estimate: line items (quantity × rate × factor = amount), land pieces,
households, buildings and warnings. Rounding rules: :mod:`.money`."""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Optional

from .money import ONE, ZERO, line_amount, money
from .standard import Standard

# line groups in report order, with their Chinese titles
GROUPS = (
    ("land", "土地补偿费"), ("resettlement", "安置补助费"), ("crops", "青苗补偿费"), ("house", "房屋补偿费"),
    ("moving", "搬迁费"), ("transition", "临时安置费（过渡费）"), ("social", "社会保障费用"),
    ("attachment", "附属物补偿费"), ("reclamation", "复垦工程费"), ("contingency", "不可预见费"),
)
GROUP_TITLES = dict(GROUPS)


@dataclass
class LineItem:
    key: str              # stable id, e.g. "house:4:6–10年" (scenarios match lines by it)
    group: str            # one of GROUPS
    detail: str           # e.g. "二级区片", "0103 旱地", "混合结构 成新率 6–10年"
    quantity: Decimal
    unit: str             # 亩, 平方米, 户, 人, 宗, 元
    rate: Optional[Decimal]  # None: no rate in the standard (a missing rate, never zero)
    rate_unit: str
    factor: Decimal = ONE
    factor_label: str = ""
    source: str = ""      # where the rate comes from (document + item)

    @property
    def title(self) -> str:
        return GROUP_TITLES.get(self.group, self.group)

    @property
    def missing(self) -> bool:
        return self.rate is None

    @property
    def amount(self) -> Optional[Decimal]:
        return None if self.rate is None else line_amount(self.quantity, self.rate, self.factor)


@dataclass
class LandPiece:
    """Part of one DLTB patch inside the red line (per zone grade)."""

    fid: int
    tbbh: str
    dlbm: str
    dlmc: str
    village: str
    qsxz: str
    grade: Optional[str]
    mu: Decimal

    @property
    def collective(self) -> bool:
        return not self.qsxz.startswith(("1", "2"))


@dataclass
class Building:
    zrzh: str
    zddm: str
    fwjg: str
    area: Decimal          # 建筑面积 m², 2 decimals
    completed: Optional[datetime.date]
    age: Optional[int]
    factor: Optional[Decimal]
    band: Optional[str]
    price: Optional[Decimal] = None
    wkb: Optional[bytes] = None

    @property
    def amount(self) -> Optional[Decimal]:
        """ROUND(area × price × factor, 2) for this building alone (per-household table)."""
        return None if self.factor is None or self.price is None else line_amount(self.area, self.price, self.factor)


@dataclass
class Household:
    hh: str
    zddm: str
    head: str
    head_id: str
    persons: int
    buildings: int = 0
    floor_area: Decimal = ZERO
    house: Decimal = ZERO
    moving: Decimal = ZERO
    transition: Decimal = ZERO
    social: Decimal = ZERO
    attachment: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        return self.house + self.moving + self.transition + self.social + self.attachment


@dataclass
class Estimate:
    title: str
    standard: Standard
    lines: list = field(default_factory=list)
    land: list = field(default_factory=list)
    buildings: list = field(default_factory=list)
    households: list = field(default_factory=list)
    homesteads: list = field(default_factory=list)   # ZDDM of the affected homesteads
    warnings: list = field(default_factory=list)     # translated messages
    orphans: list = field(default_factory=list)      # (HH, ZDDM) whose parcel is not found
    missing: list = field(default_factory=list)      # descriptions of missing rates
    mode: str = "redline"                            # or "reclamation"
    rule: str = ""
    as_of: datetime.date = field(default_factory=datetime.date.today)
    redline_wkb: Optional[bytes] = None
    crs_authid: str = ""
    reclaim_mu: Decimal = ZERO                       # reclamation mode: homestead land to reclaim
    villages: list = field(default_factory=list)

    @property
    def item_lines(self) -> list:
        return [ln for ln in self.lines if ln.group != "contingency"]

    @property
    def subtotal(self) -> Decimal:
        return sum((ln.amount for ln in self.item_lines if ln.amount is not None), ZERO)

    @property
    def contingency(self) -> Decimal:
        return money(self.subtotal * self.standard.contingency)

    @property
    def total(self) -> Decimal:
        return self.subtotal + self.contingency

    @property
    def persons(self) -> int:
        return sum(h.persons for h in self.households)

    @property
    def new_cropland_mu(self) -> Decimal:
        from .money import mu

        return mu(self.reclaim_mu * self.standard.new_cropland_ratio)

    @property
    def cost_per_new_mu(self) -> Optional[Decimal]:
        new = self.new_cropland_mu
        return money(self.total / new) if new > 0 else None

    def by_group(self) -> dict:
        """{group: amount} of the priced lines, contingency included, in report order."""
        out = {g: ZERO for g, _t in GROUPS}
        for ln in self.item_lines:
            if ln.amount is not None:
                out[ln.group] += ln.amount
        out["contingency"] = self.contingency
        return out
