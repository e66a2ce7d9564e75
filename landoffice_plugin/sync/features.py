"""The in-memory form of a feature shared by the sync modules, and GeoJSON conversion.

A :class:`Feature` holds the server id, the server version it is based on, the attribute
values (without ``id``/``version``/server bookkeeping) and the geometry as WKB bytes
(shapely's little-endian 2D WKB, so equal geometries give equal bytes).
"""
from __future__ import annotations

import math
import uuid
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import mapping, shape

GEOMETRY = "geometry"  # the merge treats the geometry as one more field with this name
# kept by the data centre itself: never edited in the field, never sent back (the gateway stamps
# updated_by / change_reason on every write)
SERVER_FIELDS = ("id", "version", "updated_at", "updated_by", "change_reason")


@dataclass
class Feature:
    id: str
    version: int | None
    props: dict = field(default_factory=dict)
    geom: bytes | None = None
    row: int | None = None  # the GeoPackage fid, when read from a package

    def values(self) -> dict:
        """Attributes plus the geometry under :data:`GEOMETRY`, for comparing and merging."""
        return {**self.props, GEOMETRY: self.geom}


def new_id() -> str:
    return str(uuid.uuid4())


def clean_id(value) -> str:
    """The id of a feature drawn in the field: QGIS's uuid() writes ``{…}``, the server's ids have no
    braces. Only ever applied to ids the server does not know yet: the server's ids are kept byte for
    byte (case, spaces and all)."""
    text = str(value or "")
    if text.startswith("{") and text.endswith("}"):
        text = text[1:-1]
    return text.strip()


def normal_value(value):
    """Values compared the same whatever their origin (NaN and empty text mean 'no value')."""
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer() and abs(value) < 2 ** 53:
            return value
    if isinstance(value, str) and value == "":
        return None
    return value


def _polygons(geojson: dict):
    """Polygon / MultiPolygon built from numpy coordinate arrays (three times shapely.geometry.shape, the same
    WKB); None for any other type or an empty or odd one (then shape() decides)."""
    kind, coords = geojson.get("type"), geojson.get("coordinates")
    rings = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else None
    if not rings or any(not p or len(p[0]) < 4 for p in rings):
        return None
    try:
        parts = [shapely.polygons(np.asarray(p[0], dtype=float)[:, :2],
                                  holes=[np.asarray(h, dtype=float)[:, :2] for h in p[1:]] or None) for p in rings]
    except (ValueError, IndexError, TypeError):
        return None
    return shapely.multipolygons(parts) if kind == "MultiPolygon" else parts[0]


def geom_to_wkb(geojson: dict | None, multi: bool = False) -> bytes | None:
    if not geojson:
        return None
    geom = _polygons(geojson)
    if geom is None:
        geom = shape(geojson)
    if multi and geom.geom_type == "Polygon":
        geom = shapely.MultiPolygon([geom])
    return shapely.to_wkb(geom, byte_order=1, output_dimension=2)


def wkb_to_geojson(wkb: bytes | None) -> dict | None:
    if not wkb:
        return None
    return mapping(shapely.from_wkb(wkb))


def normal_wkb(wkb: bytes | None) -> bytes | None:
    """Re-encode WKB (from OGR or elsewhere) the way :func:`geom_to_wkb` does."""
    if not wkb:
        return None
    return shapely.to_wkb(shapely.from_wkb(bytes(wkb)), byte_order=1, output_dimension=2)


def from_geojson(item: dict, multi: bool = False) -> Feature:
    props = {k: normal_value(v) for k, v in (item.get("properties") or {}).items() if k not in SERVER_FIELDS}
    version = (item.get("properties") or {}).get("version")
    return Feature(str(item["id"]), int(version) if version is not None else None, props,
                   geom_to_wkb(item.get("geometry"), multi))


def to_geojson(feature: Feature, version: int | None) -> dict:
    props = {k: v for k, v in feature.props.items() if k not in SERVER_FIELDS}
    if version is not None:
        props["version"] = version
    return {"type": "Feature", "id": feature.id, "geometry": wkb_to_geojson(feature.geom), "properties": props}
