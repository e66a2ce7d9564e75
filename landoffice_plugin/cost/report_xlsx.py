"""The estimate as an auditable workbook: every line amount is a real formula
``=ROUND(D×F×H, 2)`` on the quantity, rate and factor cells beside it, totals are ``=SUM``,
the summary sums the line sheet with ``=SUMIF``. Rounding rules: :mod:`.money` (the formulas
recompute to the engine's totals to the cent)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from landoffice_plugin.export.xlsx import (
    Column,
    Formula,
    add_sheet,
    new_workbook,
    save_workbook,
    write_key_values,
    write_table,
)

from .model import GROUP_TITLES, GROUPS, Estimate
from .scenarios import compare_groups, compare_lines
from .standard import FWJG_NAMES
from .standard_xlsx import RATE_COLUMNS, template_rows

LINES_SHEET, SUMMARY_SHEET = "明细", "汇总"
LINE_COLUMNS = [
    Column("序号", "no", width=6), Column("项目", "title", width=20), Column("明细", "detail", width=30),
    Column("数量", "quantity", number_format="#,##0.0000"), Column("单位", "unit", width=8),
    Column("单价", "rate", number_format="#,##0.00"), Column("单价单位", "rate_unit", width=11),
    Column("系数", "factor", number_format="0.0000"), Column("系数说明", "factor_label", width=20),
    Column("金额", "amount", unit="元", number_format="money", width=18), Column("依据", "source", width=48),
]
FIRST_LINE_ROW = 3  # title row 1, header row 2


def _f(value):
    return None if value is None else float(value)


def write_lines(ws, est: Estimate) -> dict:
    """The line sheet; returns the row numbers of subtotal, contingency and total."""
    items = est.item_lines
    rows = []
    for i, ln in enumerate(items):
        rows.append({"no": i + 1, "title": ln.title, "detail": ln.detail, "quantity": _f(ln.quantity),
                     "unit": ln.unit, "rate": _f(ln.rate), "rate_unit": ln.rate_unit, "factor": _f(ln.factor),
                     "factor_label": ln.factor_label, "source": ln.source,
                     "amount": Formula("=ROUND(D{r}*F{r}*H{r},2)") if not ln.missing else "缺少费率"})
    last = FIRST_LINE_ROW + len(items) - 1
    sub, cont, total = last + 1, last + 2, last + 3
    first_sum = f"J{FIRST_LINE_ROW}:J{last}" if items else f"J{FIRST_LINE_ROW}:J{FIRST_LINE_ROW}"
    rows.append({"title": "小计", "detail": "以上各项之和（缺少费率的项不计）",
                 "amount": Formula(f"=SUM({first_sum})")})
    rows.append({"no": len(items) + 1, "title": "不可预见费", "detail": "小计 × 比例", "quantity": Formula(f"=J{sub}"),
                 "unit": "元", "rate": _f(est.standard.contingency), "rate_unit": "比例", "factor": 1.0,
                 "amount": Formula(f"=ROUND(D{cont}*F{cont}*H{cont},2)"),
                 "source": f"{est.standard.document} · 不可预见费"})
    rows.append({"title": "合计", "detail": "小计 + 不可预见费", "amount": Formula(f"=J{sub}+J{cont}")})
    end = write_table(ws, LINE_COLUMNS, rows, title=f"{est.title} 成本测算明细")
    assert end == total, "the line sheet's layout moved: FIRST_LINE_ROW must follow write_table's title and header"
    for r in (sub, total):
        ws.cell(row=r, column=2).font = Font(bold=True)
        ws.cell(row=r, column=10).font = Font(bold=True)
    return {"subtotal": sub, "contingency": cont, "total": total}


def write_summary(ws, est: Estimate, refs: dict) -> None:
    meta = [("项目", est.title), ("补偿标准", est.standard.name), ("文号", est.standard.document),
            ("生效日期", est.standard.effective_date.isoformat()), ("测算基准日", est.as_of.isoformat()),
            ("宅基地认定规则", est.rule)]
    row = write_key_values(ws, meta, title=f"{est.title} 征地拆迁成本测算汇总") + 2
    ws.cell(row=row, column=1, value="项目").font = Font(bold=True)
    ws.cell(row=row, column=2, value="金额（元）").font = Font(bold=True)
    first = row + 1
    for g, title in GROUPS[:-1]:
        if not any(ln.group == g for ln in est.item_lines):
            continue
        row += 1
        ws.cell(row=row, column=1, value=title)
        c = ws.cell(row=row, column=2, value=Formula(
            f"=SUMIF({LINES_SHEET}!B{FIRST_LINE_ROW}:B{refs['subtotal'] - 1},A{row},"
            f"{LINES_SHEET}!J{FIRST_LINE_ROW}:J{refs['subtotal'] - 1})"))
        c.number_format = "#,##0.00"
    row += 1
    ws.cell(row=row, column=1, value="小计").font = Font(bold=True)
    ws.cell(row=row, column=2, value=Formula(f"=SUM(B{first}:B{row - 1})")).number_format = "#,##0.00"
    sub = row
    row += 1
    ws.cell(row=row, column=1, value="不可预见费")
    ws.cell(row=row, column=2, value=Formula(f"={LINES_SHEET}!J{refs['contingency']}")).number_format = "#,##0.00"
    row += 1
    ws.cell(row=row, column=1, value="合计").font = Font(bold=True)
    c = ws.cell(row=row, column=2, value=Formula(f"=B{sub}+B{row - 1}"))
    c.number_format, c.font = "#,##0.00", Font(bold=True)
    total_row = row
    facts = [("红线内土地（亩）", float(sum(p.mu for p in est.land))), ("涉及宅基地（宗）", len(est.homesteads)),
             ("房屋（幢）", len(est.buildings)), ("户数", sum(1 for h in est.households if h.hh)),
             ("人数", est.persons), ("缺少费率（项）", len(est.missing))]
    if est.mode == "reclamation":
        facts = [("村庄", "、".join(est.villages)), ("复垦宅基地（亩）", float(est.reclaim_mu))] + facts[1:]
    row += 2
    for label, value in facts:
        ws.cell(row=row, column=1, value=label)
        ws.cell(row=row, column=2, value=value)
        row += 1
    if est.mode == "reclamation":
        reclaim = row - len(facts)  # the 复垦宅基地 row
        ws.cell(row=row, column=1, value="新增耕地系数")
        ws.cell(row=row, column=2, value=float(est.standard.new_cropland_ratio))
        ws.cell(row=row + 1, column=1, value="新增耕地（亩）")
        ws.cell(row=row + 1, column=2, value=Formula(f"=ROUND(B{reclaim + 1}*B{row},4)"))
        ws.cell(row=row + 2, column=1, value="每亩新增耕地成本（元/亩）").font = Font(bold=True)
        c = ws.cell(row=row + 2, column=2, value=Formula(f"=IF(B{row + 1}>0,ROUND(B{total_row}/B{row + 1},2),\"\")"))
        c.number_format = "#,##0.00"
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 56
    for row_cells in ws.iter_rows(min_row=2, max_row=7, min_col=2, max_col=2):
        row_cells[0].alignment = Alignment(wrap_text=True, vertical="top")
    fit_to_page_width(ws)


def fit_to_page_width(ws, landscape: bool = False) -> None:
    """Print (and convert to PDF) on pages one sheet wide."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0


HOUSEHOLD_COLUMNS = [
    Column("户号", "hh"), Column("宗地代码", "zddm"), Column("户主", "head"),
    Column("户主身份证号", "head_id", personal="id"), Column("人数", "persons", number_format="integer"),
    Column("房屋幢数", "buildings", number_format="integer"),
    Column("建筑面积", "area", unit="平方米", number_format="area"),
    Column("房屋补偿", "house", unit="元", number_format="money"),
    Column("搬迁费", "moving", unit="元", number_format="money"),
    Column("过渡费", "transition", unit="元", number_format="money"),
    Column("社会保障费", "social", unit="元", number_format="money"),
    Column("附属物", "attachment", unit="元", number_format="money"),
    Column("合计", "total", unit="元", number_format="money"),
]
HOUSEHOLD_INDEX = {c.key: i for i, c in enumerate(HOUSEHOLD_COLUMNS, start=1)}
MONEY = "#,##0.00"


# 分户 money columns and the 明细 line group each one reconciles with
HOUSEHOLD_GROUPS = (("house", "house"), ("moving", "moving"), ("transition", "transition"), ("social", "social"),
                    ("attachment", "attachment"))


def write_households(ws, est: Estimate, refs: dict) -> int:
    """One row per household, its total a live ``=SUM`` of its own row; a totals row; then, per money column,
    the audited line total from 明细 (``=SUMIF``) and the rounding difference (each building is rounded on its
    own here, the 明细 line rounds the sum of a structure/age group), so the sheet reconciles with the lines."""
    rows = [{"hh": h.hh or "（无户籍登记）", "zddm": h.zddm, "head": h.head, "head_id": h.head_id,
             "persons": h.persons, "buildings": h.buildings, "area": float(h.floor_area), "house": float(h.house),
             "moving": float(h.moving), "transition": float(h.transition), "social": float(h.social),
             "attachment": float(h.attachment), "total": Formula("=SUM(H{r}:L{r})")} for h in est.households]
    money_keys = [k for k, _g in HOUSEHOLD_GROUPS] + ["total"]
    totals_row = write_table(ws, HOUSEHOLD_COLUMNS, rows, title=f"{est.title} 分户补偿明细",
                             totals={"persons": "sum", "buildings": "sum", "area": "sum",
                                     **{k: "sum" for k in money_keys}})
    letters = {c.key: get_column_letter(i) for i, c in enumerate(HOUSEHOLD_COLUMNS, start=1)}
    lines_end = refs["subtotal"] - 1
    audited, diff = totals_row + 1, totals_row + 2
    ws.cell(row=audited, column=1, value="明细表审定金额").font = Font(bold=True)
    ws.cell(row=diff, column=1, value="舍入差（审定 − 分户合计）").font = Font(bold=True)
    for key, group in HOUSEHOLD_GROUPS:
        col = letters[key]
        c = ws.cell(row=audited, column=HOUSEHOLD_INDEX[key], value=Formula(
            f'=SUMIF({LINES_SHEET}!B{FIRST_LINE_ROW}:B{lines_end},"{GROUP_TITLES[group]}",'
            f'{LINES_SHEET}!J{FIRST_LINE_ROW}:J{lines_end})'))
        c.number_format = MONEY
        d = ws.cell(row=diff, column=HOUSEHOLD_INDEX[key], value=Formula(f"=ROUND({col}{audited}-{col}{totals_row},2)"))
        d.number_format = MONEY
    for r in (audited, diff):
        c = ws.cell(row=r, column=HOUSEHOLD_INDEX["total"],
                    value=Formula(f"=SUM({letters['house']}{r}:{letters['attachment']}{r})"))
        c.number_format = MONEY
    fit_to_page_width(ws, landscape=True)
    return diff

LAND_COLUMNS = [
    Column("村代码", "village"), Column("地类编码", "dlbm"), Column("地类名称", "dlmc"), Column("权属", "owner"),
    Column("区片等级", "grade"), Column("图斑数", "patches", number_format="integer"),
    Column("面积", "mu", unit="亩", number_format="0.0000"),
    Column("青苗单价", "crop", unit="元/亩", number_format="money"),
    Column("说明", "note"),
]


def land_summary(est: Estimate) -> list:
    """Land by village, land class, ownership and zone grade; 亩 are sums of the per-patch values rounded to 4
    decimals, so they add up exactly to the line quantities."""
    groups: dict = {}
    for p in est.land:
        key = (p.village, p.dlbm, p.collective, p.grade or "")
        g = groups.setdefault(key, {"village": p.village, "dlbm": p.dlbm, "dlmc": p.dlmc,
                                    "owner": "集体" if p.collective else "国有", "grade": p.grade or "",
                                    "patches": 0, "mu": 0})
        g["patches"] += 1
        g["mu"] += p.mu
    rows = []
    for key in sorted(groups):
        g = groups[key]
        rate, _k = est.standard.crop_rate(g["dlbm"])
        notes = [] if key[2] else ["国有土地，不计区片综合地价"]
        if rate is None:
            notes.append("缺少青苗费率")
        rows.append({**g, "mu": float(g["mu"]), "crop": _f(rate), "note": "；".join(notes) or None})
    return rows
BUILDING_COLUMNS = [
    Column("自然幢号", "zrzh"), Column("宗地代码", "zddm"), Column("房屋结构", "fwjg"),
    Column("建筑面积", "area", unit="平方米", number_format="area"),
    Column("竣工日期", "completed", number_format="yyyy-mm-dd"),
    Column("房龄", "age", unit="年"), Column("重置价", "price", unit="元/平方米", number_format="money"),
    Column("成新率", "factor", number_format="0.00"), Column("金额", "amount", unit="元", number_format="money"),
]


def write_estimate_xlsx(est: Estimate, path, other: Optional[Estimate] = None) -> Path:
    """Summary, line items, households, land, buildings, warnings and the standard; with ``other``, also a
    comparison sheet (this estimate = A, ``other`` = B)."""
    wb = new_workbook()
    summary = add_sheet(wb, SUMMARY_SHEET)
    lines_ws = add_sheet(wb, LINES_SHEET)
    refs = write_lines(lines_ws, est)
    fit_to_page_width(lines_ws, landscape=True)
    write_summary(summary, est, refs)
    write_households(add_sheet(wb, "分户"), est, refs)
    write_table(add_sheet(wb, "地类"), LAND_COLUMNS, land_summary(est), totals={"patches": "sum", "mu": "sum"})
    b_rows = []
    for b in est.buildings:
        b_rows.append({"zrzh": b.zrzh, "zddm": b.zddm, "fwjg": FWJG_NAMES.get(b.fwjg, b.fwjg or "未知"),
                       "area": float(b.area), "completed": b.completed, "age": b.age, "price": _f(b.price),
                       "factor": _f(b.factor),
                       "amount": Formula("=ROUND(D{r}*G{r}*H{r},2)") if b.amount is not None else "缺少费率"})
    write_table(add_sheet(wb, "房屋"), BUILDING_COLUMNS, b_rows, totals={"area": "sum", "amount": "sum"})
    warn = add_sheet(wb, "警告")
    last = write_key_values(warn, [(str(i + 1), w) for i, w in enumerate(est.warnings)] or [("—", "无")],
                            title="警告与缺少费率")
    if est.orphans:
        write_table(warn, [Column("户号", "hh"), Column("宗地代码（未找到宗地）", "zddm")],
                    [{"hh": h, "zddm": z} for h, z in est.orphans], title="宗地不存在的户", start_row=last + 2)
    std = add_sheet(wb, "补偿标准")
    st = est.standard
    last = write_key_values(std, [("标准名称", st.name), ("县（市、区）", st.county), ("年份", st.year),
                                  ("文号", st.document), ("生效日期", st.effective_date.isoformat()),
                                  ("备注", st.notes), ("文件", Path(st.source).name if st.source else "")],
                            title="所用补偿标准")
    write_table(std, RATE_COLUMNS, template_rows(st), start_row=last + 2)
    if other is not None:
        write_comparison(add_sheet(wb, "方案比较"), est, other)
    return save_workbook(wb, path)


CMP_COLUMNS = [Column("项目", "title", width=18), Column("明细", "detail", width=28), Column("单位", "unit", width=8),
               Column("方案A数量", "qa", number_format="#,##0.0000"), Column("方案A金额", "aa", number_format="money"),
               Column("方案B数量", "qb", number_format="#,##0.0000"), Column("方案B金额", "ab", number_format="money"),
               Column("差额（B−A）", "diff", number_format="money"), Column("变化率", "pct", number_format="percent")]


def write_comparison(ws, a: Estimate, b: Estimate) -> None:
    ws.cell(row=1, column=1, value=f"方案A：{a.title}（{a.standard.document}）")
    ws.cell(row=2, column=1, value=f"方案B：{b.title}（{b.standard.document}）")
    rows = []
    for r in compare_lines(a, b):
        rows.append({"title": r.title, "detail": r.detail, "unit": r.unit, "qa": _f(r.qty_a), "aa": _f(r.amount_a),
                     "qb": _f(r.qty_b), "ab": _f(r.amount_b), "diff": Formula("=N(G{r})-N(E{r})"),
                     "pct": Formula('=IF(N(E{r})=0,"",H{r}/E{r})')})
    pct = Formula('=IF(E{r}=0,"",H{r}/E{r})')
    end = write_table(ws, CMP_COLUMNS, rows, title="方案比较（逐项）", start_row=3,
                      totals={"aa": "sum", "ab": "sum", "diff": Formula("=G{r}-E{r}"), "pct": pct})
    rows = [{"title": r.title, "aa": _f(r.amount_a), "ab": _f(r.amount_b), "diff": Formula("=N(G{r})-N(E{r})"),
             "pct": Formula('=IF(N(E{r})=0,"",H{r}/E{r})')} for r in compare_groups(a, b)]
    write_table(ws, CMP_COLUMNS, rows, title="方案比较（按项目）", start_row=end + 3)
