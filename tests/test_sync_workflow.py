"""Field-work workflow against the real data centre: algorithms, checks, photos, clear errors."""
from __future__ import annotations

import base64
import http.server
import json
import threading

import pytest
from qgis.core import QgsGeometry, QgsProject, QgsVectorLayer

pytest_plugins = ["datacentre_fixture"]
AREA = "504000,3486000,504400,3486400"


def _layer(pkg, name="DLTB"):
    layer = QgsVectorLayer(f"{pkg}/fieldwork.gpkg|layername={name}", name, "ogr")
    assert layer.isValid()
    return layer


def test_checkout_and_sync_algorithms(datacentre, landoffice_processing, tmp_path):
    import processing

    out = tmp_path / "pkg"
    result = processing.run("landoffice:checkout", {"URL": datacentre.url, "AREA": AREA,
                                                    "COLLECTIONS": "DLTB,ZD,EVIDENCE", "OUTPUT_DIR": str(out)})
    expected = int(datacentre.sql("SELECT count(*) FROM dltb WHERE ST_Intersects(geom, "
                                  "ST_MakeEnvelope(504000, 3486000, 504400, 3486400, 4549))")[0][0])
    assert f"DLTB={expected}" in result["COUNTS"] and expected > 5
    project = QgsProject()
    assert project.read(result["PROJECT"])
    layers = {lyr.name().split()[-1]: lyr for lyr in project.mapLayers().values()}
    assert set(layers) == {"DLTB", "ZD", "EVIDENCE"}
    dltb = layers["DLTB"]
    dlbm = dltb.editorWidgetSetup(dltb.fields().indexOf("DLBM"))
    codes = [next(iter(item.values())) for item in dlbm.config()["map"]]
    assert dlbm.type() == "ValueMap" and "0101" in codes and "1207" in codes
    assert layers["EVIDENCE"].editorWidgetSetup(layers["EVIDENCE"].fields().indexOf("PHOTO_NAME")).type() \
        == "ExternalResource"
    synced = processing.run("landoffice:sync", {"PACKAGE_DIR": str(out), "CONFLICTS": 0})
    assert synced["CONFLICT_COUNT"] == 0 and "created=0" in synced["SUMMARY"]


def test_checkout_area_from_a_polygon_layer_in_another_crs(datacentre, landoffice_processing, tmp_path):
    """AREA_LAYER: the extent of a polygon layer drawn in EPSG:4490 is reprojected to the storage CRS."""
    import processing
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeature, QgsGeometry, QgsRectangle

    to_4490 = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4549"),
                                     QgsCoordinateReferenceSystem("EPSG:4490"), QgsProject.instance())
    box = to_4490.transformBoundingBox(QgsRectangle(504000, 3486000, 504400, 3486400))
    layer = QgsVectorLayer("Polygon?crs=EPSG:4490", "area", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromRect(box))
    layer.dataProvider().addFeatures([feature])
    out = tmp_path / "pkg_layer"
    result = processing.run("landoffice:checkout", {"URL": datacentre.url, "AREA_LAYER": layer,
                                                    "COLLECTIONS": "DLTB", "OUTPUT_DIR": str(out)})
    # the 4490 box reprojected back covers the 4549 square (a little more: a transformed bounding box)
    back = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4490"), QgsCoordinateReferenceSystem("EPSG:4549"),
                                  QgsProject.instance()).transformBoundingBox(box)
    envelope = f"{back.xMinimum()}, {back.yMinimum()}, {back.xMaximum()}, {back.yMaximum()}, 4549"
    sql = f"SELECT count(*) FROM dltb WHERE ST_Intersects(geom, ST_MakeEnvelope({envelope}))"
    expected = int(datacentre.sql(sql)[0][0])
    assert f"DLTB={expected}" in result["COUNTS"] and expected > 5
    with pytest.raises(Exception, match="9-digit township code"):
        processing.run("landoffice:checkout", {"URL": datacentre.url, "COLLECTIONS": "DLTB",
                                               "OUTPUT_DIR": str(tmp_path / "none")})


def test_checks_recompute_area_and_block_bad_codes(datacentre, tmp_path):
    from qgis.core import QgsCoordinateReferenceSystem, QgsDistanceArea
    from qgis.core import QgsProject as Project

    from landoffice_plugin.core.errors import LandOfficeError
    from landoffice_plugin.sync.checkout import checkout
    from landoffice_plugin.sync.checks import add_override, run_checks
    from landoffice_plugin.sync.sync import sync_package

    pkg = tmp_path / "chk"
    checkout(datacentre.url, AREA, pkg)
    layer = _layer(pkg)
    feats = sorted(layer.getFeatures(), key=lambda f: f["id"])
    bad, shrunk = feats[0], feats[1]
    layer.startEditing()
    layer.changeAttributeValue(bad.id(), layer.fields().indexOf("DLBM"), "9999")
    geom = QgsGeometry(shrunk.geometry()).buffer(-1.0, 4)
    geom.convertToMultiType()
    layer.changeGeometry(shrunk.id(), geom)
    assert layer.commitChanges()
    problems = run_checks(pkg / "fieldwork.gpkg")
    assert [(p.fid, p.code) for p in problems] == [(bad["id"], "DLBM")]
    da = QgsDistanceArea()
    da.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4549"), Project.instance().transformContext())
    da.setEllipsoid("EPSG:1024")  # CGCS2000
    recomputed = next(f for f in _layer(pkg).getFeatures() if f["id"] == shrunk["id"])
    assert recomputed["TBMJ"] == pytest.approx(da.measureArea(geom), abs=0.02)
    with pytest.raises(LandOfficeError, match="do not pass the checks"):
        sync_package(pkg)
    add_override(pkg / "fieldwork.gpkg", "DLTB", bad["id"], "DLBM", "新地类，待标准更新")
    report = sync_package(pkg)
    assert report.updated == 2 and report.created == 1  # the override travels as an EVIDENCE point
    evidence = datacentre.sql(f"""SELECT "NOTE" FROM evidence WHERE "TARGET_ID" = '{bad["id"]}'""")
    assert evidence == [("override DLTB/DLBM: 新地类，待标准更新",)]
    server_area = float(datacentre.sql(f"""SELECT "TBMJ" FROM dltb WHERE id = '{shrunk["id"]}'""")[0][0])
    assert server_area == pytest.approx(da.measureArea(geom), abs=0.02)


def test_photo_travels_as_base64(datacentre, tmp_path):
    from qgis.core import QgsFeature

    from landoffice_plugin.sync.checkout import checkout
    from landoffice_plugin.sync.sync import sync_package

    pkg = tmp_path / "photo"
    checkout(datacentre.url, AREA, pkg)
    jpeg = bytes([0xFF, 0xD8, 0xFF, 0xE0]) + "外业照片".encode() + bytes(range(256)) + bytes([0xFF, 0xD9])
    (pkg / "photos" / "p1.jpg").write_bytes(jpeg)
    layer = _layer(pkg, "EVIDENCE")
    layer.startEditing()
    feat = QgsFeature(layer.fields())
    feat.setAttribute("PHOTO_NAME", "photos/p1.jpg")
    feat.setAttribute("DIRECTION", 135.0)
    feat.setAttribute("NOTE", "新建房屋")
    feat.setGeometry(QgsGeometry.fromWkt("Point(504100 3486100)"))
    layer.addFeature(feat)
    assert layer.commitChanges()
    assert sync_package(pkg).created == 1
    rows = datacentre.sql("""SELECT "PHOTO_B64", "DIRECTION" FROM evidence WHERE "NOTE" = '新建房屋'""")
    assert len(rows) == 1 and base64.b64decode(rows[0][0]) == jpeg and float(rows[0][1]) == 135.0
    other = tmp_path / "other"
    checkout(datacentre.url, AREA, other)
    assert (other / "photos" / "p1.jpg").read_bytes() == jpeg


class _NoPart4(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        body = json.dumps({"conformsTo": ["http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core"]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_clear_messages(datacentre, small_county, tmp_path):
    from landoffice_plugin.core.errors import LandOfficeError
    from landoffice_plugin.sync.checkout import checkout
    from landoffice_plugin.sync.client import FeatureClient
    from landoffice_plugin.sync.sync import sync_package

    server = http.server.HTTPServer(("127.0.0.1", 0), _NoPart4)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with pytest.raises(LandOfficeError, match="does not accept edits"):
            FeatureClient(f"http://127.0.0.1:{server.server_port}").require_writes()
    finally:
        server.shutdown()
    with pytest.raises(LandOfficeError, match="cannot be read as a LandOffice field package"):
        sync_package(small_county)
    assert not (small_county.parent / "sync.log").exists()  # not a package: nothing written beside it
    corrupt = tmp_path / "corrupt"
    corrupt.mkdir()
    (corrupt / "fieldwork.gpkg").write_bytes(small_county.read_bytes()[:5000])  # a truncated copy
    with pytest.raises(LandOfficeError, match="cannot be read as a LandOffice field package") as damaged:
        sync_package(corrupt)
    # the message never advises what would lose the edits, and the damage is in the package's log
    assert "check out" not in damaged.value.message_en.replace("do not check out", "")
    assert "Keep the file" in damaged.value.message_en
    assert "cannot be read" in (corrupt / "sync.log").read_text(encoding="utf-8")
    with pytest.raises(LandOfficeError, match="neither a 9-digit township code"):
        checkout(datacentre.url, "somewhere", tmp_path / "x")


def _basic_authcfg(user, password):
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("landoffice-test-master", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName(f"datacentre {user}")
    config.setConfig("username", user)
    config.setConfig("password", password)
    assert manager.storeAuthenticationConfig(config)
    return config.id()


def test_login_is_checked(datacentre):
    from landoffice_plugin.core.errors import LandOfficeError
    from landoffice_plugin.sync.client import FeatureClient

    datacentre.auth_file.write_text("surveyor:right-password")
    try:
        with pytest.raises(LandOfficeError, match="refused the login"):
            FeatureClient(datacentre.url).conformance()
        good = FeatureClient(datacentre.url, _basic_authcfg("surveyor", "right-password"))
        assert {"DLTB", "ZD", "EVIDENCE"} <= set(good.collections()) and good.supports_writes()
        with pytest.raises(LandOfficeError, match="refused the login") as err:
            FeatureClient(datacentre.url, _basic_authcfg("surveyor", "wrong-password")).conformance()
        assert "wrong-password" not in str(err.value)
        with pytest.raises(LandOfficeError, match="was not found in QGIS"):
            FeatureClient(datacentre.url, "nosuch1")
    finally:
        datacentre.auth_file.unlink()
