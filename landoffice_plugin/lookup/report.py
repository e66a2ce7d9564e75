"""Parcel report content (shared by the PDF and the xlsx) and the xlsx writer.

The PDF page itself is drawn by :mod:`landoffice_plugin.export.parcel_report_pdf`; both read the
same :class:`~.details.ParcelDetails`, already masked (ID and phone numbers) unless the user turned
masking off, so the two reports can never disagree.
"""
from __future__ import annotations

from pathlib import Path

from landoffice_plugin.core.area import SQM_PER_MU
from landoffice_plugin.export.xlsx import Column, add_sheet, new_workbook, save_workbook, write_key_values, write_table

from .details import AREA_KEY, SHARE_KEY, ParcelDetails, Quantity

MAIN_FIELD = {"YJJBNTTB": "JBNTTBBH", "STBHHX": "HXMC", "CZKFBJ": "FQMC", "PZYD": "PZWH", "GYYD": "XMMC",
              "ZRZ": "ZRZH", "HJ": "XM", "GYQY": "QYMC"}


def _info(role: str, row: dict) -> str:
    if role == "DLTB":
        return f"占 {row[SHARE_KEY]:.1f}%"
    if role in ("YJJBNTTB", "STBHHX", "CZKFBJ"):
        return f"占 {row[SHARE_KEY]:.1f}%"
    if role == "PZYD":
        return " ".join(x for x in (row.get("PCMC", ""), row.get("PZRQ", "")) if x)
    if role == "GYYD":
        return " ".join(x for x in (row.get("SRR", ""), row.get("GDFS", ""), row.get("GYRQ", "")) if x)
    if role == "ZRZ":
        return f"{row.get('FWJG', '')} {row.get('ZCS', '')}层 建筑面积 {row.get('JZMJ', '')} m²"
    if role == "HJ":
        if "JTRKS" in row and "XM" not in row:  # one row per household
            return f"户主 户号 {row.get('HH', '')} {row.get('JTRKS', '')}人 身份证 {row.get('HZSFZHM', '')}"
        return f"{row.get('YHZGX', '')} {row.get('XB', '')} 户号 {row.get('HH', '')} 身份证 {row.get('GMSFHM', '')}"
    if role == "GYQY":
        return f"容积率 {row.get('RJL', '')} 亩均税收 {row.get('NSSS', '')} 万元/亩"
    return ""


def overlay_lines(details: ParcelDetails) -> list:
    """``[(layer, item, details, area 亩 text)]``: one line per thing on the parcel; "无" for a
    layer present with nothing on the parcel (so the reader knows it was checked)."""
    lines = []
    for section in details.sections:
        if not section.rows:
            lines.append((section.title, "无", "", ""))
            continue
        for row in section.rows:
            if section.role == "DLTB":
                item = f"{row['DLBM']} {row['DLMC']}"
            else:
                item = row.get(MAIN_FIELD.get(section.role, ""), "")
                if section.role == "HJ" and not item:  # one row per household: the head's name
                    item = row.get("HZXM", "")
            area = f"{row[AREA_KEY]:.4f}" if AREA_KEY in row else ""
            lines.append((section.title, item, _info(section.role, row), area))
    return lines


def write_parcel_xlsx(all_details: list, path) -> Path:
    """One workbook: a summary sheet (one row per parcel), then per parcel its attributes, overlays
    and red lights. Personal data arrive masked in ``details``."""
    wb = new_workbook()
    summary = add_sheet(wb, "宗地汇总")
    rows = []
    for d in all_details:
        attrs = dict(d.attributes)
        rows.append({"code": d.code, "owner": attrs.get("权利人名称", ""), "addr": attrs.get("坐落", ""),
                     "mu": d.area_m2 / SQM_PER_MU, "red": "；".join(d.red_lights) or "无"})
    write_table(summary, [Column("宗地代码", "code"), Column("权利人", "owner"), Column("坐落", "addr"),
                          Column("椭球面积", "mu", unit="亩", number_format="0.0000"),
                          Column("红灯（问题）", "red")], rows, title="宗地查询报告",
                totals={"mu": "sum"} if len(rows) > 1 else None)
    for d in all_details:
        ws = add_sheet(wb, d.code or str(d.fid))
        last = write_key_values(ws, [(f"{k}（{v.unit}）", v.number) if isinstance(v, Quantity) else (k, v)
                                     for k, v in d.attributes], title=f"宗地 {d.code}")
        last = write_key_values(ws, [(f"红灯 {i + 1}", text) for i, text in enumerate(d.red_lights)] or
                                [("红灯", "无")], title="红灯（问题）", start_row=last + 2)
        for section in d.sections:
            columns = [Column(title, key, number_format="0.0000" if key in (AREA_KEY,) else
                              ("0.0" if key == SHARE_KEY else None)) for key, title in section.columns]
            last = write_table(ws, columns, section.rows or [{section.columns[0][0]: "无"}], title=section.title,
                               start_row=last + 2, mask_personal=False)
        ws.freeze_panes = None  # several tables on one sheet: no single header to freeze or filter
        ws.auto_filter.ref = None
    return save_workbook(wb, path)
