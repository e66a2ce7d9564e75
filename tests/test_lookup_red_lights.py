"""Red lights (灭红灯) on hand-built parcels; areas expected from QgsDistanceArea."""
from __future__ import annotations

import pytest
from lookup_cases import PARCELS, build_gpkg, code, ellipsoidal, layers, rect

from landoffice_plugin.lookup import red_lights as R
from landoffice_plugin.lookup.details import fill_red_lights, parcel_details
from landoffice_plugin.lookup.index import build_index


@pytest.fixture(scope="module")
def built(tmp_path_factory, qgis_app):
    folder = tmp_path_factory.mktemp("red")
    lyrs = layers(build_gpkg(folder / "parcels.gpkg"))
    index = build_index(lyrs["ZD"], folder / "zd.sqlite")
    yield index, lyrs
    index.close()
    index.layers.clear()
    index.layer = None
    lyrs.clear()


def flags_of(index, key):
    return index.conn.execute("SELECT flags FROM parcels WHERE code = ?", (code(key),)).fetchone()[0]


def test_each_problem_flagged_and_clean_parcels_clean(built):
    index, _ = built
    assert flags_of(index, "P6") == R.NO_OWNER
    assert flags_of(index, "P7") == R.BAD_CODE
    assert flags_of(index, "P9") == R.OVERLAP and flags_of(index, "P10") == R.OVERLAP
    assert flags_of(index, "P11") & R.BAD_GEOM
    for key in ("P1", "P2", "P3", "P4", "P5", "P8", "P12"):
        assert flags_of(index, key) == 0, key


def test_overlap_area_is_the_ellipsoidal_area_of_the_shared_strip(built):
    index, _ = built
    expected = ellipsoidal(rect(45, 80, 50, 100))   # P9 (30–50) and P10 (45–65) share x 45–50
    (area,) = index.conn.execute(
        "SELECT area FROM overlaps JOIN parcels ON parcels.fid = overlaps.fid WHERE parcels.code = ?",
        (code("P9"),)).fetchone()
    assert area == pytest.approx(expected, rel=1e-6)


def test_area_check_uses_the_tolerance(built):
    index, _ = built
    recorded, ell = index.conn.execute("SELECT recorded, ell FROM parcels WHERE code = ?", (code("P12"),)).fetchone()
    expected_ell = ellipsoidal(PARCELS["P12"][3])
    assert ell == pytest.approx(expected_ell, rel=1e-6)
    assert recorded == pytest.approx(round(expected_ell * 1.05, 2))
    assert R.area_problem(recorded, ell, 1.0)          # 5 % off, tolerance 1 %
    assert "+5.00 %" in R.area_problem(recorded, ell, 1.0)
    assert R.area_problem(recorded, ell, 6.0) == ""


def test_reasons_in_the_details(built):
    index, lyrs = built
    fid = index.conn.execute("SELECT fid FROM parcels WHERE code = ?", (code("P7"),)).fetchone()[0]
    details = fill_red_lights(parcel_details(lyrs["ZD"], fid, {}, index=index), index, tolerance_pct=1.0)
    assert len(details.red_lights) == 1 and "position 14" in details.red_lights[0]
    fid9 = index.conn.execute("SELECT fid FROM parcels WHERE code = ?", (code("P9"),)).fetchone()[0]
    details9 = fill_red_lights(parcel_details(lyrs["ZD"], fid9, {}, index=index), index, tolerance_pct=1.0)
    assert any(code("P10") in text for text in details9.red_lights)


def test_duplicate_code_flags_both():
    flags = R.code_flags(["320299101201JC00001", "320299101201JC00001", "320299101201JC00002"], ["", "", ""])
    assert list(flags) == [R.DUP_CODE, R.DUP_CODE, 0]


def test_unit_number_must_start_with_the_code():
    flags = R.code_flags(["320299101201JC00001"], ["320299101201JC00009F00010001"])
    assert flags[0] == R.UNIT_MISMATCH
