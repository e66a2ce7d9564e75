"""Any CRS (issue 10 item 5): the small sample county reprojected to geographic CGCS2000 (EPSG:4490) and to the
zone-prefixed 3° zone 39 (EPSG:4527, CM 117°E, 3° west of the data) gives the same areas and money as the
original (EPSG:4549) within 0.01 %; maps are drawn in the working CRS (EPSG:4549, the zone of the data's
centre) at a parcel scale, not a blank 2,000 km page."""
from __future__ import annotations

import datetime
import re
import subprocess

import pytest
from openpyxl import load_workbook
from osgeo import gdal, ogr
from qgis.core import QgsCoordinateReferenceSystem, QgsDistanceArea, QgsProcessingFeedback, QgsProject, QgsVectorLayer

ROLES = ("DLTB", "ZD", "ZRZ", "HJ")
TOLERANCE = 1e-4  # 0.01 %


class Messages(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.infos, self.warnings = [], []

    def pushInfo(self, info):  # noqa: N802
        self.infos.append(info)

    def pushWarning(self, warning):  # noqa: N802
        self.warnings.append(warning)


@pytest.fixture(scope="module")
def copies(small_county, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("anycrs")
    out = {"EPSG:4549": small_county}
    for epsg in ("EPSG:4490", "EPSG:4527"):
        path = tmp / f"county_{epsg[5:]}.gpkg"
        gdal.VectorTranslate(str(path), str(small_county), format="GPKG", dstSRS=epsg, reproject=True)
        out[epsg] = path
    return out


def _layer(path, role):
    layer = QgsVectorLayer(f"{path}|layername={role}", role, "ogr")
    assert layer.isValid()
    return layer


def _close(a, b) -> bool:
    a, b = float(a), float(b)
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b), 1e-9)


def test_copies_are_in_the_other_crs(copies):
    assert _layer(copies["EPSG:4490"], "DLTB").crs().isGeographic()
    assert _layer(copies["EPSG:4527"], "DLTB").crs().authid() == "EPSG:4527"
    assert _layer(copies["EPSG:4527"], "DLTB").extent().xMinimum() > 39_000_000  # zone prefix in the eastings


@pytest.fixture(scope="module")
def redline(small_county, tmp_path_factory):
    from landoffice_plugin.cost.sample_redline import write_redline

    return write_redline(small_county, tmp_path_factory.mktemp("anycrs_red") / "redline.gpkg", 60)


def _estimate(sources: dict, redline_path):
    from landoffice_plugin.cost.engine import CostInputs, Options, estimate_redline
    from landoffice_plugin.cost.inputs import layer_input
    from landoffice_plugin.cost.redline import redline_from_layer
    from landoffice_plugin.cost.standard import load_standard
    from landoffice_plugin.processing.cost_common import example_standard

    inputs = CostInputs(*(layer_input(_layer(sources[r], r), r) for r in ROLES))
    red = redline_from_layer(QgsVectorLayer(str(redline_path), "redline", "ogr"))
    return estimate_redline(inputs, red, load_standard(example_standard()), Options(as_of=datetime.date(2024, 1, 1)))


@pytest.mark.parametrize("case", ["EPSG:4490", "EPSG:4527", "mixed"])
def test_demolition_cost_is_the_same_in_any_crs(copies, redline, case):
    original = _estimate({r: copies["EPSG:4549"] for r in ROLES}, redline)
    if case == "mixed":  # every layer in another CRS
        sources = {"DLTB": copies["EPSG:4490"], "ZD": copies["EPSG:4527"], "ZRZ": copies["EPSG:4549"],
                   "HJ": copies["EPSG:4490"]}
    else:
        sources = {r: copies[case] for r in ROLES}
    other = _estimate(sources, redline)
    assert other.crs_authid == "EPSG:4549"  # the zone of the data's centre
    land_a, land_b = sum(p.mu for p in original.land), sum(p.mu for p in other.land)
    assert land_a > 0 and _close(land_a, land_b)
    assert sorted(original.homesteads) == sorted(other.homesteads) and len(original.homesteads) > 20
    assert sum(b.area for b in original.buildings) == sum(b.area for b in other.buildings)
    assert (original.persons, len(original.households)) == (other.persons, len(other.households))
    lines_a = {ln.key: ln.amount for ln in original.lines}
    lines_b = {ln.key: ln.amount for ln in other.lines}
    assert set(lines_a) == set(lines_b)
    for key, amount in lines_a.items():
        assert amount is None or _close(amount, lines_b[key]), key
    assert _close(original.total, other.total) and original.total > 0


@pytest.mark.parametrize("epsg", ["EPSG:4490", "EPSG:4527"])
def test_reclamation_cost_is_the_same_in_any_crs(copies, epsg):
    from landoffice_plugin.cost.engine import CostInputs, Options, estimate_villages
    from landoffice_plugin.cost.inputs import layer_input
    from landoffice_plugin.cost.standard import load_standard
    from landoffice_plugin.processing.cost_common import example_standard

    village = _codes(copies["EPSG:4549"], 1)[0][:12]
    results = []
    for gpkg in (copies["EPSG:4549"], copies[epsg]):
        inputs = CostInputs(*(layer_input(_layer(gpkg, r), r) for r in ROLES))
        results.append(estimate_villages(inputs, [village], load_standard(example_standard()),
                                         Options(as_of=datetime.date(2024, 1, 1))))
    a, b = results
    assert a.reclaim_mu > 0 and _close(a.reclaim_mu, b.reclaim_mu)
    assert sorted(a.homesteads) == sorted(b.homesteads) and _close(a.total, b.total)
    assert b.crs_authid == "EPSG:4549"


def _codes(gpkg, n=3) -> list:
    ds = ogr.Open(str(gpkg))
    layer = ds.GetLayerByName("ZD")
    layer.SetAttributeFilter("substr(ZDDM, 13, 2) = 'JC'")
    codes = [f.GetField("ZDDM") for _, f in zip(range(n), layer)]
    ds = None
    return codes


def _ellipsoidal_mu(gpkg, code) -> float:
    """The parcel's area on the CGCS2000 ellipsoid by QGIS's own QgsDistanceArea, from the original layer."""
    layer = _layer(gpkg, "ZD")
    feat = next(layer.getFeatures(f"\"ZDDM\" = '{code}'"))
    da = QgsDistanceArea()
    da.setSourceCrs(layer.crs(), QgsProject.instance().transformContext())
    da.setEllipsoid("EPSG:1024")
    return da.measureArea(feat.geometry()) * 15 / 10000


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _parcel_report(gpkg, codes, out, feedback=None):
    import processing

    params = {"ZD": f"{gpkg}|layername=ZD", "DLTB": f"{gpkg}|layername=DLTB", "CODES": ",".join(codes),
              "INDEX_DIR": str(out / "index"), "OUTPUT_PDF": str(out / "report.pdf"),
              "OUTPUT_XLSX": str(out / "report.xlsx")}
    processing.run("landoffice:parcelreport", params, feedback=feedback or Messages())
    return load_workbook(out / "report.xlsx")


def _numbers(sheet) -> list:
    return [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, (int, float))]


@pytest.mark.parametrize("epsg", ["EPSG:4490", "EPSG:4527"])
def test_parcel_report_in_any_crs(landoffice_processing, copies, tmp_path, epsg):
    codes = _codes(copies["EPSG:4549"])
    feedback = Messages()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    original = _parcel_report(copies["EPSG:4549"], codes, tmp_path / "a")
    book = _parcel_report(copies[epsg], codes, tmp_path / "b", feedback)
    for code in codes:  # every number of each parcel's sheet (areas of the parcel and of its land classes)
        a, b = _numbers(original[code]), _numbers(book[code])
        assert len(a) == len(b) and a and all(_close(x, y) for x, y in zip(a, b)), code
    summary = book["宗地汇总"]
    got = {row[0]: row[3] for row in summary.iter_rows(min_row=3, values_only=True) if row[0] in codes}
    assert set(got) == set(codes)
    for code in codes:
        assert _close(got[code], _ellipsoidal_mu(copies["EPSG:4549"], code)), code
    scales = [m for m in feedback.infos if "EPSG:4549" in m and "1:" in m]
    assert scales, feedback.infos
    numbers = [float(n.replace(",", "")) for n in re.findall(r"1:([\d,]+)", scales[0])]
    assert numbers and all(100 <= n < 100_000 for n in numbers)  # a parcel page, not a 2,000 km map
    text = _pdf_text(tmp_path / "b" / "report.pdf")
    assert text.count("EPSG:4549") == len(codes)  # every page drawn in the working CRS
    assert " km" not in text


@pytest.mark.parametrize("epsg", ["EPSG:4490", "EPSG:4527"])
def test_overview_map_in_any_crs(landoffice_processing, copies, tmp_path, epsg):
    import processing

    maps = {}
    for key in ("EPSG:4549", epsg):
        feedback = Messages()
        out = tmp_path / f"overview_{key[5:]}.pdf"
        processing.run("landoffice:overviewmap", {"INPUT": str(copies[key]), "OUTPUT_PDF": str(out)},
                       feedback=feedback)
        assert any("EPSG:4549" in m for m in feedback.infos)
        maps[key] = _pdf_text(out)
    for text in maps.values():
        assert "EPSG:4549" in text
    # the same scale bar: same map extent and scale as on the original
    bar = [re.findall(r"(?m)^.*\d+ k?m\s*$", t) for t in maps.values()]
    assert bar[0] and bar[0] == bar[1]


def test_dltb_style_follows_an_aliased_code_field(qgis_app):
    """A DLTB whose code field is 地类编码 is coloured by class, not drawn in the fallback grey."""
    from landoffice_plugin.export.styles import apply_role_style

    layer = QgsVectorLayer("Polygon?crs=EPSG:4549&field=地类编码:string&field=ZLDWDM:string&field=TBMJ:double",
                           "DLTB", "memory")
    assert apply_role_style(layer, "DLTB")
    assert "地类编码" in layer.renderer().classAttribute()


def test_working_crs_door():
    from qgis.core import QgsRectangle

    from landoffice_plugin.core.crs import working_crs

    geo = QgsCoordinateReferenceSystem("EPSG:4490")
    assert working_crs(QgsRectangle(120.1, 31.4, 120.5, 31.6), geo).authid() == "EPSG:4549"  # CM 120°E
    assert working_crs(QgsRectangle(116.9, 31.4, 117.2, 31.6), geo).authid() == "EPSG:4548"  # CM 117°E
    prefixed = QgsCoordinateReferenceSystem("EPSG:4528")  # zone 40 with prefix: same CM, kept
    assert working_crs(QgsRectangle(40_500_000, 3_480_000, 40_520_000, 3_500_000), prefixed).authid() == "EPSG:4528"
    from landoffice_plugin.core.errors import LandOfficeError

    with pytest.raises(LandOfficeError, match="zone"):
        working_crs(QgsRectangle(), geo, "DLTB")
