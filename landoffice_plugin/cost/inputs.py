"""Role layers as inputs of an estimate, read into shapely/numpy arrays.

:func:`layer_input` runs on the main thread (it copies the layer into a thread-safe feature
source); reading (:func:`read`) may then run in a background task.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
    QgsVectorLayerFeatureSource,
)

from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.core.fields import FieldMap, resolve_layer, standardise
from landoffice_plugin.core.roles import check_layer_for_role

from ..core.qt_values import python_value

ZONE_GRADE_FIELDS = ("QPDJ", "DJ", "GRADE", "QPJB", "区片等级", "等级")


@dataclass
class LayerInput:
    """A layer's feature source, its CRS and standard field name -> actual field name. Geometries are read in
    ``work`` (the estimate's working CRS, :func:`~landoffice_plugin.core.crs.working_crs`; None: the layer's own),
    and a rectangle given to :func:`read` is in that CRS too."""

    name: str
    source: object
    fields: object
    crs: QgsCoordinateReferenceSystem
    mapping: dict = field(default_factory=dict)
    role: str = ""
    values: dict = field(default_factory=dict)  # standard field → {layer value: code} (FIELD_MAP)
    extent: Optional[QgsRectangle] = None
    work: Optional[QgsCoordinateReferenceSystem] = None

    def actual(self, standard: str) -> Optional[str]:
        return self.mapping.get(standard)

    @property
    def geometry_crs(self) -> QgsCoordinateReferenceSystem:
        """The CRS of the geometries :func:`read` returns."""
        return self.work if self.work is not None and self.work.isValid() else self.crs


def layer_input(layer: QgsVectorLayer, role_id: str, mapping=None) -> LayerInput:
    """Check ``layer`` for ``role_id`` (DLTB, ZD, ZRZ, HJ or ZONES) and wrap it; main thread only."""
    if role_id == "ZONES":
        if layer is None or not layer.isValid():
            raise LandOfficeError("The zone layer cannot be read. Check that its file exists and choose it again.")
        names = {n.upper(): n for n in layer.fields().names()}
        grade = next((names[f.upper()] for f in ZONE_GRADE_FIELDS if f.upper() in names), None)
        if mapping and mapping.get("GRADE"):
            grade = mapping["GRADE"]
        if grade is None:
            raise LandOfficeError("The zone layer {layer} has no grade field ({fields}). Add a field QPDJ with the "
                                  "zone grade of each polygon.", layer=layer.name(),
                                  fields=", ".join(ZONE_GRADE_FIELDS))
        fm, values = {"GRADE": grade}, {}
    else:
        fm = check_layer_for_role(layer, role_id, mapping).fields
        values = resolve_layer(layer, role_id, mapping if isinstance(mapping, FieldMap) else None).values
    return LayerInput(layer.name(), QgsVectorLayerFeatureSource(layer), layer.fields(), layer.crs(), dict(fm),
                      role_id, values, QgsRectangle(layer.extent()))


@dataclass
class Table:
    fids: np.ndarray
    geoms: Optional[np.ndarray]
    columns: dict
    wkbs: Optional[list] = None

    def __len__(self):
        return len(self.fids)

    def col(self, name: str) -> np.ndarray:
        return self.columns[name]


def transform_geometry(geom: QgsGeometry, src: QgsCoordinateReferenceSystem,
                       dst: QgsCoordinateReferenceSystem) -> QgsGeometry:
    out = QgsGeometry(geom)
    if src.isValid() and dst.isValid() and src != dst:
        out.transform(QgsCoordinateTransform(src, dst, QgsProject.instance().transformContext()))
    return out


def read(inp: LayerInput, names, rect: Optional[QgsRectangle] = None, expression: Optional[str] = None,
         geometry: bool = True) -> Table:
    """Features of ``inp`` (optionally in ``rect`` / matching ``expression``) with the standard fields ``names``
    (a field the layer lacks gives None values)."""
    request = QgsFeatureRequest()
    if geometry and inp.geometry_crs != inp.crs and inp.crs.isValid():
        request.setDestinationCrs(inp.geometry_crs, QgsProject.instance().transformContext())  # rect: this CRS too
    actual = [(n, inp.actual(n)) for n in names]
    present = [a for _n, a in actual if a and inp.fields.indexOf(a) >= 0]
    request.setSubsetOfAttributes(present, inp.fields)
    if rect is not None:
        request.setFilterRect(rect)
    if expression:
        request.setFilterExpression(expression)
    if not geometry:
        request.setFlags(QgsFeatureRequest.NoGeometry)
    fids, wkbs = [], []
    cols = {n: [] for n in names}
    index = {n: inp.fields.indexOf(a) if a else -1 for n, a in actual}
    for feat in inp.source.getFeatures(request):
        fids.append(feat.id())
        attrs = feat.attributes()
        for n in names:
            i = index[n]
            cols[n].append(python_value(attrs[i]) if i >= 0 else None)
        if geometry:
            g = feat.geometry()
            wkbs.append(bytes(g.asWkb()) if g is not None and not g.isNull() else None)
    geoms = shapely.from_wkb(np.asarray(wkbs, dtype=object)) if geometry else None
    if geoms is not None and len(geoms):
        geoms = np.asarray(shapely.force_2d(geoms), dtype=object)
        bad = ~shapely.is_valid(geoms) & ~shapely.is_missing(geoms)
        if bad.any():
            geoms[bad] = shapely.make_valid(geoms[bad])
    columns = {n: np.asarray(v, dtype=object) for n, v in cols.items()}
    if inp.role and inp.role != "ZONES":  # codes or names → codes, office dates → dates
        columns = standardise(inp.role, columns, inp.values, inp.name, inp.mapping)
    return Table(np.asarray(fids, dtype=np.int64), geoms, columns, wkbs if geometry else None)


def quote(value: str) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def in_expression(field_name: str, values) -> str:
    values = sorted({str(v) for v in values if v})
    if not values:
        return "FALSE"
    return f'"{field_name}" IN (' + ",".join(quote(v) for v in values) + ")"


def prefix_expression(field_name: str, prefixes) -> str:
    """Values starting with one of ``prefixes``, as ranges (providers compile these to SQL; LIKE is not
    compiled for GeoPackages and is evaluated row by row, 100× slower)."""
    prefixes = sorted({str(p) for p in prefixes if p})
    if not prefixes:
        return "FALSE"
    return " OR ".join(f'("{field_name}" >= {quote(p)} AND "{field_name}" < {quote(p + chr(0x10FFFF))})'
                       for p in prefixes)
