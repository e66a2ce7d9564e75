"""Parcel report PDF (宗地查询报告): one A4 portrait page per parcel.

Built on the A4 portrait map template (title, scale bar, north arrow, CRS/office/date labels): the
map is shortened to the top half and shows the parcel (red) with its neighbours labelled by their
sequence number; below come the attributes, the overlay table and the red lights as manual tables
in the report font (Noto Sans CJK SC). Several parcels go into one PDF through a small layout
iterator that refills the same layout per page (what QGIS's atlas does), so a batch is one file.
The map is drawn in the working CRS of the parcel layer (:func:`~landoffice_plugin.core.crs.working_crs`: a
projected CGCS2000 zone, also for geographic or other-zone data), so its extent and scale bar are metres.
Personal data must arrive masked (:func:`landoffice_plugin.lookup.details.parcel_details` does it).
"""
from __future__ import annotations

import time
from typing import Optional

from qgis.core import (
    QgsAbstractLayoutIterator,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemManualTable,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPalLayerSettings,
    QgsProject,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsTableCell,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QRectF

from landoffice_plugin import settings
from landoffice_plugin.core.crs import working_crs_of_layer
from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.i18n import tr

from .layout_fonts import make_font, text_format
from .pdf_map import MapSpec, _finish, _target, fill_layout, layers_in_project, load_layout, pdf_settings

SCALE_COLUMN = 38.0  # mm beside the map
MAP_HEIGHT = 100.0          # mm, map item from y = 30
ATTR_ROWS, OVERLAY_ROWS = 8, 17
MM = QgsUnitTypes.LayoutMillimeters


def _family() -> str:
    return settings.REPORT_FONT.value() or settings.REPORT_FONT.default


def _styled_copy(zd_layer: QgsVectorLayer) -> QgsVectorLayer:
    """The parcels in grey with their sequence numbers (last 5 characters of the code)."""
    layer = QgsVectorLayer(zd_layer.source(), "宗地", zd_layer.providerType())
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "255,255,255,0", "outline_color": "90,90,90", "outline_width": "0.2"})))
    code = next((n for n in zd_layer.fields().names() if n.upper() == "ZDDM"), None)
    if code:
        pal = QgsPalLayerSettings()
        pal.fieldName = f'right("{code}", 5)'
        pal.isExpression = True
        pal.setFormat(text_format(make_font(_family(), 6)))
        layer.setLabeling(QgsVectorLayerSimpleLabeling(pal))
        layer.setLabelsEnabled(True)
    return layer


def _highlight_layer(crs) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"Polygon?crs={crs.authid() or crs.toWkt()}&field=code:string", "本宗地", "memory")
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "255,0,0,50", "outline_color": "220,0,0", "outline_width": "0.7"})))
    pal = QgsPalLayerSettings()
    pal.fieldName = "code"
    pal.setFormat(text_format(make_font(_family(), 8, bold=True)))
    layer.setLabeling(QgsVectorLayerSimpleLabeling(pal))
    layer.setLabelsEnabled(True)
    return layer


def _table(layout, rect, widths) -> QgsLayoutItemManualTable:
    table = QgsLayoutItemManualTable.create(layout)
    layout.addMultiFrame(table)
    table.setContentTextFormat(text_format(make_font(_family(), 7)))
    table.setHeaderTextFormat(text_format(make_font(_family(), 7, bold=True)))
    table.setColumnWidths(widths)
    frame = QgsLayoutFrame(layout, table)
    frame.attemptSetSceneRect(QRectF(*rect))
    table.addFrame(frame)
    return table


def _label(layout, rect, size=9, bold=False) -> QgsLayoutItemLabel:
    label = QgsLayoutItemLabel(layout)
    label.setFont(make_font(_family(), size, bold))
    layout.addLayoutItem(label)
    label.attemptMove(QgsLayoutPoint(rect[0], rect[1], MM))
    label.attemptResize(QgsLayoutSize(rect[2], rect[3], MM))
    return label


def _rows(values, columns: int, limit: int, more_text: str):
    rows = [[QgsTableCell(str(v) if isinstance(v, str) else v) for v in r] for r in values[:limit]]  # plain str for Qt
    if len(values) > limit:
        rows[-1] = [QgsTableCell(more_text.format(n=len(values) - limit + 1))] + [QgsTableCell("")] * (columns - 1)
    return rows


class _ReportPages(QgsAbstractLayoutIterator):
    """Builds the layout once; :meth:`next` refills it with the next parcel."""

    def __init__(self, details_list, zd_layer, project, title):
        super().__init__()
        self.pages, self.title, self.project = list(details_list), title, project
        self.crs = working_crs_of_layer(zd_layer)
        self.scales = []  # the map scale of each page (1:N)
        self.highlight = _highlight_layer(self.crs)
        self.neighbours = _styled_copy(zd_layer)
        self.layers = [self.highlight, self.neighbours]
        self.position = -1
        self._layout = None

    def build(self):
        layout = load_layout(self.project, "A4", "portrait")
        map_item = layout.itemById("map")
        # a column right of the map for the north arrow and the scale: nothing over the parcels
        map_item.attemptResize(QgsLayoutSize(190 - SCALE_COLUMN, MAP_HEIGHT, MM))
        self.map_item = map_item
        self.spec = MapSpec(title=self.title, layers=self.layers, paper="A4", orientation="portrait",
                            legend=False, extent=QgsRectangle(0, 0, 1, 1), crs=self.crs)
        y = 30 + MAP_HEIGHT + 3
        _label(layout, (10, y, 190, 5), 9, True).setText("宗地信息")
        self.attr_table = _table(layout, (10, y + 5, 190, 44), [26, 63, 26, 63])
        y += 51
        _label(layout, (10, y, 190, 5), 9, True).setText("叠加分析（一宗地·全图层）")
        self.overlay_table = _table(layout, (10, y + 5, 190, 68), [28, 52, 76, 22])
        y += 75
        self.red_title = _label(layout, (10, y, 190, 5), 9, True)
        self.red_label = _label(layout, (10, y + 5, 190, 14), 7)
        self._layout = layout
        self.template_texts = {item.id(): item.text() for item in layout.items()
                               if isinstance(item, QgsLayoutItemLabel) and item.id()}
        return layout

    # QgsAbstractLayoutIterator API
    def layout(self):
        return self._layout

    def beginRender(self):  # noqa: N802
        self.position = -1
        return True

    def endRender(self):  # noqa: N802
        return True

    def count(self):
        return len(self.pages)

    def filePath(self, base, extension):  # noqa: N802
        return f"{base}.{extension}"

    def next(self):
        self.position += 1
        if self.position >= len(self.pages):
            return False
        self.fill(self.pages[self.position])
        return True

    def fill(self, details):
        from landoffice_plugin.lookup.report import overlay_lines

        provider = self.highlight.dataProvider()
        provider.truncate()
        feat = QgsFeature(self.highlight.fields())
        geometry = QgsGeometry(details.geometry)
        if details.crs is not None and details.crs.isValid() and details.crs != self.crs:
            geometry.transform(QgsCoordinateTransform(details.crs, self.crs, self.project.transformContext()))
        feat.setGeometry(geometry)
        feat.setAttributes([details.code])
        provider.addFeatures([feat])
        self.highlight.updateExtents()
        for item in self._layout.items():  # put the {placeholders} back before fill_layout
            if isinstance(item, QgsLayoutItemLabel) and item.id() in self.template_texts:
                item.setText(self.template_texts[item.id()])
        box = geometry.boundingBox()
        grow = max(box.width(), box.height(), 20.0) * 1.2
        self.spec.extent = QgsRectangle(box.xMinimum() - grow, box.yMinimum() - grow,
                                        box.xMaximum() + grow, box.yMaximum() + grow)
        self.spec.subtitle = f"宗地代码 {details.code}"
        fill_layout(self._layout, self.spec, self.project)
        self.scales.append(self.map_item.scale())
        attrs = [(k, v) for k, v in details.attributes]
        pairs = [[attrs[i][0], attrs[i][1], *(attrs[i + 1] if i + 1 < len(attrs) else ("", ""))]
                 for i in range(0, len(attrs), 2)]
        self.attr_table.setTableContents(_rows(pairs, 4, ATTR_ROWS, "……另有 {n} 行"))
        header = [["图层", "内容", "详情", "面积（亩）"]]
        lines = [list(line) for line in overlay_lines(details)]
        self.overlay_table.setTableContents(
            [[QgsTableCell(h) for h in header[0]]] + _rows(lines, 4, OVERLAY_ROWS, "……另有 {n} 行，见 Excel 报告"))
        self.overlay_table.setIncludeTableHeader(False)
        count = len(details.red_lights)
        self.red_title.setText(f"红灯（问题）：{count} 项" if count else "红灯（问题）：无")
        self.red_label.setText("\n".join(f"● {t}" for t in details.red_lights[:5]))


def export_parcel_report_pdf(details_list, zd_layer, path, title: str = "宗地查询报告",
                             project: Optional[QgsProject] = None, feedback=None):
    """Write one page per :class:`ParcelDetails` of ``details_list`` into the PDF ``path``."""
    started = time.perf_counter()
    if not details_list:
        raise LandOfficeError("There is no parcel to report: search for a parcel first.")
    path, tmp = _target(path)
    pages = _ReportPages(details_list, zd_layer, None, title)
    with layers_in_project(project, pages.layers, pages.crs) as proj:
        pages.project = proj
        pages.build()
        result = QgsLayoutExporter.exportToPdf(pages, str(tmp), pdf_settings())
    code, error = result if isinstance(result, tuple) else (result, "")
    if feedback is not None and pages.scales:
        feedback.pushInfo(tr("Parcel maps in {crs}, scale 1:{low:,.0f} to 1:{high:,.0f}").format(
            crs=pages.crs.authid(), low=min(pages.scales), high=max(pages.scales)))
    return _finish(code, error, tmp, path, started)
