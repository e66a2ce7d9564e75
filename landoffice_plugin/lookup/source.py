"""Read a parcel (ZD) layer into columns: fids, codes, owners, addresses, areas, geometries.

GeoPackage/FileGDB layers read through GDAL's Arrow stream (``GetArrowStreamAsNumPy``, GDAL ≥ 3.6):
one call per batch instead of one Python object per feature, which is what makes a 1,000,000-parcel
index build fit in a minute. Any other layer (memory, PostGIS, edited layers with pending changes)
goes through QGIS feature iteration. Field names go through the role's field mapping.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

import numpy as np
import shapely
from qgis.core import QgsFeatureRequest, QgsVectorLayer

from landoffice_plugin.analysis.fast_read import read_gpkg_arrow
from landoffice_plugin.core.layer_input import LayerInput, read_features
from landoffice_plugin.core.roles import FieldMapping, check_layer_for_role

COLUMNS = ("ZDDM", "BDCDYH", "QLRMC", "ZL", "ZDMJ", "YT")


@dataclass
class ParcelColumns:
    fids: np.ndarray
    values: dict = field(default_factory=dict)   # standard name -> list of str / float
    geoms: np.ndarray = None                      # shapely geometries (None where missing)

    def __len__(self) -> int:
        return len(self.fids)


def parcel_mapping(layer: QgsVectorLayer, mapping=None) -> FieldMapping:
    """The ZD field mapping of ``layer`` (LandOfficeError naming missing fields: open the roles dialog)."""
    return check_layer_for_role(layer, "ZD", mapping)


def ogr_path(layer: QgsVectorLayer):
    """``(path, layername)`` when ``layer`` is a plain OGR file layer without filter or edits, else None."""
    if layer.providerType() != "ogr" or layer.subsetString() or layer.isEditable():
        return None
    parts = layer.source().split("|")
    path = parts[0]
    name = next((p.split("=", 1)[1] for p in parts[1:] if p.startswith("layername=")), None)
    if not os.path.exists(path) or name is None:
        return None
    return path, name


def _to_float(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


def _read_arrow(path: str, name: str, mapping: FieldMapping, fids=None) -> ParcelColumns | None:
    """Through the one Arrow reader (:func:`landoffice_plugin.analysis.fast_read.read_gpkg_arrow`); None when
    the layer cannot be read that way."""
    actual = {std: mapping.actual(std) for std in COLUMNS if mapping.actual(std)}
    wanted = None if fids is None else np.asarray([int(f) for f in fids], dtype=np.int64)
    data = read_gpkg_arrow(path, name, actual, fids=wanted, register=False)
    if data is None:
        return None
    fid, geoms, attrs = data
    out = ParcelColumns(np.asarray(fid, dtype=np.int64), geoms=np.asarray(geoms, dtype=object))
    for std in COLUMNS:
        if std not in attrs:
            out.values[std] = [float("nan")] * len(out) if std == "ZDMJ" else [""] * len(out)
        elif std == "ZDMJ":
            try:  # a REAL column: None (NULL) becomes NaN
                out.values[std] = np.asarray(attrs[std], dtype=float)
            except (TypeError, ValueError):  # text in the column
                out.values[std] = np.array([_to_float(v) for v in attrs[std].tolist()], dtype=float)
        else:
            values = attrs[std].tolist()
            out.values[std] = values if all(type(v) is str for v in values) else \
                ["" if v is None else str(v) for v in values]
    return out


def _read_qgis(layer: QgsVectorLayer, mapping: FieldMapping, fids=None) -> ParcelColumns:
    """Through the one QGIS-iteration reader (:func:`landoffice_plugin.core.layer_input.read_features`)."""
    names = layer.fields().names()
    inp = LayerInput(role="ZD", name=layer.name(), crs=layer.crs(), source=layer,
                     mapping={std: mapping.actual(std) for std in COLUMNS if mapping.actual(std) in names})
    request = QgsFeatureRequest()
    if fids is not None:
        request.setFilterFids([int(f) for f in fids])
    fid, wkbs, cols = read_features(inp, COLUMNS, request)
    geoms = shapely.from_wkb(np.array(wkbs, dtype=object), on_invalid="ignore") if wkbs else np.array([], dtype=object)
    out = ParcelColumns(fid, geoms=geoms)
    for std in COLUMNS:
        values = cols[std].tolist()
        out.values[std] = np.array([_to_float(v) if v is not None else float("nan") for v in values], dtype=float) \
            if std == "ZDMJ" else ["" if v is None else str(v) for v in values]
    return out


def read_parcels(layer: QgsVectorLayer, mapping: FieldMapping, fids=None) -> ParcelColumns:
    """Columns of every parcel (or of ``fids``) of ``layer``."""
    source = ogr_path(layer)
    if source is not None:
        result = _read_arrow(source[0], source[1], mapping, fids)
        if result is not None:
            return result
    return _read_qgis(layer, mapping, fids)
