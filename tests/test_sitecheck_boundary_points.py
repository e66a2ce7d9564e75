"""界址点坐标 exchange files: round trip within 1 mm, malformed files refused with their line."""
from __future__ import annotations

import pytest
import shapely
from qgis.core import QgsCoordinateReferenceSystem

from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.sitecheck.boundary_points import read_boundary_file, write_boundary_file

HEADER = ("[属性描述]\n格式版本号=1.01\n坐标系=2000国家大地坐标系\n几度分带=3\n投影类型=高斯克吕格\n计量单位=米\n"
          "带号=40\n精度=0.001\n转换参数=,,,,,,\n[地块坐标]\n")


def test_round_trip_within_a_millimetre(tmp_path, qgis_app):
    with_hole = shapely.Polygon([(505000.1234, 3485000.5678), (505100.9876, 3485003.2), (505090.4, 3485110.77),
                                 (505004.3, 3485095.01)],
                                [[(505030, 3485030), (505060, 3485030), (505060, 3485060), (505030, 3485060)]])
    second = shapely.Polygon([(505300.0004, 3485200.0006), (505340.25, 3485200.1), (505320.5, 3485250.3)])
    crs = QgsCoordinateReferenceSystem("EPSG:4549")  # CM 120°E, no zone prefix: the file carries zone 40
    path = write_boundary_file(tmp_path / "out.txt", [("一号地块", with_hole), ("二号地块", second)], crs)
    text = path.read_text(encoding="gb18030")
    assert "带号=40" in text and ",40505000.123" in text  # Y easting with the zone number, X northing first
    found = read_boundary_file(path)
    assert found.crs.authid() == "EPSG:4528"  # prefixed zone 40
    assert [p.name for p in found.parcels] == ["一号地块", "二号地块"]
    for parcel, original in zip(found.parcels, (with_hole, second)):
        back = shapely.affinity.translate(parcel.geometry, xoff=-40_000_000)
        assert len(back.interiors) == len(original.interiors)
        assert shapely.hausdorff_distance(back, original) <= 0.001
        assert back.area == pytest.approx(original.area, abs=0.5)
    assert found.notes == []


def _write(tmp_path, body: str):
    path = tmp_path / "in.txt"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_malformed_point_line_names_its_line(tmp_path):
    path = _write(tmp_path, "4,1.0,1,地块,面,,,,@\nJ1,1,3485000,40505000\nJ2,1,3485000\n")
    with pytest.raises(LandOfficeError) as err:
        read_boundary_file(path)
    assert "line 13" in err.value.message_en and "4 values" in err.value.message_en


def test_swapped_x_y_and_wrong_zone_are_explained(tmp_path):
    path = _write(tmp_path, "4,1.0,1,地块,面,,,,@\nJ1,1,40505000,3485000\n")
    with pytest.raises(LandOfficeError) as err:
        read_boundary_file(path)
    assert "swapped" in err.value.message_en and "line 12" in err.value.message_en
    path = _write(tmp_path, "4,1.0,1,地块,面,,,,@\nJ1,1,3485000,39505000\nJ2,1,3485000,39505100\n"
                            "J3,1,3485100,39505100\nJ1,1,3485000,39505000\n")
    with pytest.raises(LandOfficeError) as err:
        read_boundary_file(path)
    assert "zone number 39" in err.value.message_en and "带号" in err.value.message_en


def test_open_ring_is_closed_with_a_note(tmp_path):
    path = _write(tmp_path, "3,0.5,1,地块,面,,,,@\nJ1,1,3485000,40505000\nJ2,1,3485000,40505100\n"
                            "J3,1,3485100,40505100\n")
    found = read_boundary_file(path)
    assert found.parcels[0].geometry.area == pytest.approx(5000.0)
    assert any("has been closed" in n for n in found.notes)


def test_each_parcel_of_a_file_is_a_candidate(tmp_path, qgis_app):
    from landoffice_plugin.sitecheck.site import candidate_sites_from_file

    a = shapely.Polygon([(505000, 3485000), (505100, 3485000), (505100, 3485100), (505000, 3485100)])
    b = shapely.affinity.translate(a, xoff=300)
    path = write_boundary_file(tmp_path / "two.txt", [("甲地块", a), ("乙地块", b)],
                               QgsCoordinateReferenceSystem("EPSG:4549"))
    sites = candidate_sites_from_file(path)
    assert [s.name for s in sites] == ["甲地块", "乙地块"]
    assert sites[0].shapely.area == pytest.approx(10000.0, abs=0.01)
