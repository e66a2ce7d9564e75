"""Per role: the layer found, its features, CRS, invalid geometries, and each standard field — how it was resolved
(:func:`landoffice_plugin.core.fields.resolve_layer`, the one door) and the share of valid values of coded,
land-use, parcel-code, ID-number and date fields."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import shapely

from landoffice_plugin.core.fields import (
    HOW_ALIAS,
    HOW_MAP,
    HOW_MEANING,
    HOW_STANDARD,
    code_table,
    is_date_field,
    parse_date,
    resolve_codes,
    resolve_layer,
)
from landoffice_plugin.core.landuse import landuse_entry
from landoffice_plugin.core.parcel_codes import parcel_code_problems
from landoffice_plugin.core.personal import id_numbers_valid
from landoffice_plugin.core.roles import geometry_kind, load_roles, table_shape
from landoffice_plugin.i18n import tr, tr_noop

LANDUSE_FIELDS = {("DLTB", "DLBM"), ("DLTB", "KCDLBM"), ("YJJBNTTB", "DLBM"), ("ZD", "YT"), ("GYYD", "YT")}
ID_FIELDS = {("HJ", "GMSFHM"), ("HJ", "HZSFZHM")}
PARCEL_CODE_FIELDS = {("ZD", "ZDDM"), ("ZRZ", "ZDDM"), ("HJ", "ZDDM"), ("GYQY", "ZDDM")}


@dataclass
class FieldCheck:
    standard: str
    meaning: str
    required: bool
    actual: Optional[str]          # the layer's field, None: not found
    how: str                       # 'map', 'standard', 'alias X', 'meaning X' or '' (missing)
    kind: str = ""                 # 'code', 'landuse', 'parcel code', 'ID', 'date' or ''
    checked: int = 0               # non-empty values checked
    valid: int = 0
    examples: list = field(default_factory=list)  # a few invalid values (never an ID number)

    @property
    def share(self) -> Optional[float]:
        return self.valid / self.checked if self.kind and self.checked else None

    def how_text(self, t=tr) -> str:
        """How the field was resolved, in the language of ``t`` (``i18n.zh`` for Chinese)."""
        kind, _, name = self.how.partition(" ")
        return {HOW_STANDARD: t(tr_noop("standard name")), HOW_MAP: t(tr_noop("field map")),
                HOW_ALIAS: t(tr_noop("alias {name}")).format(name=name),
                HOW_MEANING: t(tr_noop("Chinese meaning {name}")).format(name=name)}.get(kind, t(tr_noop("missing")))


@dataclass
class RoleCheck:
    role: str
    name_zh: str
    layer: Optional[str] = None    # the layer's name (None: no layer found)
    source: str = ""
    features: int = 0
    crs: str = ""
    geographic: bool = False
    invalid_geometries: int = 0
    empty_geometries: int = 0
    shape: Optional[str] = None    # population tables: 'person' or 'household'
    fields: list = field(default_factory=list)   # [FieldCheck]
    problems: list = field(default_factory=list)  # English sentences marked with tr_noop: show them with tr/zh

    @property
    def found(self) -> bool:
        return self.layer is not None

    def field(self, standard: str) -> Optional[FieldCheck]:
        return next((f for f in self.fields if f.standard == standard), None)

    def has(self, standard: str) -> bool:
        f = self.field(standard)
        return f is not None and f.actual is not None


def _kind(role: str, standard: str) -> str:
    if code_table(role, standard):
        return "code"
    if (role, standard) in LANDUSE_FIELDS:
        return "landuse"
    if (role, standard) in PARCEL_CODE_FIELDS:
        return "parcel code"
    if (role, standard) in ID_FIELDS:
        return "ID"
    if is_date_field(role, standard):
        return "date"
    return ""


def _empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _valid_mask(role: str, standard: str, kind: str, values: list, value_map) -> np.ndarray:
    if kind == "code":
        codes = set(code_table(role, standard)) | set((value_map or {}).values())
        return np.asarray([c in codes for c in resolve_codes(role, standard, values, value_map).tolist()], bool)
    if kind == "ID":
        return np.asarray(id_numbers_valid(values), bool)
    cache: dict = {}

    def ok(v) -> bool:
        key = str(v)
        if key not in cache:
            if kind == "landuse":
                cache[key] = landuse_entry(str(v).strip()) is not None
            elif kind == "parcel code":
                cache[key] = not parcel_code_problems(v)
            else:
                cache[key] = parse_date(v) is not None
        return cache[key]
    return np.asarray([ok(v) for v in values], bool)


def _read(layer, names: list, geometry: bool):
    """({name: values}, shapely geometries or None): a GeoPackage through OGR's Arrow stream (the analysis's fast
    reader), anything else feature by feature."""
    from landoffice_plugin.analysis.fast_read import read_gpkg_arrow
    from landoffice_plugin.core.layer_input import LayerInput, gpkg_of, read_features

    gpkg = gpkg_of(layer)
    if gpkg is not None:
        got = read_gpkg_arrow(gpkg[0], gpkg[1], {n: n for n in names})
        if got is not None:
            return {n: got[2][n].tolist() for n in names}, got[1] if geometry else None
    inp = LayerInput(role="", name=layer.name(), crs=layer.crs(), source=layer, mapping={n: n for n in names})
    _fids, wkbs, values = read_features(inp, names, None, geometry)  # the one QGIS-iteration reader
    columns = [values[n].tolist() for n in names]
    geoms = shapely.from_wkb(np.asarray(wkbs, dtype=object), on_invalid="ignore") if geometry else None
    return dict(zip(names, columns)), geoms


def check_role(role_id: str, layer, field_map=None, source: str = "") -> RoleCheck:
    """The check of ``layer`` (a QgsVectorLayer, or None when no layer plays ``role_id``)."""
    role = load_roles()[role_id]
    out = RoleCheck(role_id, role.name_zh)
    if layer is None:
        out.fields = [FieldCheck(s, m, s in role.required, None, "") for s, m in role.fields.items()]
        return out
    out.layer, out.source = layer.name(), source
    out.features = max(layer.featureCount(), 0)
    crs = layer.crs()
    out.crs = crs.authid() or crs.description() if crs.isValid() else ""
    out.geographic = crs.isValid() and crs.isGeographic()
    resolution = resolve_layer(layer, role_id, field_map)
    for std, meaning in role.fields.items():
        actual = resolution.actual(std)
        out.fields.append(FieldCheck(std, meaning, std in role.required, actual, resolution.described(std) if actual
                                     else "", _kind(role_id, std) if actual else ""))
    out.shape = table_shape(role_id, resolution.mapping) if role.shapes else None
    coded = [f for f in out.fields if f.kind]
    has_geometry = geometry_kind(layer) not in ("none", "unknown")
    columns, geoms = _read(layer, [f.actual for f in coded], has_geometry)
    for f in coded:
        values = [v for v in columns[f.actual] if not _empty(v)]
        mask = _valid_mask(role_id, f.standard, f.kind, values, resolution.values.get(f.standard))
        f.checked, f.valid = len(values), int(mask.sum())
        if f.kind != "ID":
            f.examples = sorted({str(v) for v, m in zip(values, mask) if not m})[:5]
    if geoms is not None and len(geoms):
        missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
        out.empty_geometries = int(missing.sum())
        out.invalid_geometries = int((~shapely.is_valid(geoms) & ~missing).sum())
    if out.features == 0:
        out.problems.append(tr_noop("the layer has no features"))
    if has_geometry and not crs.isValid():
        out.problems.append(tr_noop("the layer has no coordinate reference system"))
    return out
