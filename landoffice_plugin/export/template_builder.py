"""Builds the print-layout templates in ``resources/templates`` (run once; the .qpt files are committed).

``.venv/bin/python -m landoffice_plugin.export.template_builder`` regenerates them.

Item ids (filled at run time by :mod:`.pdf_map`): ``map``, ``title``, ``subtitle``, ``legend``,
``scalebar``, ``scale_label``, ``north``, ``crs_label``, ``date_label``, ``office_label``, ``frame``; the
map carries a disabled grid named ``grid``. Nothing is drawn over the map: landscape pages keep a column
right of the map, portrait pages a strip below it, for the north arrow, legend, scale bar and ratio scale
(:func:`.pdf_map.place_decorations` lays them out there again for each page). Label texts hold
``{placeholders}``; the Chinese wording around them (坐标系、制图日期、制图单位、图例) is part of the
template, so an office
can adapt it in the layout designer. The north-arrow path is set at run time (no absolute paths).
"""
from __future__ import annotations

import sys
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFillSymbol,
    QgsLayoutItem,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemMapGrid,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsScaleBarSettings,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from landoffice_plugin.paths import resource_path
from landoffice_plugin.settings import REPORT_FONT

from .layout_fonts import set_grid_font, set_label_font, set_legend_font, set_scalebar_font

# template file stem -> (paper, orientation)
TEMPLATES = {
    "map_a4_landscape": ("A4", "landscape"),
    "map_a4_portrait": ("A4", "portrait"),
    "map_a3_landscape": ("A3", "landscape"),
}
MARGIN = 10.0      # mm, page edge to map
TOP = 30.0         # mm, page top to map (title block)
BOTTOM = 16.0      # mm, map (or its strip) to page bottom (annotation rows)
GAP = 4.0          # mm, map to the column or strip beside it
SIDE = {"A4": 62.0, "A3": 80.0}   # mm, column right of a landscape map (legend, north arrow, scale)
STRIP = 46.0       # mm, strip below a portrait map
MM = QgsUnitTypes.LayoutMillimeters


def template_name(paper: str, orientation: str) -> str:
    return f"map_{paper.lower()}_{orientation.lower()}"


def _place(item: QgsLayoutItem, x: float, y: float, w: float, h: float) -> None:
    item.attemptMove(QgsLayoutPoint(x, y, MM))
    item.attemptResize(QgsLayoutSize(w, h, MM))


def _label(layout, item_id: str, text: str, rect, size: float, bold: bool = False,
           halign=Qt.AlignLeft) -> QgsLayoutItemLabel:
    label = QgsLayoutItemLabel(layout)
    label.setId(item_id)
    label.setText(text)
    set_label_font(label, REPORT_FONT.default, size, bold)
    label.setHAlign(halign)
    label.setVAlign(Qt.AlignVCenter)
    label.setMarginX(0.0)
    label.setMarginY(0.0)
    layout.addLayoutItem(label)
    _place(label, *rect)
    return label


def _map_item(layout, rect) -> QgsLayoutItemMap:
    map_item = QgsLayoutItemMap(layout)
    map_item.setId("map")
    map_item.setFrameEnabled(True)
    map_item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3, MM))
    map_item.setBackgroundColor(QColor(255, 255, 255))
    layout.addLayoutItem(map_item)
    _place(map_item, *rect)
    # a placeholder extent at 1:100 000 so dependent items get finite sizes; replaced at run time
    map_item.setCrs(QgsCoordinateReferenceSystem("EPSG:4549"))
    map_item.setExtent(QgsRectangle(500000, 3500000, 500000 + rect[2] * 100, 3500000 + rect[3] * 100))
    grid = QgsLayoutItemMapGrid("grid", map_item)
    grid.setEnabled(False)
    grid.setStyle(QgsLayoutItemMapGrid.Cross)
    grid.setCrossLength(2.0)
    grid.setAnnotationEnabled(True)
    grid.setAnnotationPrecision(0)
    grid.setAnnotationPosition(QgsLayoutItemMapGrid.InsideMapFrame, QgsLayoutItemMapGrid.Left)
    grid.setAnnotationPosition(QgsLayoutItemMapGrid.InsideMapFrame, QgsLayoutItemMapGrid.Bottom)
    grid.setAnnotationDisplay(QgsLayoutItemMapGrid.HideAll, QgsLayoutItemMapGrid.Right)
    grid.setAnnotationDisplay(QgsLayoutItemMapGrid.HideAll, QgsLayoutItemMapGrid.Top)
    map_item.grids().addGrid(grid)
    set_grid_font(map_item, REPORT_FONT.default)
    return map_item


def _legend(layout, map_item, x: float, y_bottom: float) -> QgsLayoutItemLegend:
    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle("图例")
    legend.setAutoUpdateModel(False)
    legend.model().rootGroup().clear()
    legend.setLinkedMap(map_item)
    legend.setLegendFilterByMapEnabled(True)
    legend.setSymbolWidth(7.0)
    legend.setSymbolHeight(4.5)
    legend.setBoxSpace(2.5)
    legend.setFrameEnabled(True)
    legend.setFrameStrokeWidth(QgsLayoutMeasurement(0.25, MM))
    legend.setBackgroundEnabled(True)
    legend.setBackgroundColor(QColor(255, 255, 255, 235))
    legend.setResizeToContents(True)
    set_legend_font(legend, REPORT_FONT.default)
    layout.addLayoutItem(legend)
    legend.setReferencePoint(QgsLayoutItem.LowerLeft)
    legend.attemptMove(QgsLayoutPoint(x, y_bottom, MM))
    return legend


def _scalebar(layout, map_item, x_right: float, y_bottom: float) -> QgsLayoutItemScaleBar:
    bar = QgsLayoutItemScaleBar(layout)
    bar.setId("scalebar")
    bar.setStyle("Single Box")
    bar.setLinkedMap(map_item)
    bar.setUnits(QgsUnitTypes.DistanceKilometers)
    bar.setUnitLabel("km")
    bar.setMapUnitsPerScaleBarUnit(1.0)
    bar.setNumberOfSegments(2)
    bar.setNumberOfSegmentsLeft(0)
    bar.setUnitsPerSegment(1.0)
    bar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
    bar.setMinimumBarWidth(30.0)
    bar.setMaximumBarWidth(60.0)
    bar.setHeight(2.0)
    bar.setBackgroundEnabled(True)
    bar.setBackgroundColor(QColor(255, 255, 255, 235))
    set_scalebar_font(bar, REPORT_FONT.default)
    layout.addLayoutItem(bar)
    bar.setReferencePoint(QgsLayoutItem.LowerRight)
    bar.attemptMove(QgsLayoutPoint(x_right, y_bottom, MM))
    return bar


def _north(layout, map_item, x_right: float, y_top: float) -> QgsLayoutItemPicture:
    north = QgsLayoutItemPicture(layout)
    north.setId("north")
    north.setLinkedMap(map_item)
    north.setNorthMode(QgsLayoutItemPicture.GridNorth)
    north.setResizeMode(QgsLayoutItemPicture.ZoomResizeFrame)
    layout.addLayoutItem(north)
    north.setReferencePoint(QgsLayoutItem.UpperRight)
    north.attemptMove(QgsLayoutPoint(x_right, y_top, MM))
    north.attemptResize(QgsLayoutSize(10.0, 15.0, MM))
    return north


def _frame(layout, rect) -> QgsLayoutItemShape:
    frame = QgsLayoutItemShape(layout)
    frame.setId("frame")
    frame.setShapeType(QgsLayoutItemShape.Rectangle)
    frame.setSymbol(QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": "0,0,0,255", "outline_width": "0.7", "outline_width_unit": "MM"}))
    layout.addLayoutItem(frame)
    _place(frame, *rect)
    return frame


def build_template(paper: str, orientation: str, project: QgsProject | None = None) -> QgsPrintLayout:
    """A print layout with every item the map export fills in (no layers, no extent)."""
    layout = QgsPrintLayout(project or QgsProject())
    layout.initializeDefaults()
    layout.setName(f"LandOffice {paper} {orientation}")
    page = layout.pageCollection().page(0)
    page.setPageSize(paper, QgsLayoutItemPage.Landscape if orientation == "landscape"
                     else QgsLayoutItemPage.Portrait)
    width, height = page.pageSize().width(), page.pageSize().height()
    inner_w = width - 2 * MARGIN
    if orientation == "landscape":
        map_w, map_h = inner_w - SIDE[paper] - GAP, height - TOP - BOTTOM
        panel = (MARGIN + map_w + GAP, TOP, SIDE[paper], map_h)
    else:
        map_w, map_h = inner_w, height - TOP - BOTTOM - STRIP
        panel = (MARGIN, TOP + map_h + GAP, inner_w, STRIP - GAP)
    px, py, pw, ph = panel

    _frame(layout, (MARGIN - 3.0, 5.0, inner_w + 6.0, height - 10.0))
    map_item = _map_item(layout, (MARGIN, TOP, map_w, map_h))
    _label(layout, "title", "{title}", (MARGIN, 8.0, inner_w, 12.0), 20.0, True, Qt.AlignHCenter)
    _label(layout, "subtitle", "{subtitle}", (MARGIN, 20.5, inner_w, 7.0), 12.0, False, Qt.AlignHCenter)
    _north(layout, map_item, px + pw, py)
    _legend(layout, map_item, px, py + ph - 12.0)
    _scalebar(layout, map_item, px + pw, py + ph - 6.0)
    _label(layout, "scale_label", "比例尺 {scale}", (px, py + ph - 5.0, pw, 5.0), 8.0, False, Qt.AlignRight)
    row1, row2 = height - BOTTOM + 1.5, height - BOTTOM + 6.5
    _label(layout, "crs_label", "坐标系：{crs}", (MARGIN, row1, inner_w * 0.62, 5.0), 8.0)
    _label(layout, "office_label", "制图单位：{office}", (MARGIN + inner_w * 0.62, row1, inner_w * 0.38, 5.0),
           8.0, False, Qt.AlignRight)
    _label(layout, "date_label", "制图日期：{date}", (MARGIN + inner_w * 0.62, row2, inner_w * 0.38, 5.0),
           8.0, False, Qt.AlignRight)
    return layout


def write_templates(out_dir: Path | None = None) -> list[Path]:
    out_dir = Path(out_dir) if out_dir else resource_path("templates")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    project = QgsProject()
    for stem, (paper, orientation) in TEMPLATES.items():
        layout = build_template(paper, orientation, project)
        path = out_dir / f"{stem}.qpt"
        if not layout.saveAsTemplate(str(path), QgsReadWriteContext()):
            raise OSError(f"could not write {path}")
        written.append(path)
    return written


def main() -> int:
    from landoffice_plugin.headless import start_qgis

    start_qgis()
    for path in write_templates():
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
