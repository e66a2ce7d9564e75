"""A red line around ``n`` homesteads of a GeoPackage (benchmarks, tests, demo):
a circle around the densest cluster of homesteads whose radius reaches the n-th nearest one.

    python -m landoffice_plugin.cost.sample_redline county.gpkg redline.gpkg --homesteads 5000
"""
from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import shapely
from osgeo import ogr, osr

from landoffice_plugin.core.errors import LandOfficeError

CELL = 1000.0  # m: grid used to find the densest cluster


def homestead_centres(gpkg) -> tuple:
    ds = ogr.Open(str(gpkg))
    layer = ds.GetLayerByName("ZD") if ds is not None else None
    if layer is None:
        raise LandOfficeError("{path} has no layer ZD: give a GeoPackage with parcels.", path=str(gpkg))
    layer.SetAttributeFilter("substr(ZDDM, 13, 2) = 'JC'")
    xy = []
    for feat in layer:
        g = feat.GetGeometryRef()
        if g is not None:
            c = g.Centroid()
            xy.append((c.GetX(), c.GetY()))
    return np.asarray(xy), layer.GetSpatialRef().ExportToWkt()


def redline_around(xy: np.ndarray, n: int):
    """A 128-gon circle containing about ``n`` homestead centroids."""
    if len(xy) == 0:
        raise LandOfficeError("No homestead (ZDDM with J and C) found: the red line cannot be placed.")
    cells = np.floor(xy / CELL).astype(np.int64)
    keys, counts = np.unique(cells, axis=0, return_counts=True)
    seed = (keys[np.argmax(counts)] + 0.5) * CELL
    dist = np.sort(np.hypot(xy[:, 0] - seed[0], xy[:, 1] - seed[1]))
    radius = dist[min(n, len(dist)) - 1] + 1.0
    return shapely.Point(seed).buffer(radius, 32)


def write_redline(gpkg, out, n: int = 5000) -> Path:
    xy, wkt = homestead_centres(gpkg)
    geom = redline_around(xy, n)
    out = Path(out)
    if out.exists():
        out.unlink()
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(out))
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    layer = ds.CreateLayer("redline", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("NAME", ogr.OFTString))
    feat = ogr.Feature(layer.GetLayerDefn())
    feat.SetField("NAME", f"示例红线（约{n}宗宅基地）")
    feat.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(geom)))
    layer.CreateFeature(feat)
    ds = None
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gpkg")
    parser.add_argument("out")
    parser.add_argument("--homesteads", type=int, default=5000)
    args = parser.parse_args(argv)
    print(write_redline(args.gpkg, args.out, args.homesteads))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
