"""Layers → shapely arrays: geometries (WKB in bulk) and standard-named attribute columns.

:func:`layer_input` captures a layer on the main thread (a feature source, its CRS and field
mapping); :func:`load_input` reads it anywhere (also in a QgsTask). A GeoPackage layer in the
target CRS without a filter is read straight from SQLite (fast path); any other layer goes
through ``getFeatures`` with the reprojection done by QGIS (``setDestinationCrs``).
"""
from __future__ import annotations

import difflib
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
)

from landoffice_plugin.core.crs import working_crs as crs_working_crs
from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.core.fields import parse_dates, standardise
from landoffice_plugin.core.layer_input import LayerInput, capture, read_features
from landoffice_plugin.core.parallel import submit, workers
from landoffice_plugin.core.roles import field_aliases, get_role

from .fast_read import read_gpkg_arrow


@dataclass
class Inspection:
    """What was learnt about each geometry while reading (on worker threads, batch by batch)."""

    valid: np.ndarray
    planar: np.ndarray  # planar area, NaN for a missing geometry
    bounds: np.ndarray  # (n, 4): xmin, ymin, xmax, ymax

    def take(self, index) -> Inspection:
        return Inspection(self.valid[index], self.planar[index], self.bounds[index])

    @classmethod
    def of(cls, geoms: np.ndarray) -> Inspection:
        return cls(shapely.is_valid(geoms), shapely.area(geoms), shapely.bounds(geoms).reshape(-1, 4))

    @classmethod
    def concat(cls, parts: list) -> Inspection:
        return cls(*(np.concatenate([getattr(p, f) for p in parts]) for f in ("valid", "planar", "bounds")))


@dataclass
class LayerArrays:
    role: str
    name: str
    geoms: np.ndarray
    fids: np.ndarray
    attrs: dict
    crs_from: str = ""
    repaired: int = 0
    dropped_empty: int = 0
    inspection: Optional[Inspection] = None  # of the geometries as read, when inspected while reading
    reached_by: list = field(default_factory=list)  # roles whose features chose the rows read (else all rows)

    def __len__(self) -> int:
        return len(self.geoms)

    def col(self, name: str) -> np.ndarray:
        """Column ``name`` (standard field name); all None when the layer lacks it."""
        value = self.attrs.get(name)
        return value if value is not None else np.full(len(self.geoms), None, dtype=object)

    def has(self, name: str) -> bool:
        return name in self.attrs

    def take(self, index) -> LayerArrays:
        return LayerArrays(self.role, self.name, self.geoms[index], self.fids[index],
                           {k: v[index] for k, v in self.attrs.items()}, self.crs_from, self.repaired,
                           inspection=None if self.inspection is None else self.inspection.take(index))


def layer_input(layer, role: str, context: Optional[QgsCoordinateTransformContext] = None,
                mapping=None) -> LayerInput:
    """Capture ``layer`` for reading, on the thread that owns it (:func:`landoffice_plugin.core.layer_input.capture`:
    FIELD_MAP, a saved project mapping, or what the data contract resolves; office fields under their names)."""
    return capture(layer, role, context, mapping)


def working_crs(inp: LayerInput) -> QgsCoordinateReferenceSystem:
    """The projected CRS the overlays run in (:func:`landoffice_plugin.core.crs.working_crs` of the layer's
    extent): for geographic data (EPSG:4490, 4326 …) or another zone the CGCS2000 3° Gauss–Krüger zone of the
    extent's centre, so that snap grids and tolerances are metres."""
    return crs_working_crs(inp.extent, inp.crs, inp.name)


def _gpkg_header_length(blob: bytes) -> int:
    flags = blob[3]
    env = (0, 32, 48, 48, 64, 0, 0, 0)[(flags >> 1) & 7]
    return 8 + env


def _geometry_column(con: sqlite3.Connection, table: str) -> Optional[tuple]:
    """(name,) of the geometry column of a GeoPackage table, or None."""
    return con.execute("SELECT column_name FROM gpkg_geometry_columns WHERE lower(table_name)=lower(?)",
                       (table,)).fetchone()


@contextmanager
def readonly(path: str):
    """A read-only SQLite connection to a GeoPackage, closed after the block."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        yield con
    finally:
        con.close()


def rtree_name(con: sqlite3.Connection, table: str) -> Optional[str]:
    """The quoted name of a GeoPackage table's R-tree index table, or None (no geometry column)."""
    col = _geometry_column(con, table)
    return None if col is None else f'"rtree_{table}_{col[0]}"'


def _read_gpkg(path: str, table: str, mapping: dict, keep: Optional[tuple] = None, ids=None):
    """Rows of ``table`` straight from SQLite: all, those whose ``keep`` field has one of the
    values, or those whose primary key is in ``ids``."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        geom_col = _geometry_column(con, table)
        if geom_col is None:
            return None
        pk = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")') if r[5]]
        pk = f'"{pk[0]}"' if pk else "rowid"
        cols = [pk, f'"{geom_col[0]}"'] + [f'"{a}"' for a in mapping.values()]
        sql = f'SELECT {", ".join(cols)} FROM "{table}"'
        if ids is not None or (keep is not None and mapping.get(keep[0])):
            if ids is None:
                wanted = set(keep[1])
                ids = [r[0] for r in con.execute(f'SELECT {pk}, "{mapping[keep[0]]}" FROM "{table}"')
                       if r[1] in wanted]
            ids = [int(i) for i in ids]
            rows = []
            for start in range(0, len(ids), 900):
                chunk = ids[start:start + 900]
                rows += con.execute(f'{sql} WHERE {pk} IN ({",".join("?" * len(chunk))})', chunk).fetchall()
        else:
            rows = con.execute(sql).fetchall()
    finally:
        con.close()
    if not rows:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=object), {k: np.zeros(0, dtype=object) for k in mapping}
    columns = list(zip(*rows))
    wkb = [None if b is None or (b[3] & 0x10) else bytes(b[_gpkg_header_length(b):]) for b in columns[1]]
    geoms = shapely.from_wkb(wkb, on_invalid="ignore")
    attrs = {std: np.asarray(columns[2 + i], dtype=object) for i, std in enumerate(mapping)}
    return np.asarray(columns[0], dtype=np.int64), geoms, attrs


def _read_features(inp: LayerInput, target: QgsCoordinateReferenceSystem):
    request = QgsFeatureRequest()
    if target is not None and target.isValid() and inp.crs != target:
        request.setDestinationCrs(target, inp.context)
    fids, wkbs, values = read_features(inp, list(inp.mapping), request)
    geoms = shapely.from_wkb(wkbs, on_invalid="ignore") if wkbs else np.zeros(0, dtype=object)
    return fids, np.asarray(geoms, dtype=object), values


def load_input(inp: LayerInput, target: Optional[QgsCoordinateReferenceSystem],
               keep: Optional[tuple] = None, inspect: bool = False, fids: Optional[np.ndarray] = None,
               where: Optional[str] = None) -> LayerArrays:
    """Read ``inp`` into arrays, in ``target`` CRS (geometries not yet repaired).

    ``keep`` = (standard field, values): the GeoPackage fast path reads only those rows
    (other sources are filtered by the caller). ``inspect``: on the fast path, check each batch's
    validity, area and bounds on another thread while the next batch is read
    (``LayerArrays.inspection``). ``fids``: only the rows with these feature ids. ``where``: only the rows
    this SQL condition chooses (a GeoPackage read through OGR's Arrow stream; LandOfficeError otherwise).
    """
    same = target is None or not target.isValid() or inp.crs == target
    data = None
    checks: list = []
    if inp.gpkg and same and keep is None:
        on_geoms = (lambda g: checks.extend(submit(Inspection.of, part) for part in np.array_split(g, workers()))) \
            if inspect else None
        data = read_gpkg_arrow(*inp.gpkg, inp.mapping, on_geoms, fids=fids, where=where)
        if data is None:
            checks = []
    if where and data is None:
        raise LandOfficeError("The layer {layer} could not be read part by part: give it as a GeoPackage layer in "
                              "the working CRS.", layer=inp.name)
    if data is None and inp.gpkg and same:
        data = _read_gpkg(*inp.gpkg, inp.mapping, keep, ids=fids)
    if data is None:
        data = _read_features(inp, target)
        if fids is not None:
            rows = np.flatnonzero(np.isin(data[0], np.asarray(fids, dtype=np.int64)))
            data = (data[0][rows], np.asarray(data[1], dtype=object)[rows], {k: v[rows] for k, v in data[2].items()})
    fids, geoms, attrs = data
    attrs = standardise(inp.role, attrs, inp.values, inp.name, inp.mapping)  # names → codes, office dates → dates
    inspection = Inspection.concat([c.result() for c in checks]) if checks else None
    if inspection is not None and len(inspection.valid) != len(geoms):  # an empty batch: inspect later
        inspection = None
    return LayerArrays(inp.role, inp.name, np.asarray(geoms, dtype=object), fids, attrs,
                       crs_from="" if same else inp.crs.authid(), inspection=inspection)


def cover(bounds: np.ndarray, margin: float, cells: int = 128) -> np.ndarray:
    """A few rectangles (xmin, ymin, xmax, ymax) that together cover every box in ``bounds``
    grown by ``margin``: the covered cells of a ``cells`` × ``cells`` grid, merged along rows."""
    if len(bounds) == 0:
        return np.zeros((0, 4))
    x0, y0 = bounds[:, 0].min() - margin, bounds[:, 1].min() - margin
    x1, y1 = bounds[:, 2].max() + margin, bounds[:, 3].max() + margin
    size = max(x1 - x0, y1 - y0) / cells or 1.0
    nx, ny = int((x1 - x0) // size) + 1, int((y1 - y0) // size) + 1
    i0 = ((bounds[:, 0] - margin - x0) // size).astype(np.intp)
    i1 = np.minimum(((bounds[:, 2] + margin - x0) // size).astype(np.intp), nx - 1)
    j0 = ((bounds[:, 1] - margin - y0) // size).astype(np.intp)
    j1 = np.minimum(((bounds[:, 3] + margin - y0) // size).astype(np.intp), ny - 1)
    diff = np.zeros((ny + 1, nx + 1), dtype=np.int64)  # 2-D difference array: each box adds 1 to its cells
    np.add.at(diff, (j0, i0), 1)
    np.add.at(diff, (j0, i1 + 1), -1)
    np.add.at(diff, (j1 + 1, i0), -1)
    np.add.at(diff, (j1 + 1, i1 + 1), 1)
    covered = diff.cumsum(axis=0).cumsum(axis=1)[:ny, :nx] > 0
    edges = np.diff(np.pad(covered, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    rows, starts = np.nonzero(edges == 1)  # row-major: the n-th start and the n-th end are one run
    _rows, ends = np.nonzero(edges == -1)
    return np.column_stack([x0 + starts * size, y0 + rows * size, x0 + ends * size, y0 + (rows + 1) * size])


def gpkg_ids_near(path: str, table: str, tree: shapely.STRtree, margin: float,
                  boxes: Optional[np.ndarray] = None) -> Optional[np.ndarray]:
    """Primary keys of the rows whose R-tree box comes within ``margin`` of a geometry's box in ``tree``.

    A few geometries are looked up one box each (the answer is exact); many are covered by a
    few rectangles (see :func:`cover`) and the boxes found are then checked one by one. None
    when the table has no R-tree index. ``boxes``: the bounds of the tree's geometries, when known
    (then the geometries themselves are not touched: see :func:`load_near`).
    """
    boxes = shapely.bounds(tree.geometries) if boxes is None else np.asarray(boxes, dtype=float)
    exact = len(boxes) <= 256
    rects = boxes + np.array([-margin, -margin, margin, margin]) if exact else cover(boxes, margin)
    found = []
    try:
        with readonly(path) as con:
            rtree = rtree_name(con, table)
            if rtree is None:
                return None
            columns = "id" if exact else "id, minx, miny, maxx, maxy"
            sql = f"SELECT {columns} FROM {rtree} WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?"
            for xmin, ymin, xmax, ymax in rects.tolist():
                found += con.execute(sql, (xmin, xmax, ymin, ymax)).fetchall()
    except sqlite3.Error:
        return None
    if not found:
        return np.zeros(0, dtype=np.int64)
    if exact:
        return np.unique(np.asarray(found, dtype=np.int64).ravel())
    found = np.asarray(found, dtype=float)
    boxes = found[np.unique(found[:, 0], return_index=True)[1]]
    near = tree.query(shapely.box(boxes[:, 1] - margin, boxes[:, 2] - margin, boxes[:, 3] + margin,
                                  boxes[:, 4] + margin))[0]
    return np.unique(boxes[near, 0].astype(np.int64))


def near(arr: LayerArrays, tree: shapely.STRtree, margin: float) -> LayerArrays:
    """The features of ``arr`` whose bounding box comes within ``margin`` of a geometry in ``tree``."""
    if len(arr) == 0:
        return arr
    b = shapely.bounds(arr.geoms)
    ok = ~np.isnan(b[:, 0])
    hit = np.zeros(len(arr), dtype=bool)
    idx = np.flatnonzero(ok)
    boxes = shapely.box(b[idx, 0] - margin, b[idx, 1] - margin, b[idx, 2] + margin, b[idx, 3] + margin)
    hit[idx[np.unique(tree.query(boxes)[0])]] = True
    return arr.take(np.flatnonzero(hit))


def load_near(inp, target: Optional[QgsCoordinateReferenceSystem], tree: shapely.STRtree,
              margin: float, boxes: Optional[np.ndarray] = None) -> LayerArrays:
    """Only the features of ``inp`` (a LayerInput or LayerArrays) near the geometries in ``tree``.

    A GeoPackage layer in the target CRS is looked up in its R-tree index, so far-away features
    are never read; other sources are read whole and filtered before any geometry work.
    ``boxes`` (the bounds of the tree's geometries, computed by the caller) lets this run on another
    thread while the tree's geometries are in use: then only the tree's own boxes are read here.
    """
    if isinstance(inp, LayerArrays):
        return near(inp, tree, margin)
    same = target is None or not target.isValid() or inp.crs == target
    if inp.gpkg and same:
        ids = gpkg_ids_near(*inp.gpkg, tree, margin, boxes)
        data = None
        if ids is not None:  # OGR's Arrow stream (WKB without per-row Python work), else SQLite row by row
            data = read_gpkg_arrow(*inp.gpkg, inp.mapping, fids=ids, register=False) or \
                _read_gpkg(*inp.gpkg, inp.mapping, ids=ids)
        if data is not None:
            fids, geoms, attrs = data
            return LayerArrays(inp.role, inp.name, np.asarray(geoms, dtype=object), fids,
                               standardise(inp.role, attrs, inp.values, inp.name, inp.mapping))
    return near(load_input(inp, target), tree, margin)


def role_fields(role: str) -> list:
    return list(get_role(role).fields)


def layer_field_names(value) -> list:
    """The actual field names of a role input (LayerInput or LayerArrays)."""
    if isinstance(value, LayerInput):
        return list(dict.fromkeys(value.mapping.values()))
    return list(value.attrs)


def has_field(value, standard: str) -> bool:
    """Whether the role input resolves the standard field ``standard`` (mapped, alias or own name)."""
    return standard in (value.mapping if isinstance(value, LayerInput) else value.attrs)


def closest_fields(value, role: str, standard: str, count: int = 3) -> list:
    """The layer's fields whose names look most like ``standard``, its aliases or its Chinese meaning."""
    targets = [standard.lower()] + [a.lower() for a in field_aliases(role, standard)]
    scored = []
    for name in layer_field_names(value):
        score = max(difflib.SequenceMatcher(None, t, name.lower()).ratio() for t in targets)
        if score >= 0.4:
            scored.append((-score, name))
    return [name for _score, name in sorted(scored)[:count]]


def missing_field_error(value, role: str, standard: str) -> LandOfficeError:
    """Role ``role``'s layer lacks ``standard``: say which field, what it means, what looks closest, what to do."""
    info = get_role(role)
    meaning = info.fields.get(standard, "")
    close = closest_fields(value, role, standard)
    fields = layer_field_names(value)
    return LandOfficeError(
        "The {role} layer '{layer}' has no field {field} ({meaning}). Fields that look closest: {closest} "
        "(the layer's fields: {fields}). Rename the layer's field to {field}, choose it for {field} in the "
        "field mapping of {role}, or name it in a FIELD_MAP file ([{role_id}] {field} = \"<layer field>\"), "
        "then run again.",
        role=f"{role} {info.name_zh}", role_id=role, layer=value.name, field=standard, meaning=meaning or standard,
        closest=", ".join(close) if close else "—",
        fields=", ".join(fields[:20]) + (" …" if len(fields) > 20 else "") if fields else "—")


def numbers(col: np.ndarray) -> np.ndarray:
    """Column as float (NaN for NULL or text that is not a number)."""
    out = np.full(len(col), np.nan)
    for i, v in enumerate(col):
        if v is None or v == "":
            continue
        try:
            out[i] = float(v)
        except (TypeError, ValueError):
            pass
    return out


def dates(col: np.ndarray) -> np.ndarray:
    """Column as datetime64[D] (NaT for NULL or unreadable): :func:`landoffice_plugin.core.fields.parse_dates`."""
    return parse_dates(col)
