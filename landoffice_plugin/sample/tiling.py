"""A city of sample counties: one generated county laid out N times side by side in one GeoPackage.

Copy k (0 … N−1) of every layer is moved to its cell of a near-square grid and its county code 320299
becomes 3202(99−k) in every text field (township, village, parcel codes …), so each copy has
its own townships and its parcels keep joining their buildings and enterprises. GDAL copies the
rows (an SQLite SELECT and an affine coordinate operation): a dense county takes about half a
minute per copy. Used for the "city on a laptop" benchmark (``generatesample --TILES``).
"""
from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Union

from ..core.errors import LandOfficeError
from ..i18n import tr
from .names import COUNTY_CODE

GAP = 1000.0  # m between two copies


def tile_code(k: int) -> str:
    """The county code of copy ``k``: 320299, 320298, …"""
    if not 0 <= k < 100:
        raise LandOfficeError("A sample city has at most 100 counties, not {count}.", count=k + 1)
    return COUNTY_CODE[:4] + f"{int(COUNTY_CODE[4:]) - k:02d}"


def _size(ds) -> tuple:
    """(width, height) of a copy's cell: the county's extent plus the gap, in whole kilometres."""
    from osgeo import ogr

    box = [math.inf, -math.inf, math.inf, -math.inf]
    for i in range(ds.GetLayerCount()):
        layer = ds.GetLayerByIndex(i)
        if layer.GetGeomType() == ogr.wkbNone or layer.GetFeatureCount() == 0:  # attribute table, empty layer
            continue
        e = layer.GetExtent(force=1)
        box = [min(box[0], e[0]), max(box[1], e[1]), min(box[2], e[2]), max(box[3], e[3])]
    return tuple(math.ceil((hi - lo + GAP) / 1000.0) * 1000.0 for lo, hi in ((box[0], box[1]), (box[2], box[3])))


def offsets(k: int, tiles: int, size: tuple) -> tuple:
    """(east, north) shift of copy ``k``: the copies fill a near-square grid, row by row."""
    columns = math.ceil(math.sqrt(tiles))
    return (k % columns) * size[0], (k // columns) * size[1]


def tile_sample(county: Union[Path, str], output: Union[Path, str], tiles: int, feedback=None) -> dict:
    """Write ``tiles`` copies of the sample GeoPackage ``county`` side by side into ``output``; returns counts."""
    from osgeo import gdal, ogr

    county, output = Path(county), Path(output)
    if tiles < 1:
        raise LandOfficeError("A sample city needs at least one county, not {count}.", count=tiles)
    tile_code(tiles - 1)
    src = ogr.Open(str(county))
    if src is None:
        raise LandOfficeError("Cannot open '{path}' as a GeoPackage. Check that the file exists and is not damaged.",
                              path=str(county))
    size = _size(src)
    partial = output.with_name(f".{output.stem}.{os.getpid()}.partial.gpkg")
    partial.unlink(missing_ok=True)
    counts, created = {}, False
    layers = [src.GetLayerByIndex(i) for i in range(src.GetLayerCount())]
    steps, step = len(layers) * tiles, 0
    try:
        for layer in layers:
            name, defn = layer.GetName(), layer.GetLayerDefn()
            geom = layer.GetGeometryColumn()
            for k in range(tiles):
                if feedback is not None:
                    if feedback.isCanceled():
                        raise LandOfficeError("Writing the sample city was cancelled; nothing was written.")
                    feedback.setProgress(100.0 * step / steps)
                    feedback.pushInfo(tr("Writing layer {name}").format(name=f"{name} ({k + 1}/{tiles})"))
                step += 1
                code = tile_code(k)
                cols = []
                for i in range(defn.GetFieldCount()):
                    field = defn.GetFieldDefn(i)
                    fname = field.GetName()
                    if field.GetType() == ogr.OFTString and k:
                        cols.append(f"replace(\"{fname}\", '{COUNTY_CODE}', '{code}') AS \"{fname}\"")
                    else:
                        cols.append(f'"{fname}"')
                select = ", ".join(([f'"{geom}"'] if geom else []) + cols)
                options = dict(format="GPKG", SQLStatement=f'SELECT {select} FROM "{name}"', layerName=name,
                               accessMode=("append" if k else "update") if created else None)
                if geom and not k:
                    options["layerCreationOptions"] = ["SPATIAL_INDEX=YES"]
                if geom and k:  # the operation works in the CRS's axis order (EPSG:4549: northing first)
                    srs = layer.GetSpatialRef()
                    north_first = srs is not None and (srs.EPSGTreatsAsNorthingEasting() or srs.EPSGTreatsAsLatLong())
                    east, north = offsets(k, tiles, size)
                    if north_first:
                        east, north = north, east
                    options["coordinateOperation"] = f"+proj=affine +xoff={east!r} +yoff={north!r}"
                done = gdal.VectorTranslate(str(partial), str(county), options=gdal.VectorTranslateOptions(**options))
                if done is None:
                    raise LandOfficeError("The layer {layer} could not be written to {path}: {error}",
                                          layer=name, path=str(partial), error=gdal.GetLastErrorMsg())
                done = None
                created = True
            counts[name] = layer.GetFeatureCount() * tiles
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)
        src = None
    return counts
