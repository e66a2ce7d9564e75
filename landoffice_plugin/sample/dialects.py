"""Sample dialects: the same county as other offices deliver it (``generatesample --DIALECT``).

* ``standard`` — role layer names, standard field names and codes, EPSG:4549.
* ``alias`` — what the national database standards and office systems call the same things,
  every name one the plugin resolves without a map (``resources/field_aliases.json``):
  EPSG:4490 (geographic), the zone type as GNFQLX with names (集中建设区 …), supply dates
  after the contract (HTQDRQ/YDKGSJ/SJKGSJ/YDJGSJ) as text in mixed office forms
  (``2019-05-01``, ``2019/5/1``, ``20190501``, ``2019年5月1日``), 权属性质 and 房屋结构 as names,
  QLR/TDZL for owner and address, the population table one row per household (HH, ZDDM, HZXM,
  HZSFZHM, JTRKS) instead of one per person.
* ``mapped`` — a local system: EPSG:4527 (3° zone 39 with the zone number in the false
  easting), Chinese layer names, field names no alias knows (DL_CODE, AREA_M2, CUN_CODE,
  OWNER_TYPE, ZONE_TYPE A/B/C, SIGN_DATE/PLAN_START/REAL_START/PLAN_END …) and a
  ``<stem>.fieldmap.toml`` beside the GeoPackage that maps them (a FIELD_MAP file).

Geometry, areas and every number are the standard dialect's: only names, encodings and the
CRS differ (geometries reprojected vertex by vertex).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import numpy as np
import shapely

from ..core.errors import LandOfficeError
from ..core.fields import FieldMap, code_table
from ..core.roles import get_role
from .geography import EPSG
from .schema import LAYERS, ORDER

DIALECTS = ("standard", "alias", "mapped")
EPSG_OF = {"standard": EPSG, "alias": 4490, "mapped": 4527}

# alias: standard field → a standard synonym (each one is in resources/field_aliases.json)
ALIAS_NAMES = {
    "DLTB": {"DLBM": "地类编码", "DLMC": "地类名称", "ZLDWDM": "坐落单位代码", "ZLDWMC": "坐落单位名称",
             "TBMJ": "图斑面积", "QSXZ": "权属性质"},
    "CJDCQ": {"CZFL": "CZLX"},
    "CZKFBJ": {"FQDM": "GNFQLX", "FQMC": "GNFQMC"},
    "PZYD": {"PZWH": "PFWH", "PZRQ": "PFRQ"},
    "GYYD": {"GYRQ": "HTQDRQ", "YDKGRQ": "YDKGSJ", "SJKGRQ": "SJKGSJ", "YDJGRQ": "YDJGSJ", "GDMJ": "GYMJ",
             "SRR": "用地单位"},
    "ZD": {"QLRMC": "QLR", "ZL": "TDZL", "QLRZJH": "ZJH", "YT": "TDYT", "DJSJ": "DJRQ"},
    "ZRZ": {"FWJG": "房屋结构", "ZCS": "FWCS", "JGRQ": "JGSJ"},
    "HJ": {"GMSFHM": "SFZH", "XM": "姓名", "LXDH": "联系电话"},
    "GYQY": {"QYMC": "DWMC"},
}
ALIAS_AS_NAMES = {("DLTB", "QSXZ"), ("CZKFBJ", "FQDM"), ("ZRZ", "FWJG")}  # coded fields given as their names
ALIAS_TEXT_DATES = {("PZYD", "PZRQ"), ("GYYD", "GYRQ"), ("GYYD", "YDKGRQ"), ("GYYD", "SJKGRQ"),
                    ("GYYD", "YDJGRQ"), ("ZRZ", "JGRQ"), ("ZD", "DJSJ")}

# mapped: Chinese layer names and a local system's field names (only a FIELD_MAP tells what they are)
MAPPED_LAYERS = {"XZQ": "行政区", "CJDCQ": "村级调查区", "DLTB": "地类图斑", "YJJBNTTB": "永久基本农田",
                 "STBHHX": "生态保护红线", "CZKFBJ": "城镇开发边界", "PZYD": "批准用地", "GYYD": "供地",
                 "ZD": "宗地", "ZRZ": "房屋", "GYQY": "工业企业", "HJ": "户籍人口"}
MAPPED_NAMES = {
    "XZQ": {"XZQDM": "TOWN_CODE", "XZQMC": "TOWN_NAME", "DCMJ": "AREA_M2"},
    "CJDCQ": {"ZLDWDM": "CUN_CODE", "ZLDWMC": "CUN_NAME", "DCMJ": "AREA_M2", "CZFL": "CUN_CLASS"},
    "DLTB": {"DLBM": "DL_CODE", "DLMC": "DL_NAME", "TBMJ": "AREA_M2", "ZLDWDM": "CUN_CODE", "ZLDWMC": "CUN_NAME",
             "QSXZ": "OWNER_TYPE", "QSDWDM": "OWNER_CODE", "QSDWMC": "OWNER_NAME", "CZCSXM": "TOWN_VILLAGE",
             "ZZSXDM": "CROP_STATE", "TBBH": "PATCH_NO"},
    "CZKFBJ": {"FQDM": "ZONE_TYPE", "FQMC": "ZONE_NAME", "XZQDM": "TOWN_CODE"},
    "PZYD": {"PZWH": "DOC_NO", "PCMC": "BATCH", "PZRQ": "APPROVED", "PZMJ": "AREA_M2", "XZQDM": "TOWN_CODE"},
    "GYYD": {"DZJGH": "SUPERVISION_NO", "XMMC": "PROJECT", "SRR": "BUYER", "GDFS": "HOW", "YT": "USE_CODE",
             "GYRQ": "SIGN_DATE", "YDKGRQ": "PLAN_START", "SJKGRQ": "REAL_START", "YDJGRQ": "PLAN_END",
             "GDMJ": "AREA_M2", "YDTZE": "INVEST_PLAN", "YWCTZE": "INVEST_DONE", "YJSMJ": "BUILT_M2"},
    "ZD": {"ZDDM": "PARCEL_NO", "BDCDYH": "UNIT_NO", "QLRMC": "OWNER", "QLRZJH": "OWNER_ID", "ZL": "ADDRESS",
           "ZDMJ": "AREA_M2", "YT": "USE_CODE", "DJSJ": "REGISTERED"},
    "ZRZ": {"ZRZH": "BLDG_NO", "ZDDM": "PARCEL_NO", "FWJG": "STRUCTURE", "ZCS": "FLOORS", "JZMJ": "FLOOR_M2",
            "JGRQ": "COMPLETED"},
    "HJ": {"HH": "HOUSEHOLD", "ZDDM": "PARCEL_NO", "XM": "PERSON", "GMSFHM": "ID_NO", "YHZGX": "RELATION",
           "LXDH": "PHONE"},
    "GYQY": {"QYMC": "FIRM", "ZDDM": "PARCEL_NO", "YDMJ": "LAND_M2", "RJL": "FAR", "JZMD": "COVERAGE",
             "SSZE": "TAX", "NSSS": "TAX_PER_MU"},
}
MAPPED_VALUES = {  # coded fields in a local system's own codes: standard code → local value
    ("CZKFBJ", "FQDM"): {"11": "A", "12": "B", "13": "C"},
    ("DLTB", "QSXZ"): {"10": "STATE", "20": "STATE_USE", "30": "COLLECTIVE", "31": "GROUP", "32": "VILLAGE_ORG",
                       "33": "TOWN_ORG", "34": "OTHER_ORG", "40": "COLLECTIVE_USE"},
    ("ZRZ", "FWJG"): {"1": "S", "2": "SRC", "3": "RC", "4": "MIX", "5": "BW", "6": "OT"},
}


@dataclass
class DialectLayer:
    """One layer as the dialect writes it."""

    role: str
    name: str
    geometry: Optional[str]
    fields: list  # (name, kind, width, precision)
    table: dict   # field name → values, plus ``geoms``


def _text_dates(values) -> np.ndarray:
    """datetime64 values as text in the office forms, cycling 2019-05-01, 2019/5/1, 20190501, 2019年5月1日."""
    days = np.asarray(values).astype("datetime64[D]")
    out = np.empty(len(days), dtype=object)
    for i, d in enumerate(days):
        if np.isnat(d):
            out[i] = None
            continue
        y, m, dd = (int(p) for p in str(d).split("-"))
        out[i] = (f"{y:04d}-{m:02d}-{dd:02d}", f"{y}/{m}/{dd}", f"{y:04d}{m:02d}{dd:02d}", f"{y}年{m}月{dd}日")[i % 4]
    return out


def _names_of(role: str, std: str, values) -> np.ndarray:
    first = {code: names[0] for code, names in code_table(role, std).items()}
    return np.asarray([None if v is None else first.get(str(v), v) for v in values], dtype=object)


def _local(role: str, std: str, values) -> np.ndarray:
    table = MAPPED_VALUES[(role, std)]
    return np.asarray([None if v is None else table.get(str(v), v) for v in values], dtype=object)


def _reproject(geoms: np.ndarray, epsg: int) -> np.ndarray:
    if epsg == EPSG:
        return geoms
    from osgeo import osr

    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromEPSG(EPSG)
    dst.ImportFromEPSG(epsg)
    for srs in (src, dst):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)  # x = easting / longitude
    transform = osr.CoordinateTransformation(src, dst)

    def move(xy: np.ndarray) -> np.ndarray:
        if len(xy) == 0:
            return xy
        return np.asarray(transform.TransformPoints(xy.tolist()), dtype=float)[:, :2]

    return np.asarray(shapely.transform(np.asarray(geoms, dtype=object), move), dtype=object)


HOUSEHOLD_SCHEMA = [("HH", "str", 20, 0), ("ZDDM", "str", 19, 0), ("HZXM", "str", 50, 0), ("HZSFZHM", "str", 18, 0),
                    ("JTRKS", "int", 3, 0), ("LXDH", "str", 20, 0)]


def households_table(hj: dict) -> dict:
    """The per-person population table as one row per household: HH, ZDDM, the head's name and ID number
    (the 户主 row, else the household's first), the person count, the head's phone."""
    hh = [str(v) for v in np.asarray(hj["HH"], dtype=object).tolist()]
    relation = np.asarray(hj["YHZGX"], dtype=object).tolist()
    order = list(dict.fromkeys(hh))
    head: dict = {}
    counts: dict = {}
    for i, h in enumerate(hh):
        counts[h] = counts.get(h, 0) + 1
        if h not in head or (relation[i] == "户主" and relation[head[h]] != "户主"):
            head[h] = i
    rows = [head[h] for h in order]

    def pick(name):
        return np.asarray([hj[name][i] for i in rows], dtype=object)

    return {"HH": np.asarray(order, dtype=object), "ZDDM": pick("ZDDM"), "HZXM": pick("XM"),
            "HZSFZHM": pick("GMSFHM"), "JTRKS": np.asarray([counts[h] for h in order], dtype=object),
            "LXDH": pick("LXDH")}


def dialect_layers(tables: dict, dialect: str) -> tuple:
    """(``[DialectLayer]`` in write order, EPSG code, FieldMap or None) of the generated ``tables``."""
    if dialect not in DIALECTS:
        raise LandOfficeError("Unknown sample dialect '{dialect}'. Use one of: {choices}.", dialect=dialect,
                              choices=", ".join(DIALECTS))
    epsg = EPSG_OF[dialect]
    names = {"alias": ALIAS_NAMES, "mapped": MAPPED_NAMES}.get(dialect, {})
    field_map = FieldMap() if dialect == "mapped" else None
    out = []
    for role in ORDER:
        geom_kind, fields = LAYERS[role]
        src = tables[role]
        renames = names.get(role, {})
        table, new_fields = {}, []
        for fname, kind, width, prec in fields:
            values = src[fname]
            if dialect == "alias" and (role, fname) in ALIAS_AS_NAMES:
                values, width = _names_of(role, fname, values), max(width, 20)
            if dialect == "alias" and (role, fname) in ALIAS_TEXT_DATES:
                values, kind, width = _text_dates(values), "str", 20
            if dialect == "mapped" and (role, fname) in MAPPED_VALUES:
                values, width = _local(role, fname, values), max(width, 20)
                field_map.values.setdefault(role, {})[fname] = {
                    local: code for code, local in MAPPED_VALUES[(role, fname)].items()}
            actual = renames.get(fname, fname) if fname in get_role(role).fields else fname  # a map names standards
            if field_map is not None and actual != fname:
                field_map.fields.setdefault(role, {})[fname] = actual
            table[actual] = values
            new_fields.append((actual, kind, width, prec))
        if geom_kind:
            table["geoms"] = _reproject(src["geoms"], epsg)
        if dialect == "alias" and role == "HJ":  # one row per household, as many population databases keep it
            table, new_fields = households_table(src), list(HOUSEHOLD_SCHEMA)
        name = MAPPED_LAYERS[role] if dialect == "mapped" else role
        out.append(DialectLayer(role, name, geom_kind, new_fields, table))
    return out, epsg, field_map


def field_map_header(gpkg_name: str) -> str:
    return (f"FIELD_MAP of the sample county's 'mapped' dialect ({gpkg_name}): the layers' own field names and\n"
            "values for the standard ones. Pass it as --FIELD_MAP to any LandOffice algorithm.")
