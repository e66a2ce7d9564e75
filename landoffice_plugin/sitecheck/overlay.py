"""The site cut by one layer: only the features in the site's bounding box are read (a filter-rect request, which
GeoPackage and shapefile providers answer from their spatial index), their standard fields through the data
door (:mod:`landoffice_plugin.cost.inputs` → :mod:`landoffice_plugin.core.fields`), and each piece's
ellipsoidal area on the CGCS2000 ellipsoid (:func:`landoffice_plugin.core.area.ellipsoidal_areas`)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle

from landoffice_plugin.core.area import ellipsoidal_areas
from landoffice_plugin.core.layer_input import LayerInput
from landoffice_plugin.cost.inputs import Table, read


@dataclass
class Cut:
    """Features of a layer that overlap the site: ``rows`` index ``table``; ``parts`` are the pieces inside the
    site (shapely, working CRS) and ``m2`` their ellipsoidal areas."""

    table: Table
    rows: np.ndarray
    parts: np.ndarray
    m2: np.ndarray

    def __len__(self):
        return len(self.rows)

    def value(self, name: str, k: int):
        return self.table.col(name)[self.rows[k]]

    def text(self, name: str, k: int) -> str:
        value = self.value(name, k)
        return "" if value is None else str(value).strip()


def polygonal(geom):
    """The polygon parts of an overlay result (touching lines and points dropped), or None."""
    if geom is None or geom.is_empty:
        return None
    parts = [p for p in shapely.get_parts(geom) if p.geom_type in ("Polygon", "MultiPolygon")]
    if not parts:
        nested = [polygonal(p) for p in shapely.get_parts(geom) if p.geom_type == "GeometryCollection"]
        parts = [p for p in nested if p is not None]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else shapely.union_all(parts)


def bbox_rect(geom) -> QgsRectangle:
    x0, y0, x1, y1 = shapely.bounds(geom)
    return QgsRectangle(x0, y0, x1, y1)


def cut_layer(inp: LayerInput, names, site, crs: QgsCoordinateReferenceSystem, min_m2: float) -> Cut:
    """The features of ``inp`` overlapping ``site`` (shapely in ``crs``; ``inp.work`` must be ``crs``) by more
    than ``min_m2`` m² (ellipsoidal)."""
    table = read(inp, list(names), rect=bbox_rect(site))
    empty = Cut(table, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=object), np.zeros(0))
    if not len(table):
        return empty
    geoms = table.geoms
    ok = np.flatnonzero(~shapely.is_missing(geoms))
    shapely.prepare(site)
    hit = ok[shapely.intersects(site, geoms[ok])]
    if not len(hit):
        return empty
    raw = shapely.intersection(geoms[hit], site)
    parts = np.asarray([polygonal(g) for g in raw], dtype=object)
    present = np.asarray([p is not None for p in parts], dtype=bool)
    hit, parts = hit[present], parts[present]
    if not len(hit):
        return empty
    m2 = ellipsoidal_areas(parts, crs)
    keep = np.isfinite(m2) & (m2 >= min_m2)
    return Cut(table, hit[keep], parts[keep], m2[keep])
