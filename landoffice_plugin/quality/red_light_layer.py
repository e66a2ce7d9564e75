"""The red-light table as QGIS features: fields with Chinese aliases, written to a feature sink in bulk."""
from __future__ import annotations

import numpy as np
import shapely
from qgis.core import QgsFeature, QgsFeatureSink, QgsField, QgsFields, QgsGeometry
from qgis.PyQt.QtCore import QVariant

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
    fields = QgsFields()
    for name, kind, size, alias in FIELDS:
        field = QgsField(name, kind, "double", 20, size) if kind == QVariant.Double else QgsField(name, kind, "string",
                                                                                                    size)
        field.setAlias(alias)
        fields.append(field)
    return fields


def _multi(geoms: np.ndarray) -> np.ndarray:
    geoms = np.asarray(geoms, dtype=object).copy()
    single = shapely.get_type_id(geoms) == 3
    if single.any():
        geoms[single] = shapely.multipolygons(geoms[single], indices=np.arange(int(single.sum())))
    return geoms


def red_light_features(table: dict, fields: QgsFields) -> list:
    geoms = _multi(table["geoms"]) if len(table["geoms"]) else []
    feats = []
    for i, g in enumerate(geoms):
        feat = QgsFeature(fields)
        if g is not None and not g.is_empty:
            geom = QgsGeometry()
            geom.fromWkb(shapely.to_wkb(g))
            feat.setGeometry(geom)
        values = []
        for name, kind, size, _alias in FIELDS:
            v = table[name][i]
            if kind == QVariant.Double:
                v = None if v is None or not np.isfinite(v) else round(float(v), size)
            else:
                v = str(v)[:size]
            values.append(v)
        feat.setAttributes(values)
        feats.append(feat)
    return feats


def write_red_lights(sink, table: dict) -> int:
    feats = red_light_features(table, red_light_fields())
    sink.addFeatures(feats, QgsFeatureSink.FastInsert)
    return len(feats)
