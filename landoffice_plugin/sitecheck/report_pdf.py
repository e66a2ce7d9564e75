"""PDF of a site check (A4 or A3 landscape, Noto Sans CJK SC), built on :mod:`landoffice_plugin.export.pdf_map`.

Page 1: the map of the site (red) over DLTB (its role style), the constraint layers and every control layer,
with the template's legend, scale bar and north arrow, a locator inset of the township (XZQ), and the verdict
list beside it. Then the tables (one after the other, continued over pages), and as appendix the site's
boundary-point coordinates (X northing, Y easting). Several candidate sites: a comparison page first, then each
site with its own map, best first. The one PDF finishing step (``pdf_map._finish`` → ``pdf_text.fix_text_layer``)
writes the file.
"""
from __future__ import annotations

import time

import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsTableCell,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QRectF
from qgis.PyQt.QtGui import QColor

from landoffice_plugin import settings
from landoffice_plugin.export.cost_report_pdf import redline_layer
from landoffice_plugin.export.layout_fonts import make_font, text_format
from landoffice_plugin.export.pdf_map import (
    MapSpec,
    _finish,
    _target,
    fill_layout,
    fit_to_ratio,
    layers_in_project,
    load_layout,
    pdf_settings,
)
from landoffice_plugin.export.styles import apply_role_style

from .model import SiteReport
from .report_xlsx import COMPARISON_COLUMNS, boundary_points, comparison_rows

MM = QgsUnitTypes.LayoutMillimeters
MAP_SHARE = 0.62
ROW_H = 6.0   # mm per table row (7.5 pt text with margins)
MARGIN = 12.0
CONTROL_COLOURS = ("230,120,0", "128,0,160", "0,120,200", "200,0,90", "90,140,0")
MAP_ROLES = ("YJJBNTTB", "STBHHX", "CZKFBJ", "GYYD", "PZYD", "DLTB")


def _family() -> str:
    return settings.REPORT_FONT.value() or settings.REPORT_FONT.default


def _copy(layer, name: str, role: str = "") -> QgsVectorLayer:
    copy = QgsVectorLayer(layer.source(), name, layer.providerType())
    if role:
        apply_role_style(copy, role)
    return copy


def _control_copy(layer, k: int) -> QgsVectorLayer:
    copy = QgsVectorLayer(layer.source(), layer.name(), layer.providerType())
    colour = CONTROL_COLOURS[k % len(CONTROL_COLOURS)]
    copy.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": f"{colour},60", "outline_color": f"{colour},255", "outline_width": "0.4", "style": "b_diagonal"})))
    return copy


def _label(layout, x, y, w, h, text, size=9.0, bold=False) -> QgsLayoutItemLabel:
    label = QgsLayoutItemLabel(layout)
    label.setFont(make_font(_family(), size, bold))
    label.setText(text)
    layout.addLayoutItem(label)
    label.attemptMove(QgsLayoutPoint(x, y, MM))
    label.attemptResize(QgsLayoutSize(w, h, MM))
    return label


def _cell(value) -> QgsTableCell:
    if isinstance(value, float):
        value = f"{value:,.4f}"
    return QgsTableCell("" if value is None else str(value))


def _table(layout, x, y, w, headers, rows, weights) -> float:
    """A manual table at (x, y) mm, ``w`` wide; returns its height."""
    table = QgsLayoutItemManualTable.create(layout)
    layout.addMultiFrame(table)
    table.setContentTextFormat(text_format(make_font(_family(), 7.5)))
    table.setHeaderTextFormat(text_format(make_font(_family(), 7.5, bold=True)))
    total = float(sum(weights))
    table.setColumnWidths([w * wt / total - 2.5 for wt in weights])
    table.setIncludeTableHeader(False)  # the header is the first row, shaded
    head = []
    for h in headers:
        cell = _cell(h)
        cell.setBackgroundColor(QColor(221, 235, 247))
        head.append(cell)
    table.setTableContents([head] + [[_cell(v) for v in r] for r in rows])
    table.setCellMargin(1.0)
    height = (len(rows) + 1) * ROW_H + 4.0
    frame = QgsLayoutFrame(layout, table)
    frame.attemptSetSceneRect(QRectF(x, y, w, height))
    table.addFrame(frame)
    return height


class _Pages:
    """Flows titled tables down the pages of ``layout``, adding pages as needed."""

    def __init__(self, layout, paper: str):
        self.layout, self.paper = layout, paper
        first = layout.pageCollection().page(0)
        self.page_w, self.page_h = first.pageSize().width(), first.pageSize().height()
        self.y = None

    def new_page(self) -> None:
        page = QgsLayoutItemPage(self.layout)
        page.setPageSize(self.paper, QgsLayoutItemPage.Landscape)
        self.layout.pageCollection().addPage(page)
        self.top = self.layout.pageCollection().page(self.layout.pageCollection().pageCount() - 1).pos().y()
        self.y = self.top + MARGIN

    def room(self) -> float:
        return self.top + self.page_h - MARGIN - self.y

    def heading(self, text: str, size: float = 11.0) -> None:
        if self.y is None or self.room() < 3 * ROW_H + 8:
            self.new_page()
        _label(self.layout, MARGIN, self.y, self.page_w - 2 * MARGIN, 7, text, size, True)
        self.y += 8

    def table(self, title: str, headers, rows, weights, empty_text: str = "") -> None:
        self.heading(title, 9.5)
        if not rows:
            _label(self.layout, MARGIN, self.y, self.page_w - 2 * MARGIN, 6, empty_text or "—", 8.5)
            self.y += 8
            return
        rows = list(rows)
        while rows:
            fit = max(1, int((self.room() - 2) // ROW_H) - 1)
            chunk, rows = rows[:fit], rows[fit:]
            self.y += _table(self.layout, MARGIN, self.y, self.page_w - 2 * MARGIN, headers, chunk, weights) + 4
            if rows:
                self.new_page()
                _label(self.layout, MARGIN, self.y, self.page_w - 2 * MARGIN, 6, f"{title}（续）", 9.0, True)
                self.y += 7


def _fmt(value, kind: str) -> str:
    if value is None or value == "":
        return ""
    if kind == "area":
        return f"{float(value):,.4f}"
    if kind == "percent":
        return f"{float(value) * 100:.2f}%"
    if kind in ("integer",):
        try:
            return f"{int(float(value))}"
        except (TypeError, ValueError):
            return str(value)
    if kind == "number":
        try:
            return f"{float(value):,.2f}"
        except (TypeError, ValueError):
            return str(value)
    return str(value)


def _site_extent(report: SiteReport) -> QgsRectangle:
    x0, y0, x1, y1 = shapely.bounds(shapely.from_wkb(report.site_wkb))
    dx, dy = (x1 - x0) * 0.35 + 30, (y1 - y0) * 0.35 + 30
    return QgsRectangle(x0 - dx, y0 - dy, x1 + dx, y1 + dy)


def _inset(layout, x, y, w, h, xzq, site_layer, crs, report) -> None:
    """Locator inset: the township(s) with the site."""
    inset = QgsLayoutItemMap(layout)
    layout.addLayoutItem(inset)
    inset.attemptMove(QgsLayoutPoint(x, y, MM))
    inset.attemptResize(QgsLayoutSize(w, h, MM))
    inset.setFrameEnabled(True)
    inset.setFrameStrokeWidth(QgsLayoutMeasurement(0.3, MM))
    inset.setCrs(crs)
    inset.setLayers([site_layer, xzq])
    inset.setKeepLayerSet(True)
    ext = QgsRectangle(xzq.extent())
    if xzq.crs() != crs:
        from qgis.core import QgsCoordinateTransform, QgsProject

        ext = QgsCoordinateTransform(xzq.crs(), crs, QgsProject.instance().transformContext()).transformBoundingBox(ext)
    ext.combineExtentWith(_site_extent(report))
    inset.setExtent(fit_to_ratio(ext, w / h))


def _verdict_rows(report: SiteReport) -> list:
    return [[v.verdict, v.text] for v in report.verdicts]


def _site_map_page(layout, report, layers, controls, project, first: bool, pages: _Pages, xzq_copy):
    crs = QgsCoordinateReferenceSystem(report.crs_authid)
    site_layer = redline_layer(report.site_wkb, crs, "选址范围")
    title = f"{report.name} 选址合规性分析"
    subtitle = f"面积 {report.site_mu:,.4f} 亩 · {'、'.join(report.townships) or ''}"
    if first:
        spec = MapSpec(title=title, subtitle=subtitle, layers=[site_layer, *controls, *layers], paper=pages.paper,
                       orientation="landscape", extent=_site_extent(report), crs=crs)
        map_item = layout.itemById("map")
        rect, pos = map_item.rect(), map_item.pos()
        map_w = rect.width() * MAP_SHARE
        map_item.attemptResize(QgsLayoutSize(map_w, rect.height(), MM))
        project.addMapLayers([site_layer], False)
        fill_layout(layout, spec, project)
        north = layout.itemById("north")
        if north is not None:
            north.attemptMove(QgsLayoutPoint(pos.x() + map_w - 16.0, pos.y() + 4.0, MM))
        x0, y0, h, top = pos.x(), pos.y(), rect.height(), 0.0
        full_w = rect.width()
    else:
        pages.new_page()
        top = pages.top
        x0, y0 = MARGIN, top + MARGIN + 10
        full_w, h = pages.page_w - 2 * MARGIN, pages.page_h - 2 * MARGIN - 14
        map_w = full_w * MAP_SHARE
        _label(layout, MARGIN, top + MARGIN, full_w, 8, f"{title}　{subtitle}", 12, True)
        map_item = QgsLayoutItemMap(layout)
        layout.addLayoutItem(map_item)
        map_item.attemptMove(QgsLayoutPoint(x0, y0, MM))
        map_item.attemptResize(QgsLayoutSize(map_w, h, MM))
        map_item.setFrameEnabled(True)
        map_item.setCrs(crs)
        project.addMapLayers([site_layer], False)
        map_item.setLayers([site_layer, *controls, *layers])
        map_item.setKeepLayerSet(True)
        map_item.setExtent(fit_to_ratio(_site_extent(report), map_w / h))
    if xzq_copy is not None:
        _inset(layout, x0 + 2, y0 + 2, 50, 40, xzq_copy, site_layer, crs, report)
    x = x0 + map_w + 4
    _label(layout, x, y0, full_w - map_w - 4, 7, "结论", 10.5, True)
    height = _table(layout, x, y0 + 8, full_w - map_w - 4, ["结论", "说明"], _verdict_rows(report), [1, 3])
    if report.notes:
        notes = "\n".join(f"· {n}" for n in report.notes[:8])
        _label(layout, x, y0 + 10 + height, full_w - map_w - 4, max(10.0, h - height - 12), notes, 7.0)
    return site_layer


def _site_tables(report: SiteReport, pages: _Pages, multi: bool) -> None:
    prefix = f"{report.name}：" if multi else ""
    for table in report.tables:
        headers = [f"{c.title}（{c.unit}）" if c.unit else c.title for c in table.columns]
        rows = [[_fmt(r.get(c.key), c.kind) for c in table.columns] for r in table.rows]
        weights = [2 if c.kind == "text" else 1 for c in table.columns]
        pages.table(prefix + table.title, headers, rows, weights, table.empty_text)


def _appendix(report: SiteReport, pages: _Pages, multi: bool) -> None:
    rows = [[r["point"], r["ring"], f"{r['x']:.3f}", f"{r['y']:.3f}"] for r in boundary_points(report)]
    pages.table(f"{report.name + '：' if multi else ''}附录 界址点坐标（{report.crs_authid}，X 北、Y 东，米）",
                ["点号", "圈号", "X（北）", "Y（东）"], rows, [1, 1, 2, 2])


def export_site_pdf(reports, path, layers: dict, controls=(), paper: str = "A4", project=None, feedback=None):
    """The PDF of one or several (ranked) site reports; ``layers`` are the role layers, ``controls`` the control
    layers (drawn, not changed: styled copies are used)."""
    started = time.perf_counter()
    reports = list(reports)
    path, tmp = _target(path)
    ctl = [_control_copy(lyr, k) for k, lyr in enumerate(controls)]
    role_layers = [_copy(layers[r], {"YJJBNTTB": "永久基本农田", "STBHHX": "生态保护红线", "CZKFBJ": "城镇开发边界",
                                     "GYYD": "供地", "PZYD": "批准用地", "DLTB": "地类图斑"}[r], r)
                   for r in MAP_ROLES if layers.get(r) is not None]
    xzq = _copy(layers["XZQ"], "乡镇", "XZQ") if layers.get("XZQ") is not None else None
    crs = QgsCoordinateReferenceSystem(reports[0].crs_authid)
    keep = [*ctl, *role_layers] + ([xzq] if xzq is not None else [])
    with layers_in_project(project, keep, crs) as proj:
        layout = load_layout(proj, paper, "landscape")
        pages = _Pages(layout, paper)
        site_layers = []
        multi = len(reports) > 1
        for k, report in enumerate(reports):
            site_layers.append(_site_map_page(layout, report, role_layers, ctl, proj, k == 0, pages, xzq))
            if k == 0 and multi:
                pages.table("候选选址比较（优者在前）", [c.header for c in COMPARISON_COLUMNS],
                            [[_fmt(r[c.key], "area" if c.unit == "亩" else "text") for c in COMPARISON_COLUMNS]
                             for r in comparison_rows(reports)], [1, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 6])
            pages.y = None
            _site_tables(report, pages, multi)
            _appendix(report, pages, multi)
            pages.y = None
            if feedback is not None:
                feedback.setProgress(100.0 * (k + 1) / (len(reports) + 1))
        code = QgsLayoutExporter(layout).exportToPdf(str(tmp), pdf_settings())
        for lyr in site_layers:
            proj.takeMapLayer(lyr)
    return _finish(code, "", tmp, path, started)


