"""Line items from quantities and a standard. A quantity with no rate in the standard becomes a
line without a rate (shown as missing, left out of the total and named in a warning) — never a
silent zero. Rounding: :mod:`.money`."""
from __future__ import annotations

from collections import OrderedDict
from decimal import Decimal

from landoffice_plugin.core.landuse import landuse_name
from landoffice_plugin.i18n import tr

from .model import Household, LineItem
from .money import ONE, ZERO, line_amount
from .standard import FWJG_NAMES, Standard

GRADE_NAMES = {"1": "一级区片", "2": "二级区片", "3": "三级区片", "4": "四级区片", "5": "五级区片"}


def _src(st: Standard, item: str) -> str:
    return f"{st.document} · {item}"


def _fmt(d: Decimal) -> str:
    return format(d.normalize(), "f")


def land_lines(pieces, st: Standard, missing: list) -> list:
    """土地补偿费 and 安置补助费 per zone grade (collective land only), 青苗补偿费 per land class."""
    by_grade: OrderedDict[str | None, Decimal] = OrderedDict()
    for p in sorted(pieces, key=lambda p: (p.grade is None, p.grade or "")):
        if p.collective:
            by_grade[p.grade] = by_grade.get(p.grade, ZERO) + p.mu
    lines = []
    share, rest = st.land_share, ONE - st.land_share
    for grade, qty in by_grade.items():
        rate = st.land_grades.get(grade) if grade is not None else None
        detail = GRADE_NAMES.get(grade, f"{grade}级区片") if grade is not None else "未定区片等级"
        if rate is None:
            missing.append(tr("zone grade {grade}: no 区片综合地价 in the standard ({mu} 亩)").format(
                grade=grade if grade is not None else "?", mu=_fmt(qty)))
        src = _src(st, f"区片综合地价 {grade}级" if grade else "区片综合地价")
        lines.append(LineItem(f"land:{grade}", "land", detail, qty, "亩", rate, "元/亩", share,
                              f"土地补偿费比例 {_fmt(share)}", src))
        lines.append(LineItem(f"resettlement:{grade}", "resettlement", detail, qty, "亩", rate, "元/亩", rest,
                              f"安置补助费比例 {_fmt(rest)}", src))
    by_class: OrderedDict[str, Decimal] = OrderedDict()
    for p in sorted(pieces, key=lambda p: p.dlbm):
        by_class[p.dlbm] = by_class.get(p.dlbm, ZERO) + p.mu
    for code, qty in by_class.items():
        rate, key = st.crop_rate(code)
        if rate is not None and rate == 0:
            continue  # explicitly no crops on this class (construction land, water…): listed in the land sheet
        if rate is None:
            missing.append(tr("land class {code}: no crop compensation rate in the standard ({mu} 亩)").format(
                code=code, mu=_fmt(qty)))
        lines.append(LineItem(f"crops:{code}", "crops", f"{code} {landuse_name(code) or ''}".strip(), qty, "亩",
                              rate, "元/亩", ONE, "", _src(st, f"青苗补偿费 {key}" if key else "青苗补偿费")))
    return lines


def house_lines(buildings, st: Standard, missing: list) -> list:
    groups: OrderedDict[tuple, Decimal] = OrderedDict()
    info = {}
    for b in sorted(buildings, key=lambda b: (b.fwjg, b.age if b.age is not None else 10**6)):
        key = (b.fwjg, b.band)
        groups[key] = groups.get(key, ZERO) + b.area
        info[key] = b.factor
    lines = []
    for (fwjg, band), qty in groups.items():
        price, factor = st.house_prices.get(fwjg), info[(fwjg, band)]
        name = FWJG_NAMES.get(fwjg, f"结构{fwjg or '?'}")
        if price is None:
            missing.append(tr("structure {code}: no house replacement price in the standard ({m2} m²)").format(
                code=fwjg or "?", m2=_fmt(qty)))
        if factor is None:
            missing.append(tr("structure {code}: buildings with no condition factor (no completion date or older "
                              "than the last age band) ({m2} m²)").format(code=fwjg or "?", m2=_fmt(qty)))
        rate = price if factor is not None else None
        lines.append(LineItem(f"house:{fwjg}:{band}", "house", f"{fwjg} {name} 房龄{band or '未知'}", qty, "平方米",
                              rate, "元/平方米", factor if factor is not None else ONE,
                              f"成新率 {_fmt(factor)}" if factor is not None else "成新率缺失",
                              _src(st, f"房屋重置价 FWJG={fwjg}；成新率 {band or '—'}")))
    return lines


def people_lines(n_households: int, n_persons: int, n_homesteads: int, st: Standard, social: bool = True) -> list:
    lines = [
        LineItem("moving", "moving", "每户", Decimal(n_households), "户", st.moving, "元/户", ONE, "",
                 _src(st, "搬迁费")),
        LineItem("transition", "transition", "每人每月", Decimal(n_persons), "人", st.transition, "元/人·月",
                 st.transition_months, f"过渡期 {_fmt(st.transition_months)} 个月", _src(st, "临时安置费/过渡费")),
    ]
    if social:
        lines.append(LineItem("social", "social", "每人", Decimal(n_persons), "人", st.social_security, "元/人",
                              ONE, "", _src(st, "社会保障费用")))
    for k, (name, rate) in enumerate(st.attachments):
        lines.append(LineItem(f"attachment:{k}", "attachment", name, Decimal(n_homesteads), "宗", rate, "元/宗", ONE,
                              "", _src(st, f"附属物 {name}")))
    return lines


def contingency_line(subtotal: Decimal, st: Standard) -> LineItem:
    return LineItem("contingency", "contingency", "小计 × 比例", subtotal, "元", st.contingency, "比例", ONE, "",
                    _src(st, "不可预见费"))


def household_rows(households: dict, buildings, homestead_codes, st: Standard, social: bool = True) -> list:
    """One row per household (``{HH: PopulationHousehold}``); buildings and attachments go to the first household
    of a homestead; a homestead with buildings but no household gets a row of its own (HH empty)."""
    by_parcel: dict = {}
    for b in buildings:
        by_parcel.setdefault(b.zddm, []).append(b)
    seen_parcel = set()
    attach = sum((r for _n, r in st.attachments), ZERO)
    rows = []
    for hh, household in sorted(households.items()):
        zddm, n = household.zddm, household.persons
        row = Household(hh, zddm, household.head, household.head_id, n)
        row.moving = st.moving
        row.transition = line_amount(Decimal(n), st.transition, st.transition_months)
        row.social = line_amount(Decimal(n), st.social_security) if social else ZERO
        if zddm not in seen_parcel:
            seen_parcel.add(zddm)
            _add_buildings(row, by_parcel.get(zddm, []))
            row.attachment = attach
        rows.append(row)
    for zddm in homestead_codes:
        if zddm not in seen_parcel:
            row = Household("", zddm, "", "", 0)
            _add_buildings(row, by_parcel.get(zddm, []))
            row.attachment = attach
            rows.append(row)
    return rows


def _add_buildings(row: Household, buildings) -> None:
    row.buildings = len(buildings)
    row.floor_area = sum((b.area for b in buildings), ZERO)
    row.house = sum((b.amount for b in buildings if b.amount is not None), ZERO)
