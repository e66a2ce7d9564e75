"""Red lines: polygons taken, closed polylines closed, self-intersections repaired with the reason,
lines/points/collapsed shapes refused; GeoPackage and DXF files."""
from __future__ import annotations

import pytest
import shapely
from osgeo import ogr, osr
from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry

from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.cost.redline import make_redline, redline_from_file, redline_from_qgs

CRS = QgsCoordinateReferenceSystem("EPSG:4549")


def test_polygon_is_taken_as_it_is(qgis_app):
    red = redline_from_qgs([QgsGeometry.fromWkt("POLYGON((0 0,10 0,10 10,0 10,0 0))")], CRS, "r")
    assert red.geometry.area() == pytest.approx(100.0)
    assert red.notes == []


def test_self_intersecting_polygon_is_repaired_with_the_reason(qgis_app):
    bowtie = shapely.from_wkt("POLYGON((0 0,10 10,10 0,0 10,0 0))")  # two triangles of 25 m² each
    red = make_redline([bowtie], CRS, "bowtie")
    assert red.geometry.area() == pytest.approx(50.0)
    assert red.notes and ("repaired" in red.notes[0] or "修复" in red.notes[0])
    assert "Self-intersection" in red.notes[0]


def test_closed_polyline_becomes_a_polygon_and_open_one_is_refused(qgis_app):
    closed = shapely.from_wkt("LINESTRING(0 0,20 0,20 20,0 20,0 0)")
    assert make_redline([closed], CRS).geometry.area() == pytest.approx(400.0)
    with pytest.raises(LandOfficeError, match="no polygon"):
        make_redline([shapely.from_wkt("LINESTRING(0 0,20 0,20 20)")], CRS, "open")


def test_points_and_collapsed_polygons_are_refused(qgis_app):
    with pytest.raises(LandOfficeError, match="no polygon"):
        make_redline([shapely.Point(1, 1)], CRS, "point")
    with pytest.raises(LandOfficeError):
        make_redline([shapely.from_wkt("POLYGON((0 0,10 0,20 0,0 0))")], CRS, "flat")


def _write(path, driver, geoms, srs=True):
    ds = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    ref = None
    if srs:
        ref = osr.SpatialReference()
        ref.ImportFromEPSG(4549)
    layer = ds.CreateLayer("red", ref, ogr.wkbUnknown)
    for g in geoms:
        feat = ogr.Feature(layer.GetLayerDefn())
        feat.SetGeometry(ogr.CreateGeometryFromWkt(g))
        layer.CreateFeature(feat)
    ds = None


def test_geopackage_and_dxf_files(qgis_app, tmp_path):
    gpkg = tmp_path / "red.gpkg"
    _write(gpkg, "GPKG", ["POLYGON((500000 3500000,500100 3500000,500100 3500100,500000 3500100,500000 3500000))"])
    red = redline_from_file(gpkg)
    assert red.crs.authid() == "EPSG:4549" and red.geometry.area() == pytest.approx(10000.0)
    dxf = tmp_path / "red.dxf"
    _write(dxf, "DXF", ["LINESTRING(500000 3500000,500200 3500000,500200 3500100,500000 3500100,500000 3500000)",
                        "LINESTRING(0 0,5 5)"], srs=False)
    red = redline_from_file(dxf, CRS)
    assert red.geometry.area() == pytest.approx(20000.0)
    assert red.crs == CRS
    assert any("open polyline" in n or "未闭合" in n for n in red.notes)
    with pytest.raises(LandOfficeError, match="coordinate system"):
        redline_from_file(dxf)
