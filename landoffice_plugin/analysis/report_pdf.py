"""PDF thematic maps: one county overview page plus one page per township (an atlas).

The coverage layer holds the whole county (first page) and every township, so a single
:func:`export_atlas_pdf` run writes 1 + townships pages. Run on the main thread (layouts).
"""
from __future__ import annotations

import datetime

from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer
from qgis.PyQt.QtCore import Qt, QVariant

from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.export.pdf_map import MapSpec, export_atlas_pdf, export_map_pdf
from landoffice_plugin.export.styles import apply_role_style

TITLE_COUNTY = "{county}用地潜力分布图"
TITLE_TOWN = "{town}用地潜力分布图"


def coverage_layer(xzq: QgsVectorLayer, county: str = "全县") -> QgsVectorLayer:
    """Memory layer: the county (union of the townships, sort 0), then each township."""
    layer = QgsVectorLayer(f"MultiPolygon?crs={xzq.crs().authid()}", "atlas", "memory")
    if not xzq.crs().authid():
        layer.setCrs(xzq.crs())
    pr = layer.dataProvider()
    pr.addAttributes([QgsField("title", QVariant.String), QgsField("sort", QVariant.Int),
                      QgsField("code", QVariant.String)])
    layer.updateFields()
    code_idx, name_idx = xzq.fields().indexOf("XZQDM"), xzq.fields().indexOf("XZQMC")
    towns = []
    for f in xzq.getFeatures():
        name = f[name_idx] if name_idx >= 0 and f[name_idx] else (f[code_idx] if code_idx >= 0 else str(f.id()))
        code = f[code_idx] if code_idx >= 0 and f[code_idx] else ""
        towns.append((str(code), str(name), QgsGeometry(f.geometry())))
    if not towns:
        raise LandOfficeError("The township layer (XZQ) has no features, so there are no atlas pages: "
                              "choose the XZQ layer of the county.")
    towns.sort()
    feats = []
    county_geom = QgsGeometry.unaryUnion([g for _c, _n, g in towns])
    for sort, (title, geom, code) in enumerate([(TITLE_COUNTY.format(county=county), county_geom, "")] +
                                               [(TITLE_TOWN.format(town=n), g, c) for c, n, g in towns]):
        feat = QgsFeature(layer.fields())
        feat.setGeometry(geom)
        feat.setAttributes([title, sort, code])
        feats.append(feat)
    pr.addFeatures(feats)
    layer.updateExtents()
    return layer


FIGURE_COLUMNS = (("潜力类别", 0.52, Qt.AlignLeft), ("图斑数", 0.17, Qt.AlignRight),
                  ("面积（亩）", 0.31, Qt.AlignRight))


def page_figures(result_layer):
    """``rows_of(page feature)``: the figures of the page's township (its ``code``; the county for "")
    by category, with a total row, from the result layer's own pieces."""
    by_town: dict = {}
    for feat in result_layer.getFeatures():
        town, cat = str(feat["town_code"] or ""), str(feat["category_zh"] or feat["category"] or "")
        for key in (town, ""):
            count, mu = by_town.setdefault(key, {}).get(cat, (0, 0.0))
            by_town[key][cat] = (count + 1, mu + float(feat["area_mu"] or 0.0))

    def rows_of(feature) -> list:
        cats = by_town.get(str(feature["code"] or ""), {})
        if not cats:
            return [["无潜力图斑", "0", "0.00"]]
        rows = [[cat, str(n), f"{mu:,.2f}"] for cat, (n, mu) in sorted(cats.items())]
        return rows + [["合计", str(sum(n for n, _ in cats.values())), f"{sum(m for _, m in cats.values()):,.2f}"]]
    return rows_of


def _boundary_copy(layer, role: str):
    if layer is None:
        return None
    copy = layer.clone()
    apply_role_style(copy, role)
    copy.setName({"XZQ": "乡镇界", "CJDCQ": "村界"}.get(role, role))
    return copy


def export_potential_pdf(result_layer, path, xzq=None, cjdcq=None, subtitle: str = "", office=None,
                         day: datetime.date | None = None, county: str = "全县", feedback=None) -> str:
    """Write the thematic maps; returns the PDF path. Without XZQ only the county page is printed.

    ``day`` is the mapping date printed on the page (default today); the data date belongs in
    ``subtitle``.
    """
    result_layer.setName("用地潜力")
    layers = [lyr for lyr in (_boundary_copy(xzq, "XZQ"), _boundary_copy(cjdcq, "CJDCQ")) if lyr is not None]
    layers = layers[:1] + [result_layer] + layers[1:] if layers else [result_layer]
    spec = MapSpec(title=TITLE_COUNTY.format(county=county), subtitle=subtitle, layers=layers,
                   crs=result_layer.crs(), office=office, date=day)
    if xzq is None or xzq.featureCount() == 0:
        return str(export_map_pdf(spec, path, feedback=feedback))
    cover = coverage_layer(xzq, county)
    return str(export_atlas_pdf(spec, cover, '"title"', path, feedback=feedback, sort_expression='"sort"',
                                page_table=(FIGURE_COLUMNS, page_figures(result_layer))))
