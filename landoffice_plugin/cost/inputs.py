"""Role layers as inputs of an estimate, read into shapely/numpy arrays.

:func:`layer_input` runs on the main thread (it copies the layer into a thread-safe feature
source); reading (:func:`read`) may then run in a background task.
"""
from __future__ import annotations

from dataclasses import dataclass
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
from landoffice_plugin.core.fields import standardise
from landoffice_plugin.core.layer_input import LayerInput, capture, read_features
from landoffice_plugin.core.roles import check_layer_for_role

ZONE_GRADE_FIELDS = ("QPDJ", "DJ", "GRADE", "QPJB", "区片等级", "等级")


def layer_input(layer: QgsVectorLayer, role_id: str, mapping=None) -> LayerInput:
    """Check ``layer`` for ``role_id`` (DLTB, ZD, ZRZ, HJ or ZONES) and capture it; main thread only.

    The one :class:`~landoffice_plugin.core.layer_input.LayerInput` of every engine: field names and value maps
    through the data contract (FIELD_MAP, saved mapping, aliases)."""
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
        return LayerInput(role="ZONES", name=layer.name(), crs=layer.crs(),
                          source=QgsVectorLayerFeatureSource(layer), mapping={"GRADE": grade},
                          extent=QgsRectangle(layer.extent()))
    fm = check_layer_for_role(layer, role_id, mapping).fields  # the layer can serve: else a clear error
    inp = capture(layer, role_id, mapping=mapping, office_fields=False)
    inp.mapping = dict(fm)  # exactly what the check accepted
    return inp


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
    if rect is not None:
        request.setFilterRect(rect)
    if expression:
        request.setFilterExpression(expression)
    fids, wkbs, columns = read_features(inp, list(names), request, geometry)
    geoms = shapely.from_wkb(np.asarray(wkbs, dtype=object)) if geometry else None
    if geoms is not None and len(geoms):
        geoms = np.asarray(shapely.force_2d(geoms), dtype=object)
        bad = ~shapely.is_valid(geoms) & ~shapely.is_missing(geoms)
        if bad.any():
            geoms[bad] = shapely.make_valid(geoms[bad])
    if inp.role and inp.role != "ZONES":  # codes or names → codes, office dates → dates
        columns = standardise(inp.role, columns, inp.values, inp.name, inp.mapping)
    return Table(fids, geoms, columns, wkbs if geometry else None)


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
