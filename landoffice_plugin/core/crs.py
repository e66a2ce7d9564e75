"""CGCS2000 coordinate systems: Gauss–Krüger zones, EPSG codes, and layer CRS checks.

EPSG numbering (see the CRS table in domain.md):

* geographic CGCS2000: 4490;
* 6° zones 13–23 (central meridian 6n − 3): 4491–4501 with zone prefix, 4502–4512 without;
* 3° zones 25–45 (central meridian 3n): 4513–4533 with zone prefix, 4534–4554 without.

The false easting is 500 000 m, plus zone × 10⁶ m when the zone number is prefixed.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional, Union

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsPointXY,
)

from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.i18n import tr

CGCS2000_GEOGRAPHIC = 4490
GK6_ZONES = range(13, 24)
GK3_ZONES = range(25, 46)
GK_EPSG_RANGE = range(4491, 4555)
FALSE_EASTING = 500_000.0

CrsLike = Union[int, str, QgsCoordinateReferenceSystem]


@dataclass(frozen=True)
class GkInfo:
    """What an EPSG code of a CGCS2000 Gauss–Krüger CRS means."""

    kind: str  # '3deg' or '6deg'
    zone: int
    central_meridian: float
    false_easting: float
    prefixed: bool


def gk3_zone(lon: float) -> int:
    """3° zone number for a longitude (zone n spans 3n − 1.5° .. 3n + 1.5°)."""
    return int(math.floor((lon + 1.5) / 3.0))


def gk3_central_meridian(zone: int) -> float:
    return 3.0 * zone


def gk6_zone(lon: float) -> int:
    """6° zone number for a longitude (zone n spans 6n − 6° .. 6n°)."""
    return int(math.floor(lon / 6.0)) + 1


def gk6_central_meridian(zone: int) -> float:
    return 6.0 * zone - 3.0


def gk3_epsg(zone: int, prefix: bool) -> int:
    """EPSG code of a CGCS2000 3° zone (25–45), with or without the zone prefix."""
    if zone not in GK3_ZONES:
        raise LandOfficeError(
            "3-degree Gauss-Kruger zone {zone} is outside China's zones 25 to 45. "
            "Check the longitude or zone number you entered.",
            zone=zone,
        )
    return (4488 if prefix else 4509) + zone


def gk6_epsg(zone: int, prefix: bool) -> int:
    """EPSG code of a CGCS2000 6° zone (13–23), with or without the zone prefix."""
    if zone not in GK6_ZONES:
        raise LandOfficeError(
            "6-degree Gauss-Kruger zone {zone} is outside China's zones 13 to 23. "
            "Check the longitude or zone number you entered.",
            zone=zone,
        )
    return (4478 if prefix else 4489) + zone


def describe_epsg(epsg: int) -> Optional[GkInfo]:
    """Zone facts of a CGCS2000 Gauss–Krüger EPSG code (4491–4554), else None."""
    if epsg not in GK_EPSG_RANGE:
        return None
    if epsg <= 4512:
        prefixed = epsg <= 4501
        zone = epsg - (4478 if prefixed else 4489)
        kind, cm = "6deg", gk6_central_meridian(zone)
    else:
        prefixed = epsg <= 4533
        zone = epsg - (4488 if prefixed else 4509)
        kind, cm = "3deg", gk3_central_meridian(zone)
    fe = FALSE_EASTING + (zone * 1_000_000.0 if prefixed else 0.0)
    return GkInfo(kind=kind, zone=zone, central_meridian=cm, false_easting=fe, prefixed=prefixed)


def name_zh(crs_or_epsg: CrsLike) -> str:
    """The CRS as a Chinese map says it, from its EPSG code: ``2000国家大地坐标系 3度带 第40带 中央经线120°E
    （EPSG:4528，横坐标含带号）``; another CRS by QGIS's own description and code."""
    code = epsg_code(crs_or_epsg)
    if code == CGCS2000_GEOGRAPHIC:
        return "2000国家大地坐标系 地理坐标（经纬度）（EPSG:4490）"
    info = describe_epsg(code) if code is not None else None
    if info is not None:
        band = "3度带" if info.kind == "3deg" else "6度带"
        prefix = "，横坐标含带号" if info.prefixed else ""
        return f"2000国家大地坐标系 {band} 第{info.zone}带 中央经线{info.central_meridian:g}°E（EPSG:{code}{prefix}）"
    if isinstance(crs_or_epsg, QgsCoordinateReferenceSystem):
        desc, auth = crs_or_epsg.description(), crs_or_epsg.authid()
        return f"{desc}（{auth}）" if desc and auth else desc or auth or crs_or_epsg.toWkt()
    return f"EPSG:{code}" if code is not None else str(crs_or_epsg)


def epsg_code(crs_or_epsg: CrsLike) -> Optional[int]:
    """The EPSG number of an int, an ``"EPSG:n"`` string or a CRS; None if it has none."""
    if isinstance(crs_or_epsg, bool):
        return None
    if isinstance(crs_or_epsg, int):
        return crs_or_epsg
    if isinstance(crs_or_epsg, QgsCoordinateReferenceSystem):
        authid = crs_or_epsg.authid() if crs_or_epsg.isValid() else ""
    else:
        authid = str(crs_or_epsg).strip()
    head, _, num = authid.upper().partition(":")
    if head == "EPSG" and num.isdigit():
        return int(num)
    return None


def is_cgcs2000(crs_or_epsg: CrsLike) -> bool:
    """True for geographic CGCS2000 (4490) and its Gauss–Krüger systems (4491–4554)."""
    code = epsg_code(crs_or_epsg)
    return code == CGCS2000_GEOGRAPHIC or (code is not None and code in GK_EPSG_RANGE)


def crs(epsg: CrsLike) -> QgsCoordinateReferenceSystem:
    """A valid CRS for an EPSG number (or ``"EPSG:n"``); LandOfficeError if QGIS has none."""
    if isinstance(epsg, QgsCoordinateReferenceSystem):
        result = epsg
        text = epsg.authid() or epsg.description()
    else:
        code = epsg_code(epsg)
        text = str(epsg)
        result = QgsCoordinateReferenceSystem(f"EPSG:{code}") if code is not None else QgsCoordinateReferenceSystem()
    if not result.isValid():
        raise LandOfficeError(
            "\"{crs}\" is not a coordinate reference system QGIS knows. "
            "Use an EPSG code such as 4490 (CGCS2000) or 4549 (CGCS2000 3-degree zone, CM 120E).",
            crs=text,
        )
    return result


# Ellipsoid acronyms QGIS reports for the old Chinese datums and WGS 84.
_ELLIPSOID_SYSTEMS = {
    "EPSG:7049": "Xian 1980",
    "EPSG:7024": "Beijing 1954",
    "EPSG:7030": "WGS 84",
}


def _system_name(layer_crs: QgsCoordinateReferenceSystem) -> str:
    key = _ELLIPSOID_SYSTEMS.get(layer_crs.ellipsoidAcronym())
    if key == "Xian 1980":
        return tr("Xian 1980")
    if key == "Beijing 1954":
        return tr("Beijing 1954")
    if key == "WGS 84":
        return tr("WGS 84")
    return layer_crs.description() or layer_crs.toProj()


def zone_epsg_of_extent(extent, source_crs: QgsCoordinateReferenceSystem) -> Optional[int]:
    """Unprefixed CGCS2000 3° zone EPSG for the centre of ``extent`` (a QgsRectangle in ``source_crs``);
    None when there is no extent, it cannot be transformed, or it lies outside China's zones."""
    try:
        if extent is None or extent.isNull():
            return None
        xform = QgsCoordinateTransform(source_crs, QgsCoordinateReferenceSystem("EPSG:4490"),
                                       QgsCoordinateTransformContext())
        lon = xform.transform(QgsPointXY(extent.center())).x()
        return gk3_epsg(gk3_zone(lon), prefix=False)
    except Exception:  # noqa: BLE001 - QgsCsException, an invalid CRS, a zone outside China
        return None


def working_crs(extent, source_crs: QgsCoordinateReferenceSystem, layer_name: str = "") -> QgsCoordinateReferenceSystem:
    """The one projected CRS that overlays, snapping and maps run in, chosen from the data's extent: the
    CGCS2000 3° Gauss–Krüger zone (no prefix) of the centre of ``extent`` (in ``source_crs``). A CGCS2000
    Gauss–Krüger ``source_crs`` with that zone's central meridian is kept as it is (prefixed or not, 3° or 6°:
    only the false easting differs), and so is a projected CRS whose data lie outside China's zones. Geographic
    data that cannot be placed in a zone are a LandOfficeError."""
    epsg = zone_epsg_of_extent(extent, source_crs)
    if epsg is None:
        if source_crs.isValid() and not source_crs.isGeographic():
            return source_crs
        raise LandOfficeError("Layer '{layer}' is in the geographic CRS {crs}, but its extent cannot be placed in a "
                              "CGCS2000 Gauss-Kruger zone of China (is it empty, or is its CRS wrong?). Check the "
                              "layer's features and its coordinate reference system.",
                              layer=layer_name, crs=source_crs.authid() or source_crs.description())
    own = describe_epsg(epsg_code(source_crs) or 0)
    if own is not None and own.central_meridian == describe_epsg(epsg).central_meridian:
        return source_crs
    return QgsCoordinateReferenceSystem(f"EPSG:{epsg}")


def working_crs_of_layer(layer) -> QgsCoordinateReferenceSystem:
    """:func:`working_crs` of a layer's extent and CRS."""
    return working_crs(layer.extent(), layer.crs(), layer.name())


def suggest_epsg(layer) -> int:
    """Unprefixed CGCS2000 3° zone EPSG for the centre of a layer's extent (4549 if unknown)."""
    try:
        return zone_epsg_of_extent(layer.extent(), layer.crs()) or 4549
    except Exception:  # noqa: BLE001 - a layer without extent or CRS: a neutral example
        return 4549


def _prefixed_epsg(zone: int):
    """Zone-prefixed EPSG for a zone number read from eastings (3° or 6° ranges), or "?"."""
    if zone in GK3_ZONES:
        return gk3_epsg(zone, prefix=True)
    if zone in GK6_ZONES:
        return gk6_epsg(zone, prefix=True)
    return "?"


def _easting_problem(layer, code: int) -> Optional[str]:
    """A prefix mismatch between a GK CRS and the layer's eastings, or None."""
    info = describe_epsg(code)
    extent = layer.extent()
    if info is None or extent.isEmpty():
        return None
    east = extent.center().x()
    if not info.prefixed and east > 1_000_000:
        zone = int(east // 1_000_000)
        return tr(
            "Layer \"{layer}\" is defined as EPSG:{epsg} (no zone prefix), but its eastings "
            "(about {east:.0f} m) start with zone number {zone}. Define the layer's CRS as the "
            "zone-prefixed system (for zone {zone}: EPSG:{fix}) instead of reprojecting it."
        ).format(layer=layer.name(), epsg=code, east=east, zone=zone, fix=_prefixed_epsg(zone))
    if info.prefixed and east < 1_000_000:
        return tr(
            "Layer \"{layer}\" is defined as EPSG:{epsg} (with zone prefix {zone}), but its eastings "
            "(about {east:.0f} m) carry no zone prefix. Define the layer's CRS as the system without "
            "prefix (EPSG:{fix}) instead of reprojecting it."
        ).format(layer=layer.name(), epsg=code, east=east, zone=info.zone,
                 fix=code + (21 if info.kind == "3deg" else 11))
    return None


def check_layer_crs(layer) -> Optional[str]:
    """A readable problem with a layer's CRS (translated), or None if it is CGCS2000 and consistent."""
    layer_crs = layer.crs()
    name = layer.name()
    if not layer_crs.isValid():
        return tr(
            "Layer \"{layer}\" has no coordinate reference system. Define the CRS its coordinates "
            "were surveyed in (normally CGCS2000, e.g. EPSG:4549) in the layer properties before "
            "measuring areas."
        ).format(layer=name)
    code = epsg_code(layer_crs)
    if code is None:
        return tr(
            "Layer \"{layer}\" has a coordinate reference system QGIS cannot identify ({crs}). "
            "Check the .prj file and define the layer's CRS as the CGCS2000 system its coordinates "
            "use (e.g. EPSG:{suggest})."
        ).format(layer=name, crs=layer_crs.description() or layer_crs.toProj(), suggest=suggest_epsg(layer))
    if not is_cgcs2000(code):
        old_datum = layer_crs.ellipsoidAcronym() in ("EPSG:7049", "EPSG:7024")
        if old_datum:
            return tr(
                "Layer \"{layer}\" is in {system} ({crs}, EPSG:{epsg}), not CGCS2000. Convert it to "
                "CGCS2000 (e.g. EPSG:{suggest}) with the official conversion parameters for your area: "
                "a plain reprojection without them can shift parcels by many metres. If the coordinates are "
                "already CGCS2000 and only the CRS is wrong, define the layer's CRS instead."
            ).format(layer=name, system=_system_name(layer_crs), crs=layer_crs.description(), epsg=code,
                     suggest=suggest_epsg(layer))
        return tr(
            "Layer \"{layer}\" is in {system} ({crs}, EPSG:{epsg}), not CGCS2000. Reproject it to "
            "CGCS2000 (e.g. EPSG:{suggest}); if the coordinates are already CGCS2000 and only the CRS "
            "is wrong, define the layer's CRS instead."
        ).format(layer=name, system=_system_name(layer_crs), crs=layer_crs.description(), epsg=code,
                 suggest=suggest_epsg(layer))
    if code == CGCS2000_GEOGRAPHIC:
        extent = layer.extent()
        if not extent.isEmpty() and (abs(extent.xMaximum()) > 180 or abs(extent.yMaximum()) > 90):
            return tr(
                "Layer \"{layer}\" is defined as geographic CGCS2000 (EPSG:4490, degrees), but its "
                "coordinates are metres. Define the layer's CRS as the Gauss-Kruger system they were "
                "measured in (e.g. EPSG:4549 or EPSG:4528) instead of reprojecting it."
            ).format(layer=name)
        return None
    return _easting_problem(layer, code)
