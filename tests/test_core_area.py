"""Areas: 亩 conversion and ellipsoidal areas, against closed-form and QGIS references.

Independent references used here:
* the exact area of a lat/lon quadrangle on the CGCS2000 ellipsoid (authalic formula below);
* QgsDistanceArea on the EPSG:4490 ellipsoid;
* a planar area in a Lambert azimuthal equal-area projection centred on the polygon (PROJ).
"""
from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

# CGCS2000 ellipsoid, written out independently of the code under test.
A = 6378137.0
F = 1 / 298.257222101
E2 = F * (2 - F)
E = math.sqrt(E2)
B = A * (1 - F)


def q(phi_deg: float) -> float:
    s = math.sin(math.radians(phi_deg))
    return s / (1 - E2 * s * s) + (1 / (2 * E)) * math.log((1 + E * s) / (1 - E * s))


def quadrangle_area(lon1: float, lon2: float, lat1: float, lat2: float) -> float:
    """Exact ellipsoidal area between two meridians and two parallels: (b²Δλ/2)[q(φ2) − q(φ1)]."""
    return B * B * math.radians(lon2 - lon1) / 2 * (q(lat2) - q(lat1))


def quadrangle(lon1, lon2, lat1, lat2, n: int):
    """Shapely lat/lon polygon of the quadrangle with ``n`` segments per side (follows the parallels)."""
    import shapely

    lon = np.linspace(lon1, lon2, n + 1)
    lat = np.linspace(lat1, lat2, n + 1)
    ring = np.concatenate([
        np.c_[lon, np.full(n + 1, lat1)],
        np.c_[np.full(n, lon2), lat[1:]],
        np.c_[lon[::-1][1:], np.full(n, lat2)],
        np.c_[np.full(n - 1, lon1), lat[::-1][1:-1]],
    ])
    return shapely.Polygon(ring)


def to_crs(geom, src: int, dst):
    """Transform a shapely geometry with QgsCoordinateTransform (dst: EPSG int or a CRS)."""
    import shapely
    from qgis.core import QgsCoordinateReferenceSystem as Crs
    from qgis.core import QgsCoordinateTransform, QgsCoordinateTransformContext, QgsGeometry

    dst_crs = dst if isinstance(dst, Crs) else Crs(f"EPSG:{dst}")
    xform = QgsCoordinateTransform(Crs(f"EPSG:{src}"), dst_crs, QgsCoordinateTransformContext())
    qgeom = QgsGeometry.fromWkt(geom.wkt)
    qgeom.transform(xform)
    return shapely.from_wkb(bytes(qgeom.asWkb()))


def qgis_area(geom, epsg: int) -> float:
    """QgsDistanceArea built here (not through the code under test), ellipsoid of EPSG:4490."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsDistanceArea, QgsGeometry, QgsProject

    da = QgsDistanceArea()
    da.setSourceCrs(QgsCoordinateReferenceSystem(f"EPSG:{epsg}"), QgsProject.instance().transformContext())
    da.setEllipsoid(QgsCoordinateReferenceSystem("EPSG:4490").ellipsoidAcronym())
    return da.measureArea(QgsGeometry.fromWkt(geom.wkt))


def random_parcels(epsg: int, n: int, seed: int):
    """Compact random parcels, 10 m² to 10 km², from the CM to the zone edge, 18°N–53°N."""
    import shapely

    from landoffice_plugin.core.crs import describe_epsg

    info = describe_epsg(epsg)
    half = 1.5 if info.kind == "3deg" else 3.0
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        lon, lat = info.central_meridian + rng.uniform(-half, half), rng.uniform(18, 53)
        m = int(rng.integers(4, 14))
        r = math.sqrt(10 ** rng.uniform(1, 7) / math.pi) / 111_000  # degrees (approx.)
        ang = np.arange(m) * 2 * np.pi / m + rng.uniform(-0.3, 0.3, m) * 2 * np.pi / m
        rad = r * rng.uniform(0.7, 1.3, m)
        ll = shapely.Polygon(np.c_[lon + rad * np.cos(ang) / math.cos(math.radians(lat)), lat + rad * np.sin(ang)])
        out.append(to_crs(ll, 4490, epsg))
    return out


# ---------------------------------------------------------------- 亩 and 公顷


def test_mu_is_exactly_10000_over_15():
    from landoffice_plugin.core.area import SQM_PER_HA, SQM_PER_MU, m2_to_ha, m2_to_mu, mu_to_m2

    assert SQM_PER_MU == float(Fraction(10000, 15))
    assert m2_to_mu(10000) == 15
    assert m2_to_mu(Fraction(10000)) == Fraction(15)
    assert m2_to_mu(Fraction(2000, 3)) == 1
    assert mu_to_m2(Fraction(15)) == 10000
    assert mu_to_m2(Fraction(1)) == Fraction(2000, 3)
    assert m2_to_mu(SQM_PER_HA) == 15 and m2_to_ha(10000) == 1 and m2_to_ha(Fraction(1234)) == Fraction(1234, 10000)
    assert m2_to_mu(mu_to_m2(123.456)) == pytest.approx(123.456, rel=1e-15)


def test_dividing_by_666_67_drifts():
    from landoffice_plugin.core.area import m2_to_mu

    assert m2_to_mu(666.67) != 1
    assert m2_to_mu(666.67) == pytest.approx(float(Fraction(66667, 100) * 15 / 10000), rel=1e-15)
    # A township of 1 000 000 亩: the 666.67 shortcut loses about 5 亩.
    township_m2 = Fraction(10**6) * Fraction(10000, 15)
    drift = Fraction(10**6) - township_m2 / Fraction(66667, 100)
    assert Fraction(4) < drift < Fraction(6)
    assert m2_to_mu(float(township_m2)) == pytest.approx(10**6, abs=1e-6)


# ---------------------------------------------------------------- ellipsoid


def test_cgcs2000_ellipsoid(qgis_app):
    from qgis.core import QgsCoordinateReferenceSystem

    from landoffice_plugin.core.area import CGCS2000_ELLIPSOID, distance_area

    assert CGCS2000_ELLIPSOID == QgsCoordinateReferenceSystem("EPSG:4490").ellipsoidAcronym() == "EPSG:1024"
    da = distance_area(4549)
    assert da.ellipsoid() == "EPSG:1024"
    assert da.ellipsoidSemiMajor() == A
    assert da.ellipsoidInverseFlattening() == pytest.approx(298.257222101, abs=1e-9)
    assert da.sourceCrs().authid() == "EPSG:4549"


def test_everest_ellipsoid_would_be_wrong(qgis_app):
    """EPSG:7044 (Everest 1830) gives areas ~0.024 % low: the acronym matters."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsDistanceArea, QgsGeometry

    from landoffice_plugin.core.area import ellipsoidal_area

    geom = QgsGeometry.fromWkt(quadrangle(120, 120.01, 31.5, 31.51, 10).wkt)
    everest = QgsDistanceArea()
    everest.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4490"), QgsProject_context())
    everest.setEllipsoid("EPSG:7044")
    right = ellipsoidal_area(geom, 4490)
    assert right == pytest.approx(quadrangle_area(120, 120.01, 31.5, 31.51), rel=1e-8)
    assert abs(everest.measureArea(geom) / right - 1) > 1e-4


def QgsProject_context():  # noqa: N802 - reads like the QGIS call it wraps
    from qgis.core import QgsProject

    return QgsProject.instance().transformContext()


# QgsDistanceArea (3.22) does not follow a parallel exactly between two far-apart vertices:
# on the 4-vertex 1°×1° quadrangle it is 5.9e-6 off the exact area, and the gap falls as 1/n²
# with n segments per side (5.9e-8 at n = 10, 6e-12 at n = 1000). Tolerances follow that.
@pytest.mark.parametrize(
    "box, n, rel",
    [
        ((120.0, 120.01, 31.5, 31.51), 1, 1e-8),
        ((120.0, 120.01, 31.5, 31.51), 100, 1e-9),
        ((119.5, 120.5, 30.0, 31.0), 1, 1e-5),
        ((119.5, 120.5, 30.0, 31.0), 1000, 1e-9),
    ],
)
def test_ellipsoidal_area_of_quadrangle_in_4490(qgis_app, box, n, rel):
    from qgis.core import QgsGeometry

    from landoffice_plugin.core.area import ellipsoidal_area

    exact = quadrangle_area(*box)
    measured = ellipsoidal_area(QgsGeometry.fromWkt(quadrangle(*box, n).wkt), 4490)
    assert measured == pytest.approx(exact, rel=rel)


# Densified to 1000 segments per side, then projected: the chords in the GK plane differ from
# the parallels by < 1e-10 relative, so what remains is the method's own error (measured:
# 2e-9 for 0.01°, 5e-10 for 1°, 3e-8 for the 2.8°×2° block that fills a whole 3° zone).
@pytest.mark.parametrize(
    "box, epsgs, rel",
    [
        ((121.2, 121.21, 31.5, 31.51), (4528, 4549), 1e-8),
        ((119.5, 120.5, 30.0, 31.0), (4528, 4549), 1e-8),
        ((118.6, 121.4, 25.0, 27.0), (4528, 4549), 1e-7),
        ((121.0, 122.0, 40.0, 41.0), (4499, 4510), 1e-8),  # 6° zone 21 (CM 123°E), 1–2° off the CM
    ],
)
def test_ellipsoidal_areas_of_projected_quadrangle(qgis_app, box, epsgs, rel):
    from landoffice_plugin.core.area import ellipsoidal_areas

    exact = quadrangle_area(*box)
    ll = quadrangle(*box, 1000)
    for epsg in epsgs:
        projected = to_crs(ll, 4490, epsg)
        (area,) = ellipsoidal_areas([projected], epsg)
        assert area == pytest.approx(exact, rel=rel), epsg
        assert abs(projected.area / exact - 1) > 10 * rel  # the planar area alone would fail


@pytest.mark.parametrize("epsg", [4549, 4528, 4513, 4510, 4491])
def test_ellipsoidal_areas_agree_with_qgsdistancearea(qgis_app, epsg):
    """Brief: within 1e-4; measured worst ≈ 7e-6 (QgsDistanceArea's own noise on ~10 m² parcels)."""
    from landoffice_plugin.core.area import ellipsoidal_areas

    parcels = random_parcels(epsg, 200, seed=epsg)
    got = ellipsoidal_areas(parcels, epsg)
    ref = np.array([qgis_area(p, epsg) for p in parcels])
    rel = np.abs(got / ref - 1)
    assert rel.max() < 1e-4
    assert np.median(rel) < 1e-7
    planar = np.array([p.area for p in parcels])
    assert np.median(np.abs(planar / ref - 1)) > 1e-5  # the correction is really doing something


@pytest.mark.parametrize("epsg", [4528, 4491])
def test_ellipsoidal_areas_match_local_equal_area_projection(qgis_app, epsg):
    """A LAEA projection centred on the parcel is exactly equal-area: no QgsDistanceArea noise."""
    import shapely
    from qgis.core import QgsCoordinateReferenceSystem

    from landoffice_plugin.core.area import ellipsoidal_areas

    parcels = random_parcels(epsg, 40, seed=7)
    got = ellipsoidal_areas(parcels, epsg)
    for parcel, area in zip(parcels, got):
        centre = to_crs(parcel.centroid, epsg, 4490)
        laea = QgsCoordinateReferenceSystem.fromProj(
            f"+proj=laea +lat_0={centre.y!r} +lon_0={centre.x!r} +ellps=GRS80 +units=m +no_defs")
        dense = shapely.segmentize(parcel, max(1.0, math.sqrt(parcel.area) / 50))
        assert area == pytest.approx(to_crs(dense, epsg, laea).area, rel=3e-8)


def test_wide_features_holes_and_multiparts(qgis_app):
    """Township-sized shapes: the second-order term over the width is needed for ~1e-7."""
    import shapely

    from landoffice_plugin.core.area import ellipsoidal_areas

    x0, y0 = 40_500_000 + 100_000, 3_400_000  # zone 40, ~1° east of the CM, ~31°N
    outer = shapely.box(x0, y0, x0 + 40_000, y0 + 40_000)
    hole = shapely.box(x0 + 15_000, y0 + 15_000, x0 + 25_000, y0 + 25_000)
    holed = shapely.Polygon(outer.exterior.coords, [hole.exterior.coords[::-1]])
    far_part = shapely.box(x0 - 60_000, y0, x0 - 50_000, y0 + 10_000)
    multi = shapely.MultiPolygon([holed, far_part])
    got = ellipsoidal_areas(np.array([outer, hole, holed, far_part, multi], dtype=object), 4528)
    ref = [qgis_area(shapely.segmentize(g, 100.0), 4528) for g in (outer, hole, holed, far_part, multi)]
    np.testing.assert_allclose(got, ref, rtol=1e-7)
    assert got[2] == pytest.approx(got[0] - got[1], rel=1e-12)
    # Planar area / k² at the centroid alone misses the spread of x across the multipart.
    from landoffice_plugin.core.area import gk_scale_factor

    c = multi.centroid
    centroid_only = multi.area / gk_scale_factor(c.x - 40_500_000, c.y) ** 2
    assert abs(centroid_only / ref[4] - 1) > 1e-6


def test_missing_and_empty_geometries(qgis_app):
    import shapely

    from landoffice_plugin.core.area import ellipsoidal_areas

    square = shapely.box(500_000, 3_500_000, 500_100, 3_500_100)
    got = ellipsoidal_areas([square, None, shapely.Polygon(), shapely.LineString([(0, 0), (1, 1)])], 4549)
    assert got[0] == pytest.approx(qgis_area(square, 4549), rel=1e-6)
    assert np.isnan(got[1]) and got[2] == 0 and got[3] == 0
    assert len(ellipsoidal_areas([], 4549)) == 0


def test_fallback_for_geographic_and_other_crs(qgis_app):
    import shapely

    from landoffice_plugin.core.area import ellipsoidal_areas

    box = (119.5, 120.5, 30.0, 31.0)
    ll = quadrangle(*box, 1000)
    got = ellipsoidal_areas([ll, None, quadrangle(120, 120.01, 31.5, 31.51, 10)], 4490)
    assert got[0] == pytest.approx(quadrangle_area(*box), rel=1e-9)
    assert np.isnan(got[1])
    assert got[2] == pytest.approx(quadrangle_area(120, 120.01, 31.5, 31.51), rel=1e-9)
    # Web Mercator: still measured on the CGCS2000 ellipsoid via QgsDistanceArea.
    merc = to_crs(ll, 4490, 3857)
    assert isinstance(merc, shapely.Polygon)
    (area,) = ellipsoidal_areas([merc], 3857)
    assert area == pytest.approx(quadrangle_area(*box), rel=1e-6)
    assert abs(merc.area / area - 1) > 0.1
