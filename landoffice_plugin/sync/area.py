"""The checked-out area: a township code (via the server's XZQ collection) or an extent."""
from __future__ import annotations

import math
import re

import shapely

from ..core.errors import LandOfficeError
from .features import from_geojson

# Which field's prefix says that a feature belongs to a township (first 9 characters).
TOWNSHIP_FIELDS = {"DLTB": "ZLDWDM", "ZD": "ZDDM", "RWTB": "XZDM"}
TOWNSHIP_COLLECTION = "XZQ"


CQL2_TEXT = "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text"


def extent_in_storage_crs(xmin: float, ymin: float, xmax: float, ymax: float, source_crs: str, epsg: int) -> str:
    """An extent in any CRS (e.g. a polygon layer's, drawn on the laptop in EPSG:4490) as the
    ``xmin,ymin,xmax,ymax`` text :func:`resolve_area` takes, in the data centre's storage CRS."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject, QgsRectangle

    source = QgsCoordinateReferenceSystem(source_crs)
    target = QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
    rect = QgsRectangle(xmin, ymin, xmax, ymax)
    if source.isValid() and source != target:
        rect = QgsCoordinateTransform(source, target, QgsProject.instance()).transformBoundingBox(rect)
    return ",".join(f"{v:.3f}" for v in (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum()))


def resolve_area(client, area: str, epsg: int, conformance=()) -> dict:
    """``{"bbox": [xmin, ymin, xmax, ymax], "township": code or None, "cql": bool}`` in the storage CRS.

    ``area`` is a 9-digit township code, an extent ``xmin,ymin,xmax,ymax`` in the storage CRS, or
    a callable ``epsg -> extent text`` (a polygon layer's extent, reprojected once the storage CRS
    is known). ``cql``: the server filters by CQL2 text, so the township filter runs on the server.
    """
    if callable(area):
        area = area(epsg)
    text = (area or "").strip()
    if re.fullmatch(r"\d{9}", text):
        found = [from_geojson(item) for item in
                 client.items(TOWNSHIP_COLLECTION, epsg=epsg, params={"XZQDM": text}, limit=10)]
        if not found or not found[0].geom:
            raise LandOfficeError("The township {code} is not in the data centre's XZQ collection: check the "
                                  "9-digit township code, or give an extent xmin,ymin,xmax,ymax instead.", code=text)
        bounds = shapely.from_wkb(found[0].geom).bounds
        return {"bbox": [round(v, 3) for v in bounds], "township": text, "cql": CQL2_TEXT in conformance}
    parts = [p for p in re.split(r"[,\s]+", text) if p]
    try:
        values = [float(p) for p in parts]
    except ValueError:
        values = []
    if len(values) != 4 or values[0] >= values[2] or values[1] >= values[3]:
        raise LandOfficeError("The area {area} is neither a 9-digit township code nor an extent "
                              "xmin,ymin,xmax,ymax in EPSG:{epsg}: give one of the two.", area=text, epsg=epsg)
    return {"bbox": values, "township": None}


def in_area(collection: str, props: dict, area: dict) -> bool:
    """Attribute filter that narrows the bounding-box query to the township."""
    township, field = area.get("township"), TOWNSHIP_FIELDS.get(collection)
    if not township or not field:
        return True
    return str(props.get(field) or "").startswith(township)


def area_params(collection: str, area: dict) -> dict:
    """The server-side township filter (CQL2 text), when the server has one."""
    township, field = area.get("township"), TOWNSHIP_FIELDS.get(collection)
    if not (township and field and area.get("cql")):
        return {}
    return {"filter": f"{field} LIKE '{township}%'", "filter-lang": "cql2-text"}


TASKS = "RWTB"
JOIN_M = 300.0  # boxes closer than this are read as one (fewer requests; a little more data)


def area_boxes(collection: str, area: dict) -> list:
    """The extents a collection is read in: the area's box, or — for a checkout around field tasks — the boxes
    around the tasks (the tasks themselves are always read in the whole area)."""
    boxes = area.get("boxes")
    if boxes and collection != TASKS:
        return [list(b) for b in boxes]
    return [area["bbox"]]


def boxes_around(bounds, margin: float, join: float = JOIN_M) -> list:
    """Each (xmin, ymin, xmax, ymax) grown by ``margin``; boxes closer than ``join`` merged into their joint box
    until no two are that close (a township's 500 tasks → a few dozen reads, not 500)."""
    boxes = [[b[0] - margin, b[1] - margin, b[2] + margin, b[3] + margin] for b in bounds]
    merged = True
    while merged:
        merged = False
        out: list = []
        for box in sorted(boxes):
            for other in out:
                if box[0] <= other[2] + join and other[0] <= box[2] + join and box[1] <= other[3] + join \
                        and other[1] <= box[3] + join:
                    other[:] = [min(box[0], other[0]), min(box[1], other[1]), max(box[2], other[2]),
                                max(box[3], other[3])]
                    merged = True
                    break
            else:
                out.append(list(box))
        boxes = out
    return [[round(v, 3) for v in b] for b in boxes]


TILE_FEATURES = 6000  # a box holding more is read tile by tile: deep OFFSET pages cost the database more and more


def _tiles(client, collection: str, box, area: dict, epsg: int) -> list:
    """``box``, or its n × n tiles when it holds many features (a feature on a tile edge is read twice and kept
    once)."""
    from .client import crs_uri

    try:
        probe = client.get_json(f"{client.url}/collections/{collection}/items",
                                {"f": "json", "limit": 1, "skipGeometry": "true",
                                 "bbox": ",".join(repr(float(v)) for v in box), "bbox-crs": crs_uri(epsg),
                                 **area_params(collection, area)})
    except Exception:  # noqa: BLE001 - the read itself will say what is wrong
        return [box]
    matched = probe.get("numberMatched")
    if not isinstance(matched, int) or matched <= TILE_FEATURES:
        return [box]
    n = int(math.ceil(math.sqrt(matched / TILE_FEATURES)))
    x0, y0, x1, y1 = (float(v) for v in box)
    dx, dy = (x1 - x0) / n, (y1 - y0) / n
    return [[x0 + i * dx, y0 + j * dy, x1 if i == n - 1 else x0 + (i + 1) * dx, y1 if j == n - 1 else y0 + (j + 1) * dy]
            for j in range(n) for i in range(n)]


def read_area(client, collection: str, area: dict, epsg: int, multi: bool, limit: int = 2000) -> dict:
    """id → Feature of the server's features in ``area`` (in each of its boxes, see :func:`area_boxes`; a box
    with many features tile by tile)."""
    out = {}
    boxes = [tile for box in area_boxes(collection, area) for tile in _tiles(client, collection, box, area, epsg)]
    for box in boxes:
        for item in client.items(collection, epsg=epsg, bbox=box, limit=limit, params=area_params(collection, area)):
            feature = from_geojson(item, multi)
            if in_area(collection, feature.props, area):
                out[feature.id] = feature
    return out
