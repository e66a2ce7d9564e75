"""Hand-built layers and a small standard for the cost tests (EPSG:4549, village 320299101201).

Two DLTB patches side by side: A 0103 旱地 (x 560000–560100) and B 0702 宅基地 (x 560100–560200),
both 100 m × 200 m, collective (QSXZ 30). Three homesteads JC00001–3 inside B, a fourth (JC00004)
only 30 % inside the red line, a non-homestead parcel JB00005 inside. Buildings and households
as listed in BUILDINGS / PERSONS; household 9 points to a parcel that does not exist.
"""
from __future__ import annotations

import copy
import datetime
import json
from decimal import ROUND_HALF_UP, Decimal

from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

AS_OF = datetime.date(2024, 1, 1)
X0, Y0 = 560000.0, 3500000.0  # 60 km east of the central meridian: ellipsoidal ≠ planar
VILLAGE = "320299101201"
ZLDWDM = VILLAGE + "0000000"

STANDARD = {
    "schema": "landoffice-compensation-standard", "schema_version": 1,
    "name": "测试标准", "county": "测试县", "county_code": "320299", "year": 2023,
    "document": "测试〔2023〕1号", "effective_date": "2023-01-01",
    "land_price": {"unit": "元/亩", "grades": {"1": 50000, "2": 40000}, "land_compensation_share": 0.4,
                   "default_grade": "2", "villages": {VILLAGE: "1"}},
    "crops": {"unit": "元/亩", "rates": {"01": 1000, "07": 0}},
    "houses": {"unit": "元/平方米", "prices": {"3": 1000, "5": 800}},
    "condition": {"bands": [{"max_age": 5, "factor": 1.0}, {"max_age": 20, "factor": 0.8},
                            {"max_age": None, "factor": 0.5}]},
    "moving": {"unit": "元/户", "rate": 2000},
    "transition": {"unit": "元/人·月", "rate": 500, "months": 12},
    "social_security": {"unit": "元/人", "rate": 10000},
    "attachments": {"unit": "元/宗", "items": [{"name": "附属物包干", "rate": 5000}]},
    "reclamation": {"unit": "元/亩", "rate": 20000, "new_cropland_ratio": 0.9},
    "contingency": {"unit": "%", "rate": 10},
}

# (ZRZH, ZDDM sequence, FWJG, JZMJ, JGRQ); as of 2024-01-01 the ages are 3, 13, 34, 8 years
BUILDINGS = [("B1", 1, "3", 120.50, "2020-06-01"), ("B1b", 1, "5", 30.25, "2010-03-01"),
             ("B2", 2, "5", 100.00, "1990-01-01"), ("B3", 3, "3", 200.00, "2015-05-05")]
# households: (HH, ZDDM sequence, persons)
PERSONS = [("H1", 1, 3), ("H2", 2, 2), ("H3", 3, 1), ("H9", 99999, 2)]


def code(seq: int, kind: str = "JC") -> str:
    return f"{VILLAGE}{kind}{seq:05d}"


def rect(x0, y0, x1, y1) -> QgsGeometry:
    return QgsGeometry.fromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))")


def _layer(definition: str, name: str, rows) -> QgsVectorLayer:
    layer = QgsVectorLayer(definition, name, "memory")
    feats = []
    for geom, attrs in rows:
        feat = QgsFeature(layer.fields())
        if geom is not None:
            feat.setGeometry(geom)
        feat.setAttributes(list(attrs))
        feats.append(feat)
    layer.dataProvider().addFeatures(feats)
    layer.updateExtents()
    return layer


PATCH_A = (X0, Y0, X0 + 100, Y0 + 200)
PATCH_B = (X0 + 100, Y0, X0 + 200, Y0 + 200)
HOMESTEADS = {1: (X0 + 110, Y0 + 10, X0 + 130, Y0 + 30), 2: (X0 + 140, Y0 + 10, X0 + 160, Y0 + 30),
              3: (X0 + 170, Y0 + 10, X0 + 190, Y0 + 30),
              4: (X0 + 110, Y0 + 194, X0 + 130, Y0 + 214)}  # 6 of its 20 m lie inside y <= Y0 + 200
REDLINE = (X0 - 10, Y0 - 10, X0 + 210, Y0 + 200)


def layers() -> dict:
    crs = "crs=EPSG:4549"
    dltb = _layer(f"Polygon?{crs}&field=TBBH:string&field=DLBM:string&field=DLMC:string&field=ZLDWDM:string"
                  "&field=QSXZ:string&field=TBMJ:double", "DLTB",
                  [(rect(*PATCH_A), ["1", "0103", "旱地", ZLDWDM, "30", 0.0]),
                   (rect(*PATCH_B), ["2", "0702", "农村宅基地", ZLDWDM, "30", 0.0])])
    zd_rows = [(rect(*r), [code(i), f"户主{i}"]) for i, r in HOMESTEADS.items()]
    zd_rows.append((rect(X0 + 20, Y0 + 20, X0 + 40, Y0 + 40), [code(5, "JB"), "村集体"]))
    zd = _layer(f"Polygon?{crs}&field=ZDDM:string&field=QLRMC:string", "ZD", zd_rows)
    zrz_rows = []
    for zrzh, seq, fwjg, area, date in BUILDINGS:
        x0, y0, _x1, _y1 = HOMESTEADS[seq]
        zrz_rows.append((rect(x0 + 2, y0 + 2, x0 + 12, y0 + 12), [zrzh, code(seq), fwjg, area, date]))
    zrz = _layer(f"Polygon?{crs}&field=ZRZH:string&field=ZDDM:string&field=FWJG:string&field=JZMJ:double"
                 "&field=JGRQ:date", "ZRZ", zrz_rows)
    hj_rows = []
    for hh, seq, n in PERSONS:
        for k in range(n):
            hj_rows.append((None, [hh, code(seq), f"{hh}成员{k}", "320299198001011234" if k == 0 else "",
                                   "户主" if k == 0 else "子"]))
    hj = _layer("None?field=HH:string&field=ZDDM:string&field=XM:string&field=GMSFHM:string&field=YHZGX:string",
                "HJ", hj_rows)
    return {"DLTB": dltb, "ZD": zd, "ZRZ": zrz, "HJ": hj}


def standard_file(tmp_path, changes=None, name="standard.json"):
    data = copy.deepcopy(STANDARD)
    if changes:
        changes(data)
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def r2(value) -> Decimal:
    """ROUND(x, 2) half away from zero, as Excel does."""
    return Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def r4(value) -> Decimal:
    value = value if isinstance(value, Decimal) else Decimal(repr(value))
    return value.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
