"""The project red line (项目红线): from a geometry, selected features or a file (GeoPackage,
shapefile, DXF). Polygons are taken as they are, closed polylines are closed into polygons;
an invalid polygon (e.g. self-intersecting) is repaired and the repair is reported; anything
that gives no area is refused with the reason."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import shapely
from osgeo import ogr
from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry, QgsVectorLayer, QgsWkbTypes

from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.i18n import tr

CLOSE_TOLERANCE = 0.01  # m: a polyline whose ends are this close counts as closed


@dataclass
class RedLine:
    geometry: QgsGeometry
    crs: QgsCoordinateReferenceSystem
    name: str = ""
    notes: list = field(default_factory=list)

    @property
    def shapely(self):
        return shapely.from_wkb(bytes(self.geometry.asWkb()))


def _to_polygons(geom, notes: list, label: str):
    """Polygonal part of a shapely geometry; closed lines become polygons."""
    polys = []
    for part in shapely.get_parts(shapely.get_parts(geom)):
        kind = part.geom_type
        if kind == "Polygon":
            polys.append(part)
        elif kind in ("LineString", "LinearRing"):
            coords = list(part.coords)
            if len(coords) >= 4 and shapely.Point(coords[0]).distance(shapely.Point(coords[-1])) <= CLOSE_TOLERANCE:
                polys.append(shapely.Polygon(coords[:-1] + [coords[0]]))
            else:
                notes.append(tr("{label}: an open polyline was ignored (a red line must be closed).").format(
                    label=label))
        elif kind in ("GeometryCollection", "MultiPolygon", "MultiLineString"):
            polys.extend(shapely.get_parts(_to_polygons(part, notes, label)))
        else:
            notes.append(tr("{label}: a {kind} was ignored (a red line must be a polygon).").format(
                label=label, kind=kind))
    return shapely.MultiPolygon(polys) if polys else shapely.MultiPolygon()


def make_redline(geoms, crs: QgsCoordinateReferenceSystem, name: str = "") -> RedLine:
    """A red line from shapely geometries (any type): repaired or refused with the reason."""
    notes: list = []
    label = name or tr("red line")
    polys = []
    for g in geoms:
        if g is None or g.is_empty:
            continue
        polys.extend(shapely.get_parts(_to_polygons(g, notes, label)))
    if not polys:
        raise LandOfficeError("The red line {name} has no polygon: draw a closed area, select a polygon feature, or "
                              "give a file with polygons or closed polylines.", name=label)
    fixed = []
    for poly in polys:
        if not poly.is_valid:
            reason = shapely.is_valid_reason(poly)
            poly = shapely.make_valid(poly)
            notes.append(tr("{label}: the polygon was not valid ({reason}) and has been repaired.").format(
                label=label, reason=reason))
        fixed.append(poly)
    merged = shapely.union_all(fixed)
    merged = shapely.MultiPolygon([p for p in shapely.get_parts(_to_polygons(merged, [], label))
                                   if p.area > 0])
    if merged.is_empty or merged.area <= 0:
        raise LandOfficeError("The red line {name} encloses no area (it collapses to a line or a point): draw it "
                              "again with at least three distinct corners.", name=label)
    geom = QgsGeometry()
    geom.fromWkb(shapely.to_wkb(merged))
    return RedLine(geom, crs, name or tr("red line"), notes)


def redline_from_qgs(geometries, crs: QgsCoordinateReferenceSystem, name: str = "") -> RedLine:
    geoms = [shapely.from_wkb(bytes(g.asWkb())) for g in geometries if g is not None and not g.isNull()]
    return make_redline(geoms, crs, name)


def redline_from_layer(layer: QgsVectorLayer, selected_only: bool = False, name: str = "") -> RedLine:
    if layer is None or not layer.isValid():
        raise LandOfficeError("The red-line layer cannot be read: choose a polygon layer or file.")
    feats = layer.selectedFeatures() if selected_only else list(layer.getFeatures())
    if selected_only and not feats:
        raise LandOfficeError("No feature of layer {layer} is selected: select the red-line polygon first.",
                              layer=layer.name())
    if QgsWkbTypes.geometryType(layer.wkbType()) not in (QgsWkbTypes.PolygonGeometry, QgsWkbTypes.LineGeometry,
                                                        QgsWkbTypes.UnknownGeometry):
        raise LandOfficeError("Layer {layer} holds points or no geometry: a red line must be a polygon or a "
                              "closed polyline.", layer=layer.name())
    return redline_from_qgs([f.geometry() for f in feats], layer.crs(), name or layer.name())


def redline_from_file(path, crs: QgsCoordinateReferenceSystem = None) -> RedLine:
    """Every polygon / closed polyline of a GeoPackage, shapefile or DXF (GDAL reads DXF; a DXF has no CRS,
    so ``crs`` (the project's) is used for it)."""
    path = Path(path)
    ds = ogr.Open(str(path)) if path.exists() else None
    if ds is None:
        raise LandOfficeError("Cannot open the red-line file {path}: give a GeoPackage, shapefile or DXF file.",
                              path=str(path))
    geoms, file_crs = [], None
    for i in range(ds.GetLayerCount()):
        lyr = ds.GetLayerByIndex(i)
        srs = lyr.GetSpatialRef()
        if srs is not None and file_crs is None:
            file_crs = QgsCoordinateReferenceSystem.fromWkt(srs.ExportToWkt())
        for feat in lyr:
            g = feat.GetGeometryRef()
            if g is not None:
                g = g.GetLinearGeometry() if g.HasCurveGeometry() else g
                geoms.append(shapely.force_2d(shapely.from_wkb(bytes(g.ExportToWkb()))))
    if file_crs is None or not file_crs.isValid():
        if crs is None or not crs.isValid():
            raise LandOfficeError("The red-line file {path} has no coordinate system: open it in a project with the "
                                  "data's CRS (DXF files carry none).", path=str(path))
        file_crs = crs
    return make_redline(geoms, file_crs, path.stem)
