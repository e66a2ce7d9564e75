"""Import of survey data: encodings, FileGDB / GeoPackage / shapefile folders, problems, the Processing job.

Every input is built here with GDAL/OGR directly (not with the code under test).
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from osgeo import gdal, ogr, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeedback,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)

from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.io import importer
from landoffice_plugin.io.encoding import (
    check_shapefile_files,
    detect_shapefile_encoding,
    encoding_from_cpg,
    open_shapefile,
)
from landoffice_plugin.io.importer import import_source, inspect_source

S, R = ogr.OFTString, ogr.OFTReal
DLMC_VALUES = ["水田", "旱地", "坑塘水面"]
VILLAGE = "湖塘村"


def _srs(epsg):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def square(x, y, size=50.0):
    return f"POLYGON(({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y}))"


def add_layer(ds, name, epsg, geom, fields, rows, options=()):
    layer = ds.CreateLayer(name, _srs(epsg) if epsg else None, geom, options=list(options))
    for fname, ftype in fields:
        layer.CreateField(ogr.FieldDefn(fname, ftype))
    for wkt, values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for key, value in values.items():
            feature.SetField(key, value)
        if wkt:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    return layer


def dltb_rows(x0=500000.0, y0=3450000.0, code_field="DLBM"):
    codes = ["0101", "0103", "1104"]
    return [(square(x0 + 100 * i, y0), {code_field: codes[i], "DLMC": DLMC_VALUES[i], "ZLDWDM": "3202050010010000000",
                                         "ZLDWMC": VILLAGE, "TBMJ": 2500.0}) for i in range(3)]


DLTB_FIELDS = [("DLBM", S), ("DLMC", S), ("ZLDWDM", S), ("ZLDWMC", S), ("TBMJ", R)]


def write_shapefile(path: Path, epsg, fields, rows, encoding="UTF-8", geom=ogr.wkbPolygon, keep_cpg=True):
    # QGIS sets the GDAL option SHAPE_ENCODING='' process-wide once it opens a shapefile, and that option
    # overrides the ENCODING layer option: unset it while writing, then put it back.
    saved = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    try:
        ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(path))
        add_layer(ds, path.stem, epsg, geom, fields, rows, options=[f"ENCODING={encoding}"])
        ds = None
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", saved)
    if not keep_cpg:
        os.remove(path.with_suffix(".cpg"))


def features(path, layer_name):
    ds = ogr.Open(str(path))
    layer = ds.GetLayerByName(layer_name)
    assert layer is not None, f"{layer_name} not in {path}"
    out = [(f.items(), f.GetGeometryRef().Clone() if f.GetGeometryRef() else None) for f in layer]
    srs = layer.GetSpatialRef()
    return out, (srs.GetAuthorityCode(None) if srs else None)


def table_names(path):
    ds = ogr.Open(str(path))
    return {ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())}


# ---- inputs ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def gpkg_source(tmp_path_factory):
    path = tmp_path_factory.mktemp("gpkg") / "survey.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    renamed = [("地类编码", S)] + DLTB_FIELDS[1:]
    add_layer(ds, "DLTB", 4549, ogr.wkbPolygon, renamed, dltb_rows(code_field="地类编码"))
    add_layer(ds, "宗地", 4549, ogr.wkbPolygon, [("ZDDM", S), ("QLR", S)],
              [(square(500000, 3450000), {"ZDDM": "320205001001JC00012", "QLR": "湖塘村经济合作社"})])
    add_layer(ds, "xzq_2023", 4549, ogr.wkbPolygon, [("XZQDM", S), ("XZQMC", S)],
              [(square(499000, 3449000, 3000), {"XZQDM": "320205001", "XZQMC": "湖塘镇"})])
    add_layer(ds, "patches_export_7", 4549, ogr.wkbPolygon, DLTB_FIELDS, dltb_rows(y0=3451000.0))
    ds = None
    return path


@pytest.fixture(scope="module")
def gdb_source(tmp_path_factory):
    path = tmp_path_factory.mktemp("gdb") / "sandiao.gdb"
    ds = ogr.GetDriverByName("OpenFileGDB").CreateDataSource(str(path))
    assert ds is not None
    add_layer(ds, "DLTB", 4549, ogr.wkbMultiPolygon, DLTB_FIELDS, dltb_rows())
    add_layer(ds, "XZQ", 4549, ogr.wkbMultiPolygon, [("XZQDM", S), ("XZQMC", S)],
              [(square(499000, 3449000, 3000), {"XZQDM": "320205001", "XZQMC": "湖塘镇"})])
    ds = None
    return path


@pytest.fixture(scope="module")
def encodings_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("encodings")
    write_shapefile(folder / "DLTB_gbk.shp", 4549, DLTB_FIELDS, dltb_rows(), encoding="GBK")
    write_shapefile(folder / "DLTB_nocpg.shp", 4549, DLTB_FIELDS, dltb_rows(), encoding="GBK", keep_cpg=False)
    write_shapefile(folder / "DLTB_utf8.shp", 4549, DLTB_FIELDS, dltb_rows(), encoding="UTF-8")
    return folder


LON0, LAT0 = 120.5, 31.25


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed")
    geographic = [(f"POLYGON(({LON0} {LAT0},{LON0 + 0.001} {LAT0},{LON0 + 0.001} {LAT0 + 0.001},{LON0} {LAT0}))",
                   {"DLBM": "0101", "DLMC": "水田", "ZLDWDM": "3202050010010000000", "ZLDWMC": VILLAGE, "TBMJ": 1.0})]
    write_shapefile(folder / "dltb_4490.shp", 4490, DLTB_FIELDS, geographic)
    write_shapefile(folder / "XZQ.shp", 2385, [("XZQDM", S), ("XZQMC", S)],
                    [(square(40500000 - 40000000, 3450000), {"XZQDM": "320205001", "XZQMC": "湖塘镇"})])
    write_shapefile(folder / "zd_2024.shp", 4549, [("QLRMC", S), ("ZL", S)],
                    [(square(500000, 3450000), {"QLRMC": "湖塘村经济合作社", "ZL": "湖塘村一组"})])
    write_shapefile(folder / "DLTB_broken.shp", 4549, DLTB_FIELDS, dltb_rows() * 20)
    shp = folder / "DLTB_broken.shp"
    data = shp.read_bytes()
    shp.write_bytes(data[: len(data) // 2])
    # a household table: a lone .dbf, GBK without .cpg
    write_shapefile(folder / "hj_2024.dbf", None, [("HH", S), ("ZDDM", S), ("XM", S)],
                    [(None, {"HH": "001", "ZDDM": "320205001001JC00012", "XM": "王湖塘"})],
                    encoding="GBK", geom=ogr.wkbNone, keep_cpg=False)
    assert not (folder / "hj_2024.shp").exists()
    assert "王湖塘".encode("gbk") in (folder / "hj_2024.dbf").read_bytes()
    (folder / "broken.gpkg").write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    sub = folder / "sub"
    sub.mkdir()
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(sub / "plan.gpkg"))
    add_layer(ds, "CZKFBJ", 4549, ogr.wkbPolygon, [("FQDM", S)], [(square(500000, 3450000), {"FQDM": "11"})])
    add_layer(ds, "PZYD", 4549, ogr.wkbPolygon, [("PZWH", S), ("PZRQ", S)],
              [(square(500000, 3450000), {"PZWH": "苏政地〔2020〕1号", "PZRQ": "2020-01-02"})])
    ds = None
    return folder


# ---- encodings ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("936", "GBK"), ("CP936", "GBK"), ("GBK\n", "GBK"), ("GB2312", "GBK"), ("GB18030", "GB18030"),
    ("UTF-8", "UTF-8"), ("65001", "UTF-8"), ("ANSI 936", "GBK"), ("utf8", "UTF-8"), ("no-such", None),
])
def test_encoding_from_cpg(text, expected):
    assert encoding_from_cpg(text) == expected


def test_inputs_really_are_gbk(encodings_folder):
    # honesty check of the test data itself: GBK bytes in the .dbf, no .cpg for the second copy
    raw = (encodings_folder / "DLTB_nocpg.dbf").read_bytes()
    assert "水田".encode("gbk") in raw and "水田".encode() not in raw
    assert not (encodings_folder / "DLTB_nocpg.cpg").exists()
    assert "水田".encode() in (encodings_folder / "DLTB_utf8.dbf").read_bytes()


def test_detect_encoding(encodings_folder, tmp_path):
    assert detect_shapefile_encoding(encodings_folder / "DLTB_gbk.shp") == ("GBK", "cpg")
    assert detect_shapefile_encoding(encodings_folder / "DLTB_nocpg.shp") == ("GB18030", "dbf-bytes-gb18030")
    assert detect_shapefile_encoding(encodings_folder / "DLTB_utf8.shp") == ("UTF-8", "cpg")
    for suffix in (".shp", ".shx", ".dbf"):
        shutil.copy(encodings_folder / f"DLTB_utf8{suffix}", tmp_path / f"u{suffix}")
    assert detect_shapefile_encoding(tmp_path / "u.shp") == ("UTF-8", "dbf-bytes-utf8")
    # language driver id 0x4D (code page 936) and no .cpg
    for suffix in (".shp", ".shx", ".dbf"):
        shutil.copy(encodings_folder / f"DLTB_nocpg{suffix}", tmp_path / f"l{suffix}")
    dbf = bytearray((tmp_path / "l.dbf").read_bytes())
    dbf[29] = 0x4D
    (tmp_path / "l.dbf").write_bytes(bytes(dbf))
    assert detect_shapefile_encoding(tmp_path / "l.shp") == ("GBK", "dbf-ldid")


@pytest.mark.parametrize("name", ["DLTB_gbk", "DLTB_nocpg", "DLTB_utf8"])
def test_open_shapefile_chinese_values(encodings_folder, name, qgis_app):
    layer, _encoding, _how = open_shapefile(encodings_folder / f"{name}.shp")
    assert layer.isValid()
    assert [f["DLMC"] for f in layer.getFeatures()] == DLMC_VALUES
    assert {f["ZLDWMC"] for f in layer.getFeatures()} == {VILLAGE}


def test_import_shapefile_folder_keeps_chinese(encodings_folder, tmp_path, qgis_app):
    out = tmp_path / "out.gpkg"
    result = import_source(encodings_folder, out)
    assert result.output == str(out) and out.is_file()
    assert len(result.written) == 3
    for written in result.written:
        rows, _crs = features(out, written.name)
        assert [r["DLMC"] for r, _g in rows] == DLMC_VALUES, written.source_layer
        assert {r["ZLDWMC"] for r, _g in rows} == {VILLAGE}


# ---- GeoPackage and FileGDB ----------------------------------------------------------------------

def test_inspect_geopackage(gpkg_source, qgis_app):
    report = inspect_source(gpkg_source)
    by_name = {sl.name: sl for sl in report.layers}
    assert set(by_name) == {"DLTB", "宗地", "xzq_2023", "patches_export_7"}
    assert by_name["DLTB"].role_id == "DLTB" and by_name["DLTB"].match.by_name
    assert by_name["宗地"].role_id == "ZD"
    assert by_name["xzq_2023"].role_id == "XZQ"
    assert by_name["patches_export_7"].role_id == "DLTB" and not by_name["patches_export_7"].match.by_name
    assert by_name["DLTB"].match.mapping.actual("DLBM") == "地类编码"
    assert by_name["DLTB"].feature_count == 3 and by_name["DLTB"].crs == "EPSG:4549"
    assert report.roles_found["DLTB"].name == "DLTB"  # the name match wins over the field match
    assert set(report.roles_found) == {"DLTB", "ZD", "XZQ"}
    assert "户籍（人口）" in report.roles_missing_zh and "HJ" in report.roles_missing
    assert [p.kind for p in report.problems] == ["duplicate_role"]
    assert "patches_export_7" in report.problems[0].message


def test_import_geopackage(gpkg_source, tmp_path, qgis_app):
    out = tmp_path / "imported.gpkg"
    result = import_source(gpkg_source, out)
    assert result.target_crs == "EPSG:4549"
    assert table_names(out) == {"DLTB", "ZD", "XZQ", "patches_export_7", "landoffice_import"}
    rows, crs = features(out, "DLTB")
    assert crs == "4549"
    assert [r["DLBM"] for r, _g in rows] == ["0101", "0103", "1104"]  # 地类编码 renamed to DLBM
    assert "地类编码" not in rows[0][0]
    assert [r["DLMC"] for r, _g in rows] == DLMC_VALUES
    zd, _ = features(out, "ZD")
    assert zd[0][0]["QLRMC"] == "湖塘村经济合作社" and zd[0][0]["ZDDM"] == "320205001001JC00012"
    xzq, _ = features(out, "XZQ")
    assert xzq[0][0]["XZQMC"] == "湖塘镇"
    meta = {r["layer_name"]: r for r, _g in features(out, "landoffice_import")[0]}
    assert meta["DLTB"]["source_layer"] == "DLTB" and meta["ZD"]["source_layer"] == "宗地"
    assert meta["XZQ"]["source_layer"] == "xzq_2023" and meta["DLTB"]["feature_count"] == 3
    assert "地类编码->DLBM" in meta["DLTB"]["renamed_fields"]
    ds = ogr.Open(str(out))
    sql = ds.ExecuteSQL("SELECT description FROM gpkg_contents WHERE table_name = 'ZD'")
    assert "宗地" in sql.GetNextFeature().GetField(0)
    ds.ReleaseResultSet(sql)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "imported.gpkg"]
    assert leftovers == []


def test_filegdb(gdb_source, tmp_path, qgis_app):
    report = inspect_source(gdb_source)
    assert {sl.name: sl.role_id for sl in report.layers} == {"DLTB": "DLTB", "XZQ": "XZQ"}
    assert all(sl.crs == "EPSG:4549" for sl in report.layers) and report.problems == []
    out = tmp_path / "gdb.gpkg"
    import_source(gdb_source / "gdb", out)  # a file picked inside the .gdb folder means the .gdb
    rows, crs = features(out, "DLTB")
    assert crs == "4549" and [r["DLMC"] for r, _g in rows] == DLMC_VALUES
    assert features(out, "XZQ")[0][0][0]["XZQMC"] == "湖塘镇"


# ---- problems, reprojection, failure -------------------------------------------------------------

def test_inspect_mixed_folder_problems(mixed_folder, qgis_app):
    report = inspect_source(mixed_folder)
    by_name = {sl.name: sl for sl in report.layers if sl.readable}
    assert set(by_name) == {"dltb_4490", "XZQ", "zd_2024", "hj_2024", "CZKFBJ", "PZYD"}
    assert by_name["hj_2024"].role_id == "HJ" and by_name["hj_2024"].geometry == "none"
    assert by_name["hj_2024"].encoding == "GB18030"
    assert set(report.roles_found) == {"DLTB", "XZQ", "ZD", "HJ", "CZKFBJ", "PZYD"}

    kinds = {}
    for problem in report.problems:
        kinds.setdefault(problem.kind, []).append(problem.message)
    unreadable = " ".join(kinds["unreadable"])
    assert "DLTB_broken.shp" in unreadable and "truncated" in unreadable
    assert "broken.gpkg" in unreadable
    (missing,) = kinds["missing_fields"]
    assert "zd_2024" in missing and "ZDDM" in missing and "宗地" in missing
    (xian,) = kinds["not_cgcs2000"]
    assert "XZQ" in xian and "Xian 1980" in xian
    assert "no_crs" not in kinds
    assert "湖塘镇" not in " ".join(report.lines())  # the report lists layers, not values


def test_import_reprojects_and_keeps_tables(mixed_folder, tmp_path, qgis_app):
    out = tmp_path / "mixed.gpkg"
    result = import_source(mixed_folder, out)
    assert result.target_crs == "EPSG:4549"  # two layers in 4549, one in 4490
    assert {"DLTB", "XZQ", "ZD", "HJ", "CZKFBJ", "PZYD"} <= table_names(out)
    rows, crs = features(out, "DLTB")
    assert crs == "4549"
    expected = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4490"),
                                      QgsCoordinateReferenceSystem("EPSG:4549"),
                                      QgsProject.instance()).transform(QgsPointXY(LON0, LAT0))
    ring = rows[0][1].GetGeometryRef(0).GetGeometryRef(0)
    assert ring.GetX(0) == pytest.approx(expected.x(), abs=1e-6)
    assert ring.GetY(0) == pytest.approx(expected.y(), abs=1e-6)
    assert 500000 < ring.GetX(0) < 560000  # east of the 120°E central meridian
    hj, hj_crs = features(out, "HJ")
    assert hj[0][0]["XM"] == "王湖塘" and hj[0][1] is None
    assert features(out, "PZYD")[0][0][0]["PZWH"] == "苏政地〔2020〕1号"


def test_explicit_target_crs(gpkg_source, tmp_path, qgis_app):
    out = tmp_path / "geo.gpkg"
    result = import_source(gpkg_source, out, target_crs="EPSG:4490")
    assert result.target_crs == "EPSG:4490"
    rows, crs = features(out, "ZD")
    assert crs == "4490"
    x = rows[0][1].GetGeometryRef(0).GetGeometryRef(0).GetX(0)
    assert 119.9 < x < 120.1  # 500000 m on CM 120°E is 120°E
    with pytest.raises(LandOfficeError):
        import_source(gpkg_source, tmp_path / "bad.gpkg", target_crs="EPSG:999999")


def test_no_cgcs2000_needs_a_target(tmp_path, qgis_app):
    src = tmp_path / "old"
    src.mkdir()
    write_shapefile(src / "XZQ.shp", 2385, [("XZQDM", S), ("XZQMC", S)],
                    [(square(500000, 3450000), {"XZQDM": "1", "XZQMC": "湖塘镇"})])
    with pytest.raises(LandOfficeError) as err:
        import_source(src, tmp_path / "o.gpkg")
    assert "EPSG:4549" in err.value.message_en
    assert not (tmp_path / "o.gpkg").exists()


def test_bad_paths(tmp_path, qgis_app):
    with pytest.raises(LandOfficeError) as err:
        inspect_source(tmp_path / "nothing_here")
    assert "nothing_here" in err.value.message_en
    (tmp_path / "a.zip").write_bytes(b"PK")
    with pytest.raises(LandOfficeError):
        inspect_source(tmp_path / "a.zip")
    with pytest.raises(LandOfficeError):
        import_source(tmp_path, tmp_path / "out.sqlite")


def test_truncated_shapefile_check(mixed_folder):
    with pytest.raises(LandOfficeError) as err:
        check_shapefile_files(mixed_folder / "DLTB_broken.shp")
    assert "DLTB_broken.shp" in err.value.message_en


def test_cancel_writes_nothing(gpkg_source, tmp_path, qgis_app):
    feedback = QgsFeedback()
    feedback.cancel()
    out = tmp_path / "c.gpkg"
    result = import_source(gpkg_source, out, feedback=feedback)
    assert result.cancelled and result.output is None
    assert list(tmp_path.iterdir()) == []


def test_failure_leaves_old_output_untouched(gpkg_source, tmp_path, monkeypatch, qgis_app):
    out = tmp_path / "keep.gpkg"
    out.write_bytes(b"old contents")

    def boom(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(importer, "_write_metadata", boom)
    with pytest.raises(OSError):
        import_source(gpkg_source, out)
    assert out.read_bytes() == b"old contents"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.gpkg"]


# ---- the Processing algorithm --------------------------------------------------------------------

class _Collect(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):  # noqa: N802
        self.lines.append(info)


def test_processing_algorithm(gpkg_source, gdb_source, mixed_folder, tmp_path, qgis_app):
    from landoffice_plugin.processing.alg_import_data import ImportDataAlgorithm

    alg = ImportDataAlgorithm().create()
    assert alg.name() == "importdata" and alg.groupId() == "data"
    param = alg.parameterDefinition("INPUT")
    for value in (gpkg_source, gdb_source, mixed_folder, mixed_folder / "XZQ.shp"):
        assert param.checkValueIsAcceptable(str(value)), value
    feedback = _Collect()
    out = tmp_path / "alg.gpkg"
    results, ok = alg.run({"INPUT": str(gdb_source), "TARGET_CRS": None, "OUTPUT": str(out)},
                          QgsProcessingContext(), feedback)
    assert ok, feedback.lines
    assert results["OUTPUT"] == str(out) and out.is_file()
    assert results["ROLES_FOUND"].split(",") == ["XZQ", "DLTB"]
    assert "HJ" in results["ROLES_MISSING"].split(",")
    log = "\n".join(feedback.lines)
    assert "地类图斑" in log and "户籍（人口）" in log
