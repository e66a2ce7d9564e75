"""The site-check workbook: 结论 (site, townships, verdicts, notes), one sheet per table, the boundary points,
and — for several candidate sites — a comparison sheet, best first. Written by the one table writer
(:func:`landoffice_plugin.export.xlsx.write_table`)."""
from __future__ import annotations

import shapely

from landoffice_plugin.export.xlsx import Column, add_sheet, new_workbook, save_workbook, write_key_values, write_table

from .model import SiteReport

KINDS = {"area": "0.0000", "percent": "percent", "integer": "integer", "number": "0.00", "text": None, "date": None}
VERDICT_COLUMNS = [Column("严重程度", "severity", number_format="integer"), Column("结论", "verdict"),
                   Column("说明", "text"), Column("面积", "mu", "亩", number_format="0.0000")]
POINT_COLUMNS = [Column("地块", "parcel"), Column("点号", "point"), Column("圈号", "ring", number_format="integer"),
                 Column("X（北）", "x", "米", number_format="0.000"),
                 Column("Y（东）", "y", "米", number_format="0.000")]


def columns_of(table) -> list:
    return [Column(c.title, c.key, c.unit or None, number_format=KINDS.get(c.kind)) for c in table.columns]


def boundary_points(report: SiteReport) -> list:
    """Rows 地块, 点号, 圈号, X (northing), Y (easting) of the site's rings, in the site's CRS (each ring closed)."""
    rows, point = [], 0
    for k, poly in enumerate(shapely.get_parts(shapely.orient_polygons(shapely.from_wkb(report.site_wkb))), 1):
        for ring_no, ring in enumerate((poly.exterior, *poly.interiors), start=1):
            coords = list(ring.coords)
            first = point + 1
            for i, (x, y) in enumerate(c[:2] for c in coords):
                if i < len(coords) - 1:
                    point += 1
                rows.append({"parcel": k, "point": f"J{point if i < len(coords) - 1 else first}", "ring": ring_no,
                             "x": y, "y": x})
    return rows


def ranking(reports) -> list:
    """Candidate sites, best first: fewest blocking verdicts, then fewest conditional ones, then least cropland."""
    def key(r: SiteReport):
        counts, fig = r.severity_counts(), r.key_figures()
        return (counts[3], counts[2], fig["basic_farmland_mu"], fig["cropland_mu"], counts[1])

    return sorted(reports, key=key)


def comparison_rows(reports) -> list:
    rows = []
    for rank, r in enumerate(ranking(reports), start=1):
        counts, fig = r.severity_counts(), r.key_figures()
        rows.append({"rank": rank, "site": r.name, "site_mu": fig["site_mu"], "bf": fig["basic_farmland_mu"],
                     "eco": fig["eco_redline_mu"], "crop": fig["cropland_mu"], "out": fig["outside_boundary_mu"],
                     "sup": fig["supplied_mu"], "bld": fig["buildings"], "s3": counts[3], "s2": counts[2],
                     "s1": counts[1], "verdict": "；".join(v.text + " → " + v.verdict for v in r.verdicts[:3])})
    return rows


COMPARISON_COLUMNS = [Column("排序", "rank", number_format="integer"), Column("选址", "site"),
                      Column("选址面积", "site_mu", "亩", number_format="0.0000"),
                      Column("永久基本农田", "bf", "亩", number_format="0.0000"),
                      Column("生态保护红线", "eco", "亩", number_format="0.0000"),
                      Column("耕地", "crop", "亩", number_format="0.0000"),
                      Column("城镇开发边界外", "out", "亩", number_format="0.0000"),
                      Column("已供地", "sup", "亩", number_format="0.0000"),
                      Column("房屋", "bld", "幢", number_format="integer"),
                      Column("不符合", "s3", "项", number_format="integer"),
                      Column("需办理", "s2", "项", number_format="integer"),
                      Column("提示", "s1", "项", number_format="integer"), Column("主要结论", "verdict")]


def _site_sheets(wb, report: SiteReport, prefix: str) -> None:
    ws = add_sheet(wb, f"{prefix}结论")
    facts = [("选址", report.name), ("面积（亩）", f"{report.site_mu:.4f}"), ("坐标系", report.crs_authid),
             ("所在乡镇", "、".join(report.townships) or "—")]
    row = write_key_values(ws, facts, title=f"{report.name} 选址合规性分析")
    row = write_table(ws, VERDICT_COLUMNS, [v.__dict__ for v in report.verdicts], title="结论", start_row=row + 2)
    if report.notes:
        write_key_values(ws, [(f"说明{i}", n) for i, n in enumerate(report.notes, 1)], title="说明",
                         start_row=row + 2)
    for table in report.tables:
        ws = add_sheet(wb, f"{prefix}{table.title}")
        rows = table.rows or [{table.columns[0].key: table.empty_text}]
        totals = {"mu": "sum", "share": "sum"} if table.rows and any(c.key == "mu" for c in table.columns) \
            and table.total_mu is not None else None
        write_table(ws, columns_of(table), rows, title=table.title, totals=totals)
    ws = add_sheet(wb, f"{prefix}界址点坐标")
    write_table(ws, POINT_COLUMNS, boundary_points(report), title=f"界址点坐标（{report.crs_authid}）")


def write_site_xlsx(reports, path):
    """One workbook for one or several sites (a comparison sheet first when there are several)."""
    reports = list(reports)
    wb = new_workbook()
    if len(reports) > 1:
        write_table(add_sheet(wb, "候选选址比较"), COMPARISON_COLUMNS, comparison_rows(reports),
                    title="候选选址比较（优者在前）")
    for k, report in enumerate(ranking(reports) if len(reports) > 1 else reports, start=1):
        _site_sheets(wb, report, f"{k}-" if len(reports) > 1 else "")
    return save_workbook(wb, path)
