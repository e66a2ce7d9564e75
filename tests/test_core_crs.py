"""CGCS2000 zones and EPSG codes, checked against QGIS's own CRS definitions."""
from __future__ import annotations

import ast
import json
import re
import string
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parent.parent


def proj_params(epsg: int) -> dict:
    """The +key=value pairs of QGIS's proj string for an EPSG code."""
    from qgis.core import QgsCoordinateReferenceSystem

    crs = QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
    assert crs.isValid(), epsg
    out = {}
    for token in crs.toProj().split():
        key, _, value = token.lstrip("+").partition("=")
        out[key] = value
    return out


def test_wuxi_example_from_domain(qgis_app):
    from landoffice_plugin.core.crs import gk3_central_meridian, gk3_epsg, gk3_zone

    assert gk3_zone(120.3) == 40
    assert gk3_central_meridian(40) == 120
    assert gk3_epsg(40, prefix=True) == 4528
    assert gk3_epsg(40, prefix=False) == 4549
    for code in (4528, 4549):
        assert float(proj_params(code)["lon_0"]) == 120
    assert float(proj_params(4528)["x_0"]) == 40_500_000
    assert float(proj_params(4549)["x_0"]) == 500_000


@pytest.mark.parametrize("epsg", range(4491, 4555))
def test_describe_epsg_matches_qgis_definition(qgis_app, epsg):
    from qgis.core import QgsCoordinateReferenceSystem

    from landoffice_plugin.core.crs import describe_epsg

    qcrs = QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
    params = proj_params(epsg)
    assert params["proj"] == "tmerc" and float(params["k"]) == 1 and float(params["lat_0"]) == 0
    assert float(params["y_0"]) == 0 and params["ellps"] == "GRS80"
    assert qcrs.ellipsoidAcronym() == "EPSG:1024"
    assert qcrs.description().startswith("CGCS2000 / ")

    info = describe_epsg(epsg)
    assert info is not None
    x_0, lon_0 = float(params["x_0"]), float(params["lon_0"])
    assert info.central_meridian == lon_0
    assert info.false_easting == x_0
    assert info.prefixed == (x_0 > 1_000_000)
    assert info.kind == ("3deg" if "3-degree" in qcrs.description() else "6deg")
    if info.prefixed:
        assert x_0 // 1_000_000 == info.zone
        assert qcrs.description().endswith(f"zone {info.zone}")
    else:
        assert qcrs.description().endswith(f"CM {lon_0:.0f}E")


def test_zone_to_epsg_against_qgis(qgis_app):
    from landoffice_plugin.core.crs import gk3_epsg, gk6_epsg

    for zone in range(25, 46):
        for prefix in (True, False):
            params = proj_params(gk3_epsg(zone, prefix))
            assert float(params["lon_0"]) == 3 * zone
            assert float(params["x_0"]) == (zone * 1_000_000 if prefix else 0) + 500_000
    for zone in range(13, 24):
        for prefix in (True, False):
            params = proj_params(gk6_epsg(zone, prefix))
            assert float(params["lon_0"]) == 6 * zone - 3
            assert float(params["x_0"]) == (zone * 1_000_000 if prefix else 0) + 500_000


def test_zone_of_longitude_has_nearest_central_meridian(qgis_app):
    from landoffice_plugin.core.crs import gk3_epsg, gk3_zone, gk6_epsg, gk6_zone

    for lon in np.linspace(73.6, 134.9, 400):
        assert abs(float(proj_params(gk3_epsg(gk3_zone(lon), False))["lon_0"]) - lon) <= 1.5
        assert abs(float(proj_params(gk6_epsg(gk6_zone(lon), False))["lon_0"]) - lon) <= 3.0
    assert gk3_zone(116.4) == 39 and gk6_zone(116.4) == 20  # Beijing: both CM 117°E
    assert gk6_zone(120.3) == 21  # 6° zone 21 spans 120°E–126°E


def test_describe_epsg_outside_range(qgis_app):
    from landoffice_plugin.core.crs import GkInfo, describe_epsg

    assert describe_epsg(4490) is None
    assert describe_epsg(4555) is None
    assert describe_epsg(2383) is None
    assert describe_epsg(4513) == GkInfo("3deg", 25, 75.0, 25_500_000.0, True)


@pytest.mark.parametrize("bad", [(3, 24, True), (3, 46, False), (6, 12, True), (6, 24, False)])
def test_zone_out_of_range_raises(qgis_app, bad):
    from landoffice_plugin.core.crs import gk3_epsg, gk6_epsg
    from landoffice_plugin.core.errors import LandOfficeError

    kind, zone, prefix = bad
    with pytest.raises(LandOfficeError) as err:
        (gk3_epsg if kind == 3 else gk6_epsg)(zone, prefix)
    assert str(zone) in err.value.message_en


def test_is_cgcs2000(qgis_app):
    from qgis.core import QgsCoordinateReferenceSystem

    from landoffice_plugin.core.crs import is_cgcs2000

    for ok in (4490, 4491, 4554, "EPSG:4549", QgsCoordinateReferenceSystem("EPSG:4528")):
        assert is_cgcs2000(ok), ok
    for bad in (4326, 2383, 2437, 4214, 4555, 4489, "EPSG:3857", QgsCoordinateReferenceSystem()):
        assert not is_cgcs2000(bad), bad
    # An ESRI .prj as Chinese offices ship it: QGIS identifies it as EPSG:4528.
    wkt = ('PROJCS["CGCS2000_3_Degree_GK_Zone_40",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",'
           'DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],'
           'UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",40500000.0],'
           'PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],'
           'PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]')
    assert is_cgcs2000(QgsCoordinateReferenceSystem.fromWkt(wkt))


def test_crs_factory(qgis_app):
    from landoffice_plugin.core.crs import crs
    from landoffice_plugin.core.errors import LandOfficeError

    assert crs(4549).authid() == "EPSG:4549"
    assert crs("EPSG:4528").authid() == "EPSG:4528"
    with pytest.raises(LandOfficeError) as err:
        crs(12345678)
    assert "12345678" in err.value.message_en
    with pytest.raises(LandOfficeError):
        crs("not a crs")


def _layer(crs_text: str, wkt: str):
    from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer(f"Polygon?crs={crs_text}" if crs_text else "Polygon", "dltb", "memory")
    assert layer.isValid()
    if not crs_text:  # a memory layer defaults to EPSG:4326; a shapefile without .prj has none
        layer.setCrs(QgsCoordinateReferenceSystem())
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt(wkt))
    layer.dataProvider().addFeatures([feature])
    layer.updateExtents()
    return layer


def _square(x: float, y: float, size: float = 100.0) -> str:
    return f"POLYGON(({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y}))"


def test_check_layer_crs_accepts_cgcs2000(qgis_app):
    from landoffice_plugin.core.crs import check_layer_crs

    assert check_layer_crs(_layer("EPSG:4549", _square(500_000, 3_500_000))) is None
    assert check_layer_crs(_layer("EPSG:4528", _square(40_500_000, 3_500_000))) is None
    assert check_layer_crs(_layer("EPSG:4490", _square(120.3, 31.5, 0.01))) is None
    assert check_layer_crs(_layer("EPSG:4499", _square(21_400_000, 3_500_000))) is None


def test_check_layer_crs_no_crs(qgis_app):
    from landoffice_plugin.core.crs import check_layer_crs

    layer = _layer("", _square(500_000, 3_500_000))
    assert not layer.crs().isValid()
    msg = check_layer_crs(layer)
    assert msg and "no coordinate reference system" in msg and "dltb" in msg


def test_check_layer_crs_unknown_custom(qgis_app):
    from landoffice_plugin.core.crs import check_layer_crs

    custom = "PROJ:+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs"
    layer = _layer(custom, _square(500_000, 3_500_000))
    assert layer.crs().isValid() and layer.crs().authid() == ""
    msg = check_layer_crs(layer)
    assert msg and "cannot identify" in msg and "EPSG:4549" in msg


@pytest.mark.parametrize(
    "code, wkt, system, advice",
    [
        (2383, _square(500_000, 3_400_000), "Xian 1980", "official conversion parameters"),
        (2437, _square(500_000, 3_500_000), "Beijing 1954", "official conversion parameters"),
        (4326, _square(120.3, 31.5, 0.01), "WGS 84", "Reproject it"),
    ],
)
def test_check_layer_crs_other_datums(qgis_app, code, wkt, system, advice):
    from landoffice_plugin.core.crs import check_layer_crs

    msg = check_layer_crs(_layer(f"EPSG:{code}", wkt))
    assert msg is not None
    assert system in msg and f"EPSG:{code}" in msg and "not CGCS2000" in msg and advice in msg
    # The suggested CGCS2000 CRS is the 3° zone of the data (2383: CM 114°E; others 120°E).
    expected = 4547 if code == 2383 else 4549
    assert f"EPSG:{expected}" in msg


def test_check_layer_crs_zone_prefix_mismatch(qgis_app):
    from landoffice_plugin.core.crs import check_layer_crs

    msg = check_layer_crs(_layer("EPSG:4549", _square(40_512_345, 3_500_000)))
    assert msg and "EPSG:4528" in msg and "zone number 40" in msg
    msg = check_layer_crs(_layer("EPSG:4528", _square(512_345, 3_500_000)))
    assert msg and "EPSG:4549" in msg
    msg = check_layer_crs(_layer("EPSG:4510", _square(21_512_345, 3_500_000)))  # 6° zone 21
    assert msg and "EPSG:4499" in msg


def test_check_layer_crs_metres_labelled_as_degrees(qgis_app):
    from landoffice_plugin.core.crs import check_layer_crs

    msg = check_layer_crs(_layer("EPSG:4490", _square(500_000, 3_500_000)))
    assert msg and "EPSG:4490" in msg and "metres" in msg


def _source_strings(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("tr", "LandOfficeError")
                and node.args and isinstance(node.args[0], ast.Constant)):
            yield node.args[0].value


def _fields(text: str) -> set:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_source_string_has_chinese(qgis_app):
    pending = json.loads((REPO / "i18n/pending/core_crs_area.json").read_text(encoding="utf-8"))
    sources = [s for f in ("crs.py", "area.py") for s in _source_strings(REPO / "landoffice_plugin/core" / f)]
    assert len(sources) >= 10
    for source in sources:
        assert source in pending, source
        chinese = pending[source]
        assert re.search(r"[\u4e00-\u9fff]", chinese), source
        assert _fields(chinese) == _fields(source), source
