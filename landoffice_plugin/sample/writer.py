"""Write layer tables with GDAL/OGR: GeoPackage, 三调-style FileGDB, GBK shapefile.

Tables are dicts of column arrays plus ``geoms`` (shapely); schema.LAYERS gives the fields.
Features go in inside one transaction per layer. Files are written under a temporary name
and renamed by :func:`publish` once everything succeeded.
"""
from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import shapely
from osgeo import gdal, ogr, osr

from ..core.errors import LandOfficeError
from ..core.roles import get_role
from .geography import EPSG
from .schema import LAYERS

OGR_TYPES = {"str": ogr.OFTString, "int": ogr.OFTInteger, "int64": ogr.OFTInteger64, "real": ogr.OFTReal,
             "date": ogr.OFTDate}
GEOM_TYPES = {"polygon": ogr.wkbMultiPolygon, "point": ogr.wkbPoint, None: ogr.wkbNone}
CHECK_EVERY = 20000
# type-specific setters skip ogr.Feature.SetField's per-call type dispatch (2–3× faster)
_SETTERS = {"str": ogr.Feature.SetFieldString, "date": ogr.Feature.SetFieldString,
            "int": ogr.Feature.SetFieldInteger64, "int64": ogr.Feature.SetFieldInteger64,
            "real": ogr.Feature.SetField}


class Cancelled(Exception):
    """The user cancelled: the caller removes partial output."""


def _column(values, kind: str) -> list:
    arr = np.asarray(values)
    if kind == "date":
        text = np.datetime_as_string(arr.astype("datetime64[D]"))
        return [None if t == "NaT" else t for t in text]
    if kind in ("int", "int64"):
        return [None if v is None else int(v) for v in arr.tolist()]
    if kind == "real":
        return [None if v is None or v != v else float(v) for v in arr.tolist()]
    return [None if v is None else str(v) for v in arr.tolist()]


def _multi(geoms: np.ndarray) -> np.ndarray:
    """Polygons as MultiPolygons (vectorised)."""
    parts, idx = shapely.get_parts(geoms, return_index=True)
    out = np.empty(len(geoms), dtype=object)
    multi = shapely.multipolygons(parts, indices=idx)
    out[np.unique(idx)] = multi
    return out


def _srs(epsg: int = EPSG) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def create_dataset(path: Path, driver: str) -> gdal.Dataset:
    drv = ogr.GetDriverByName(driver)
    if drv is None:
        raise LandOfficeError("GDAL has no {driver} driver, so the sample cannot be written. Install a GDAL build "
                              "with that driver (QGIS's own GDAL has it).", driver=driver)
    ds = drv.CreateDataSource(str(path))
    if ds is None:
        raise LandOfficeError("Could not create {path}. Check that the folder exists and is writable.", path=path)
    return ds


def write_layer(ds, name: str, table: dict, options=(), aliases: bool = False, feedback=None,
                progress=(0.0, 100.0), widths=None, schema=None, epsg: int = EPSG) -> int:
    """One layer from a column table; returns the feature count. ``widths`` overrides string widths.

    ``schema`` = (role, geometry kind, fields) for a layer whose name or fields are not the standard ones
    (sample dialects); ``epsg``: the CRS of the table's geometries."""
    role_id, geom_kind, fields = schema if schema is not None else (name, *LAYERS[name])
    if widths:
        fields = [(f, k, widths.get(f, w), p) for f, k, w, p in fields]
    opts = list(options)
    role = get_role(role_id)
    if aliases:
        opts.append(f"LAYER_ALIAS={role.name_zh}")
    lyr = ds.CreateLayer(name, _srs(epsg) if geom_kind else None, GEOM_TYPES[geom_kind], options=opts)
    for fname, kind, width, prec in fields:
        fd = ogr.FieldDefn(fname, OGR_TYPES[kind])
        if kind in ("str", "real") and width:
            fd.SetWidth(width)
            fd.SetPrecision(prec)
        if aliases and fname in role.fields:
            fd.SetAlternativeName(role.fields[fname])
        lyr.CreateField(fd)
    cols = [_column(table[f[0]], f[1]) for f in fields]
    n = len(cols[0]) if cols else len(table["geoms"])
    wkbs = None
    if geom_kind:
        geoms = table["geoms"] if geom_kind == "point" else _multi(np.asarray(table["geoms"], dtype=object))
        wkbs = shapely.to_wkb(geoms)
    defn = lyr.GetLayerDefn()
    setters = [_SETTERS[f[1]] for f in fields]
    columns = list(enumerate(zip(cols, setters)))
    lyr.StartTransaction()
    for i in range(n):
        f = ogr.Feature(defn)
        for j, (col, setter) in columns:
            v = col[i]
            if v is not None:
                setter(f, j, v)
        if wkbs is not None:
            f.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkbs[i]))
        lyr.CreateFeature(f)
        if i % CHECK_EVERY == 0 and feedback is not None:
            if feedback.isCanceled():
                lyr.RollbackTransaction()
                raise Cancelled()
            feedback.setProgress(progress[0] + (progress[1] - progress[0]) * i / max(n, 1))
    lyr.CommitTransaction()
    return n


@contextmanager
def shapefile_encoding_honoured():
    """Unset GDAL's SHAPE_ENCODING while writing a shapefile.

    QGIS sets SHAPE_ENCODING='' process-wide once it has opened any shapefile; that overrides the
    ENCODING=GBK layer option, and the .dbf would hold UTF-8 bytes under a .cpg saying GBK.
    """
    saved = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    try:
        yield
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", saved)


def remove_path(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists():
        path.unlink()


def publish(pairs) -> None:
    """Rename every (temporary, final) pair; existing finals are replaced."""
    for tmp, final in pairs:
        remove_path(final)
        tmp.rename(final)
