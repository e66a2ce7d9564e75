"""Hand-built layers for the quality-check tests: each red light placed on purpose, in EPSG:4549."""
from __future__ import annotations

from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

X0, Y0 = 510000.0, 3500000.0  # EPSG:4549 (CGCS2000 3° GK, CM 120°E)
VILLAGE = "320299101201"
ZLDWDM = VILLAGE + "0000000"
STR, REAL, INT = QVariant.String, QVariant.Double, QVariant.Int
DLTB_FIELDS = (("BSM", INT), ("DLBM", STR), ("DLMC", STR), ("QSXZ", STR), ("QSDWDM", STR), ("ZLDWDM", STR),
               ("ZLDWMC", STR), ("TBMJ", REAL), ("KCXS", REAL), ("KCMJ", REAL), ("TBDLMJ", REAL), ("GDPDJB", STR))


def rect(x0, y0, x1, y1) -> QgsGeometry:
    """A rectangle in metres from the case's origin."""
    return QgsGeometry.fromWkt(f"POLYGON(({X0 + x0} {Y0 + y0},{X0 + x1} {Y0 + y0},{X0 + x1} {Y0 + y1},"
                               f"{X0 + x0} {Y0 + y1},{X0 + x0} {Y0 + y0}))")


def memory_layer(name: str, fields, rows) -> QgsVectorLayer:
    """A polygon memory layer in EPSG:4549; ``rows`` are (geometry, {field: value})."""
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4549", name, "memory")
    layer.dataProvider().addAttributes([QgsField(n, t) for n, t in fields])
    layer.updateFields()
    feats = []
    for geom, values in rows:
        f = QgsFeature(layer.fields())
        f.setGeometry(geom)
        for key, value in values.items():
            f[key] = value
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)
    layer.updateExtents()
    return layer
