"""Tasks as QGIS features (fields with Chinese aliases): for the algorithm's output sink and the dock's file."""
from __future__ import annotations

from ..core.errors import LandOfficeError
from .model import FIELD_NAMES, FIELDS

LAYER_NAME = "RWTB"


def task_fields():
    from qgis.core import QgsField, QgsFields
    from qgis.PyQt.QtCore import QVariant

    fields = QgsFields()
    for name, kind, length, alias in FIELDS:
        field = QgsField(name, QVariant.Double if kind == "double" else QVariant.String, len=length,
                         prec=2 if kind == "double" else 0)
        field.setAlias(alias)
        fields.append(field)
    return fields


def task_features(tasks) -> list:
    from qgis.core import QgsFeature, QgsGeometry

    fields, out = task_fields(), []
    for task in tasks:
        feat = QgsFeature(fields)
        props = task.properties()
        feat.setAttributes([props[name] for name in FIELD_NAMES])
        geom = QgsGeometry()
        geom.fromWkb(task.geom)
        feat.setGeometry(geom)
        out.append(feat)
    return out


def write_tasks(tasks, path, epsg: int = 4549) -> None:
    """The tasks into a GeoPackage (layer RWTB), replacing the file."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransformContext,
        QgsFeatureSink,
        QgsVectorFileWriter,
        QgsWkbTypes,
    )

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName, options.fileEncoding = "GPKG", LAYER_NAME, "UTF-8"
    writer = QgsVectorFileWriter.create(str(path), task_fields(), QgsWkbTypes.MultiPolygon,
                                        QgsCoordinateReferenceSystem(f"EPSG:{epsg}"), QgsCoordinateTransformContext(),
                                        options)
    if writer.hasError() != QgsVectorFileWriter.NoError:
        raise LandOfficeError("Cannot write the field tasks to {path}: {error}. Choose another file.",
                              path=str(path), error=writer.errorMessage())
    writer.addFeatures(task_features(tasks), QgsFeatureSink.FastInsert)
    del writer
