"""The result as QGIS features: a GeoPackage layer (GUI), a feature sink (Processing), in bulk."""
from __future__ import annotations

import math

import numpy as np
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

from landoffice_plugin.export.styles import apply_role_style

STYLE_ROLE = "POTENTIAL"
# (field, type, length/precision, Chinese alias)
FIELDS = (
    ("category", QVariant.String, 16, "类别代码"), ("category_zh", QVariant.String, 20, "潜力类别"),
    ("reason", QVariant.String, 254, "原因"), ("town_code", QVariant.String, 9, "乡镇代码"),
    ("town_name", QVariant.String, 40, "乡镇名称"), ("village_code", QVariant.String, 12, "村代码"),
    ("village_name", QVariant.String, 40, "村名称"), ("area_m2", QVariant.Double, 2, "面积（平方米）"),
    ("area_mu", QVariant.Double, 4, "面积（亩）"), ("years", QVariant.Double, 1, "年限（年）"),
    ("source_ids", QVariant.String, 254, "来源要素"),
)


def fields_of(spec) -> QgsFields:
    """QgsFields (with their Chinese aliases) of a ``(name, type, length/precision, alias)`` table."""
    fields = QgsFields()
    for name, kind, size, alias in spec:
        field = QgsField(name, kind, "double", 20, size) if kind == QVariant.Double else \
            QgsField(name, kind, "string", size)
        field.setAlias(alias)
        fields.append(field)
    return fields


def result_fields() -> QgsFields:
    return fields_of(FIELDS)


def as_multipolygons(geoms: np.ndarray) -> np.ndarray:
    geoms = np.asarray(geoms, dtype=object).copy()
    single = shapely.get_type_id(geoms) == 3
    if single.any():
        geoms[single] = shapely.multipolygons(geoms[single], indices=np.arange(int(single.sum())))
    return geoms


def _column_values(kind, size: int, col) -> list:
    """One attribute column as Python values: doubles rounded to their precision (NaN and None → NULL)."""
    if kind != QVariant.Double:
        return col.tolist() if isinstance(col, np.ndarray) else list(col)
    return [None if v is None or not math.isfinite(v) else round(float(v), size) for v in
            (col.tolist() if isinstance(col, np.ndarray) else col)]


def features_of(spec, rows: dict, fields: QgsFields) -> list:
    """QgsFeatures of ``rows`` ({field: array} and ``geoms``, shapely) by the field table ``spec``: doubles rounded
    to their precision (NaN → NULL), missing or empty geometries left empty."""
    n = len(rows["geoms"])
    if n == 0:
        return []
    geoms = as_multipolygons(rows["geoms"])
    absent = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    wkbs = shapely.to_wkb(geoms).tolist()
    attributes = list(zip(*(_column_values(kind, size, rows[name]) for name, kind, size, _alias in spec)))
    feats = []
    for wkb, gone, values in zip(wkbs, absent.tolist(), attributes):
        feat = QgsFeature(fields)
        if not gone:
            geom = QgsGeometry()
            geom.fromWkb(wkb)
            feat.setGeometry(geom)
        feat.setAttributes(list(values))
        feats.append(feat)
    return feats


def result_features(rows: dict, fields: QgsFields) -> list:
    return features_of(FIELDS, rows, fields)


def write_to_sink(sink, rows: dict) -> int:
    feats = result_features(rows, result_fields())
    sink.addFeatures(feats, QgsFeatureSink.FastInsert)
    return len(feats)


def set_aliases(layer) -> None:
    for name, _kind, _size, alias in FIELDS:
        idx = layer.fields().indexOf(name)
        if idx >= 0:
            layer.setFieldAlias(idx, alias)


def style_result_layer(layer) -> bool:
    set_aliases(layer)
    return apply_role_style(layer, STYLE_ROLE)


LAYER_NAME = "potential_land"


def write_gpkg(rows: dict, crs: QgsCoordinateReferenceSystem, path, progress=None) -> str:
    """Write the pieces to a new GeoPackage at ``path`` (layer ``potential_land``); returns the path.

    Runs on any thread (no layer is created); ``progress(fraction)`` moves as the features go in.
    """
    from pathlib import Path

    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    from landoffice_plugin.core.errors import LandOfficeError

    path = Path(path)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = LAYER_NAME
    options.fileEncoding = "UTF-8"
    fields = result_fields()
    writer = QgsVectorFileWriter.create(str(path), fields, QgsWkbTypes.MultiPolygon, crs,
                                        QgsCoordinateTransformContext(), options)
    if writer is None or writer.hasError() != QgsVectorFileWriter.NoError:
        message = writer.errorMessage() if writer is not None else ""
        raise LandOfficeError("The result layer could not be written to {path} ({error}): choose a folder you "
                              "can write to.", path=str(path), error=message)
    count = len(rows["geoms"])
    step = 2000  # features per call: the call holds Python's lock, the window waits for it
    for start in range(0, max(count, 1), step):
        part = {k: v[start:start + step] for k, v in rows.items()}
        writer.addFeatures(result_features(part, fields), QgsFeatureSink.FastInsert)
        if progress is not None and count:
            progress(min(1.0, (start + step) / count))
    del writer  # closes the file
    return str(path)


def memory_layer(rows: dict, crs: QgsCoordinateReferenceSystem, name: str = "用地潜力") -> QgsVectorLayer:
    """A styled memory layer holding the result (create it on the main thread)."""
    uri = f"{QgsWkbTypes.displayString(QgsWkbTypes.MultiPolygon)}?crs={crs.authid() or 'EPSG:4549'}"
    layer = QgsVectorLayer(uri, name, "memory")
    if crs.isValid() and not crs.authid():
        layer.setCrs(crs)
    provider = layer.dataProvider()
    provider.addAttributes(list(result_fields()))
    layer.updateFields()
    provider.addFeatures(result_features(rows, layer.fields()))
    layer.updateExtents()
    style_result_layer(layer)
    return layer
