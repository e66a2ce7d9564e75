"""PDF maps from the print-layout templates in ``resources/templates``.

:func:`export_map_pdf` prints one page, :func:`export_atlas_pdf` one page per feature of a
coverage layer. Layers need not be in a project: a private :class:`QgsProject` holds the
ones that belong to no project while exporting (``QgsProject.instance()`` is never touched
unless passed in, and nothing is left in it).
"""
from __future__ import annotations

import contextlib
import datetime
import math
import os
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsInvertedPolygonRenderer,
    QgsLayoutExporter,
    QgsLayoutItem,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsRenderContext,
    QgsRuleBasedRenderer,
    QgsScaleBarSettings,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QImage, QPainter
from qgis.PyQt.QtXml import QDomDocument

from landoffice_plugin import settings
from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.i18n import tr
from landoffice_plugin.log import get_logger
from landoffice_plugin.paths import resource_path

from .layout_fonts import apply_family
from .layout_tables import text_table
from .pdf_text import fix_text_layer
from .template_builder import BOTTOM, GAP, MARGIN, TEMPLATES, template_name

PAPERS = ("A4", "A3")
ORIENTATIONS = ("landscape", "portrait")
NICE_STEPS = (1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)
BAR_STEPS = (1.0, 2.0, 5.0)   # scale-bar segments: 1, 2, 5 × 10^n
BAR_SEGMENTS = 2
SIDE_MIN = 30.0   # mm: free width right of the map that makes a column for the decorations
PANEL_GAP = 3.0   # mm between decorations


@dataclass
class MapSpec:
    """What to print. ``layers`` are top first; ``office``/``date`` default to the setting / today."""

    title: str
    subtitle: str = ""
    layers: list = field(default_factory=list)
    extent: Optional[QgsRectangle] = None
    crs: Optional[QgsCoordinateReferenceSystem] = None
    paper: str = "A4"
    orientation: str = "landscape"
    office: Optional[str] = None
    date: Optional[datetime.date] = None
    legend: bool = True
    grid: bool = False
    margin: float = 0.05  # share of the extent added on each side when the extent is computed


def nice_number(value: float) -> float:
    """Smallest ``NICE_STEPS`` × 10^n that is >= ``value`` (scales, grid intervals)."""
    if not math.isfinite(value) or value <= 0:
        return value
    magnitude = 10 ** math.floor(math.log10(value))
    for step in NICE_STEPS:
        if step * magnitude >= value * (1 - 1e-9):
            return step * magnitude
    return 10 * magnitude


def step_125(value: float) -> float:
    """Largest 1, 2 or 5 × 10^n that is <= ``value`` (scale-bar segments)."""
    if not math.isfinite(value) or value <= 0:
        return value
    magnitude = 10 ** math.floor(math.log10(value))
    best = magnitude
    for step in BAR_STEPS:
        if step * magnitude <= value * (1 + 1e-9):
            best = step * magnitude
    return best


def ratio_text(scale: float) -> str:
    """The ratio scale printed beside the bar: the map's scale rounded, e.g. ``1:25000``."""
    return f"1:{round(scale)}"


def fit_to_ratio(extent: QgsRectangle, ratio: float) -> QgsRectangle:
    """``extent`` grown in one direction to the width/height ``ratio`` of the map item, same centre."""
    width, height = extent.width(), extent.height()
    if width / max(height, 1e-12) < ratio:
        width = height * ratio
    else:
        height = width / ratio
    cx, cy = extent.center().x(), extent.center().y()
    return QgsRectangle(cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)


def crs_text(crs: QgsCoordinateReferenceSystem) -> str:
    """The CRS line in Chinese, e.g. ``2000国家大地坐标系 3度带 第40带 中央经线120°E（EPSG:4549）``."""
    from landoffice_plugin.core.crs import name_zh

    return name_zh(crs)


def format_date(day: datetime.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def template_path(paper: str, orientation: str) -> Path:
    paper, orientation = (paper or "").upper(), (orientation or "").lower()
    if paper not in PAPERS or orientation not in ORIENTATIONS or template_name(paper, orientation) not in TEMPLATES:
        raise LandOfficeError(
            "Unsupported paper {paper} {orientation}: choose A4 landscape, A4 portrait or A3 landscape.",
            paper=paper, orientation=orientation)
    path = resource_path("templates", template_name(paper, orientation) + ".qpt")
    if not path.is_file():
        raise LandOfficeError("Print template {path} is missing: reinstall the plugin.", path=str(path))
    return path


def load_layout(project: QgsProject, paper: str, orientation: str) -> QgsPrintLayout:
    """A fresh layout from the template for ``paper``/``orientation``."""
    path = template_path(paper, orientation)
    doc = QDomDocument()
    ok = doc.setContent(path.read_text(encoding="utf-8"))
    ok = ok[0] if isinstance(ok, tuple) else ok
    layout = QgsPrintLayout(project)
    if ok:
        _items, ok = layout.loadFromTemplate(doc, QgsReadWriteContext())
    if not ok:
        raise LandOfficeError("Print template {path} could not be read: reinstall the plugin.", path=str(path))
    return layout


def combined_extent(layers, crs: QgsCoordinateReferenceSystem, transform_context, margin: float) -> QgsRectangle:
    """Union of the layers' extents in ``crs``, grown by ``margin`` × size on each side."""
    total = QgsRectangle()
    total.setMinimal()
    for layer in layers:
        ext = layer.extent()
        if ext.isNull() or ext.isEmpty() and ext.width() == 0 and ext.height() == 0:
            continue
        if layer.crs() != crs:
            ext = QgsCoordinateTransform(layer.crs(), crs, transform_context).transformBoundingBox(ext)
        total.combineExtentWith(ext)
    if total.isNull() or total.width() <= 0 and total.height() <= 0:
        raise LandOfficeError("The layers to print are empty, so there is no map extent: "
                              "give an extent or add features to the layers.")
    dx = max(total.width(), total.height() * 0.01) * margin
    dy = max(total.height(), total.width() * 0.01) * margin
    return QgsRectangle(total.xMinimum() - dx, total.yMinimum() - dy, total.xMaximum() + dx, total.yMaximum() + dy)


@contextlib.contextmanager
def layers_in_project(project: Optional[QgsProject], layers, crs: Optional[QgsCoordinateReferenceSystem] = None):
    """Yield a project holding ``layers``; layers added here are taken back out afterwards.

    Without ``project`` a private one is made, with ``crs`` and its ellipsoid (for the scale bar).
    """
    target = project
    if target is None:
        target = QgsProject()
        if crs is not None and crs.isValid():
            target.setCrs(crs)
            target.setEllipsoid(crs.ellipsoidAcronym())
    added = []
    for layer in layers:
        if layer is None or target.mapLayer(layer.id()) is not None or layer in added:
            continue
        if layer.parent() is None:  # owned by no project: borrow it for the export
            target.addMapLayers([layer], False)
            added.append(layer)
    try:
        yield target
    finally:
        for layer in added:
            target.takeMapLayer(layer)


def _check_spec(spec: MapSpec) -> None:
    if not spec.layers:
        raise LandOfficeError("There are no layers to print: add at least one layer to the map.")
    for layer in spec.layers:
        if layer is None or not layer.isValid():
            raise LandOfficeError("Layer {name} cannot be printed because it is not valid: check its data source.",
                                  name=getattr(layer, "name", lambda: "?")())


def map_crs(spec: MapSpec) -> QgsCoordinateReferenceSystem:
    return spec.crs if spec.crs is not None and spec.crs.isValid() else spec.layers[0].crs()


def _labels(layout) -> dict:
    return {item.id(): item for item in layout.items() if isinstance(item, QgsLayoutItemLabel) and item.id()}


def _fill_label(label: QgsLayoutItemLabel, values: dict) -> None:
    text = label.text()
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    label.setText(text)


def fill_layout(layout: QgsPrintLayout, spec: MapSpec, project: QgsProject,
                title_text: Optional[str] = None) -> QgsLayoutItemMap:
    """Fill every templated item from ``spec``; returns the map item."""
    crs = map_crs(spec)
    map_item = layout.itemById("map")
    if not isinstance(map_item, QgsLayoutItemMap):
        raise LandOfficeError("The print template has no map item with id 'map': reinstall the plugin.")
    map_item.setCrs(crs)
    map_item.setLayers(list(spec.layers))
    map_item.setKeepLayerSet(True)
    extent = spec.extent if spec.extent is not None and not spec.extent.isEmpty() else \
        combined_extent(spec.layers, crs, project.transformContext(), spec.margin)
    map_item.setExtent(fit_to_ratio(extent, map_item.rect().width() / map_item.rect().height()))
    map_item.setScale(nice_number(map_item.scale()))

    office = spec.office if spec.office is not None else settings.OFFICE_NAME.value()
    values = {
        "title": title_text if title_text is not None else spec.title,
        "subtitle": spec.subtitle or "",
        "crs": crs_text(crs),
        "scale": ratio_text(map_item.scale()),
        "date": format_date(spec.date or datetime.date.today()),
        "office": office or "",
    }
    labels = _labels(layout)
    for label in labels.values():
        _fill_label(label, values)
    if not values["subtitle"] and "subtitle" in labels:
        labels["subtitle"].setVisibility(False)
    if not values["office"] and "office_label" in labels:
        labels["office_label"].setVisibility(False)

    _setup_legend(layout, spec)
    _setup_grid(map_item, spec.grid)
    north = layout.itemById("north")
    if isinstance(north, QgsLayoutItemPicture):
        north.setPicturePath(str(resource_path("icons", "north_arrow.svg")), QgsLayoutItemPicture.FormatSVG)
    family = settings.REPORT_FONT.value() or settings.REPORT_FONT.default
    for item in layout.items():
        apply_family(item, family)
    place_decorations(layout, map_item)
    return map_item


def _rect(item) -> QRectF:
    """An item's rectangle on the page (mm)."""
    return QRectF(item.pos(), item.rect().size())


def decoration_panel(layout, map_item: QgsLayoutItemMap) -> tuple[QRectF, bool]:
    """Where the north arrow, legend and scale go: (rectangle, True for a column right of the map /
    False for a strip below it). Never over the map."""
    page = layout.pageCollection().page(0).pageSize()
    inner_right, annotations_top = page.width() - MARGIN, page.height() - BOTTOM
    box = _rect(map_item)
    if inner_right - box.right() - GAP >= SIDE_MIN:
        left = box.right() + GAP
        return QRectF(left, box.top(), inner_right - left, box.height()), True
    top = box.bottom() + GAP
    return QRectF(box.left(), top, box.width(), max(annotations_top - top, 0.0)), False


def _move(item, x: float, y: float, reference=QgsLayoutItem.UpperLeft) -> None:
    item.setReferencePoint(reference)
    item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))


def place_decorations(layout, map_item: QgsLayoutItemMap) -> QRectF:
    """Lay out north arrow, legend, scale bar and ratio scale in the panel beside the map (landscape: a
    column to its right; portrait: a strip below it); returns the panel's area left free (for a table)."""
    panel, column = decoration_panel(layout, map_item)
    north, legend = layout.itemById("north"), layout.itemById("legend")
    bar, ratio = layout.itemById("scalebar"), layout.itemById("scale_label")
    legend_on = legend is not None and legend.isVisible()
    # the scale: the bar with 1-2-5 steps, the ratio under it, both at the panel's lower right
    bar_width = panel.width() * (0.9 if column else 0.35)
    _setup_scalebar(layout, map_item, bar_width)
    if ratio is not None:
        ratio.setText(f"比例尺 {ratio_text(map_item.scale())}")
        ratio.setHAlign(Qt.AlignRight)
        ratio.attemptResize(QgsLayoutSize(min(panel.width(), 60.0), 5.0, QgsUnitTypes.LayoutMillimeters))
        _move(ratio, panel.right(), panel.bottom(), QgsLayoutItem.LowerRight)
    scale_top = panel.bottom() - 5.0 - PANEL_GAP
    if bar is not None:
        _move(bar, panel.right(), scale_top, QgsLayoutItem.LowerRight)
        scale_top = _rect(bar).top() - PANEL_GAP
    north_box = QRectF()
    if north is not None:
        _move(north, panel.right(), panel.top(), QgsLayoutItem.UpperRight)
        north_box = _rect(north)
    if column:
        top = (north_box.bottom() if not north_box.isNull() else panel.top()) + PANEL_GAP
        free = QRectF(panel.left(), top, panel.width(), max(scale_top - top, 0.0))
        if legend_on:
            _move(legend, panel.left(), top)
            _fit_legend(legend, free.width(), free.height())
            used = _rect(legend).bottom() + PANEL_GAP
            free = QRectF(panel.left(), used, panel.width(), max(scale_top - used, 0.0))
        return free
    right = min(north_box.left() if not north_box.isNull() else panel.right(),
                _rect(bar).left() if bar is not None else panel.right()) - PANEL_GAP
    free = QRectF(panel.left(), panel.top(), max(right - panel.left(), 0.0), panel.height())
    if legend_on:
        _move(legend, panel.left(), panel.top())
        _fit_legend(legend, free.width(), free.height())
        used = _rect(legend).right() + PANEL_GAP
        free = QRectF(used, panel.top(), max(right - used, 0.0), panel.height())
    return free


def _fit_legend(legend, width: float, height: float) -> None:
    """More columns while the legend is taller than its room (it never grows over the map)."""
    legend.setColumnCount(1)
    _size_legend(legend)
    columns = 1
    while legend.rect().height() > height and columns < 4 and legend.rect().width() * (columns + 1) / columns <= \
            max(width, legend.rect().width()) * 1.5:
        columns += 1
        legend.setColumnCount(columns)
        legend.setSplitLayer(True)
        _size_legend(legend)


def _size_legend(legend) -> None:
    """Size the legend to its contents now: QGIS does it only once the legend has been drawn (before
    that, its size is unknown and what comes below it would be placed over it)."""
    image = QImage(8, 8, QImage.Format_ARGB32)
    painter = QPainter(image)
    try:
        legend.paint(painter, None, None)
    finally:
        painter.end()
    legend.adjustBoxSize()


def _setup_legend(layout, spec: MapSpec) -> None:
    legend = layout.itemById("legend")
    if legend is None:
        return
    if not spec.legend:
        legend.setVisibility(False)
        return
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.clear()
    for layer in spec.layers:
        root.addLayer(layer)
    legend.updateLegend()


def _setup_scalebar(layout, map_item: QgsLayoutItemMap, max_width_mm: float) -> None:
    """Segments of 1, 2 or 5 × 10^n m (or km), as long as the bar still fits ``max_width_mm``."""
    bar = layout.itemById("scalebar")
    if bar is None:
        return
    segment_m = step_125(map_item.scale() * max_width_mm * 0.8 / BAR_SEGMENTS / 1000.0)  # paper mm -> ground m
    km = segment_m >= 1000
    bar.setUnits(QgsUnitTypes.DistanceKilometers if km else QgsUnitTypes.DistanceMeters)
    bar.setUnitLabel("km" if km else "m")
    bar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFixed)
    bar.setNumberOfSegments(BAR_SEGMENTS)
    bar.setNumberOfSegmentsLeft(0)
    bar.setUnitsPerSegment(segment_m / 1000.0 if km else segment_m)
    bar.resizeToMinimumWidth()


def _setup_grid(map_item: QgsLayoutItemMap, enabled: bool) -> None:
    grid = next((g for g in map_item.grids().asList() if g.name() == "grid"), None)
    if grid is None:
        return
    grid.setEnabled(enabled)
    if enabled:
        interval = nice_number(map_item.extent().width() / 5)
        grid.setCrs(map_item.crs())
        grid.setIntervalX(interval)
        grid.setIntervalY(interval)


def pdf_settings() -> QgsLayoutExporter.PdfExportSettings:
    pdf = QgsLayoutExporter.PdfExportSettings()
    pdf.dpi = 300
    pdf.rasterizeWholeImage = False
    pdf.forceVectorOutput = False
    pdf.simplifyGeometries = True
    pdf.appendGeoreference = True
    # Real text (not outlines): searchable, and the CJK font is embedded.
    try:
        from qgis.core import Qgis

        pdf.textRenderFormat = Qgis.TextRenderFormat.AlwaysText  # 3.28+
    except AttributeError:
        pdf.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    return pdf


def describe_result(code) -> str:
    """The exporter's result code in words, with what to do."""
    reasons = {
        QgsLayoutExporter.Canceled: tr("the export was cancelled"),
        QgsLayoutExporter.MemoryError: tr("not enough memory; try a smaller paper size or fewer layers"),
        QgsLayoutExporter.FileError: tr("the file could not be written; check that the folder exists, "
                                        "is writable and the file is not open in another program"),
        QgsLayoutExporter.PrintError: tr("the PDF writer failed; check the disk space and try again"),
        QgsLayoutExporter.SvgLayerError: tr("a layer could not be exported; check the layers' data sources"),
        QgsLayoutExporter.IteratorError: tr("the atlas pages could not be produced; check the coverage layer"),
    }
    return reasons.get(code, tr("unknown error code {code}").format(code=int(code)))


def _target(path) -> tuple[Path, Path]:
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        path = path.with_suffix(path.suffix + ".pdf") if path.suffix else path.with_suffix(".pdf")
    folder = path.parent
    if not folder.is_dir():
        raise LandOfficeError("Folder {folder} does not exist: choose an existing folder for the PDF.",
                              folder=str(folder))
    if not os.access(folder, os.W_OK):
        raise LandOfficeError("Folder {folder} is not writable: choose another folder for the PDF.",
                              folder=str(folder))
    return path, folder / f".{path.stem}.{uuid.uuid4().hex[:8]}.part.pdf"


def _finish(code, error: str, tmp: Path, path: Path, started: float) -> Path:
    if code != QgsLayoutExporter.Success:
        tmp.unlink(missing_ok=True)
        reason = describe_result(code) + (f" ({error})" if error else "")
        raise LandOfficeError("Could not export the PDF map {path}: {reason}.", path=str(path), reason=reason)
    try:
        fix_text_layer(tmp)
        os.replace(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise LandOfficeError("Could not write {path}: {error}. Close the file if it is open in a PDF viewer, "
                              "or choose another name.", path=str(path), error=str(err)) from err
    get_logger().info(tr("PDF map written: {path} ({seconds} s)").format(path=path,
                                                                   seconds=f"{time.perf_counter() - started:.1f}"))
    return path


def _cancelled(feedback) -> None:
    if feedback is not None and feedback.isCanceled():
        raise LandOfficeError("The export was cancelled; no PDF was written.")


def export_map_pdf(spec: MapSpec, path, project: Optional[QgsProject] = None, feedback=None) -> Path:
    """Print ``spec`` on one page to ``path`` (written to a temporary file, then renamed)."""
    started = time.perf_counter()
    _check_spec(spec)
    path, tmp = _target(path)
    with layers_in_project(project, spec.layers, map_crs(spec)) as proj:
        layout = load_layout(proj, spec.paper, spec.orientation)
        fill_layout(layout, spec, proj)
        _cancelled(feedback)
        if feedback is not None:
            feedback.setProgress(10)
        code = QgsLayoutExporter(layout).exportToPdf(str(tmp), pdf_settings())
    if feedback is not None:
        feedback.setProgress(100)
    return _finish(code, "", tmp, path, started)


FOCUS_FIELD = "lo_page"  # coverage feature id, matched against @atlas_featureid


def focus_layer(coverage_layer) -> QgsVectorLayer:
    """A mask over everything but the atlas page's own feature (an inverted polygon), outlined: the
    township of the page stands out and its neighbours fade."""
    layer = QgsVectorLayer(f"MultiPolygon?field={FOCUS_FIELD}:integer", "本页范围", "memory")
    layer.setCrs(coverage_layer.crs())
    feats = []
    for src in coverage_layer.getFeatures():
        feat = QgsFeature(layer.fields())
        feat.setGeometry(QgsGeometry(src.geometry()))
        feat.setAttributes([src.id()])
        feats.append(feat)
    layer.dataProvider().addFeatures(feats)
    layer.updateExtents()
    symbol = QgsFillSymbol.createSimple({"color": "255,255,255,170", "outline_color": "160,0,0,255",
                                         "outline_width": "0.8", "outline_width_unit": "MM"})
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, f'"{FOCUS_FIELD}" = @atlas_featureid'))
    layer.setRenderer(QgsInvertedPolygonRenderer(QgsRuleBasedRenderer(root)))
    return layer


def atlas_layout(spec: MapSpec, coverage_layer, title_expression: str, project: QgsProject, focus=None,
                 sort_expression: Optional[str] = None, page_table=None) -> QgsPrintLayout:
    """The atlas layout of :func:`export_atlas_pdf` (its layers, the coverage and ``focus`` in ``project``).

    ``page_table`` (optional): ``(columns, rows_of(feature))``, a table of the page's own figures in the
    panel beside the map, refilled on every page.
    """
    layout = load_layout(project, spec.paper, spec.orientation)
    map_item = fill_layout(layout, spec, project, title_text=f"[% {title_expression} %]")
    if focus is not None:
        map_item.setLayers([focus, *spec.layers])  # the legend keeps the spec's layers only
    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage_layer)
    atlas.setHideCoverage(False)
    if sort_expression:
        atlas.setSortFeatures(True)
        atlas.setSortExpression(sort_expression)
    atlas.setEnabled(True)
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    map_item.setAtlasMargin(0.10)
    table = None
    if page_table is not None:
        family = settings.REPORT_FONT.value() or settings.REPORT_FONT.default
        table = text_table(layout, place_decorations(layout, map_item), page_table[0], [], family,
                           header_size=8.0, content_size=7.5, cell_margin=0.8)

    def on_page(feature) -> None:  # the map is on the page's feature now: scale, legend, table follow
        if not feature.isValid():  # the atlas is being reset
            return
        try:
            free = place_decorations(layout, map_item)
            if table is not None:
                table.setContents(page_table[1](feature))
                table.frame(0).attemptSetSceneRect(free)
        except Exception:  # noqa: BLE001 - an exception escaping a Qt slot aborts QGIS
            get_logger().exception(tr("Atlas page {page} could not be laid out").format(page=feature.id()))
    atlas.featureChanged.connect(on_page)
    return layout


def export_atlas_pdf(spec: MapSpec, coverage_layer, title_expression: str, path,
                     project: Optional[QgsProject] = None, feedback=None,
                     sort_expression: Optional[str] = None, page_table=None) -> Path:
    """One page per feature of ``coverage_layer`` (e.g. per township), titled by ``title_expression``.

    ``spec.layers`` are drawn on every page; the map zooms to each feature with a 10 % margin, masks
    what lies outside it and outlines it; ``page_table`` as in :func:`atlas_layout`.
    """
    started = time.perf_counter()
    _check_spec(spec)
    if coverage_layer is None or not coverage_layer.isValid() or coverage_layer.featureCount() == 0:
        raise LandOfficeError("The atlas coverage layer has no features: choose a layer with one feature per page.")
    path, tmp = _target(path)
    focus = focus_layer(coverage_layer)
    with layers_in_project(project, [*spec.layers, coverage_layer, focus], map_crs(spec)) as proj:
        layout = atlas_layout(spec, coverage_layer, title_expression, proj, focus, sort_expression, page_table)
        _cancelled(feedback)
        code, error = QgsLayoutExporter.exportToPdf(layout.atlas(), str(tmp), pdf_settings(), feedback)
    return _finish(code, error, tmp, path, started)
