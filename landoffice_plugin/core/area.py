"""Areas: 亩/公顷 conversion and ellipsoidal areas on the CGCS2000 ellipsoid.

Official areas (TBMJ) are ellipsoidal. :func:`ellipsoidal_area` measures one QgsGeometry with
QgsDistanceArea; :func:`ellipsoidal_areas` measures many shapely geometries at once. For
CGCS2000 Gauss–Krüger coordinates it divides the planar area by the squared point scale
factor k² of the transverse Mercator projection at each centroid (vectorised; agrees with
QgsDistanceArea to ~1e-5 and with an exact equal-area projection to ~1e-8); for any other CRS it
falls back to QgsDistanceArea per geometry.
"""
from __future__ import annotations

from typing import Optional, Sequence

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsDistanceArea,
    QgsGeometry,
)

from landoffice_plugin.core.crs import CrsLike, describe_epsg, epsg_code
from landoffice_plugin.core.crs import crs as make_crs
from landoffice_plugin.core.parallel import chunked

SQM_PER_MU = 10000 / 15  # 1 亩 = 10000/15 m² exactly (666.666…)
SQM_PER_HA = 10000

# What QgsCoordinateReferenceSystem("EPSG:4490").ellipsoidAcronym() gives (EPSG:7044 is Everest).
CGCS2000_ELLIPSOID = "EPSG:1024"
CGCS2000_A = 6378137.0
CGCS2000_INV_F = 298.257222101
MOMENT_MIN_WIDTH = 1000.0  # m; narrower features skip the second-order term (width²/12R² < 2e-9)
# m; with quick=True, narrower features take k at their bounding-box centre, not the centroid.
# The two are at most width/2 apart and 1/k² changes by 2|x|/R² per metre, so the relative
# error stays below 2 × 350 km × 100 m / R² ≈ 1.7e-6 even at a 6° zone's edge.
QUICK_MAX_WIDTH = 200.0


def m2_to_mu(m2):
    """Square metres to 亩 (× 15 / 10000; exact for the ratio, no 666.67 rounding)."""
    return m2 * 15 / 10000


def m2_to_ha(m2):
    return m2 / SQM_PER_HA


def mu_to_m2(mu):
    return mu * 10000 / 15


def deduction_areas(tbmj, kcxs):
    """三调 area identities: ``(KCMJ, TBDLMJ)`` = (round(TBMJ × KCXS, 2), round(TBMJ − KCMJ, 2)); no KCXS = 0."""
    tbmj = np.asarray(tbmj, dtype=float)
    kcmj = np.round(tbmj * np.nan_to_num(np.asarray(kcxs, dtype=float)), 2)
    return kcmj, np.round(tbmj - kcmj, 2)


def distance_area(source_crs: CrsLike, context: Optional[QgsCoordinateTransformContext] = None) -> QgsDistanceArea:
    """QgsDistanceArea on the CGCS2000 ellipsoid for geometries in ``source_crs``."""
    da = QgsDistanceArea()
    da.setSourceCrs(make_crs(source_crs), context or QgsCoordinateTransformContext())
    da.setEllipsoid(CGCS2000_ELLIPSOID)
    return da


def ellipsoidal_area(geometry: QgsGeometry, source_crs: CrsLike,
                     context: Optional[QgsCoordinateTransformContext] = None) -> float:
    """Ellipsoidal area (m²) of one geometry given in ``source_crs``."""
    return distance_area(source_crs, context).measureArea(geometry)


def _footpoint_latitude(northing: np.ndarray) -> np.ndarray:
    """Latitude (radians) whose meridian arc from the equator equals ``northing`` (Snyder 3-26)."""
    f = 1.0 / CGCS2000_INV_F
    e2 = f * (2.0 - f)
    e4, e6 = e2 * e2, e2 * e2 * e2
    mu = northing / (CGCS2000_A * (1.0 - e2 / 4.0 - 3.0 * e4 / 64.0 - 5.0 * e6 / 256.0))
    s = np.sqrt(1.0 - e2)
    e1 = (1.0 - s) / (1.0 + s)
    return (mu + (1.5 * e1 - 27.0 * e1**3 / 32.0) * np.sin(2.0 * mu)
            + (21.0 * e1**2 / 16.0 - 55.0 * e1**4 / 32.0) * np.sin(4.0 * mu)
            + (151.0 * e1**3 / 96.0) * np.sin(6.0 * mu)
            + (1097.0 * e1**4 / 512.0) * np.sin(8.0 * mu))


def _gk_radius2(northing: np.ndarray) -> np.ndarray:
    """R² = M·N at the footpoint latitude of ``northing``."""
    f = 1.0 / CGCS2000_INV_F
    e2 = f * (2.0 - f)
    phi = _footpoint_latitude(np.asarray(northing, dtype=float))
    w = 1.0 - e2 * np.sin(phi) ** 2
    return CGCS2000_A**2 * (1.0 - e2) / (w * w)


def gk_scale_factor(x: np.ndarray, northing: np.ndarray) -> np.ndarray:
    """Point scale factor k of transverse Mercator (k0 = 1) at easting offset x and northing.

    k = 1 + x²/(2R²) + x⁴/(24R⁴), R² = M·N at the footpoint latitude (terms in η²x⁴ < 1e-8).
    """
    u = np.asarray(x, dtype=float) ** 2 / _gk_radius2(northing)
    return 1.0 + u / 2.0 + u * u / 24.0


def _second_moments(arr: np.ndarray, cx: np.ndarray, cy: np.ndarray) -> np.ndarray:
    """∫∫ (x − cx)² dA per geometry (Green's theorem over all rings, vectorised)."""
    parts, part_geom = shapely.get_parts(shapely.orient_polygons(arr), return_index=True)
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    coords, coord_ring = shapely.get_coordinates(rings, return_index=True)
    out = np.zeros(len(arr))
    if len(coords) < 2:
        return out
    geom = part_geom[ring_part[coord_ring]]
    x = coords[:, 0] - cx[geom]
    y = coords[:, 1] - cy[geom]
    same = coord_ring[1:] == coord_ring[:-1]  # consecutive vertices of one ring = one edge
    x1, x2, y1, y2 = x[:-1][same], x[1:][same], y[:-1][same], y[1:][same]
    terms = (x1 * y2 - x2 * y1) * (x1 * x1 + x1 * x2 + x2 * x2) / 12.0
    return np.bincount(geom[:-1][same], weights=terms, minlength=len(arr))


def ellipsoidal_areas(geoms: Sequence, epsg: CrsLike, quick: bool = False, planar: Optional[np.ndarray] = None,
                      bounds: Optional[np.ndarray] = None) -> np.ndarray:
    """Ellipsoidal areas (m²) of shapely geometries given in CRS ``epsg``.

    Missing geometries (None) give NaN, empty ones 0. Vectorised for CGCS2000 Gauss–Krüger
    CRSs (EPSG:4491–4554): planar area / k² at the centroid, plus the second-order term of
    1/k² over the feature's width (matters only for features tens of km wide). Any other CRS
    is measured with QgsDistanceArea one geometry at a time.

    ``quick``: features narrower than QUICK_MAX_WIDTH take k at their bounding-box centre
    (relative error < 2e-6; used for totals of whole patches). ``planar`` and ``bounds``, when
    already known, are not computed again.
    """
    arr = np.asarray(geoms, dtype=object).ravel()
    code = epsg_code(epsg)
    info = describe_epsg(code) if code is not None else None
    if info is None:
        return _areas_with_qgis(arr, epsg)
    planar = shapely.area(arr) if planar is None else np.asarray(planar, dtype=float)  # NaN for None
    area = np.where(np.isnan(planar), np.nan, 0.0)
    ok = planar > 0.0  # empty, point and line geometries have area 0
    if not ok.any():
        return area
    sub, a = arr[ok], planar[ok]
    bounds = shapely.bounds(sub) if bounds is None else np.asarray(bounds, dtype=float)[ok]
    cx, cy = (bounds[:, 0] + bounds[:, 2]) / 2.0, (bounds[:, 1] + bounds[:, 3]) / 2.0
    exact = np.ones(len(sub), dtype=bool)
    if quick:
        exact = np.maximum(bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1]) > QUICK_MAX_WIDTH
    if exact.any():
        centre = chunked(shapely.centroid, sub[exact])  # on every core
        cx[exact], cy[exact] = shapely.get_x(centre), shapely.get_y(centre)
    x = cx - info.false_easting
    r2 = _gk_radius2(cy)
    u = x * x / r2
    k = 1.0 + u / 2.0 + u * u / 24.0
    # 1/k² = 1 − u + (2/3)u² + …; its second derivative in x is (−2 + 8u)/R².
    # Only wide features need that term (< 2e-9 relative below MOMENT_MIN_WIDTH).
    wide = bounds[:, 2] - bounds[:, 0] > MOMENT_MIN_WIDTH
    moment = np.zeros(len(sub))
    if wide.any():
        moment[wide] = _second_moments(sub[wide], cx[wide], cy[wide])
    area[ok] = a / (k * k) + 0.5 * (-2.0 + 8.0 * u) / r2 * moment
    return area


def _areas_with_qgis(arr: np.ndarray, epsg: CrsLike) -> np.ndarray:
    source = epsg if isinstance(epsg, QgsCoordinateReferenceSystem) else make_crs(epsg)
    da = distance_area(source)
    out = np.full(len(arr), np.nan)
    wkbs = shapely.to_wkb(arr)
    for i, wkb in enumerate(wkbs):
        if wkb is None:
            continue
        geom = QgsGeometry()
        geom.fromWkb(wkb)
        out[i] = da.measureArea(geom)
    return out
