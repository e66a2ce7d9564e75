"""The site ∩ each layer as QGIS features (a memory layer for the dock, a feature sink for Processing)."""
from __future__ import annotations

import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from .model import SiteReport

FIELDS = (("site", QVariant.String, 60, "选址"), ("layer", QVariant.String, 60, "图层"),
          ("category", QVariant.String, 16, "类别"), ("label", QVariant.String, 120, "要素"),
          ("area_mu", QVariant.Double, 4, "面积（亩）"), ("share", QVariant.Double, 6, "占选址比例"))
WKB_TYPE = QgsWkbTypes.MultiPolygon


def result_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind, size, _alias in FIELDS:
        fields.append(QgsField(name, kind, "double", 20, size) if kind == QVariant.Double
                      else QgsField(name, kind, "string", size))
    return fields


def _feature(fields, wkb: bytes, values) -> QgsFeature:
    geom = shapely.from_wkb(wkb)
    if geom.geom_type == "Polygon":
        geom = shapely.MultiPolygon([geom])
    feat = QgsFeature(fields)
    qg = QgsGeometry()
    qg.fromWkb(shapely.to_wkb(geom))
    feat.setGeometry(qg)
    feat.setAttributes(values)
    return feat


def result_features(report: SiteReport, fields: QgsFields = None) -> list:
    """The site itself (category SITE) then one feature per piece."""
    fields = fields or result_fields()
    out = [_feature(fields, report.site_wkb, [report.name, "选址范围", "SITE", report.name,
                                              round(report.site_mu, 4), 1.0])]
    for p in report.pieces:
        out.append(_feature(fields, p.wkb, [report.name, p.layer, p.category, p.label[:120], round(p.mu, 4),
                                            round(p.share, 6)]))
    return out


def write_to_sink(sink, reports) -> int:
    n = 0
    for report in reports:
        feats = result_features(report)
        sink.addFeatures(feats, QgsFeatureSink.FastInsert)
        n += len(feats)
    return n


def result_layer(reports, name: str = "选址分析结果") -> QgsVectorLayer:
    reports = list(reports)
    crs = QgsCoordinateReferenceSystem(reports[0].crs_authid) if reports else QgsCoordinateReferenceSystem()
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs.authid()}", name, "memory")
    layer.dataProvider().addAttributes(list(result_fields()))
    layer.updateFields()
    for report in reports:
        layer.dataProvider().addFeatures(result_features(report, layer.fields()))
    for i, (_n, _k, _s, alias) in enumerate(FIELDS):
        layer.setFieldAlias(i, alias)
    layer.updateExtents()
    return layer
