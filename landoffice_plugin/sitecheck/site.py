"""The site (选址范围) from a drawing, the selected features of a layer, a file (GeoPackage, shapefile, DXF, KML)
or a 界址点坐标 exchange file (:mod:`.boundary_points`); and a site written back as a 界址点坐标 file.

The red-line reader of the cost estimate (:mod:`landoffice_plugin.cost.redline`) does the work: closed
polylines become polygons, a self-intersecting polygon is repaired with a note, what gives no area is refused.
"""
from __future__ import annotations

from pathlib import Path

import shapely
from qgis.core import QgsCoordinateReferenceSystem

from landoffice_plugin.core.crs import working_crs
from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.cost.inputs import transform_geometry
from landoffice_plugin.cost.redline import (
    RedLine,
    make_redline,
    redline_from_file,
    redline_from_layer,
    redline_from_qgs,
)

from .boundary_points import read_boundary_file, write_boundary_file

BOUNDARY_SUFFIXES = (".txt", ".jzd")
FILE_SUFFIXES = (".gpkg", ".shp", ".dxf", ".kml", ".kmz", ".geojson", ".json") + BOUNDARY_SUFFIXES

Site = RedLine  # a site is a red line: geometry, CRS, name, notes


def site_from_file(path, crs: QgsCoordinateReferenceSystem = None) -> Site:
    """The site in a file: a 界址点坐标 text file (.txt), or any vector file GDAL reads (a DXF takes ``crs``)."""
    path = Path(path)
    if path.suffix.lower() in BOUNDARY_SUFFIXES:
        found = read_boundary_file(path)
        site = make_redline([p.geometry for p in found.parcels], found.crs, path.stem)
        site.notes[:0] = found.notes
        return site
    if path.suffix.lower() not in FILE_SUFFIXES:
        raise LandOfficeError("{path} is not a site file: give a GeoPackage, shapefile, DXF, KML or a 界址点坐标 .txt "
                              "file.", path=str(path))
    return redline_from_file(path, crs)


def candidate_sites_from_file(path, crs: QgsCoordinateReferenceSystem = None) -> list:
    """Each parcel of a 界址点坐标 file, or each polygon feature of a vector file, as a candidate site."""
    path = Path(path)
    if path.suffix.lower() in BOUNDARY_SUFFIXES:
        found = read_boundary_file(path)
        sites = []
        for k, parcel in enumerate(found.parcels, start=1):
            site = make_redline([parcel.geometry], found.crs, parcel.name or f"{path.stem} {k}")
            sites.append(site)
        if sites:
            sites[0].notes[:0] = found.notes
        return sites
    whole = site_from_file(path, crs)
    return [make_redline([p], whole.crs, f"{whole.name} {k}")
            for k, p in enumerate(shapely.get_parts(whole.shapely), start=1)]


def site_from_layer(layer, selected_only: bool = False) -> Site:
    return redline_from_layer(layer, selected_only)


def site_from_geometries(geometries, crs: QgsCoordinateReferenceSystem, name: str = "") -> Site:
    if crs is None or not crs.isValid():
        raise LandOfficeError("The site {name} has no coordinate reference system: set the project's CRS (e.g. "
                              "EPSG:4549) or the layer's, then give the site again.", name=name)
    return redline_from_qgs(geometries, crs, name)


def site_in_zone(site: Site):
    """(shapely geometry, CRS) of the site in its CGCS2000 3° zone (:func:`~landoffice_plugin.core.crs.working_crs`)."""
    target = working_crs(site.geometry.boundingBox(), site.crs, site.name)
    geom = transform_geometry(site.geometry, site.crs, target)
    return shapely.from_wkb(bytes(geom.asWkb())), target


def export_site_boundary(site: Site, path, producer: str = "") -> Path:
    """Write the site as a 界址点坐标 file (one parcel per polygon part, in its CGCS2000 zone)."""
    geom, crs = site_in_zone(site)
    parts = list(shapely.get_parts(geom))
    named = [(site.name if len(parts) == 1 else f"{site.name}-{k}", p) for k, p in enumerate(parts, start=1)]
    return write_boundary_file(path, named, crs, producer)
