"""A checkout in one GeoPackage: working layers, pristine base copies, metadata and journal.

Layout of ``<dir>/fieldwork.gpkg``:

* ``DLTB``, ``ZD``, ``EVIDENCE`` … — the layers edited in the field (``id`` text = server id,
  ``version`` = the server version the row is based on);
* ``base_<collection>`` — the server state at the last checkout/sync, never edited by hand;
* ``lo_meta`` (key/value: URL, collections, area, base counts), ``lo_journal`` (one row per
  write, see :mod:`.journal`), ``lo_conflicts`` (undecided and decided conflicts, refused
  writes), ``lo_discarded`` (values a mine/theirs choice threw away), ``lo_overrides`` (check
  overrides with their reason, which travel with the edit).

Photos live in ``<dir>/photos/`` beside the package (see :mod:`.photos`).
"""
from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from osgeo import gdal, ogr, osr

from ..core.errors import LandOfficeError
from .features import Feature, normal_value, normal_wkb

PACKAGE_FILE = "fieldwork.gpkg"
PHOTO_DIR = "photos"
BASE_PREFIX = "base_"
FORMAT = "landoffice-fieldwork-1"
_OGR_TYPES = {"string": ogr.OFTString, "number": ogr.OFTReal, "integer": ogr.OFTInteger64}
_TABLES = """
CREATE TABLE IF NOT EXISTS lo_meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS lo_journal (seq INTEGER PRIMARY KEY AUTOINCREMENT, run TEXT, collection TEXT,
    fid TEXT, op TEXT, expected_version INTEGER, state TEXT, at TEXT DEFAULT CURRENT_TIMESTAMP,
    body TEXT, hash TEXT, reason TEXT);
CREATE INDEX IF NOT EXISTS lo_journal_state ON lo_journal (collection, state);
CREATE TABLE IF NOT EXISTS lo_discarded (seq INTEGER PRIMARY KEY AUTOINCREMENT, run TEXT, collection TEXT,
    fid TEXT, field TEXT, kept TEXT, kept_value TEXT, discarded_value TEXT, decided_by TEXT,
    at TEXT DEFAULT CURRENT_TIMESTAMP);
CREATE TABLE IF NOT EXISTS lo_conflicts (collection TEXT, fid TEXT, field TEXT, base TEXT, mine TEXT,
    theirs TEXT, theirs_version INTEGER, decision TEXT, PRIMARY KEY (collection, fid, field));
CREATE TABLE IF NOT EXISTS lo_overrides (collection TEXT, fid TEXT, check_code TEXT, reason TEXT,
    PRIMARY KEY (collection, fid, check_code));
"""


def package_path(directory) -> Path:
    return Path(directory) / PACKAGE_FILE


def create_package(path, layers: dict, epsg: int) -> Path:
    """A new package file at ``path`` (which must not exist) with empty working and base layers.
    ``layers``: collection → (geometry type, schema). Checkout builds it under a temporary name and
    renames it into place when complete (:mod:`.checkout`)."""
    path = Path(path)
    if path.exists():
        raise FileExistsError(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(int(epsg))
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    for collection, (geom_type, schema) in layers.items():
        gtype = ogr.wkbPoint if geom_type.lower() == "point" else ogr.wkbMultiPolygon
        for name in (collection, BASE_PREFIX + collection):
            layer = ds.CreateLayer(name, srs, gtype, ["GEOMETRY_NAME=geom", "FID=fid"])
            layer.CreateField(ogr.FieldDefn("id", ogr.OFTString))
            layer.CreateField(ogr.FieldDefn("version", ogr.OFTInteger64))
            for field_name, kind in schema.items():
                layer.CreateField(ogr.FieldDefn(field_name, _OGR_TYPES.get(kind, ogr.OFTString)))
    ds = None
    with connect(path) as db:
        db.executescript(_TABLES)
    return path


_JOURNAL_COLUMNS = {"body": "TEXT", "hash": "TEXT", "reason": "TEXT"}


def upgrade_tables(path) -> None:
    """Bring a package checked out by an earlier version up to today's tables (nothing is removed)."""
    with connect(path) as db:
        columns = {row[1] for row in db.execute("PRAGMA table_info(lo_journal)")}
        for name, kind in _JOURNAL_COLUMNS.items():
            if columns and name not in columns:
                db.execute(f"ALTER TABLE lo_journal ADD COLUMN {name} {kind}")
        db.executescript(_TABLES)


@contextmanager
def connect(path):
    db = sqlite3.connect(str(path))
    try:
        yield db
        db.commit()
    finally:
        db.close()


def open_package(directory) -> Path:
    """The package file of ``directory``; a clear error when it is not a LandOffice checkout.

    A file that is there but cannot be read as a package (truncated by a full disk, damaged by a
    crash, a GeoPackage that is not a checkout) gets a message that never suggests checking out
    again over it — its edits may still be recoverable — and a ``sync.log`` entry.
    """
    path = package_path(directory) if Path(directory).is_dir() else Path(directory)
    if not path.is_file():
        raise LandOfficeError("No field package was found in {path}: run the checkout first, or choose the folder "
                              "that holds fieldwork.gpkg.", path=str(directory))
    try:
        meta = read_meta(path)
    except sqlite3.DatabaseError as err:
        meta = {"__error__": str(err)}
    if meta.get("format") != FORMAT:
        from . import sync_log

        error = LandOfficeError("{path} cannot be read as a LandOffice field package (its sync metadata is missing "
                                "or damaged: {detail}). Keep the file: do not delete it and do not check out "
                                "into this folder, the edits in it may still be recoverable. Copy the folder and "
                                "ask the data centre's administrator to look at it.", path=str(path),
                                detail=meta.get("__error__", "no lo_meta format entry"))
        if path.name == PACKAGE_FILE:  # a damaged package (not some other GeoPackage): say so in its log too
            sync_log.append(path.parent, [str(error)])
        raise error
    upgrade_tables(path)
    return path


def read_meta(path) -> dict:
    with connect(path) as db:
        rows = db.execute("SELECT key, value FROM lo_meta").fetchall()
    return {key: json.loads(value) for key, value in rows}


def write_meta(path, values: dict) -> None:
    with connect(path) as db:
        db.executemany("INSERT OR REPLACE INTO lo_meta (key, value) VALUES (?, ?)",
                       [(k, json.dumps(v, ensure_ascii=False)) for k, v in values.items()])


def _field_names(layer) -> list[str]:
    defn = layer.GetLayerDefn()
    return [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]


def gpkg_wkb(blob) -> bytes | None:
    """The WKB inside a GeoPackage geometry blob (magic, version, flags, srs id, envelope, WKB)."""
    if not blob:
        return None
    blob = bytes(blob)
    flags = blob[3]
    if flags & 0x10:  # empty geometry
        return None
    envelope = (0, 32, 48, 48, 64)[(flags >> 1) & 0x07]
    return blob[8 + envelope:]


def _geometry_column(db, name: str, path) -> str:
    found = db.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (name,)).fetchone()
    if found is None:
        raise LandOfficeError("The field package {path} has no layer {layer}: it is damaged or was made by another "
                              "program. Keep it and ask the data centre's administrator.", path=str(path), layer=name)
    return found[0]


CHUNK = 500  # ids per SQL IN (…) list


def read_layer(path, name: str, ids=None) -> dict[str, Feature]:
    """id → Feature of one layer (only the rows of ``ids`` when given); a row without an id (or a
    repeated one) is keyed ``fid:<n>``.

    Read with SQLite directly: ten times faster than OGR's per-field access from Python.
    """
    with connect(path) as db:
        geom_column = _geometry_column(db, name, path)
        columns = [row[1] for row in db.execute(f'PRAGMA table_info("{name}")')]
        fields = [c for c in columns if c not in ("fid", "id", "version", geom_column)]
        select = ", ".join(f'"{c}"' for c in ["fid", "id", "version", geom_column, *fields])
        if ids is None:
            rows = db.execute(f'SELECT {select} FROM "{name}"').fetchall()
        else:
            wanted, rows = list(ids), []
            for start in range(0, len(wanted), CHUNK):
                chunk = wanted[start:start + CHUNK]
                marks = ",".join("?" * len(chunk))
                rows += db.execute(f'SELECT {select} FROM "{name}" WHERE id IN ({marks})', chunk).fetchall()
    out = {}
    for row in rows:
        row_fid, fid, version, blob = row[0], row[1] or "", row[2], row[3]
        key = fid if fid and fid not in out else f"fid:{row_fid}"
        out[key] = Feature(fid, int(version) if version is not None else None,
                           {f: normal_value(v) for f, v in zip(fields, row[4:])}, normal_wkb(gpkg_wkb(blob)),
                           row_fid)
    return out


def versions(path, name: str) -> dict:
    """id → version of every row of a layer (no attributes, no geometry)."""
    with connect(path) as db:
        return {fid: (int(v) if v is not None else None)
                for fid, v in db.execute(f'SELECT id, version FROM "{name}" WHERE id IS NOT NULL AND id <> \'\'')}


def candidate_changes(path, name: str) -> tuple[set, list]:
    """(ids whose working row differs from the base row in any stored byte, or that exist on one side
    only; GeoPackage fids of working rows without a usable id). One SQL pass instead of reading
    both layers: the caller reads just these rows and compares them exactly (:func:`.changes.diff`)."""
    base = BASE_PREFIX + name
    with connect(path) as db:
        _geometry_column(db, name, path)  # a clear error when the layer is missing
        columns = [row[1] for row in db.execute(f'PRAGMA table_info("{name}")') if row[1] not in ("fid", "id")]
        base_columns = {row[1] for row in db.execute(f'PRAGMA table_info("{base}")')}
        differs = " OR ".join(f'w."{c}" IS NOT b."{c}"' for c in columns if c in base_columns) or "0"
        changed = db.execute(f'SELECT w.id FROM "{name}" w LEFT JOIN "{base}" b ON b.id = w.id '
                             f'WHERE w.id IS NOT NULL AND (b.id IS NULL OR {differs})').fetchall()
        gone = db.execute(f'SELECT b.id FROM "{base}" b LEFT JOIN "{name}" w ON w.id = b.id '
                          f'WHERE w.id IS NULL').fetchall()
        unusable = db.execute(f'SELECT fid FROM "{name}" WHERE id IS NULL OR id = \'\' OR id IN '
                              f'(SELECT id FROM "{name}" GROUP BY id HAVING count(*) > 1)').fetchall()
    return {r[0] for r in changed} | {r[0] for r in gone}, [r[0] for r in unusable]


def ensure_id_indexes(path, names) -> None:
    """An index on ``id`` for each layer (the change query joins working and base rows by id)."""
    with connect(path) as db:
        for name in names:
            db.execute(f'CREATE INDEX IF NOT EXISTS "{name}_lo_id" ON "{name}" (id)')


def _ogr_feature(feat, fields) -> Feature:
    """A package row read by OGR as a :class:`Feature` (fields by index: OGR's name lookup is slow)."""
    props, fid, version = {}, "", None
    for index, name in enumerate(fields):
        value = None if feat.IsFieldNull(index) else feat.GetField(index)
        if name == "id":
            fid = value or ""
        elif name == "version":
            version = value
        else:
            props[name] = normal_value(value)
    geom = feat.GetGeometryRef()
    return Feature(fid, int(version) if version is not None else None, props,
                   normal_wkb(geom.ExportToWkb()) if geom is not None and not geom.IsEmpty() else None,
                   feat.GetFID())


def write_features(path, name: str, upserts: list[Feature], deletes=(), expect: dict | None = None) -> set:
    """Insert or replace features (matched by ``id``) and delete ids, in one transaction.

    ``expect`` (id → Feature or None): the row each write assumes is there now (None: no row).
    A row that differs — the user saved an edit in QGIS while the sync ran — is left alone and
    its id returned; the caller decides what to do with it. The comparison and the writes are
    one SQLite transaction, so a QGIS commit lands either before (and is seen) or after.
    Several layers and the journal in one transaction: :class:`PackageWriter`.
    """
    with PackageWriter(path) as writer:
        return writer.write(name, upserts, deletes, expect)


def _sql_literal(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (bytes, bytearray)):
        return f"X'{bytes(value).hex()}'"
    return "'" + str(value).replace("'", "''") + "'"


class PackageWriter:
    """One SQLite transaction over the whole package (OGR's connection): the working layer, the base
    copy and the journal rows of one write-back commit together or not at all — a crash or a kill
    between them leaves the package as it was before, and the next sync resolves the journal again.

    ``execute``/``executemany`` take sqlite3-style ``?`` parameters (OGR's ExecuteSQL has no binding:
    the values are written as SQL literals), so the :mod:`.journal` helpers run on it unchanged.
    """

    def __init__(self, path):
        self.path = path
        self.ds = None
        self._rows: dict = {}  # layer name → {id: GeoPackage fid}, read once inside the transaction

    def __enter__(self) -> PackageWriter:
        self.ds = ogr.Open(str(self.path), 1)
        if self.ds is None:
            raise OSError(f"{self.path}: cannot be opened for writing")
        if self.ds.StartTransaction() != ogr.OGRERR_NONE:
            self.ds = None
            raise OSError(f"{self.path}: cannot start a transaction")
        return self

    def __exit__(self, kind, error, trace) -> None:
        try:
            if kind is None:
                if self.ds.CommitTransaction() != ogr.OGRERR_NONE:
                    raise OSError(f"{self.path}: the transaction could not be committed")
            else:
                self.ds.RollbackTransaction()
        finally:
            self.ds = None

    def _layer(self, name: str):
        layer = self.ds.GetLayerByName(name)
        fields = _field_names(layer)
        if name not in self._rows:
            by_id: dict = {}
            for row, fid in _ids_in_transaction(layer, fields):
                by_id.setdefault(fid, row)
            self._rows[name] = by_id
        return layer, fields, self._rows[name]

    def read(self, name: str, ids) -> dict[str, Feature]:
        """id → Feature of the rows of ``ids`` as this transaction sees them."""
        layer, fields, by_id = self._layer(name)
        out = {}
        for fid in ids:
            feat = layer.GetFeature(by_id[fid]) if fid in by_id else None
            if feat is not None:
                out[fid] = _ogr_feature(feat, fields)
        return out

    def write(self, name: str, upserts: list[Feature], deletes=(), expect: dict | None = None) -> set:
        """See :func:`write_features`."""
        layer, fields, by_id = self._layer(name)
        skipped: set = set()
        if expect is not None:
            wanted_ids = [fid for fid in [*deletes, *(item.id for item in upserts)] if fid in expect]
            current = self.read(name, wanted_ids)
            for fid in wanted_ids:
                now, wanted = current.get(fid), expect[fid]
                if (now is None) != (wanted is None) or (now is not None and now.values() != wanted.values()):
                    skipped.add(fid)
        for fid in deletes:
            if fid in by_id and fid not in skipped:
                layer.DeleteFeature(by_id.pop(fid))
        for item in upserts:
            if item.id in skipped:
                continue
            feat = ogr.Feature(layer.GetLayerDefn())
            if item.id in by_id:
                feat.SetFID(by_id[item.id])
            # Every field set (NULL explicitly): GDAL 3.6 reuses a prepared UPDATE per field set and
            # fails ("column index out of range") when consecutive features set different fields.
            values = {**item.props, "id": item.id, "version": item.version}
            for index, key in enumerate(fields):
                value = values.get(key)
                if value is None:
                    feat.SetFieldNull(index)
                else:
                    feat.SetField(index, int(value) if key == "version" else value)
            if item.geom:
                feat.SetGeometry(ogr.CreateGeometryFromWkb(item.geom))
            if item.id in by_id:
                err = layer.SetFeature(feat)
                if err == ogr.OGRERR_NON_EXISTING_FEATURE:  # a row another connection (QGIS) just wrote
                    layer.DeleteFeature(by_id[item.id])
                    err = layer.CreateFeature(feat)
            else:
                err = layer.CreateFeature(feat)
            by_id[item.id] = feat.GetFID()
            if err != ogr.OGRERR_NONE:
                raise OSError(f"{name}: writing feature {item.id} failed (OGR error {err})")
        return skipped

    def execute(self, query: str, params=()) -> None:
        parts = query.split("?")
        if len(parts) != len(params) + 1:
            raise ValueError(f"{len(params)} parameters for {len(parts) - 1} placeholders: {query}")
        text = parts[0] + "".join(_sql_literal(value) + part for value, part in zip(params, parts[1:]))
        gdal.ErrorReset()
        gdal.PushErrorHandler("CPLQuietErrorHandler")
        try:
            result = self.ds.ExecuteSQL(text)
        finally:
            gdal.PopErrorHandler()
        if result is not None:
            self.ds.ReleaseResultSet(result)
        if gdal.GetLastErrorType() >= gdal.CE_Failure:
            raise OSError(f"{self.path}: {gdal.GetLastErrorMsg()}")

    def executemany(self, query: str, rows) -> None:
        for params in rows:
            self.execute(query, params)


def copy_rows(path, source: str, target: str) -> int:
    """Every row of layer ``source`` into the empty layer ``target`` of the same schema (a checkout's base copy),
    in one SQL statement on GDAL's own connection (its GeoPackage functions keep the R-tree triggers working):
    a fraction of writing each feature again through OGR."""
    ds = ogr.Open(str(path), 1)
    try:
        fields = _field_names(ds.GetLayerByName(source))
        columns = ", ".join(f'"{name}"' for name in ["fid", "geom", *fields])
        ds.StartTransaction()
        ds.ExecuteSQL(f'INSERT INTO "{target}" ({columns}) SELECT {columns} FROM "{source}"')
        ds.CommitTransaction()
        return ds.GetLayerByName(target).GetFeatureCount()
    finally:
        ds = None


def _ids_in_transaction(layer, fields):
    """(GeoPackage fid, id) of every row, read on the writing connection (inside its transaction)."""
    layer.SetIgnoredFields([f for f in fields if f != "id"] + ["OGR_GEOMETRY", "OGR_STYLE"])
    try:
        index = fields.index("id")
        rows = [(feat.GetFID(), feat.GetField(index)) for feat in layer]
    finally:
        layer.SetIgnoredFields([])
        layer.ResetReading()
    return rows


def set_ids(path, name: str, rows_to_ids: dict) -> None:
    """Write ids onto rows (GeoPackage fid → id), e.g. generated ones for features drawn in the field."""
    ds = ogr.Open(str(path), 1)
    layer = ds.GetLayerByName(name)
    ds.StartTransaction()
    for row, new in rows_to_ids.items():
        feat = layer.GetFeature(int(row))
        feat.SetField("id", new)
        if layer.SetFeature(feat) != ogr.OGRERR_NONE:
            raise OSError(f"{name}: writing the id of row {row} failed")
    ds.CommitTransaction()
    ds = None
