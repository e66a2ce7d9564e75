"""A city strip by strip: the sample tiled into a city, and potentialland run in strips vs in one run."""
from collections import defaultdict

import numpy as np
import pytest
import shapely
from osgeo import ogr
from qgis.core import QgsDistanceArea, QgsGeometry, QgsProject, QgsVectorLayer

from landoffice_plugin.analysis.categories import ROLES

VILLAGES = "320299101202,320299102203"


@pytest.fixture(scope="module")
def city(small_county, tmp_path_factory):
    from landoffice_plugin.sample.tiling import tile_sample

    path = tmp_path_factory.mktemp("city") / "city2.gpkg"
    counts = tile_sample(small_county, path, 2)
    return path, counts


def _wkb(path, layer):
    ds = ogr.Open(str(path))
    lyr = ds.GetLayerByName(layer)
    rows = [(bytes(f.GetGeometryRef().ExportToIsoWkb()), f.GetField("ZLDWDM")) for f in lyr]
    return shapely.from_wkb([r[0] for r in rows]), [r[1] for r in rows]


def test_tiling_copies_every_layer_with_its_own_county_code(small_county, city):
    path, counts = city
    src = ogr.Open(str(small_county))
    for name, count in counts.items():
        assert count == 2 * src.GetLayerByName(name).GetFeatureCount()
    geoms, codes = _wkb(small_county, "DLTB")
    city_geoms, city_codes = _wkb(path, "DLTB")
    n = len(geoms)
    assert {c[:6] for c in city_codes[:n]} == {"320299"} and {c[:6] for c in city_codes[n:]} == {"320298"}
    assert [c[6:] for c in city_codes[n:]] == [c[6:] for c in codes]
    shift = shapely.bounds(city_geoms[n:]) - shapely.bounds(geoms)  # one rigid shift east, areas unchanged
    assert np.allclose(shift[:, 0], shift[0, 0]) and shift[0, 0] > 0 and np.allclose(shift[:, 1], shift[0, 1])
    assert np.allclose(shapely.area(city_geoms[n:]), shapely.area(geoms), rtol=1e-9)
    assert not shapely.intersects(shapely.box(*shapely.total_bounds(city_geoms[:n])),
                                  shapely.box(*shapely.total_bounds(city_geoms[n:])))


def test_strips_put_every_patch_in_exactly_one(city):
    from landoffice_plugin.analysis.fast_read import read_gpkg_arrow
    from landoffice_plugin.analysis.loading import layer_input
    from landoffice_plugin.analysis.tiled import strips

    path, counts = city
    dltb = layer_input(QgsVectorLayer(f"{path}|layername=DLTB", "DLTB", "ogr"), "DLTB")
    assert strips(dltb, size=counts["DLTB"]) is None  # small enough for one run
    parts = strips(dltb, size=3000)
    assert len(parts) == 4
    fids = np.concatenate([read_gpkg_arrow(str(path), "DLTB", {}, where=w)[0] for w in parts])
    assert len(fids) == counts["DLTB"] == len(np.unique(fids))


def _run(path, out, monkeypatch, size):
    import processing

    monkeypatch.setenv("LANDOFFICE_TILE_PATCHES", str(size))
    params = {role: f"{path}|layername={role}" for role in ROLES}
    params.update({"VILLAGES": VILLAGES, "OUTPUT": str(out / "p.gpkg"), "REPORT_XLSX": str(out / "p.xlsx")})
    return processing.run("landoffice:potentialland", params)


def _by_town(path):
    layer = QgsVectorLayer(str(path), "p", "ogr")
    area = QgsDistanceArea()
    area.setSourceCrs(layer.crs(), QgsProject.instance().transformContext())
    area.setEllipsoid("EPSG:1024")  # CGCS2000
    mine, measured = defaultdict(float), defaultdict(float)
    for f in layer.getFeatures():
        mine[(f["town_code"], f["category"])] += f["area_m2"]
        measured[(f["town_code"], f["category"])] += area.measureArea(QgsGeometry(f.geometry()))
    return mine, measured, layer.featureCount()


def test_strip_by_strip_gives_the_pieces_of_one_run(city, landoffice_processing, monkeypatch, tmp_path):
    path, _counts = city
    (tmp_path / "one").mkdir()
    (tmp_path / "strips").mkdir()
    one = _run(path, tmp_path / "one", monkeypatch, 10 ** 9)
    tiled = _run(path, tmp_path / "strips", monkeypatch, 3000)
    assert tiled["PIECES"] == one["PIECES"] > 0
    mine_one, measured_one, n_one = _by_town(one["OUTPUT"])
    mine, measured, n = _by_town(tiled["OUTPUT"])
    assert n == n_one == tiled["PIECES"]
    assert set(mine) == set(mine_one)
    assert {t[:6] for t, _c in mine} == {"320299", "320298"}  # both counties of the city
    for key, value in mine.items():
        assert value == pytest.approx(mine_one[key], rel=1e-6, abs=0.01)
        assert value == pytest.approx(measured[key], rel=1e-4)  # the areas written are the ellipsoidal ones
    assert tiled["AREA_MU"] == pytest.approx(one["AREA_MU"], rel=1e-7)
    assert tiled["AREA_MU"] == pytest.approx(sum(measured.values()) * 15 / 10000, rel=1e-4)
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "strips" / "p.xlsx")["乡镇核算"]
    towns = [r[0].value for r in sheet.iter_rows(min_row=3) if r[0].value and str(r[0].value).isdigit()]
    _geoms, codes = _wkb(path, "DLTB")
    assert towns == sorted({c[:9] for c in codes})  # one row per township, a township cut by a strip edge once


def test_generatesample_tiles_writes_a_city(landoffice_processing, tmp_path):
    import processing

    out = tmp_path / "city.gpkg"
    result = processing.run("landoffice:generatesample", {"SCALE": 0, "SEED": 4, "TILES": 2, "OUTPUT": str(out)})
    assert result["OUTPUT"] == str(out) and out.is_file()
    ds = ogr.Open(str(out))
    codes = {f.GetField("XZQDM")[:6] for f in ds.GetLayerByName("XZQ")}
    assert codes == {"320299", "320298"}
    assert result["DLTB_COUNT"] == ds.GetLayerByName("DLTB").GetFeatureCount()
    ds = None
    assert [p.name for p in tmp_path.iterdir()] == ["city.gpkg"]  # the county it was laid out from is gone
