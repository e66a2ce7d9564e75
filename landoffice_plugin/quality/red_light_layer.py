"""The red-light table as QGIS features (fields with Chinese aliases), through the result-layer writer of
:mod:`analysis.result_layer`."""
from __future__ import annotations

from qgis.core import QgsFeatureSink, QgsFields
from qgis.PyQt.QtCore import QVariant

from landoffice_plugin.analysis.result_layer import features_of, fields_of

# (field, type, length/precision, Chinese alias)
FIELDS = (
    ("rule", QVariant.String, 40, "规则"), ("group", QVariant.String, 10, "规则组"),
    ("severity", QVariant.String, 6, "严重程度"), ("title", QVariant.String, 60, "问题"),
    ("message", QVariant.String, 254, "说明"), ("layer", QVariant.String, 12, "图层"),
    ("fids", QVariant.String, 254, "要素FID"), ("keys", QVariant.String, 254, "标识码/宗地代码"),
    ("town_code", QVariant.String, 9, "乡镇代码"), ("village_code", QVariant.String, 12, "村代码"),
    ("area_m2", QVariant.Double, 2, "面积（平方米）"),
)


def red_light_fields() -> QgsFields:
    return fields_of(FIELDS)


def write_red_lights(sink, table: dict) -> int:
    feats = features_of(FIELDS, table, red_light_fields())
    sink.addFeatures(feats, QgsFeatureSink.FastInsert)
    return len(feats)
