"""inspectdata (数据体检, issue 10 item 6) on the small sample county, on a copy with DLBM renamed to an unknown
name and the supply layer (GYYD) removed, on a geographic copy, and on the open project. Feature counts are
counted here with OGR; which jobs must fail follows from what was broken."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from osgeo import gdal, ogr

REPO = Path(__file__).resolve().parent.parent
POTENTIAL = ("unsupplied", "idle", "inefficient", "linkage", "boundary", "recovery")


def _count(gpkg, layer) -> int:
    ds = ogr.Open(str(gpkg))
    n = ds.GetLayerByName(layer).GetFeatureCount()
    ds = None
    return n


@pytest.fixture(scope="module")
def broken(small_county, tmp_path_factory):
    """The sample with DLTB.DLBM renamed to XYZ_CODE and the GYYD layer removed."""
    path = tmp_path_factory.mktemp("datacheck") / "broken.gpkg"
    shutil.copy(small_county, path)
    ds = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE)
    ds.ExecuteSQL("ALTER TABLE DLTB RENAME COLUMN DLBM TO XYZ_CODE")
    ds.DeleteLayer(next(i for i in range(ds.GetLayerCount()) if ds.GetLayer(i).GetName() == "GYYD"))
    ds = None
    return path


@pytest.fixture(scope="module")
def geographic(small_county, tmp_path_factory):
    path = tmp_path_factory.mktemp("datacheck_geo") / "county_4490.gpkg"
    gdal.VectorTranslate(str(path), str(small_county), format="GPKG", dstSRS="EPSG:4490", reproject=True)
    return path


def _verdicts(insp) -> dict:
    return {v.job.id: v for v in insp.verdicts()}


def test_sample_county(qgis_app, small_county, tmp_path):
    from landoffice_plugin.datacheck.inspection import inspect_path
    from landoffice_plugin.datacheck.report import write_inspection_xlsx

    insp = inspect_path(small_county)
    verdicts = _verdicts(insp)
    assert all(v.can_run for v in verdicts.values()), {k: v.reasons for k, v in verdicts.items() if not v.can_run}
    assert {f"potentialland:{c}" for c in POTENTIAL} | {"demolitioncost", "reclamationcost", "parcelreport",
                                                          "fieldwork"} == set(verdicts)
    for role in ("DLTB", "ZD", "HJ", "GYYD"):
        assert insp.checks[role].layer == role and insp.checks[role].features == _count(small_county, role)
    dltb = insp.checks["DLTB"]
    assert dltb.crs == "EPSG:4549" and not dltb.geographic and dltb.invalid_geometries == 0
    dlbm = dltb.field("DLBM")
    assert (dlbm.actual, dlbm.how, dlbm.checked, dlbm.share) == ("DLBM", "standard", dltb.features, 1.0)
    assert insp.checks["HJ"].shape == "person"
    assert insp.checks["GYYD"].field("GYRQ").share == 1.0  # dates
    zddm = insp.checks["ZD"].field("ZDDM")
    assert 0.99 < zddm.share < 1.0 and zddm.examples  # the sample's deliberate red lights: invalid codes
    assert insp.working_crs == "EPSG:4549"
    path = write_inspection_xlsx(insp, tmp_path / "check.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["任务", "图层", "字段"]
    assert sum(1 for row in wb["任务"].iter_rows(min_row=3, values_only=True) if row[0]) == len(verdicts)
    ids = [c for row in wb["字段"].iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert not any(len(c) == 18 and c[:17].isdigit() for c in ids)  # no ID number in the workbook


def test_renamed_code_field_and_missing_layer(qgis_app, broken):
    from landoffice_plugin.datacheck.inspection import inspect_path
    from landoffice_plugin.datacheck.report import inspection_text

    insp = inspect_path(broken)
    assert not insp.checks["GYYD"].found
    dltb = insp.checks["DLTB"]
    assert dltb.found and dltb.field("DLBM").actual is None and dltb.field("DLBM").how == ""
    verdicts = _verdicts(insp)
    for cat in POTENTIAL:  # every category needs DLTB.DLBM
        reasons = " ".join(verdicts[f"potentialland:{cat}"].reasons)
        assert "DLTB.DLBM" in reasons and "地类编码" in reasons, cat
    for cat in ("unsupplied", "idle"):
        assert "GYYD" in " ".join(verdicts[f"potentialland:{cat}"].reasons)
    assert not verdicts["demolitioncost"].can_run and not verdicts["fieldwork"].can_run
    assert verdicts["parcelreport"].can_run  # needs only ZD
    text = inspection_text(insp)
    assert "DLTB.DLBM" in text and ("cannot run" in text or "不能运行" in text)


def test_geographic_copy(qgis_app, geographic):
    from landoffice_plugin.datacheck.inspection import inspect_path

    insp = inspect_path(geographic)
    dltb = insp.checks["DLTB"]
    assert dltb.crs == "EPSG:4490" and dltb.geographic
    assert insp.working_crs == "EPSG:4549"  # the 3° zone of the data's centre (CM 120°E)
    assert all(v.can_run for v in insp.verdicts())


def test_household_population_table(qgis_app, small_county, tmp_path):
    from qgis.core import QgsVectorLayer

    from landoffice_plugin.datacheck.roles_check import check_role

    path = tmp_path / "hh.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("HJ", None, ogr.wkbNone)
    for name in ("户号", "宗地代码", "户主姓名", "户主身份证号", "家庭人口数"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    feat = ogr.Feature(layer.GetLayerDefn())
    for name, value in zip(("户号", "宗地代码", "户主姓名", "户主身份证号", "家庭人口数"),
                           ("H1", "320299101201JC00001", "张三", "110101199003070000", "3")):
        feat.SetField(name, value)
    layer.CreateFeature(feat)
    ds = None
    check = check_role("HJ", QgsVectorLayer(f"{path}|layername=HJ", "HJ", "ogr"))
    assert check.shape == "household"
    assert check.field("JTRKS").actual == "家庭人口数" and check.field("JTRKS").how.startswith("alias")
    assert check.field("HZSFZHM").checked == 1 and check.field("HZSFZHM").valid == 0  # a wrong check digit
    assert check.field("HZSFZHM").examples == []  # never an ID number in the report


def test_open_project(qgis_app, small_county):
    from qgis.core import QgsProject, QgsVectorLayer

    from landoffice_plugin.datacheck.inspection import inspect_project

    project = QgsProject()
    for role in ("DLTB", "ZD"):
        project.addMapLayer(QgsVectorLayer(f"{small_county}|layername={role}", role, "ogr"))
    insp = inspect_project(project)
    verdicts = _verdicts(insp)
    assert verdicts["parcelreport"].can_run and verdicts["potentialland:recovery"].can_run
    assert not verdicts["demolitioncost"].can_run
    assert any("ZRZ" in r for r in verdicts["demolitioncost"].reasons)


def test_algorithm_and_cli(landoffice_processing, broken, tmp_path):
    import processing

    result = processing.run("landoffice:inspectdata", {"INPUT": str(broken),
                                                       "OUTPUT_XLSX": str(tmp_path / "check.xlsx")})
    assert result["JOBS_BLOCKED"] == 9 and result["JOBS_READY"] == 1  # only the parcel lookup runs
    assert "potentialland:idle" in result["BLOCKED"] and (tmp_path / "check.xlsx").is_file()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-m", "landoffice_plugin", "inspectdata", "--INPUT", str(broken)],
                         cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "DLTB.DLBM" in out.stdout + out.stderr and "JOBS_BLOCKED: 9" in out.stdout + out.stderr


def test_every_dock_has_the_data_check_button(qgis_iface, small_county):
    """The button lives once in dock_base: every panel shows it; it opens the result of the open project."""
    from qgis.core import QgsProject, QgsVectorLayer
    from qgis.PyQt.QtWidgets import QToolButton

    from landoffice_plugin.gui.dock_base import dock_classes
    from landoffice_plugin.i18n import tr

    project = QgsProject.instance()
    project.addMapLayers([QgsVectorLayer(f"{small_county}|layername={r}", r, "ogr") for r in ("DLTB", "ZD")])
    try:
        classes = dock_classes()
        assert len(classes) >= 4
        for cls in classes:
            dock = cls(qgis_iface)
            try:
                button = dock.findChild(QToolButton, f"{cls.OBJECT_NAME}InspectButton")
                assert button is not None and button.text() == tr("Data check"), cls.__name__
            finally:
                dock.cleanup()
                dock.setParent(None)  # out of the main window now (later tests count its docks); Python deletes it
        dock = classes[0](qgis_iface)
        try:
            dock.inspect_button.click()
            dialog = dock.inspect_dialog
            assert dialog.isVisible() and dialog.jobs_table.rowCount() == len(dialog.inspection.verdicts())
            assert dialog.roles_table.rowCount() == len(dialog.inspection.checks)
            saved = dialog.save(str(small_county.parent / "dock_check.xlsx"))
            assert saved and Path(saved).is_file()
            dialog.close()
        finally:
            dock.cleanup()
            dock.setParent(None)
    finally:
        project.clear()


@pytest.mark.parametrize("suffix", ["_sandiao.gdb", "_shp_gbk"])
def test_filegdb_and_shapefile_folder(qgis_app, small_county, suffix):
    """The 三调-style FileGDB and the GBK shapefile folder the generator writes beside the GeoPackage."""
    from landoffice_plugin.datacheck.inspection import inspect_path

    path = small_county.parent / f"{small_county.stem}{suffix}"
    assert path.is_dir()
    insp = inspect_path(path)
    dltb = insp.checks["DLTB"]
    assert dltb.found and dltb.features == _count(small_county, "DLTB")
    assert dltb.field("DLBM").share == 1.0
    verdicts = _verdicts(insp)
    assert verdicts["potentialland:recovery"].can_run  # DLTB is all it needs
    assert not verdicts["parcelreport"].can_run
    assert any("ZD" in r for r in verdicts["parcelreport"].reasons)


def test_overview_map_says_when_dltb_has_no_code_field(landoffice_processing, broken, tmp_path):
    """The land-use patches of a DLTB without DLBM cannot be coloured by class: the run says so."""
    import processing
    from qgis.core import QgsProcessingFeedback

    warnings = []

    class Feedback(QgsProcessingFeedback):
        def pushWarning(self, text):  # noqa: N802
            warnings.append(text)

    processing.run("landoffice:overviewmap", {"INPUT": str(broken), "OUTPUT_PDF": str(tmp_path / "o.pdf")},
                   feedback=Feedback())
    assert any("DLBM" in w for w in warnings)
