"""Field tasks end to end against the real data centre (pygeoapi + PostGIS on loopback): red lights and a clue
become tasks, published once; a checkout carries them to the laptop; a task is completed with a photo (EXIF
position, direction, time; its hash recorded); the sync brings both back; a second laptop sees them; the report
counts them."""
from __future__ import annotations

import base64
import hashlib
import subprocess

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from landoffice_plugin.sample.photo import write_photo

pytest_plugins = ["datacentre_fixture"]

AREA = "502600,3485000,503000,3485400"  # test_sync_server's "pull" extent: it edits DLTB there, we add tasks
X0, Y0 = 502650.0, 3485050.0


def _square(x, y, size):
    return QgsGeometry.fromWkt(f"POLYGON(({x} {y}, {x + size} {y}, {x + size} {y + size}, {x} {y + size}, {x} {y}))")


def _township(dc) -> str:
    rows = dc.sql("""SELECT substr("ZLDWDM", 1, 12) FROM dltb WHERE ST_Intersects(geom,
                     ST_MakeEnvelope(502600, 3485000, 503000, 3485400, 4549)) GROUP BY 1 ORDER BY count(*) DESC""")
    return rows[0][0]


def _red_lights(village: str) -> QgsVectorLayer:
    """What landoffice:qualitycheck writes (its fields), by hand: two errors, a warning, a notice, a repeat."""
    from landoffice_plugin.quality.red_light_layer import FIELDS

    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4549", "red", "memory")
    kinds = {QVariant.String: QVariant.String, QVariant.Double: QVariant.Double}
    layer.dataProvider().addAttributes([QgsField(n, kinds[t]) for n, t, _l, _a in FIELDS])
    layer.updateFields()
    # severities as landoffice:qualitycheck writes them (in Chinese; the rules file says error / warning)
    rows = [("min_area_construction", "错误", "面积过小", "图斑面积 150.00 平方米，小于 200", "12", 0, 20),
            ("overlap", "错误", "图斑重叠", "重叠 30.00 平方米", "15,16", 40, 30),
            ("kcmj_identity", "警告", "KCMJ 不符", "KCMJ 应为 12.34", "17", 100, 25),
            ("sliver", "提示", "细碎", "宽度 0.05 米", "18", 160, 10),
            ("overlap", "错误", "图斑重叠", "重叠 30.00 平方米", "15,16", 40, 30)]  # the same problem twice
    feats = []
    for rule, severity, title, message, fids, dx, size in rows:
        f = QgsFeature(layer.fields())
        values = {"rule": rule, "group": "topology", "severity": severity, "title": title, "message": message,
                  "layer": "DLTB", "fids": fids, "keys": "", "town_code": village[:9], "village_code": village,
                  "area_m2": size * size}
        f.setAttributes([values.get(n) for n, *_ in FIELDS])
        f.setGeometry(_square(X0 + dx, Y0, size))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def _clues(village: str) -> QgsVectorLayer:
    """What landoffice:landusechange writes for suspected unlawful use — in EPSG:4490 (a delivery's CRS)."""
    from landoffice_plugin.processing.alg_landuse_change import CLUE_FIELDS

    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4490", "clues", "memory")
    layer.dataProvider().addAttributes([QgsField(n, t) for n, t, _l, _a in CLUE_FIELDS])
    layer.updateFields()
    to_geo = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4549"),
                                    QgsCoordinateReferenceSystem("EPSG:4490"), QgsProject.instance())
    geom = _square(X0 + 200, Y0 + 100, 40)
    geom.transform(to_geo)
    f = QgsFeature(layer.fields())
    values = {"from_code": "0101", "from_name": "水田", "to_code": "0702", "to_name": "农村宅基地",
              "village_code": village, "old_bsm": "100", "new_bsm": "200", "area_m2": 1600.0, "clue": "是",
              "evidence": "无批准用地；无供地"}
    f.setAttributes([values.get(n) for n, *_ in CLUE_FIELDS])
    f.setGeometry(geom)
    layer.dataProvider().addFeatures([f])
    return layer


def _ellipsoidal(geom_4549: QgsGeometry) -> float:
    da = QgsDistanceArea()
    da.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4549"), QgsProject.instance().transformContext())
    da.setEllipsoid("EPSG:1024")  # CGCS2000
    return da.measureArea(geom_4549)


def _lonlat(x, y):
    to_wgs = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4549"),
                                    QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    p = to_wgs.transform(QgsPointXY(x, y))
    return p.x(), p.y()


@pytest.fixture(scope="module")
def published(datacentre, landoffice_processing, tmp_path_factory):
    import processing

    village = _township(datacentre)
    out = tmp_path_factory.mktemp("tasks") / "tasks.gpkg"
    red, clues = _red_lights(village), _clues(village)
    result = processing.run("landoffice:fieldtasks", {"INPUTS": [red, clues], "URL": datacentre.url,
                                                      "OUTPUT": str(out)})
    return village, result, out


def test_tasks_published_once_per_problem(datacentre, published):
    import processing

    village, result, out = published
    # 2 errors (the repeated overlap once) + 1 warning (default severities error, warning) + 1 clue; the notice not
    assert (result["COUNT"], result["PUBLISHED"]) == (4, 4)
    rows = datacentre.sql("""SELECT "RWLX", "ZT", "XZDM", "CJDM", "MJ", ST_Area(geom), version FROM rwtb
                             ORDER BY "RWLX", "MJ" """)
    assert sorted(r[0] for r in rows) == ["疑似违法", "质检", "质检", "质检"]
    assert {(r[1], r[2], r[3], r[6]) for r in rows} == {("待核查", village[:9], village, "1")}
    # MJ is the ellipsoidal area of what was drawn; the clue came in EPSG:4490 and is stored in EPSG:4549
    expected = sorted([_ellipsoidal(_square(X0, Y0, 20)), _ellipsoidal(_square(X0 + 40, Y0, 30)),
                       _ellipsoidal(_square(X0 + 100, Y0, 25))])
    quality = sorted(float(r[4]) for r in rows if r[0] == "质检")
    assert quality == pytest.approx(expected, abs=0.01)
    clue = next(r for r in rows if r[0] == "疑似违法")
    assert float(clue[5]) == pytest.approx(1600.0, rel=1e-6) and float(clue[4]) == pytest.approx(
        _ellipsoidal(_square(X0 + 200, Y0 + 100, 40)), rel=1e-4)
    assert QgsVectorLayer(str(out), "t", "ogr").featureCount() == 4
    again = processing.run("landoffice:fieldtasks", {"INPUTS": [_red_lights(village), _clues(village)],
                                                     "URL": datacentre.url, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert (again["COUNT"], again["PUBLISHED"]) == (4, 0)
    assert datacentre.sql("SELECT count(*) FROM rwtb") == [("4",)]


def test_nothing_to_send_is_said(datacentre, published):
    import processing
    from qgis.core import QgsProcessingException

    village, _, _ = published
    with pytest.raises(QgsProcessingException, match="no problem to send"):
        processing.run("landoffice:fieldtasks", {"INPUTS": [_red_lights(village)], "SEVERITIES": "fatal",
                                                 "OUTPUT": "TEMPORARY_OUTPUT"})


def test_task_checked_with_a_photo_and_synced_back(datacentre, published, tmp_path):
    from landoffice_plugin.core.errors import LandOfficeError
    from landoffice_plugin.sync.checkout import checkout
    from landoffice_plugin.sync.package import read_layer, read_meta
    from landoffice_plugin.sync.project import write_project
    from landoffice_plugin.sync.sync import sync_package
    from landoffice_plugin.tasks.evidence import attach_photo, complete_task

    laptop = tmp_path / "laptop"
    counts = checkout(datacentre.url, AREA, laptop)
    assert counts["RWTB"] == 4 and "RWTB" in read_meta(laptop / "fieldwork.gpkg")["collections"]
    project = QgsProject()
    assert project.read(str(write_project(laptop)))
    top = project.layerTreeRoot().layerOrder()[0]
    assert top.name().startswith("核查任务")  # tasks first
    assert top.editorWidgetSetup(top.fields().indexOf("ZT")).type() == "ValueMap"
    project.clear()
    tasks = read_layer(laptop / "fieldwork.gpkg", "RWTB")
    task_id = next(fid for fid, t in tasks.items() if t.props["RWLX"] == "疑似违法")
    # a photo taken 12 m east of the clue, facing west-south-west, with its EXIF
    x, y = X0 + 232.0, Y0 + 120.0
    lon, lat = _lonlat(x, y)
    photo = tmp_path / "IMG_0001.jpg"
    write_photo(photo, lon, lat, 247.5, "2026:11:30 10:20:30")
    evidence = attach_photo(laptop, task_id, photo, note="已建房屋一处")
    point = QgsGeometry()
    point.fromWkb(evidence.geom)
    assert point.asPoint().distance(QgsPointXY(x, y)) < 0.05  # EXIF is in 1e-6 s of arc: ~3 cm
    assert (evidence.props["DIRECTION"], evidence.props["TAKEN_AT"], evidence.props["POS_SOURCE"]) == (
        247.5, "2026-11-30T10:20:30", "exif")
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    assert evidence.props["PHOTO_SHA256"] == digest
    # a photo without EXIF needs its position entered
    bare = tmp_path / "bare.jpg"
    write_photo(bare)
    with pytest.raises(LandOfficeError, match="no GPS position"):
        attach_photo(laptop, task_id, bare)
    complete_task(laptop, task_id, "现场已建住宅一处，未见批准文件", "李四", "已核查", "2026-11-30")
    # the photo edited after it was attached: the sync stops before sending anything
    stored = laptop / evidence.props["PHOTO_NAME"]
    original = stored.read_bytes()
    stored.write_bytes(original + b"\0")
    with pytest.raises(LandOfficeError, match="SHA-256"):
        sync_package(laptop)
    assert datacentre.sql(f"""SELECT "ZT" FROM rwtb WHERE id = '{task_id}'""") == [("待核查",)]
    stored.write_bytes(original)
    report = sync_package(laptop)
    assert report.created == 1 and report.updated == 1 and not report.conflicts
    row = datacentre.sql(f"""SELECT "ZT", "HCJG", "HCRY", "HCRQ", version FROM rwtb WHERE id = '{task_id}'""")
    assert row == [("已核查", "现场已建住宅一处，未见批准文件", "李四", "2026-11-30", "2")]
    [(target, sha, b64, direction, pos)] = datacentre.sql(
        f"""SELECT "TARGET_ID", "PHOTO_SHA256", "PHOTO_B64", "DIRECTION", "POS_SOURCE" FROM evidence
            WHERE "TARGET_ID" = '{task_id}'""")
    assert (target, sha, float(direction), pos) == (task_id, digest, 247.5, "exif")
    assert hashlib.sha256(base64.b64decode(b64)).hexdigest() == digest
    history = datacentre.sql(f"""SELECT op, changed_fields FROM history WHERE fid = '{task_id}' ORDER BY id""")
    assert history[-1][0] == "update" and set(history[-1][1].split(",")) == {"HCJG", "HCRQ", "HCRY", "ZT"}
    # a second laptop sees the result and the photo, byte for byte
    other = tmp_path / "other"
    checkout(datacentre.url, AREA, other)
    assert read_layer(other / "fieldwork.gpkg", "RWTB")[task_id].props["ZT"] == "已核查"
    assert hashlib.sha256((other / evidence.props["PHOTO_NAME"]).read_bytes()).hexdigest() == digest
    # the report: progress counted, every formula recomputed, the PDF carries the task and its photo
    import processing
    from xlsx_recalc import formula_cells, recalculate, soffice

    result = processing.run("landoffice:taskreport", {"PACKAGE_DIR": str(laptop),
                                                      "OUTPUT_XLSX": str(tmp_path / "tasks.xlsx"),
                                                      "OUTPUT_PDF": str(tmp_path / "tasks.pdf")})
    assert (result["OPEN"], result["DONE"]) == (3, 1)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "tasks.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    number = tasks[task_id].props["RWBH"]
    assert number in text and "已核查" in text and digest[:32] in text and "未见批准文件" in text
    images = subprocess.run(["pdfimages", "-list", str(tmp_path / "tasks.pdf")], capture_output=True, text=True,
                            check=True).stdout.strip().splitlines()[2:]
    assert len(images) >= 1
    if soffice():
        [(formulas, values)] = recalculate([tmp_path / "tasks.xlsx"], tmp_path).values()
        cells = list(formula_cells(formulas, values))
        assert cells
        progress = values["任务进度"]
        header = [c.value for c in progress[2]]
        totals = [c.value for c in progress[progress.max_row]]
        assert totals[header.index("任务数")] == 4 and totals[header.index("已完成")] == 1
        assert totals[header.index("待核查")] == 3
        for _sheet, _coord, _formula, value in cells:
            assert isinstance(value, (int, float))


def test_dock_shows_progress_attaches_a_photo_and_writes_the_report(datacentre, published, qgis_iface, tmp_path):
    from pytest_qgis.utils import wait_until

    from landoffice_plugin.gui.dock_fieldwork import FieldworkDock

    dock = FieldworkDock(qgis_iface)
    dock.url.setText(datacentre.url)
    dock.area.setText(AREA)
    dock.folder.setFilePath(str(tmp_path / "pkg"))
    dock.checkout()
    wait_until(lambda: dock.task is None, timeout_milliseconds=60000)
    server = {row[0]: int(row[1]) for row in datacentre.sql(
        """SELECT "ZT", count(*) FROM rwtb GROUP BY 1""")}
    table = [[dock.task_table.item(r, c).text() for c in range(5)] for r in range(dock.task_table.rowCount())]
    village = published[0]
    assert table[0] == [village[:9], str(sum(server.values())), str(server.get("待核查", 0)),
                        str(server.get("已核查", 0)), str(server.get("已整改", 0))]
    assert table[-1][1:] == table[0][1:]  # one township: the total row repeats it
    assert not dock.attach_photo(str(tmp_path / "none.jpg"))  # no task selected: says what to do
    assert "RWTB" in dock.status.text()
    layer = QgsVectorLayer(f"{tmp_path}/pkg/fieldwork.gpkg|layername=RWTB", "核查任务 RWTB", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        target = next(f for f in layer.getFeatures() if f["ZT"] == "待核查")
        layer.selectByIds([target.id()])
        qgis_iface.setActiveLayer(layer)
        photo = tmp_path / "IMG_0002.jpg"
        write_photo(photo, *_lonlat(X0 + 10, Y0 + 10), 90.0, "2026:12:01 09:00:00")
        assert dock.attach_photo(str(photo)), dock.status.text()
        from landoffice_plugin.sync.package import read_layer

        evidence = [f for f in read_layer(tmp_path / "pkg" / "fieldwork.gpkg", "EVIDENCE").values()
                    if f.props.get("TARGET_ID") == target["id"]]
        assert len(evidence) == 1 and evidence[0].props["POS_SOURCE"] == "exif"
        dock.task_report()
        wait_until(lambda: dock.task is None, timeout_milliseconds=60000)
        assert (tmp_path / "pkg" / "tasks.xlsx").is_file() and (tmp_path / "pkg" / "tasks.pdf").is_file(), \
            dock.status.text()
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
        dock.deleteLater()


def test_two_laptops_closing_the_same_task_meet_as_a_conflict(datacentre, published, tmp_path):
    """Nothing overwritten without a conflict: the second result is kept on its laptop and reported."""
    from landoffice_plugin.sync.checkout import checkout
    from landoffice_plugin.sync.journal import list_conflicts
    from landoffice_plugin.sync.package import read_layer
    from landoffice_plugin.sync.sync import sync_package
    from landoffice_plugin.tasks.evidence import complete_task

    a, b = tmp_path / "a", tmp_path / "b"
    checkout(datacentre.url, AREA, a)
    checkout(datacentre.url, AREA, b)
    task_id = next(fid for fid, t in sorted(read_layer(a / "fieldwork.gpkg", "RWTB").items())
                   if t.props["ZT"] == "待核查" and t.props["RWLX"] == "质检")
    complete_task(a, task_id, "图斑已合并", "张三", "已整改", "2026-12-01")
    complete_task(b, task_id, "现场无问题", "王五", "已核查", "2026-12-02")
    assert sync_package(a).updated == 1
    report = sync_package(b)
    assert report.updated == 0 and {c["field"] for c in report.conflicts} >= {"HCJG", "HCRY", "ZT"}
    server = datacentre.sql(f"""SELECT "ZT", "HCJG", "HCRY" FROM rwtb WHERE id = '{task_id}'""")
    assert server == [("已整改", "图斑已合并", "张三")]  # the first result stands
    mine = read_layer(b / "fieldwork.gpkg", "RWTB")[task_id].props
    assert (mine["ZT"], mine["HCJG"], mine["HCRY"]) == ("已核查", "现场无问题", "王五")  # the second is not lost
    assert {c["field"] for c in list_conflicts(b / "fieldwork.gpkg")} >= {"HCJG", "HCRY", "ZT"}


def test_tasks_from_what_the_quality_check_and_the_change_detection_really_write(small_county, landoffice_processing,
                                                                                  tmp_path):
    """The producers' own outputs (not hand-built layers): every red light of the chosen severities and every
    clue becomes exactly one task, in its township."""
    import processing

    from landoffice_plugin.sample.next_year import next_year_dltb

    red = processing.run("landoffice:qualitycheck", {"GPKG": str(small_county),
                                                     "OUTPUT": str(tmp_path / "red.gpkg")})["OUTPUT"]
    red_layer = QgsVectorLayer(red, "red", "ogr")
    lights = list(red_layer.getFeatures())
    assert lights
    errors = {(f["rule"], f["layer"], f["keys"] or f["fids"]) for f in lights if f["severity"] == "错误"}
    everything = {(f["rule"], f["layer"], f["keys"] or f["fids"]) for f in lights}
    only_errors = processing.run("landoffice:fieldtasks", {"INPUTS": [red], "SEVERITIES": "error",
                                                           "OUTPUT": str(tmp_path / "t1.gpkg")})
    assert only_errors["COUNT"] == len(errors) > 0
    tasks = QgsVectorLayer(str(tmp_path / "t1.gpkg"), "t", "ogr")
    assert {f["XZDM"] for f in tasks.getFeatures()} <= {f["town_code"] for f in lights}
    assert all(len(f["XZDM"]) == 9 for f in tasks.getFeatures())
    assert processing.run("landoffice:fieldtasks", {"INPUTS": [red], "OUTPUT": "TEMPORARY_OUTPUT"})["COUNT"] == \
        len(everything)
    later = tmp_path / "next.gpkg"
    next_year_dltb(small_county, later, seed=7)
    change = processing.run("landoffice:landusechange", {
        "OLD": f"{small_county}|layername=DLTB", "NEW": f"{later}|layername=DLTB", "GPKG": str(small_county),
        "OUTPUT": "TEMPORARY_OUTPUT", "CLUES": str(tmp_path / "clues.gpkg")})
    clues = QgsVectorLayer(change["CLUES"], "clues", "ogr")
    assert clues.featureCount() > 0
    from_clues = processing.run("landoffice:fieldtasks", {"INPUTS": [change["CLUES"]], "OUTPUT": "TEMPORARY_OUTPUT"})
    assert from_clues["COUNT"] == clues.featureCount()
    kinds = {f["RWLX"] for f in from_clues["OUTPUT"].getFeatures()}
    assert kinds == {"疑似违法"}


def test_checkout_around_the_tasks_carries_their_surroundings_and_syncs_within_them(datacentre, published,
                                                                                   tmp_path):
    from landoffice_plugin.sync.checkout import checkout
    from landoffice_plugin.sync.package import read_layer
    from landoffice_plugin.sync.sync import sync_package

    pkg = tmp_path / "around"
    counts = checkout(datacentre.url, AREA, pkg, around_tasks=30)
    whole = int(datacentre.sql("""SELECT count(*) FROM dltb WHERE ST_Intersects(geom,
                                  ST_MakeEnvelope(502600, 3485000, 503000, 3485400, 4549))""")[0][0])
    near = {r[0] for r in datacentre.sql("""SELECT DISTINCT d.id FROM dltb d JOIN rwtb t ON t."ZT" = '待核查'
                                            AND ST_DWithin(d.geom, t.geom, 30)""")}
    local = read_layer(pkg / "fieldwork.gpkg", "DLTB")
    assert near and near <= set(local)  # every patch within 30 m of an open task is on the laptop
    assert counts["DLTB"] == len(local) < whole  # and not the whole area
    assert counts["RWTB"] == int(datacentre.sql("SELECT count(*) FROM rwtb")[0][0])  # every task of the area
    # a sync keeps to the boxes: a remote edit near a task comes in, nothing is taken for deleted or gone
    fid = sorted(near)[0]
    datacentre.sql(f"""UPDATE dltb SET "BZ" = '县里改：任务旁', version = version + 1 WHERE id = '{fid}'""")
    report = sync_package(pkg, checks=False)
    assert (report.pulled, report.left_area, report.deleted) == (1, 0, 0)
    assert read_layer(pkg / "fieldwork.gpkg", "DLTB")[fid].props["BZ"] == "县里改：任务旁"
    assert len(read_layer(pkg / "fieldwork.gpkg", "DLTB")) == len(local)


def test_checkout_around_tasks_of_an_area_without_tasks_is_refused(datacentre, tmp_path):
    from landoffice_plugin.core.errors import LandOfficeError
    from landoffice_plugin.sync.checkout import checkout

    with pytest.raises(LandOfficeError, match="no open field task"):
        checkout(datacentre.url, "504500,3484500,505000,3485000", tmp_path / "none", around_tasks=30)
    assert not (tmp_path / "none" / "fieldwork.gpkg").exists()
