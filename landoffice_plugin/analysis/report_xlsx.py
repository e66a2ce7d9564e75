"""The xlsx report: summary, per-township reconciliation, details, rules and notes."""
from __future__ import annotations

import datetime
from pathlib import Path

import numpy as np

from landoffice_plugin.core.area import SQM_PER_MU
from landoffice_plugin.core.landuse import landuse_name
from landoffice_plugin.export.xlsx import (
    Column,
    ColumnRows,
    add_sheet,
    new_workbook,
    save_workbook,
    write_key_values,
    write_table,
)

from .categories import BY_ID, CATEGORY_IDS
from .rule_labels import rule_rows

SHEETS = ("汇总", "乡镇核算", "明细", "规则与说明")
SUMMARY_COLUMNS = [
    Column("乡镇代码", "town_code", number_format="text"), Column("乡镇名称", "town_name"),
    Column("村代码", "village_code", number_format="text"), Column("村名称", "village_name"),
    Column("潜力类别", "category_zh"), Column("图斑数", "count", number_format="integer"),
    Column("面积", "area_m2", unit="平方米", number_format="area"),
    Column("面积", "area_mu", unit="亩", number_format="0.0000"),
]
DETAIL_COLUMNS = [
    Column("潜力类别", "category_zh"), Column("原因", "reason", width=60),
    Column("乡镇代码", "town_code", number_format="text"), Column("乡镇名称", "town_name"),
    Column("村代码", "village_code", number_format="text"), Column("村名称", "village_name"),
    Column("面积", "area_m2", unit="平方米", number_format="area"),
    Column("面积", "area_mu", unit="亩", number_format="0.0000"),
    Column("年限", "years", unit="年", number_format="0.0"), Column("来源要素", "source_ids", width=40),
]


def _recon_columns():
    cols = [Column("乡镇代码", "town_code", number_format="text"), Column("乡镇名称", "town_name"),
            Column("分析面积", "analysed_m2", unit="平方米", number_format="area")]
    cols += [Column(BY_ID[c].name_zh, c + "_m2", unit="平方米", number_format="area") for c in CATEGORY_IDS]
    cols += [Column("潜力合计", "potential_m2", unit="平方米", number_format="area"),
             Column("非潜力", "not_potential_m2", unit="平方米", number_format="area"),
             Column("核算差值", "residual_m2", unit="平方米", number_format="0.000")]
    cols += [Column("分析面积", "analysed_mu", unit="亩", number_format="0.0000")]
    cols += [Column(BY_ID[c].name_zh, c + "_mu", unit="亩", number_format="0.0000") for c in CATEGORY_IDS]
    cols += [Column("潜力合计", "potential_mu", unit="亩", number_format="0.0000"),
             Column("非潜力", "not_potential_mu", unit="亩", number_format="0.0000")]
    return cols


RULE_COLUMNS = [Column("规则", "rule", width=34), Column("取值", "value", width=30), Column("说明", "why", width=60)]


def _with_mu(rows):
    """Each reconciliation row with its 亩 beside every m² figure."""
    for row in rows:
        out = dict(row)
        for key, value in row.items():
            if key.endswith("_m2") and isinstance(value, (int, float)):
                out[key[:-3] + "_mu"] = value / SQM_PER_MU
        yield out


def _file_name(path) -> str:
    """A file by its name, never the office's local path."""
    if not path:
        return ""
    text = str(path)
    return "；".join(Path(p.split("|", 1)[0]).name or p for p in text.split(";")) if ("/" in text or "\\" in text) \
        else text


def _landuse_name(code: str) -> str:
    try:
        return landuse_name(code)
    except Exception:  # noqa: BLE001 - a prefix such as 12 or an office code: the code alone
        return ""


def _details(rows: dict) -> ColumnRows:
    """The pieces as the detail table's columns (the sheet writer makes numpy scalars Python numbers, NaN empty)."""
    return ColumnRows({col.key: np.asarray(rows[col.key]) for col in DETAIL_COLUMNS})


def write_report(result, path, source: str = "", progress=None) -> str:
    """Write the workbook to ``path``; returns the path written.

    ``progress(fraction)`` (0–1) moves while the detail rows are written (they go to the file as they are
    written, so the save at the end is short).
    """
    step = progress or (lambda _f: None)
    wb = new_workbook(stream=True)  # rows go to the file as they are written: the save is short
    write_table(add_sheet(wb, SHEETS[0]), SUMMARY_COLUMNS, result.summary, title="用地潜力汇总（乡镇/村/类别）",
                totals={"count": "sum", "area_m2": "sum", "area_mu": "sum"})
    write_table(add_sheet(wb, SHEETS[1]), _recon_columns(), _with_mu(result.reconciliation),
                title="乡镇面积核算（潜力合计 + 非潜力 = 分析面积）",
                totals={c.key: "sum" for c in _recon_columns()[2:]})
    step(0.05)
    write_table(add_sheet(wb, SHEETS[2]), DETAIL_COLUMNS, _details(result.rows), title="用地潜力明细",
                totals={"area_m2": "sum", "area_mu": "sum"}, progress=lambda f: step(0.05 + 0.6 * f))
    step(0.65)
    rules = result.rules
    now = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    pairs = [("数据日期", rules.data_date.isoformat()), ("生成时间", now), ("数据来源", _file_name(source)),
             ("规则名称", rules.name), ("规则文件", _file_name(rules.path))]
    idle = rules.sections.get("idle", {})
    if idle.get("require_no_construction"):
        extra = "".join(f"、{c} {_landuse_name(c)}" for c in idle.get("not_built_codes", ()))
        pairs += [("闲置/供而未用：视为“未建设”的现状地类", "非建设用地（农用地、未利用地）" + extra)]
    pairs += [("已分析类别", "、".join(BY_ID[c].name_zh for c in result.categories_run))]
    pairs += [(f"未分析：{BY_ID[c].name_zh}", "缺少 " + ", ".join(m))
              for c, m in result.categories_disabled.items()]
    pairs += [(f"几何修复：{r}", n) for r, n in result.repaired.items() if n]
    pairs += [(f"说明 {i + 1}", note) for i, note in enumerate(result.notes)]
    pairs += [("优先级说明", "同一地块只归入一个类别：先扣除硬约束，再按优先级先者优先，后续类别扣除已归类部分。"),
              ("近似说明", "部令第53号“中止开发满一年”无停工日期数据，按已动工但开发面积不足1/3或投资不足25%推定。"),
              ("面积", "椭球面积（CGCS2000），1亩 = 10000/15 平方米。")]
    ws = add_sheet(wb, SHEETS[3])
    last = write_key_values(ws, pairs, title="规则、阈值与说明")
    write_table(ws, RULE_COLUMNS, [{"rule": a, "value": b, "why": c} for a, b, c in rule_rows(rules)],
                title="所用规则与阈值", start_row=last + 2, freeze=False)
    step(0.7)
    saved = str(save_workbook(wb, path))
    step(1.0)
    return saved
