"""A role layer captured for reading: the one ``LayerInput`` of every engine (potential land, cost).

:func:`capture` runs on the thread that owns the layer (a feature source is copied, thread-safe);
reading may then run anywhere (a QgsTask, a Processing thread). Field names and value maps come
from the data contract's one door (:mod:`.fields`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsRectangle,
    QgsVectorLayerFeatureSource,
)

from .fields import FieldMap, resolve_layer
from .qt_values import python_value


@dataclass
class LayerInput:
    """What is needed to read one role layer, captured on the main thread."""

    role: str
    name: str
    crs: QgsCoordinateReferenceSystem
    source: object  # QgsFeatureSource
    mapping: dict  # standard field → actual field
    gpkg: Optional[tuple] = None  # (path, table) when the GeoPackage fast path applies
    context: QgsCoordinateTransformContext = field(default_factory=QgsCoordinateTransformContext)
    extent: Optional[QgsRectangle] = None  # in ``crs``: chooses the working CRS of geographic data
    values: dict = field(default_factory=dict)  # standard field → {layer value: code} (FIELD_MAP)
    work: Optional[QgsCoordinateReferenceSystem] = None  # cost: the estimate's working CRS (None: the layer's own)

    @property
    def geometry_crs(self) -> QgsCoordinateReferenceSystem:
        """The CRS of the geometries the cost reader returns (``work``, else the layer's), and of its rectangles."""
        return self.work if self.work is not None and self.work.isValid() else self.crs

    @property
    def fields(self):
        """The source's QgsFields."""
        return self.source.fields()

    def actual(self, standard: str) -> Optional[str]:
        """The layer's field for ``standard`` (None when it has none)."""
        return self.mapping.get(standard)


def gpkg_of(layer) -> Optional[tuple]:
    """(path, table) of a plain GeoPackage layer (no filter), else None."""
    if layer.providerType() != "ogr" or layer.subsetString():
        return None
    parts = layer.source().split("|")
    path = parts[0]
    table = next((p.split("=", 1)[1] for p in parts[1:] if p.startswith("layername=")), None)
    if not path.lower().endswith(".gpkg") or not table:
        return None
    return path, table


def capture(layer, role: str, context: Optional[QgsCoordinateTransformContext] = None,
            mapping=None, office_fields: bool = True) -> LayerInput:
    """Capture ``layer`` (a QgsVectorLayer) as ``role`` for reading, on the thread that owns it.

    ``mapping``: a FIELD_MAP (:class:`.fields.FieldMap`; a field it names that the layer lacks is an error),
    or ``{standard: layer field}`` saved in the project (its fields still on the layer win, the rest is
    resolved), or None (the map the layer carries, standard names, aliases, meaning). ``office_fields``: the
    layer's other fields are readable under their own names too.
    """
    fields = [f.name() for f in layer.fields()]
    if isinstance(mapping, FieldMap) or mapping is None:
        resolution = resolve_layer(layer, role, mapping)
    else:
        resolution = resolve_layer(layer, role, {k: v for k, v in dict(mapping).items() if v in fields})
    resolved = dict(resolution.mapping.fields)
    if office_fields:
        taken = set(resolved.values())
        resolved.update({f: f for f in fields if f not in taken and f not in resolved})
    return LayerInput(role=role, name=layer.name(), crs=layer.crs(), source=QgsVectorLayerFeatureSource(layer),
                      mapping=resolved, gpkg=gpkg_of(layer), context=context or QgsCoordinateTransformContext(),
                      extent=QgsRectangle(layer.extent()), values=resolution.values)


def read_features(inp: LayerInput, names, request: Optional[QgsFeatureRequest] = None, geometry: bool = True):
    """(fids, WKB list (None for a missing geometry; empty without ``geometry``), {standard name: values}) of the
    features ``request`` selects, reading only the fields of ``names`` (a name the layer lacks gives None) —
    the one QGIS-iteration reader of the engines (plain Python values: NULL None, QDate → date)."""
    request = QgsFeatureRequest(request) if request is not None else QgsFeatureRequest()
    fields = inp.fields
    index = {n: fields.indexOf(inp.actual(n)) if inp.actual(n) else -1 for n in names}
    request.setSubsetOfAttributes([inp.actual(n) for n, i in index.items() if i >= 0], fields)
    if not geometry:
        request.setFlags(request.flags() | QgsFeatureRequest.NoGeometry)
    fids, wkbs, cols = [], [], {n: [] for n in names}
    for feat in inp.source.getFeatures(request):
        fids.append(feat.id())
        attrs = feat.attributes()
        for n, i in index.items():
            cols[n].append(python_value(attrs[i]) if i >= 0 else None)
        if geometry:
            geom = feat.geometry()
            wkbs.append(None if geom is None or geom.isNull() else bytes(geom.asWkb()))
    return np.asarray(fids, dtype=np.int64), wkbs, {n: np.asarray(v, dtype=object) for n, v in cols.items()}
