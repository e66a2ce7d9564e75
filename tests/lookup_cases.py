"""Hand-built parcels for the parcel lookup tests (宗地查询): names, codes and addresses chosen so
every search form has a known answer. Areas expected by the tests are computed there with QGIS's
own QgsDistanceArea, never with the code under test."""
from __future__ import annotations

from pathlib import Path

from osgeo import ogr, osr
from qgis.core import QgsCoordinateReferenceSystem, QgsDistanceArea, QgsGeometry, QgsProject

X0, Y0 = 500000.0, 3500000.0
EPSG = 4549


def rect(x1, y1, x2, y2) -> str:
    a, b, c, d = X0 + x1, Y0 + y1, X0 + x2, Y0 + y2
    return f"POLYGON(({a} {b},{c} {b},{c} {d},{a} {d},{a} {b}))"


BOWTIE = (f"POLYGON(({X0 + 100} {Y0 + 80},{X0 + 120} {Y0 + 100},{X0 + 120} {Y0 + 80},"
          f"{X0 + 100} {Y0 + 100},{X0 + 100} {Y0 + 80}))")

# key: (code, owner, address, wkt, use); the unit number is code + F00010001
PARCELS = {
    "P1": ("320299101201JC00001", "张建国", "湖塘镇湖塘村1组1号", rect(0, 0, 20, 20), "0702"),
    "P2": ("320299101201JC00002", "章建国", "湖塘镇湖塘村1组2号", rect(30, 0, 50, 20), "0702"),
    "P3": ("320299101201JC00003", "张建华", "湖塘镇湖塘村2组5号", rect(60, 0, 80, 20), "0702"),
    "P4": ("320299101202JC00001", "单雄信", "湖塘镇河港村3组7号", rect(0, 40, 20, 60), "0702"),
    "P5": ("320299102201GB00001", "无锡建华机械有限公司", "利港镇解放路12号", rect(100, 0, 150, 40), "0601"),
    "P6": ("320299101201JC00004", "", "湖塘镇湖塘村2组6号", rect(30, 40, 50, 60), "0702"),
    "P7": ("320299101201JQ00005", "李明", "湖塘镇湖塘村3组1号", rect(60, 40, 80, 60), "0702"),
    "P8": ("320299101203JC00001", "王芳", "湖塘镇张建国路3号", rect(0, 80, 20, 100), "0702"),
    "P9": ("320299101203JC00002", "赵丽", "湖塘镇西村4组1号", rect(30, 80, 50, 100), "0702"),
    "P10": ("320299101203JC00003", "钱伟", "湖塘镇西村4组2号", rect(45, 80, 65, 100), "0702"),
    "P11": ("320299101203JC00004", "孙强", "湖塘镇西村4组3号", BOWTIE, "0702"),
    "P12": ("320299101203JC00005", "周杰", "湖塘镇西村4组4号", rect(130, 80, 150, 100), "0702"),
}
MIS_SIZED = {"P12": 1.05}          # recorded area = 1.05 × ellipsoidal
DLTB = [("0012", "0101", rect(0, 0, 15, 20)), ("0013", "0702", rect(15, 0, 55, 20))]
FARMLAND = [("JB001", rect(0, 0, 10, 20))]
ID_NUMBER = "320299196501011234"
PHONE = "13912345678"


def code(key: str) -> str:
    return PARCELS[key][0]


def distance_area() -> QgsDistanceArea:
    crs = QgsCoordinateReferenceSystem(f"EPSG:{EPSG}")
    da = QgsDistanceArea()
    da.setSourceCrs(crs, QgsProject.instance().transformContext())
    da.setEllipsoid(crs.ellipsoidAcronym())
    return da


def ellipsoidal(wkt: str) -> float:
    return distance_area().measureArea(QgsGeometry.fromWkt(wkt))


def _layer(ds, name, geom_type, fields):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    lyr = ds.CreateLayer(name, srs if geom_type != ogr.wkbNone else None, geom_type)
    for fname, ftype in fields:
        lyr.CreateField(ogr.FieldDefn(fname, ftype))
    return lyr


def _add(lyr, values: dict, wkt=None):
    feat = ogr.Feature(lyr.GetLayerDefn())
    for key, value in values.items():
        if value is not None:
            feat.SetField(key, value)
    if wkt:
        feat.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
    lyr.CreateFeature(feat)


def build_gpkg(path: Path) -> Path:
    """ZD, DLTB, YJJBNTTB, ZRZ, HJ, XZQ and CJDCQ layers in one GeoPackage."""
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    zd = _layer(ds, "ZD", ogr.wkbPolygon, [("ZDDM", ogr.OFTString), ("BDCDYH", ogr.OFTString),
                                           ("QLRMC", ogr.OFTString), ("QLRZJH", ogr.OFTString),
                                           ("ZL", ogr.OFTString), ("ZDMJ", ogr.OFTReal), ("YT", ogr.OFTString)])
    for key, (zddm, owner, address, wkt, use) in PARCELS.items():
        area = ellipsoidal(wkt) if key != "P11" else 200.0
        area = round(area * MIS_SIZED.get(key, 1.0), 2)
        _add(zd, {"ZDDM": zddm, "BDCDYH": zddm + "F00010001", "QLRMC": owner or None,
                  "QLRZJH": ID_NUMBER if key == "P1" else None, "ZL": address, "ZDMJ": area, "YT": use}, wkt)
    dltb = _layer(ds, "DLTB", ogr.wkbPolygon, [("TBBH", ogr.OFTString), ("DLBM", ogr.OFTString),
                                               ("DLMC", ogr.OFTString), ("ZLDWDM", ogr.OFTString),
                                               ("TBMJ", ogr.OFTReal)])
    for tbbh, dlbm, wkt in DLTB:
        _add(dltb, {"TBBH": tbbh, "DLBM": dlbm, "DLMC": "", "ZLDWDM": "3202991012010000000",
                    "TBMJ": ellipsoidal(wkt)}, wkt)
    farm = _layer(ds, "YJJBNTTB", ogr.wkbPolygon, [("JBNTTBBH", ogr.OFTString), ("DLBM", ogr.OFTString)])
    for bh, wkt in FARMLAND:
        _add(farm, {"JBNTTBBH": bh, "DLBM": "0101"}, wkt)
    zrz = _layer(ds, "ZRZ", ogr.wkbPolygon, [("ZRZH", ogr.OFTString), ("ZDDM", ogr.OFTString),
                                             ("FWJG", ogr.OFTString), ("ZCS", ogr.OFTInteger),
                                             ("JZMJ", ogr.OFTReal)])
    _add(zrz, {"ZRZH": code("P1") + "F0001", "ZDDM": code("P1"), "FWJG": "4", "ZCS": 2, "JZMJ": 180.5},
         rect(2, 2, 12, 12))
    hj = _layer(ds, "HJ", ogr.wkbNone, [("HH", ogr.OFTString), ("ZDDM", ogr.OFTString), ("XM", ogr.OFTString),
                                        ("GMSFHM", ogr.OFTString), ("YHZGX", ogr.OFTString),
                                        ("LXDH", ogr.OFTString)])
    _add(hj, {"HH": "H001", "ZDDM": code("P1"), "XM": "张建国", "GMSFHM": ID_NUMBER, "YHZGX": "户主",
              "LXDH": PHONE})
    xzq = _layer(ds, "XZQ", ogr.wkbPolygon, [("XZQDM", ogr.OFTString), ("XZQMC", ogr.OFTString)])
    _add(xzq, {"XZQDM": "320299101", "XZQMC": "湖塘镇"}, rect(-10, -10, 160, 110))
    cj = _layer(ds, "CJDCQ", ogr.wkbPolygon, [("ZLDWDM", ogr.OFTString), ("ZLDWMC", ogr.OFTString)])
    _add(cj, {"ZLDWDM": "3202991012010000000", "ZLDWMC": "湖塘村"}, rect(-10, -10, 90, 30))
    ds = None
    return path


def layers(path: Path) -> dict:
    from qgis.core import QgsVectorLayer

    out = {}
    for name in ("ZD", "DLTB", "YJJBNTTB", "ZRZ", "HJ", "XZQ", "CJDCQ"):
        out[name] = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
        assert out[name].isValid(), name
    return out


def open_index(folder: Path):
    """The hand-built parcels' GeoPackage and its search index (close with :func:`close_index`)."""
    from landoffice_plugin.lookup.batch import prepare_index

    gpkg = build_gpkg(folder / "parcels.gpkg")
    lyrs = layers(gpkg)
    idx = prepare_index(lyrs["ZD"], lyrs, folder / "cache")
    idx._layers = lyrs  # keep the layers alive
    idx.gpkg = gpkg
    return idx


def close_index(idx) -> None:
    idx.close()
    idx.layers.clear()
    idx._layers.clear()
    idx.layer = None
