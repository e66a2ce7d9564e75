"""Helpers for the potential-land tests: hand-built memory layers and independent areas."""
from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsDistanceArea,
    QgsFeature,
    QgsGeometry,
    QgsVectorLayer,
)

X0, Y0 = 500_000.0, 3_480_000.0
CRS = "EPSG:4549"
FIELDS = {
    "DLTB": "BSM:integer&field=DLBM:string&field=DLMC:string&field=ZLDWDM:string&field=ZLDWMC:string"
            "&field=TBMJ:double&field=CZCSXM:string&field=ZZSXDM:string",
    "XZQ": "XZQDM:string&field=XZQMC:string",
    "CJDCQ": "ZLDWDM:string&field=ZLDWMC:string",
    "PZYD": "PZWH:string&field=PCMC:string&field=PZRQ:date",
    "GYYD": "GYRQ:date&field=YDKGRQ:date&field=SJKGRQ:date&field=GDMJ:double&field=YDTZE:double"
            "&field=YWCTZE:double&field=YJSMJ:double",
    "GYQY": "QYMC:string&field=ZDDM:string&field=YDMJ:double&field=RJL:double&field=JZMD:double"
            "&field=SSZE:double&field=NSSS:double",
    "ZD": "ZDDM:string&field=YT:string",
    "CZKFBJ": "FQDM:string&field=FQMC:string",
    "YJJBNTTB": "DLBM:string",
    "STBHHX": "HXMC:string",
}
VILLAGE = "3202991012020000000"  # township 320299101, village 320299101202
OTHER_VILLAGE = "3202991012030000000"


def rect(x1, y1, x2, y2) -> str:
    """WKT of a rectangle given in metres from (X0, Y0)."""
    a, b, c, d = X0 + x1, Y0 + y1, X0 + x2, Y0 + y2
    return f"POLYGON(({a} {b},{c} {b},{c} {d},{a} {d},{a} {b}))"


def layer(role: str, rows, crs: str = CRS, geometry: str = None, fields: str = None) -> QgsVectorLayer:
    """Memory layer of ``role``: rows are (wkt, {field: value}); ``fields`` replaces the standard ones."""
    kind = geometry or ("Point" if role == "GYQY" else "MultiPolygon")
    lyr = QgsVectorLayer(f"{kind}?crs={crs}&field={fields or FIELDS[role]}", role, "memory")
    feats = []
    for wkt, attrs in rows:
        f = QgsFeature(lyr.fields())
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        for k, v in attrs.items():
            f[k] = v
        feats.append(f)
    assert lyr.dataProvider().addFeatures(feats)
    lyr.updateExtents()
    return lyr


def area(wkt: str, crs: str = CRS) -> float:
    """Ellipsoidal area (CGCS2000 ellipsoid) by QgsDistanceArea, independent of the engine."""
    da = QgsDistanceArea()
    da.setSourceCrs(QgsCoordinateReferenceSystem(crs), QgsCoordinateTransformContext())
    da.setEllipsoid("EPSG:1024")
    return da.measureArea(QgsGeometry.fromWkt(wkt))


def dltb(wkt, dlbm="0103", village=VILLAGE, czcsxm="", zzsxdm="", name="青坝村"):
    return (wkt, {"DLBM": dlbm, "DLMC": "", "ZLDWDM": village, "ZLDWMC": name, "CZCSXM": czcsxm,
                  "ZZSXDM": zzsxdm})


def run(layers: dict, categories=None, villages=(), rules_text: str = None):
    """Run the engine on memory layers {role: layer} with the shipped rules (or ``rules_text``)."""
    from landoffice_plugin.analysis.engine import run_analysis
    from landoffice_plugin.analysis.loading import layer_input
    from landoffice_plugin.analysis.rules import load_rules, parse_rules

    rules = parse_rules(rules_text) if rules_text else load_rules()
    inputs = {role: layer_input(lyr, role) for role, lyr in layers.items()}
    return run_analysis(inputs, rules, categories, villages)


def total(result, category: str) -> float:
    rows = result.rows
    return float(rows["area_m2"][rows["category"] == category].sum())


def write_gpkg(path, layers: dict):
    """The memory layers {role: layer} as tables of one GeoPackage (with GDAL's R-tree index)."""
    from qgis.core import QgsProject, QgsVectorFileWriter

    for i, (name, lyr) in enumerate(layers.items()):
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = name
        if i:
            options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
        result = QgsVectorFileWriter.writeAsVectorFormatV3(lyr, str(path), QgsProject.instance().transformContext(),
                                                           options)
        assert result[0] == QgsVectorFileWriter.NoError, result
    return path


def gpkg_layers(path, roles) -> dict:
    return {role: QgsVectorLayer(f"{path}|layername={role}", role, "ogr") for role in roles}
