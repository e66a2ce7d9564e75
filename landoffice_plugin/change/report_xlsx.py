"""The change report (xlsx): the transition matrices (流量表, 亩), the change pieces and the clues
(:func:`export.xlsx.write_table`)."""
from __future__ import annotations

from landoffice_plugin.core.area import m2_to_mu
from landoffice_plugin.export.xlsx import Column, add_sheet, new_workbook, save_workbook, write_key_values, write_table

from .matrix import category, first_level, labels


def _matrix_sheet(wb, name: str, title: str, table: dict, key) -> None:
    keys = sorted(set(table) | {t for row in table.values() for t in row})
    names = labels(keys, key)
    columns = [Column("地类（上期 → 本期）", "from")] + [Column(names[k], f"to_{k}", number_format="0.0000")
                                                  for k in keys] + [Column("上期合计", "total", number_format="0.0000")]
    rows = []
    for f in keys:
        row = {"from": names[f], **{f"to_{t}": round(m2_to_mu(table.get(f, {}).get(t, 0.0)), 4) for t in keys}}
        row["total"] = round(sum(m2_to_mu(v) for v in table.get(f, {}).values()), 4)
        rows.append(row)
    write_table(add_sheet(wb, name), columns, rows, title=title,
                totals={**{f"to_{k}": "sum" for k in keys}, "total": "sum"}, totals_label="本期合计")


PIECE_COLUMNS = [Column("村代码", "village_code"), Column("上期地类", "from_code"), Column("上期地类名称", "from_name"),
                 Column("本期地类", "to_code"), Column("本期地类名称", "to_name"), Column("上期三大类", "from_group"),
                 Column("本期三大类", "to_group"), Column("上期标识码", "old_bsm"), Column("本期标识码", "new_bsm"),
                 Column("面积", "area_m2", unit="平方米", number_format="area"),
                 Column("面积", "area_mu", unit="亩", number_format="0.0000"), Column("疑似违法", "clue")]


def _rows(table: dict) -> list:
    n = len(table["area_m2"])
    return [{k: v[i] for k, v in table.items() if k != "geoms"} for i in range(n)]


def write_report(result, path, old_source: str = "", new_source: str = "") -> str:
    wb = new_workbook()
    _matrix_sheet(wb, "流量表（一级类）", "土地利用变化流量表（一级类，亩）", result.by_class, first_level)
    _matrix_sheet(wb, "流量表（三大类）", "土地利用变化流量表（三大类，亩）", result.by_category, category)
    write_table(add_sheet(wb, "变化图斑"), PIECE_COLUMNS, _rows(result.rows), title="地类变化图斑",
                totals={"area_m2": "sum", "area_mu": "sum"})
    write_table(add_sheet(wb, "疑似违法用地"), PIECE_COLUMNS[:9] + [
        Column("未覆盖面积", "area_m2", unit="平方米", number_format="area"),
        Column("未覆盖面积", "area_mu", unit="亩", number_format="0.0000"),
        Column("永久基本农田内", "farmland_m2", unit="平方米", number_format="area"),
        Column("依据", "evidence", width=80)], _rows(result.clues), title="疑似违法用地线索",
        totals={"area_m2": "sum", "area_mu": "sum"})
    write_key_values(add_sheet(wb, "说明"), [("上期", old_source), ("本期", new_source),
                                           *[(f"注意 {k + 1}", n) for k, n in enumerate(result.notes)]],
                     title="变化检测说明")
    return str(save_workbook(wb, path))
