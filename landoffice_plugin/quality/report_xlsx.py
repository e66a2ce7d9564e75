"""The quality report (xlsx): summary by rule, red lights by village and rule, every red light, notes.

Tables through :func:`export.xlsx.write_table`, the plugin's one table writer.
"""
from __future__ import annotations

from collections import defaultdict

import numpy as np

from landoffice_plugin.export.xlsx import Column, add_sheet, new_workbook, save_workbook, write_key_values, write_table

from .rules import GROUP_ZH, SEVERITY_ZH


def _summary_rows(result) -> list:
    area = defaultdict(float)
    for rule, a in zip(result.table["rule"].tolist(), result.table["area_m2"].tolist()):
        if np.isfinite(a):
            area[rule] += a
    return [{"rule": r.id, "group": GROUP_ZH.get(r.group, r.group), "severity": SEVERITY_ZH.get(r.severity, r.severity),
             "title": r.title, "checked": result.checked.get(r.id, 0), "count": result.counts.get(r.id, 0),
             "area": round(area[r.id], 2), "seconds": result.seconds.get(r.id)} for r in result.rules]


def _village_rows(result) -> list:
    t = result.table
    groups: dict = {}
    for i in range(result.total):
        key = (t["village_code"][i], t["rule"][i])
        row = groups.setdefault(key, {"town_code": t["town_code"][i], "village_code": t["village_code"][i],
                                      "village_name": result.village_names.get(t["village_code"][i], ""),
                                      "rule": t["rule"][i], "title": t["title"][i], "severity": t["severity"][i],
                                      "count": 0, "area": 0.0})
        row["count"] += 1
        if np.isfinite(t["area_m2"][i]):
            row["area"] = round(row["area"] + float(t["area_m2"][i]), 2)
    return [groups[k] for k in sorted(groups)]


def write_report(result, path, source: str = "", rules_name: str = "") -> str:
    wb = new_workbook()
    ws = add_sheet(wb, "规则汇总")
    write_table(ws, [Column("规则", "rule"), Column("规则组", "group"), Column("严重程度", "severity"),
                     Column("问题", "title"), Column("检查要素数", "checked", number_format="integer"),
                     Column("红灯数", "count", number_format="integer"),
                     Column("面积", "area", unit="平方米", number_format="area"),
                     Column("用时", "seconds", unit="秒", number_format="0.000")],
                _summary_rows(result), title="质检结果汇总", totals={"count": "sum"})
    ws = add_sheet(wb, "按村统计")
    write_table(ws, [Column("乡镇代码", "town_code"), Column("村代码", "village_code"),
                     Column("村名称", "village_name"), Column("规则", "rule"), Column("问题", "title"),
                     Column("严重程度", "severity"), Column("红灯数", "count", number_format="integer"),
                     Column("面积", "area", unit="平方米", number_format="area")],
                _village_rows(result), title="质检红灯（按村、规则）", totals={"count": "sum"})
    ws = add_sheet(wb, "红灯明细")
    t = result.table
    rows = [{c: t[c][i] for c in t if c != "geoms"} for i in range(result.total)]
    write_table(ws, [Column("村代码", "village_code"), Column("规则", "rule"), Column("问题", "title"),
                     Column("严重程度", "severity"), Column("说明", "message", width=60), Column("图层", "layer"),
                     Column("要素FID", "fids"), Column("标识码/宗地代码", "keys"),
                     Column("面积", "area_m2", unit="平方米", number_format="area")], rows, title="质检红灯明细")
    ws = add_sheet(wb, "说明")
    write_key_values(ws, [("数据", source), ("规则", rules_name), ("红灯总数", result.total),
                          *[(f"注意 {k + 1}", note) for k, note in enumerate(result.notes)]], title="质检说明")
    return str(save_workbook(wb, path))
