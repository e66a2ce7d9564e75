"""Progress per township and the task report: xlsx (progress with totals, every task) and PDF (a page per task
with its photos).

Progress counts each task by its status: 待核查 (open), 已核查 (checked), 已整改 (fixed); a task whose
status is none of these is counted as *unknown* and named in the report (never as done).
"""
from __future__ import annotations

import time
from pathlib import Path

from ..core.errors import LandOfficeError
from .model import ALIASES, CHECKED, FIXED, OPEN, STATUSES

KEYS = {OPEN: "open", CHECKED: "checked", FIXED: "fixed"}


def progress(tasks) -> list[dict]:
    """Rows per township, sorted: township, total, open, checked, fixed, unknown, done (checked + fixed)."""
    rows: dict = {}
    for task in tasks:
        township = str(task.get("XZDM") or "")
        row = rows.setdefault(township, {"township": township, "total": 0, "open": 0, "checked": 0, "fixed": 0,
                                         "unknown": 0})
        row["total"] += 1
        row[KEYS.get(task.get("ZT"), "unknown")] += 1
    out = []
    for township in sorted(rows):
        row = rows[township]
        row["done"] = row["checked"] + row["fixed"]
        out.append(row)
    return out


def package_tasks(directory) -> tuple[list[dict], dict]:
    """(tasks as property dicts with ``id``, task id → its evidence features) of a field package."""
    from ..sync.package import open_package, read_layer, read_meta

    path = open_package(directory)
    meta = read_meta(path)
    if "RWTB" not in meta.get("collections", []):
        raise LandOfficeError("This field package has no field tasks (RWTB): check out again from a data centre "
                              "that has them.")
    tasks = [{**f.props, "id": fid} for fid, f in sorted(read_layer(path, "RWTB").items(),
                                                          key=lambda kv: str(kv[1].props.get("RWBH")))]
    photos: dict = {}
    if "EVIDENCE" in meta.get("collections", []):
        for f in read_layer(path, "EVIDENCE").values():
            photos.setdefault(str(f.props.get("TARGET_ID") or ""), []).append(f)
    return tasks, photos


TASK_COLUMNS = ("RWBH", "RWLX", "XZDM", "CJDM", "RWYY", "ZT", "HCJG", "HCRY", "HCRQ")


def write_task_xlsx(tasks: list[dict], photos: dict, path, title: str = "外业核查任务") -> Path:
    """Two sheets: 任务进度 (per township, a totals row of formulas) and 任务清单 (every task, its photos)."""
    from ..export.xlsx import Column, add_sheet, new_workbook, save_workbook, write_table

    if not tasks:
        raise LandOfficeError("There is no field task to report: make tasks from the quality check or the change "
                              "clues first (landoffice:fieldtasks).")
    wb = new_workbook()
    ws = add_sheet(wb, "任务进度")
    columns = [Column("乡镇代码", "township"), Column("任务数", "total"), Column("待核查", "open"),
               Column("已核查", "checked"), Column("已整改", "fixed"), Column("状态不明", "unknown"),
               Column("已完成", "done")]
    write_table(ws, columns, progress(tasks), title=f"{title} · 进度",
                totals={k: "sum" for k in ("total", "open", "checked", "fixed", "unknown", "done")})
    ws = add_sheet(wb, "任务清单")
    rows = []
    for task in tasks:
        evidence = photos.get(task["id"], [])
        rows.append({**task, "MJ": task.get("MJ"), "photos": len(evidence),
                     "photo_names": "；".join(str(e.props.get("PHOTO_NAME") or "") for e in evidence),
                     "hashes": "；".join(str(e.props.get("PHOTO_SHA256") or "")[:16] for e in evidence)})
    columns = [Column(ALIASES[k], k) for k in TASK_COLUMNS] + [
        Column("面积", "MJ", unit="平方米", number_format="0.00"), Column("照片数", "photos"),
        Column("照片", "photo_names"), Column("照片SHA-256（前16位）", "hashes")]
    write_table(ws, columns, rows, title=f"{title} · 清单", totals={"MJ": "sum", "photos": "sum"})
    return save_workbook(wb, path)


def write_task_pdf(tasks: list[dict], photos: dict, package_dir, path, title: str = "外业核查任务报告") -> Path:
    """A4 portrait, one page per task: its fields, then up to four photos with time, direction and hash."""
    from qgis.core import (
        QgsLayoutExporter,
        QgsLayoutItemLabel,
        QgsLayoutItemPage,
        QgsLayoutItemPicture,
        QgsLayoutPoint,
        QgsLayoutSize,
        QgsPrintLayout,
        QgsProject,
        QgsUnitTypes,
    )

    from .. import settings
    from ..export.layout_fonts import make_font
    from ..export.pdf_map import _finish, _target, pdf_settings

    if not tasks:
        raise LandOfficeError("There is no field task to report: make tasks from the quality check or the change "
                              "clues first (landoffice:fieldtasks).")
    started = time.perf_counter()
    path, tmp = _target(path)
    family = settings.REPORT_FONT.value() or settings.REPORT_FONT.default
    mm = QgsUnitTypes.LayoutMillimeters
    layout = QgsPrintLayout(QgsProject.instance())
    layout.initializeDefaults()
    pages = layout.pageCollection()
    pages.page(0).setPageSize("A4", QgsLayoutItemPage.Portrait)
    root = Path(package_dir)

    def label(text, x, y, w, h, page, size=9.0, bold=False):
        item = QgsLayoutItemLabel(layout)
        item.setFont(make_font(family, size, bold))
        item.setText(text)
        layout.addLayoutItem(item)
        item.attemptMove(QgsLayoutPoint(x, y, mm), page=page)
        item.attemptResize(QgsLayoutSize(w, h, mm))
        return item

    for index, task in enumerate(tasks):
        if index:
            page = QgsLayoutItemPage(layout)
            page.setPageSize("A4", QgsLayoutItemPage.Portrait)
            pages.addPage(page)
        label(f"{title}　{task.get('RWBH') or ''}", 15, 12, 180, 10, index, 14, True)
        lines = [f"{ALIASES[k]}：{task.get(k) or ''}" for k in TASK_COLUMNS if k not in ("RWBH", "RWYY")]
        lines.append(f"面积：{float(task.get('MJ') or 0):.2f} 平方米")
        label("\n".join(lines), 15, 26, 180, 42, index)
        label(f"核查事由：{task.get('RWYY') or ''}", 15, 70, 180, 22, index)
        evidence = photos.get(task["id"], [])
        if not evidence:
            label("（无照片）", 15, 96, 180, 8, index)
        for k, photo in enumerate(evidence[:4]):
            x, y = 15 + (k % 2) * 92, 96 + (k // 2) * 92
            file = root / str(photo.props.get("PHOTO_NAME") or "")
            if file.is_file():
                picture = QgsLayoutItemPicture(layout)
                picture.setPicturePath(str(file))
                picture.setResizeMode(QgsLayoutItemPicture.Zoom)
                layout.addLayoutItem(picture)
                picture.attemptMove(QgsLayoutPoint(x, y, mm), page=index)
                picture.attemptResize(QgsLayoutSize(88, 70, mm))
            direction = photo.props.get("DIRECTION")
            caption = (f"{photo.props.get('TAKEN_AT') or ''}　方向 "
                       f"{'' if direction is None else f'{float(direction):.0f}°'}　"
                       f"位置来源 {'照片' if photo.props.get('POS_SOURCE') == 'exif' else '录入'}\n"
                       f"SHA-256 {str(photo.props.get('PHOTO_SHA256') or '')[:32]}")
            label(caption, x, y + 71, 88, 12, index, 7)
        if len(evidence) > 4:
            label(f"另有 {len(evidence) - 4} 张照片，见数据中心", 15, 282, 180, 6, index, 7)
    result = QgsLayoutExporter(layout).exportToPdf(str(tmp), pdf_settings())
    code, error = result if isinstance(result, tuple) else (result, "")
    return _finish(code, error, tmp, path, started)


def statuses_ok(tasks) -> bool:
    return all(t.get("ZT") in STATUSES for t in tasks)
