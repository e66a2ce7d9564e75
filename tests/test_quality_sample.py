"""landoffice:qualitycheck on the small sample county: the generator's deliberate red lights and nothing the
sample satisfies by construction; the red-light layer, the xlsx and the command line."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsDistanceArea,
    QgsVectorLayer,
)

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def sample(tmp_path_factory, qgis_app):
    """A small county (seed 1) with the generator's summary of its deliberate red lights."""
    from landoffice_plugin.sample.generator import generate_sample

    path = tmp_path_factory.mktemp("quality") / "county.gpkg"
    summary = generate_sample(path, scale="small", seed=1)
    return path, summary


@pytest.fixture(scope="module")
def run(sample, landoffice_processing, tmp_path_factory):
    import processing

    path, _summary = sample
    out = tmp_path_factory.mktemp("quality_out")
    result = processing.run("landoffice:qualitycheck", {"GPKG": str(path), "OUTPUT": str(out / "red.gpkg"),
                                                         "REPORT_XLSX": str(out / "quality.xlsx")})
    return result


def _under_minimum(path) -> set:
    """BSMs of the DLTB patches under the minimum mapping area, measured here with QgsDistanceArea."""
    from landoffice_plugin.core.landuse import legal_category

    layer = QgsVectorLayer(f"{path}|layername=DLTB", "DLTB", "ogr")
    da = QgsDistanceArea()
    da.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4549"), QgsCoordinateTransformContext())
    da.setEllipsoid("EPSG:1024")
    limits = {"建设用地": 200.0, "农用地": 400.0, "未利用地": 600.0}
    out = set()
    for f in layer.getFeatures():
        code = f["DLBM"]
        limit = 200.0 if code.startswith("1202") else limits.get(legal_category(code), 0.0)
        if da.measureArea(f.geometry()) < limit:
            out.add(str(f["BSM"]))
    return out


MERGE_FIELDS = ("DLBM", "QSXZ", "QSDWDM", "ZLDWDM", "GDLX", "GDPDJB", "KCDLBM", "ZZSXDM", "CZCSXM", "TBXHDM")


def _mergeable_pairs(path) -> set:
    """BSM pairs of neighbours with a common edge over 1 m and equal attributes, found here with QGIS's own spatial
    index and GEOS through QgsGeometry (the generator does not merge equal neighbours: 三调 data would)."""
    from qgis.core import QgsGeometry, QgsSpatialIndex

    layer = QgsVectorLayer(f"{path}|layername=DLTB", "DLTB", "ogr")
    names = [n for n in MERGE_FIELDS if layer.fields().indexOf(n) >= 0]
    feats = {f.id(): f for f in layer.getFeatures()}
    index = QgsSpatialIndex(layer.getFeatures())

    def same(a, b):
        return all(("" if a[n] is None else str(a[n])) == ("" if b[n] is None else str(b[n])) for n in names)

    out = set()
    for fid, f in feats.items():
        edge = QgsGeometry(f.geometry().constGet().boundary())
        for other in index.intersects(f.geometry().boundingBox()):
            g = feats[other]
            if other <= fid or not same(f, g):
                continue
            shared = edge.intersection(QgsGeometry(g.geometry().constGet().boundary()))
            if shared.length() > 1.0:
                out.add(tuple(sorted((str(f["BSM"]), str(g["BSM"])))))
    return out


def test_finds_exactly_the_deliberate_red_lights(sample, run):
    path, summary = sample
    counts = run["COUNTS"]
    layer = QgsVectorLayer(run["OUTPUT"], "red", "ogr")
    rows = [(f["rule"], f["keys"]) for f in layer.getFeatures()]
    assert sorted(k for r, k in rows if r == "zd_parcel_code") == sorted(summary["red_lights"]["invalid_code"])
    under = _under_minimum(path)
    assert sorted(k for r, k in rows if r == "dltb_min_area") == sorted(under)
    merge = _mergeable_pairs(path)
    assert merge and sorted(tuple(sorted(k.split(","))) for r, k in rows if r == "dltb_mergeable") == sorted(merge)
    deliberate = ("zd_parcel_code", "dltb_min_area", "dltb_mergeable")
    by_construction = {r: n for r, n in counts.items() if r not in deliberate}
    assert by_construction == {r: 0 for r in by_construction}  # an exact coverage with consistent attributes
    assert run["TOTAL"] == layer.featureCount() == len(summary["red_lights"]["invalid_code"]) + len(under) + len(merge)


def test_every_rule_looked_at_something(run):
    assert set(run["CHECKED"]) == set(run["COUNTS"]) and len(run["COUNTS"]) == 25
    assert all(n > 0 for n in run["CHECKED"].values()), run["CHECKED"]
    assert run["NOTES"] == ""


def test_layer_and_workbook(run):
    layer = QgsVectorLayer(run["OUTPUT"], "red", "ogr")
    for name in ("rule", "severity", "message", "fids", "keys", "village_code", "area_m2"):
        assert name in layer.fields().names()
    assert all(not f.geometry().isEmpty() and len(f["village_code"]) == 12 for f in layer.getFeatures())
    wb = load_workbook(run["REPORT_XLSX"])
    assert wb.sheetnames == ["规则汇总", "按村统计", "红灯明细", "说明"]
    ws = wb["按村统计"]
    header = [c.value for c in ws[2]]
    count_col = header.index("红灯数")
    counted = sum(r[count_col] for r in ws.iter_rows(min_row=3, values_only=True)
                  if isinstance(r[count_col], int) and r[0] != "合计")
    assert counted == run["TOTAL"]
    assert wb["红灯明细"].max_row == 2 + run["TOTAL"]


def test_command_line(sample, tmp_path):
    path, summary = sample
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LC_ALL="C.UTF-8", LANG="C.UTF-8")
    proc = subprocess.run([sys.executable, "-m", "landoffice_plugin", "qualitycheck", "--json",
                           "--DLTB", f"{path}|layername=DLTB", "--ZD", f"{path}|layername=ZD",
                           "--GROUPS", "Attributes", "--OUTPUT", str(tmp_path / "red.gpkg")],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["COUNTS"]["zd_parcel_code"] == len(summary["red_lights"]["invalid_code"])
    assert result["TOTAL"] == len(summary["red_lights"]["invalid_code"])


def test_missing_dltb_is_a_clear_message(landoffice_processing, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as err:
        processing.run("landoffice:qualitycheck", {"OUTPUT": str(tmp_path / "red.gpkg")})
    assert "DLTB" in str(err.value) and "Traceback" not in str(err.value)


def test_same_red_lights_under_another_dialect(run, landoffice_processing, tmp_path):
    """The same county under other field names, coded values as names and EPSG:4527 (the 'mapped' dialect with
    its FIELD_MAP): the same counts, rule by rule."""
    import processing

    from landoffice_plugin.sample.generator import generate_sample

    summary = generate_sample(tmp_path / "mapped.gpkg", scale="small", seed=1, dialect="mapped")
    other = processing.run("landoffice:qualitycheck", {"GPKG": summary["output"], "FIELD_MAP": summary["fieldmap"],
                                                       "OUTPUT": str(tmp_path / "red.gpkg")})
    assert summary["epsg"] != 4549
    assert other["COUNTS"] == run["COUNTS"]
