"""GeoPackage layers → numpy columns through OGR's Arrow stream (GDAL ≥ 3.6).

The stream hands out the FID, standard WKB (no GeoPackage header) and the requested
attribute columns as numpy arrays in batches: no per-feature Python objects. Values are
converted to what the QGIS-feature path gives (str, int, float, datetime.date, None for NULL).
Returns None when the layer cannot be read this way (the caller falls back).
"""
from __future__ import annotations

import time
from typing import Callable, Optional

import numpy as np
import shapely

from landoffice_plugin.log import get_logger

from .columns import remember

BATCH = 8192  # rows per batch: parsing a batch's WKB holds Python's lock (~20-40 ms for dense patches)


def _column(values, register: bool = True) -> np.ndarray:
    """One attribute column as an object array of plain Python values (None for NULL).

    A string column is decoded once per distinct value; its stripped text form and that
    factorisation are registered with :mod:`.columns` for the stages that ask for them.
    """
    mask = np.ma.getmaskarray(values) if np.ma.isMaskedArray(values) else None
    data = np.ma.getdata(values)
    if data.dtype.kind == "S" and not register:  # the values only (no text forms for the analysis' caches)
        out = np.empty(len(data), dtype=object)
        out[:] = [b.decode("utf-8") for b in data.tolist()]
        if mask is not None and mask.any():
            out[mask] = None
        return out
    if data.dtype.kind == "S":
        raw = data.tolist()
        index = dict.fromkeys(raw)  # distinct values, in order of first appearance
        for i, b in enumerate(index):
            index[b] = i
        codes = np.fromiter(map(index.__getitem__, raw), dtype=np.intp, count=len(raw))
        decoded = [b.decode("utf-8") for b in index]
        if mask is not None and mask.any():
            codes[mask] = len(decoded)
            decoded.append(None)
        stripped: dict = {}
        text_of = np.fromiter((stripped.setdefault("" if d is None else d.strip(), len(stripped)) for d in decoded),
                              dtype=np.intp, count=len(decoded))
        values_u = np.empty(len(decoded), dtype=object)
        values_u[:] = decoded
        texts_u = np.empty(len(stripped), dtype=object)
        texts_u[:] = list(stripped)
        out = values_u[codes] if len(codes) else np.zeros(0, dtype=object)
        text_codes = text_of[codes] if len(codes) else np.zeros(0, dtype=np.intp)
        remember(out, texts_u[text_codes] if len(codes) else np.zeros(0, dtype=object), list(stripped), text_codes)
        return out
    if data.dtype.kind == "M":
        out = data.astype("datetime64[D]").astype(object)
    else:
        out = data.astype(object)
    if mask is not None and mask.any():
        out[mask] = None
    return out


def _concat(batches: list):
    """One column from its batches (a masked array when any batch has NULLs)."""
    if any(np.ma.isMaskedArray(b) for b in batches):
        return np.ma.concatenate(batches)
    return np.concatenate(batches)


def _open(path: str, table: str):
    from osgeo import ogr  # GDAL's exception mode is process-wide: leave it as it is, check results

    ds = ogr.Open(path, 0)
    layer = ds.GetLayerByName(table) if ds is not None else None
    if layer is None or not hasattr(layer, "GetArrowStreamAsNumPy"):
        return None, None
    return ds, layer


def read_gpkg_arrow(path: str, table: str, mapping: dict,
                    on_geoms: Optional[Callable[[np.ndarray], None]] = None,
                    fids: Optional[np.ndarray] = None, register: bool = True,
                    where: Optional[str] = None) -> Optional[tuple]:
    """(fids, shapely geometries, {standard name: values}) of every row of ``table``, or None.

    ``on_geoms`` is called with each batch's geometries as soon as they are parsed (the caller
    can start checking them on another thread while the next batch is read). ``fids``: read
    only those rows (an attribute filter SQLite answers from the primary key). ``register``: hand the
    string columns' text forms to :mod:`.columns` (the analysis asks for them again; other readers do not).
    ``where``: an SQL condition on the rows (passed to SQLite: it may use the layer's R-tree table).
    Any OGR dataset with an Arrow stream works (GeoPackage, FileGDB), not only GeoPackages.
    """
    if fids is not None and len(fids) == 0:
        return (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=object),
                {std: np.zeros(0, dtype=object) for std in mapping})
    try:
        ds, layer = _open(path, table)
        if layer is None:
            return None
        fid_col = layer.GetFIDColumn() or "OGC_FID"
        from osgeo import ogr

        geom_col = layer.GetGeometryColumn() or (None if layer.GetGeomType() == ogr.wkbNone else "wkb_geometry")
        names = [layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())]
        wanted = {a for a in mapping.values() if a != fid_col}
        if not wanted <= set(names):
            return None
        layer.SetIgnoredFields([n for n in names if n not in wanted])
        conditions = [f"({where})"] if where else []
        if fids is not None:
            conditions.append("FID IN (" + ",".join(map(str, np.asarray(fids).tolist())) + ")")
        if conditions and layer.SetAttributeFilter(" AND ".join(conditions)) != 0:
            return None
        fids, geoms, cols = [], [], {a: [] for a in wanted}
        stream = layer.GetArrowStreamAsNumPy(options=["INCLUDE_FID=YES", f"MAX_FEATURES_IN_BATCH={BATCH}"])
        if stream is None:
            return None
        for batch in stream:
            fids.append(np.asarray(batch[fid_col], dtype=np.int64))
            if geom_col is None:  # an attribute table (e.g. 户籍): no geometries
                parsed = np.full(len(fids[-1]), None, dtype=object)
            else:
                geom = batch[geom_col]
                if np.ma.isMaskedArray(geom):
                    geom = geom.filled(None)
                parsed = shapely.from_wkb(np.asarray(geom, dtype=object), on_invalid="ignore")
            geoms.append(np.asarray(parsed, dtype=object))
            if on_geoms is not None and len(parsed):
                on_geoms(geoms[-1])
            for a in wanted:
                cols[a].append(batch[a])
            time.sleep(0)  # the other threads (the window) take Python's lock between batches
        layer.SetIgnoredFields([])
        layer.SetAttributeFilter(None)
        del layer, ds
    except Exception as exc:  # any OGR/Arrow surprise: the caller reads another way
        get_logger().info("Arrow read of %s|%s failed (%s); using the slower path", path, table, exc)
        return None
    fid = np.concatenate(fids) if fids else np.zeros(0, dtype=np.int64)
    geoms = np.concatenate(geoms) if geoms else np.zeros(0, dtype=object)
    values = {a: (_column(_concat(v), register) if v else np.zeros(0, dtype=object)) for a, v in cols.items()}
    attrs = {std: (fid.astype(object) if a == fid_col else values[a]) for std, a in mapping.items()}
    return fid, geoms, attrs
