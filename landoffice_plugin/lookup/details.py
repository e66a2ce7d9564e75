"""One parcel, all layers: its attributes with Chinese labels and what every role layer has on it.

Polygon roles are overlaid through the provider's spatial index (``QgsFeatureRequest.setFilterRect``
uses the GeoPackage R*Tree; nothing is loaded in advance), pieces are cut with GEOS and measured
on the CGCS2000 ellipsoid (QgsDistanceArea), in 亩. Buildings, households and enterprises are
joined by 宗地代码 through the index's ``aux_keys`` (no table scan) or, without it, an attribute
filter. ID and phone numbers are masked unless ``mask_personal`` is False.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import (
    QgsCoordinateTransform,
    QgsExpression,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
)

from landoffice_plugin.core.area import SQM_PER_MU, distance_area
from landoffice_plugin.core.fields import code_table, layer_mapping, resolve_layer, standard_values
from landoffice_plugin.core.landuse import landuse_name
from landoffice_plugin.core.personal import mask_id_number, mask_phone
from landoffice_plugin.core.qt_values import python_value
from landoffice_plugin.core.roles import get_role

STRUCTURES = {code: names[0] for code, names in code_table("ZRZ", "FWJG").items()}  # 4 混合结构 …
ZONE_FIELDS = {  # role -> (fields shown, in order); area inside is added
    "YJJBNTTB": ("JBNTTBBH", "DLBM"),
    "STBHHX": ("HXBH", "HXMC", "HXLX"),
    "CZKFBJ": ("FQDM", "FQMC"),
    "PZYD": ("PZWH", "PCMC", "PZRQ", "PZMJ"),
    "GYYD": ("DZJGH", "XMMC", "SRR", "GDFS", "GYRQ", "GDMJ"),
}
LINKED_FIELDS = {
    "ZRZ": ("ZRZH", "FWJG", "ZCS", "JZMJ", "JGRQ"),
    "HJ": ("HH", "XM", "GMSFHM", "YHZGX", "XB", "LXDH", "HZXM", "HZSFZHM", "JTRKS"),  # per person or per household
    "GYQY": ("QYMC", "YDMJ", "RJL", "JZMD", "SSZE", "NSSS"),
}
OVERLAY_ORDER = ("DLTB", "YJJBNTTB", "STBHHX", "CZKFBJ", "PZYD", "GYYD", "ZRZ", "HJ", "GYQY")
AREA_KEY, SHARE_KEY = "_area_mu", "_share"


@dataclass
class Section:
    role: str
    title: str
    columns: list                   # [(key, Chinese title)]
    rows: list = field(default_factory=list)


@dataclass
class ParcelDetails:
    fid: int
    code: str
    attributes: list                # [(Chinese label, text)]
    sections: list                  # [Section], only for role layers present
    area_m2: float
    geometry: QgsGeometry
    crs: object
    red_lights: list = field(default_factory=list)


def field_label(role: str, std: str) -> str:
    text = get_role(role).fields.get(std, std)
    return text.split("（")[0]


def _text(value) -> str:
    if value is None or str(value) == "NULL":
        return ""
    if hasattr(value, "toString") and not isinstance(value, str):
        return value.toString("yyyy-MM-dd") if type(value).__name__ in ("QDate", "QDateTime") else value.toString()
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _standard_text(role: str, std: str, raw, values=None) -> str:
    """A value in its standard form as text: codes for names (混合结构 → 4), office dates as 2019-05-01."""
    if raw is None or str(raw) == "NULL":
        return ""
    value = standard_values(role, std, [python_value(raw)], (values or {}).get(std))[0]
    return _text(value)


def _personal(role: str, std: str, value: str, mask: bool) -> str:
    if not mask or not value:
        return value
    if std in ("QLRZJH", "GMSFHM", "HZSFZHM"):
        return mask_id_number(value)
    if std == "LXDH":
        return mask_phone(value)
    return value


class Quantity(str):
    """A number shown with its unit (``206.79 m²``); reports that store numbers (xlsx) use ``number`` and put
    ``unit`` in the label."""

    number: float
    unit: str

    def __new__(cls, number: float, unit: str, decimals: int = 2):
        obj = super().__new__(cls, f"{number:,.{decimals}f} {unit}")
        obj.number, obj.unit = float(number), unit
        return obj


# units of the standard fields whose meaning names one, e.g. 宗地面积（平方米）
UNITS = {"平方米": "m²", "亩": "亩", "万元": "万元"}


def _unit(role: str, std: str):
    meaning = get_role(role).fields.get(std, "")
    inner = meaning.split("（", 1)[1].rstrip("）") if "（" in meaning else ""
    return UNITS.get(inner)


def parcel_attributes(feature, mapping, mask_personal: bool = True, extra=()) -> list:
    out = []
    for std in get_role("ZD").fields:
        actual = mapping.actual(std)
        raw = feature[actual] if actual and actual in feature.fields().names() else None
        value = _standard_text("ZD", std, raw)
        unit = _unit("ZD", std)
        if unit and value:
            try:
                value = Quantity(float(raw), unit)
            except (TypeError, ValueError):
                pass
        if std == "YT" and value:
            value = f"{value} {landuse_name(value)}"
        out.append((field_label("ZD", std), _personal("ZD", std, value, mask_personal)))
    return out + list(extra)


def _transformed(geom: QgsGeometry, src, dst) -> QgsGeometry:
    if src == dst:
        return QgsGeometry(geom)
    out = QgsGeometry(geom)
    out.transform(QgsCoordinateTransform(src, dst, QgsProject.instance().transformContext()))
    return out


def _pieces(layer, geom: QgsGeometry, crs, fields):
    """``(feature, area m² inside)`` for each feature of ``layer`` overlapping ``geom``."""
    local = _transformed(geom, crs, layer.crs())
    engine = QgsGeometry.createGeometryEngine(local.constGet())
    engine.prepareGeometry()
    da = distance_area(layer.crs())
    request = QgsFeatureRequest().setFilterRect(local.boundingBox())
    request.setSubsetOfAttributes([f for f in fields if f], layer.fields())
    for feat in layer.getFeatures(request):
        other = feat.geometry()
        if other.isNull() or not engine.intersects(other.constGet()):
            continue
        inside = local.intersection(other)
        area = da.measureArea(inside) if not inside.isEmpty() else 0.0
        if area > 0.01:
            yield feat, area


def _dltb_section(layer, geom, crs, parcel_m2) -> Section:
    mapping = layer_mapping(layer, "DLTB")
    code_f, name_f = mapping.actual("DLBM"), mapping.actual("DLMC")
    by_class: dict[str, float] = {}
    for feat, area in _pieces(layer, geom, crs, [code_f, name_f]):
        code = _text(feat[code_f]) if code_f else ""
        by_class[code] = by_class.get(code, 0.0) + area
    rows = [{"DLBM": code, "DLMC": landuse_name(code) if code else "", AREA_KEY: a / SQM_PER_MU,
             SHARE_KEY: a / parcel_m2 * 100.0 if parcel_m2 else 0.0}
            for code, a in sorted(by_class.items(), key=lambda kv: -kv[1])]
    columns = [("DLBM", "地类编码"), ("DLMC", "地类名称"), (AREA_KEY, "面积（亩）"), (SHARE_KEY, "占比（%）")]
    return Section("DLTB", get_role("DLTB").name_zh, columns, rows)


def _zone_section(role, layer, geom, crs, parcel_m2, mask) -> Section:
    resolution = resolve_layer(layer, role)
    mapping = resolution.mapping
    stds = [s for s in ZONE_FIELDS[role] if mapping.actual(s)]
    rows = []
    for feat, area in _pieces(layer, geom, crs, [mapping.actual(s) for s in stds]):
        row = {s: _standard_text(role, s, feat[mapping.actual(s)], resolution.values) for s in stds}
        row[AREA_KEY] = area / SQM_PER_MU
        row[SHARE_KEY] = area / parcel_m2 * 100.0 if parcel_m2 else 0.0
        rows.append(row)
    columns = [(s, field_label(role, s)) for s in stds] + [(AREA_KEY, "宗地内面积（亩）"), (SHARE_KEY, "占比（%）")]
    return Section(role, get_role(role).name_zh, columns, rows)


def _linked_fids(index, role, layer, code_field, code):
    if index is not None and index.meta(f"aux:{role}"):
        return [r[0] for r in index.conn.execute(
            "SELECT fid FROM aux_keys WHERE role = ? AND key = ?", (role, code))]
    expr = QgsExpression.createFieldEqualityExpression(code_field, code)
    return [f.id() for f in layer.getFeatures(QgsFeatureRequest(QgsExpression(expr)).setNoAttributes()
                                              .setFlags(QgsFeatureRequest.NoGeometry))]


def _linked_section(role, layer, code, index, mask) -> Section:
    resolution = resolve_layer(layer, role)
    mapping = resolution.mapping
    stds = [s for s in LINKED_FIELDS[role] if mapping.actual(s)]
    code_field = mapping.actual("ZDDM")
    rows = []
    if code_field and code:
        fids = _linked_fids(index, role, layer, code_field, code)
        request = QgsFeatureRequest().setFilterFids(fids).setFlags(QgsFeatureRequest.NoGeometry)
        for feat in layer.getFeatures(request):
            row = {s: _personal(role, s, _standard_text(role, s, feat[mapping.actual(s)], resolution.values), mask)
                   for s in stds}
            if role == "ZRZ" and row.get("FWJG"):
                row["FWJG"] = STRUCTURES.get(row["FWJG"], row["FWJG"])
            rows.append(row)
    rows.sort(key=lambda r: tuple(str(r.get(s, "")) for s in stds[:2]))
    return Section(role, get_role(role).name_zh, [(s, field_label(role, s)) for s in stds], rows)


def parcel_details(zd_layer, fid: int, layers: dict, mapping=None, index=None,
                   mask_personal: bool = True) -> ParcelDetails:
    """Everything known about parcel ``fid`` of ``zd_layer``; ``layers`` maps role ids to layers."""
    from .source import parcel_mapping

    mapping = mapping or parcel_mapping(zd_layer)
    feature = next(zd_layer.getFeatures(QgsFeatureRequest().setFilterFid(int(fid))), None)
    if feature is None or not feature.isValid():
        from landoffice_plugin.core.errors import LandOfficeError

        raise LandOfficeError("Parcel {fid} is no longer in layer {layer}: search again.",
                              fid=str(fid), layer=zd_layer.name())
    geom, crs = feature.geometry(), zd_layer.crs()
    code_field = mapping.actual("ZDDM")
    code = _text(feature[code_field]) if code_field else ""
    area_m2 = distance_area(crs).measureArea(geom) if not geom.isNull() else 0.0
    extra = [("椭球面积（平方米）", f"{area_m2:.2f}"), ("椭球面积（亩）", f"{area_m2 / SQM_PER_MU:.4f}")]
    names = getattr(index, "region_names", {}) if index is not None else {}
    if names:
        extra += [("乡镇", names.get(code[:9], "")), ("村", names.get(code[:12], ""))]
    details = ParcelDetails(int(fid), code, parcel_attributes(feature, mapping, mask_personal, extra), [],
                            area_m2, geom, crs)
    for role in OVERLAY_ORDER:
        layer = layers.get(role)
        if layer is None or not layer.isValid():
            continue
        if role == "DLTB":
            details.sections.append(_dltb_section(layer, geom, crs, area_m2))
        elif role in ZONE_FIELDS:
            details.sections.append(_zone_section(role, layer, geom, crs, area_m2, mask_personal))
        else:
            details.sections.append(_linked_section(role, layer, code, index, mask_personal))
    return details


def fill_red_lights(details: ParcelDetails, index, tolerance_pct: float | None = None) -> ParcelDetails:
    """Add the parcel's red lights (from the index) to ``details``."""
    from landoffice_plugin import settings

    from .red_lights import reasons

    tol = settings.AREA_TOLERANCE_PCT.value() if tolerance_pct is None else tolerance_pct
    row = index.conn.execute("SELECT flags, recorded, ell FROM parcels WHERE fid = ?", (details.fid,)).fetchone()
    if row is None:
        return details
    overlaps = [(code, area) for code, area in index.conn.execute(
        "SELECT code, area FROM overlaps JOIN parcels ON parcels.fid = overlaps.other WHERE overlaps.fid = ? "
        "ORDER BY code", (details.fid,))]
    details.red_lights = reasons(row[0], row[1], row[2], tol, overlaps, details.code)
    return details
