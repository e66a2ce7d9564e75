"""PDF of a cost estimate: the red line and the affected buildings coloured by structure (FWJG,
resources/styles/ZRZ.qml) on the left, the summary table on the right (A4 landscape, Noto Sans
CJK SC). Built on :mod:`.pdf_map`."""
from __future__ import annotations

import time
from typing import Optional

import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLayoutSize,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt, QVariant

from landoffice_plugin import settings

from .layout_tables import text_table
from .pdf_map import MapSpec, _finish, _target, fill_layout, layers_in_project, load_layout, place_decorations
from .styles import apply_role_style

MAP_SHARE = 0.58  # of the template's map width: the rest goes to the column with legend and table


def redline_layer(wkb: bytes, crs: QgsCoordinateReferenceSystem, name: str = "项目红线") -> QgsVectorLayer:
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs.authid()}", name, "memory")
    feat = QgsFeature()
    geom = QgsGeometry()
    geom.fromWkb(wkb)
    feat.setGeometry(geom)
    layer.dataProvider().addFeatures([feat])
    layer.updateExtents()
    layer.renderer().setSymbol(QgsFillSymbol.createSimple(
        {"color": "255,0,0,25", "outline_color": "230,0,0,255", "outline_width": "0.6"}))
    return layer


def outline_layer(layer: QgsVectorLayer, name: str = "地类图斑") -> QgsVectorLayer:
    """A light grey outline copy of ``layer`` for context (the original keeps its style)."""
    copy = QgsVectorLayer(layer.source(), name, layer.providerType())
    copy.renderer().setSymbol(QgsFillSymbol.createSimple(
        {"color": "245,245,240,255", "outline_color": "170,170,170,255", "outline_width": "0.1"}))
    return copy


def buildings_layer(buildings, crs: QgsCoordinateReferenceSystem, name: str = "涉及房屋") -> QgsVectorLayer:
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs.authid()}", name, "memory")
    provider = layer.dataProvider()
    provider.addAttributes([QgsField("FWJG", QVariant.String), QgsField("ZRZH", QVariant.String)])
    layer.updateFields()
    feats = []
    for b in buildings:
        if not b.wkb:
            continue
        feat = QgsFeature(layer.fields())
        geom = QgsGeometry()
        geom.fromWkb(b.wkb)
        feat.setGeometry(geom)
        feat.setAttributes([b.fwjg, b.zrzh])
        feats.append(feat)
    provider.addFeatures(feats)
    layer.updateExtents()
    apply_role_style(layer, "ZRZ")
    return layer


def summary_rows(est) -> list:
    from landoffice_plugin.cost.money import yuan_text

    rows = [[title, yuan_text(amount)] for (g, title), amount in zip(_groups(), est.by_group().values())
            if amount or any(ln.group == g for ln in est.lines)]
    rows.append(["合计（元）", yuan_text(est.total)])
    facts = [["红线内土地（亩）", f"{sum(p.mu for p in est.land):,.4f}"], ["宅基地（宗）", str(len(est.homesteads))],
             ["房屋（幢）", str(len(est.buildings))],
             ["户 / 人", f"{sum(1 for h in est.households if h.hh)} / {est.persons}"]]
    if est.mode == "reclamation":
        facts[0] = ["复垦宅基地（亩）", f"{est.reclaim_mu:,.4f}"]
        facts.append(["新增耕地（亩）", f"{est.new_cropland_mu:,.4f}"])
        facts.append(["每亩新增耕地成本（元）", yuan_text(est.cost_per_new_mu)])
    if est.missing:
        facts.append(["缺少费率（项，未计入）", str(len(est.missing))])
    return rows + facts


def _groups():
    from landoffice_plugin.cost.model import GROUPS

    return GROUPS


COLUMNS = (("项目", 0.58, Qt.AlignLeft), ("金额 / 数量", 0.42, Qt.AlignRight))


def cost_spec(est, background: Optional[list] = None):
    """What the page shows: the red line and the buildings, zoomed on the red line; returns (spec, crs)."""
    crs = QgsCoordinateReferenceSystem(est.crs_authid) if est.crs_authid else QgsCoordinateReferenceSystem("EPSG:4549")
    red_name = "复垦范围（宅基地）" if est.mode == "reclamation" else "项目红线"
    red = redline_layer(est.redline_wkb, crs, red_name) if est.redline_wkb else None
    houses = buildings_layer(est.buildings, crs)
    layers = [lyr for lyr in (red, houses) if lyr is not None] + list(background or [])
    title = f"{est.title} 征地拆迁成本测算" if est.mode != "reclamation" else f"{est.title} 复垦成本测算"
    spec = MapSpec(title=title, subtitle=f"补偿标准：{est.standard.name}"[:80], layers=layers, paper="A4",
                   orientation="landscape")
    if red is not None:
        bounds = shapely.bounds(shapely.from_wkb(est.redline_wkb))
        from qgis.core import QgsRectangle

        dx, dy = (bounds[2] - bounds[0]) * 0.08 + 20, (bounds[3] - bounds[1]) * 0.08 + 20
        spec.extent = QgsRectangle(bounds[0] - dx, bounds[1] - dy, bounds[2] + dx, bounds[3] + dy)
    return spec, crs


def _build(spec, project):
    layout = load_layout(project, spec.paper, spec.orientation)
    map_item = layout.itemById("map")
    rect = map_item.rect()
    map_item.attemptResize(QgsLayoutSize(rect.width() * MAP_SHARE, rect.height(), QgsUnitTypes.LayoutMillimeters))
    fill_layout(layout, spec, project)
    return layout, map_item


def export_cost_pdf(est, path, background: Optional[list] = None, project=None, feedback=None):
    """One A4 landscape page: map of the red line and affected buildings, summary table, standard's document."""
    started = time.perf_counter()
    path, tmp = _target(path)
    spec, crs = cost_spec(est, background)
    with layers_in_project(project, spec.layers, crs) as proj:
        layout = build_cost_layout(est, spec, proj)
        if feedback is not None:
            feedback.setProgress(50)
        from .pdf_map import pdf_settings

        code = QgsLayoutExporter(layout).exportToPdf(str(tmp), pdf_settings())
    return _finish(code, "", tmp, path, started)


def build_cost_layout(est, spec, project):
    """The filled page of :func:`export_cost_pdf` (its layers in ``project``): the map on the left; legend,
    north arrow and scale beside it (never over the red line); the summary table below the legend."""
    layout, map_item = _build(spec, project)
    free = place_decorations(layout, map_item)  # the column right of the map, below the legend
    family = settings.REPORT_FONT.value() or settings.REPORT_FONT.default
    text_table(layout, free, COLUMNS, summary_rows(est), family)
    return layout
