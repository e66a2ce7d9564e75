"""Keep an index current: other role layers' keys (TBBH, ZDDM) and parcel edits.

The GUI calls :func:`update_parcels` from the layer's ``committedFeaturesAdded`` /
``committedAttributeValuesChanges`` / ``committedGeometriesChanges`` / ``committedFeaturesRemoved``
signals: only the changed parcels are re-read, and overlaps are re-checked against their
neighbours found in the index's R*Tree, so an edit costs milliseconds, not a rebuild.
"""
from __future__ import annotations

import numpy as np
import shapely

from landoffice_plugin.core.area import ellipsoidal_areas
from landoffice_plugin.core.fields import layer_mapping

from . import red_lights
from .index import ParcelIndex, _write_parcels, layer_fingerprint
from .source import read_parcels

AUX_KEY_FIELD = {"DLTB": "TBBH", "ZRZ": "ZDDM", "HJ": "ZDDM", "GYQY": "ZDDM"}


def _aux_values(layer, field_name: str):
    """``(key, fid)`` pairs; through GDAL's Arrow stream for plain file layers (thread-safe, fast)."""
    from qgis.core import QgsFeatureRequest

    from .source import ogr_path

    source = ogr_path(layer)
    if source is not None:
        pairs = _aux_values_arrow(source[0], source[1], field_name)
        if pairs is not None:
            yield from pairs
            return

    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes([field_name], layer.fields())
    idx = layer.fields().indexOf(field_name)
    for feat in layer.getFeatures(request):
        value = feat.attribute(idx)
        if value is not None and str(value) != "NULL" and str(value) != "":
            yield str(value), feat.id()


def _aux_values_arrow(path: str, name: str, field_name: str):
    from osgeo import ogr

    dataset = ogr.Open(path)
    lyr = dataset.GetLayerByName(name) if dataset is not None else None
    if lyr is None or not hasattr(lyr, "GetArrowStreamAsNumPy"):
        return None
    defn = lyr.GetLayerDefn()
    lyr.SetIgnoredFields([defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())
                          if defn.GetFieldDefn(i).GetName() != field_name] + ["OGR_GEOMETRY"])
    out = []
    for batch in lyr.GetArrowStreamAsNumPy(options=["USE_MASKED_ARRAYS=NO", "INCLUDE_FID=YES"]):
        fids = batch[lyr.GetFIDColumn() or "OGC_FID"].tolist()
        values = batch[field_name]
        keys = [v.decode("utf-8", "replace") if isinstance(v, bytes) else ("" if v is None else str(v))
                for v in values.tolist()]
        out.extend((k, f) for k, f in zip(keys, fids) if k)
    return out


def attach_aux(index: ParcelIndex, role: str, layer, mapping=None) -> bool:
    """Index the key field of ``layer`` in role ``role`` (refreshed only when the layer changed).
    Returns False when the layer has no such field."""
    std = AUX_KEY_FIELD.get(role)
    if std is None or layer is None:
        return False
    mapping = mapping or layer_mapping(layer, role)
    actual = mapping.actual(std) if hasattr(mapping, "actual") else None
    index.layers[role] = layer
    if not actual or actual not in layer.fields().names():
        return False
    fingerprint = layer_fingerprint(layer, mapping)
    if index.meta(f"aux:{role}") == fingerprint:
        return True
    conn = index.conn
    conn.execute("DELETE FROM aux_keys WHERE role = ?", (role,))
    conn.executemany("INSERT INTO aux_keys VALUES (?, ?, ?)",
                     ((role, key, fid) for key, fid in _aux_values(layer, actual)))
    conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (f"aux:{role}", fingerprint))
    conn.commit()
    return True


def _delete_rows(conn, fids: list) -> None:
    for fid in fids:
        row = conn.execute("SELECT addr FROM parcels WHERE fid = ?", (fid,)).fetchone()
        if row and row[0]:
            conn.execute("INSERT INTO addr_fts(addr_fts, rowid, addr) VALUES ('delete', ?, ?)", (fid, row[0]))
        conn.execute("DELETE FROM parcels WHERE fid = ?", (fid,))
    partners = set()
    for fid in fids:
        partners.update(r[0] for r in conn.execute("SELECT other FROM overlaps WHERE fid = ?", (fid,)))
        conn.execute("DELETE FROM overlaps WHERE fid = ? OR other = ?", (fid, fid))
    for other in partners - set(fids):
        if conn.execute("SELECT 1 FROM overlaps WHERE fid = ?", (other,)).fetchone() is None:
            conn.execute("UPDATE parcels SET flags = flags & ? WHERE fid = ?", (~red_lights.OVERLAP, other))


def _neighbours(layer, geoms) -> set:
    """Feature ids of ``layer`` whose extent meets one of ``geoms`` (the layer's spatial index)."""
    from qgis.core import QgsFeatureRequest, QgsRectangle

    found = set()
    for g in geoms:
        if g is None or shapely.is_empty(g):
            continue
        x0, y0, x1, y1 = shapely.bounds(g)
        request = QgsFeatureRequest().setFilterRect(QgsRectangle(x0, y0, x1, y1)).setNoAttributes()
        request.setFlags(QgsFeatureRequest.NoGeometry)
        found.update(f.id() for f in layer.getFeatures(request))
    return found


def _refresh_codes(conn, codes) -> None:
    """Duplicate-code bits of every parcel sharing a code with the changed ones."""
    for code in {c for c in codes if c}:
        fids = [r[0] for r in conn.execute("SELECT fid FROM parcels WHERE code = ?", (code,))]
        op = "flags | ?" if len(fids) > 1 else "flags & ~?"
        conn.executemany(f"UPDATE parcels SET flags = {op} WHERE fid = ?", ((red_lights.DUP_CODE, f) for f in fids))


def update_parcels(index: ParcelIndex, changed=(), removed=()) -> None:
    """Re-index parcels ``changed`` (added or edited fids) and drop ``removed`` ones."""
    conn, layer = index.conn, index.layer
    changed, removed = sorted({int(f) for f in changed}), sorted({int(f) for f in removed})
    old_codes = [r[0] for f in changed + removed for r in conn.execute("SELECT code FROM parcels WHERE fid = ?", (f,))]
    _delete_rows(conn, changed + removed)
    cols = read_parcels(layer, index.mapping, fids=changed) if changed else None
    if cols is not None and len(cols):
        near = sorted(_neighbours(layer, cols.geoms) - set(cols.fids.tolist()))
        others = read_parcels(layer, index.mapping, fids=near) if near else None
        flags = red_lights.code_flags(cols.values["ZDDM"], cols.values["BDCDYH"])
        flags |= red_lights.geometry_flags(cols.geoms)
        flags |= np.array([0 if o.strip() else red_lights.NO_OWNER for o in cols.values["QLRMC"]], dtype=np.int64)
        flags &= ~red_lights.DUP_CODE
        epsg = index.epsg or layer.crs()
        areas = ellipsoidal_areas(cols.geoms, epsg)
        all_geoms = np.concatenate([cols.geoms, others.geoms]) if others is not None else cols.geoms
        all_fids = np.concatenate([cols.fids, others.fids]) if others is not None else cols.fids
        pairs = red_lights.overlap_pairs(all_geoms, epsg, candidates=np.arange(len(cols)),
                                         geographic=layer.crs().isGeographic())
        for i, _j, _a in pairs:
            flags[i] |= red_lights.OVERLAP
        _write_parcels(conn, cols, flags, areas, [])
        rows = [(int(all_fids[i]), int(all_fids[j]), a) for i, j, a in pairs]
        conn.executemany("INSERT INTO overlaps VALUES (?, ?, ?)", rows + [(b, a, x) for a, b, x in rows])
        conn.executemany("UPDATE parcels SET flags = flags | ? WHERE fid = ?",
                         ((red_lights.OVERLAP, b) for _a, b, _x in rows))
        old_codes += list(cols.values["ZDDM"])
    _refresh_codes(conn, old_codes)
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)", (layer_fingerprint(layer, index.mapping),))
    conn.commit()



def attach_regions(index: ParcelIndex, xzq=None, cjdcq=None) -> None:
    """Township (XZQ, 9-character code) and village (CJDCQ, first 12 of ZLDWDM) names for results."""
    names = {}
    for layer, role, code_field, name_field, length in ((xzq, "XZQ", "XZQDM", "XZQMC", 9),
                                                        (cjdcq, "CJDCQ", "ZLDWDM", "ZLDWMC", 12)):
        if layer is None:
            continue
        mapping = layer_mapping(layer, role)
        code_name, label_name = mapping.actual(code_field), mapping.actual(name_field)
        if not code_name or not label_name:
            continue
        for feat in layer.getFeatures():
            code, label = feat[code_name], feat[label_name]
            if code and label and str(code) != "NULL":
                names[str(code)[:length]] = str(label)
    index.region_names = names
