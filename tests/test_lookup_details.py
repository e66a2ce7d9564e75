"""One parcel, all layers: overlays in 亩 computed by hand with QgsDistanceArea."""
from __future__ import annotations

import pytest
from lookup_cases import ID_NUMBER, PARCELS, PHONE, build_gpkg, code, ellipsoidal, layers, rect

from landoffice_plugin.lookup.batch import prepare_index
from landoffice_plugin.lookup.details import AREA_KEY, SHARE_KEY, parcel_details

MU = 10000 / 15


@pytest.fixture(scope="module")
def setup(tmp_path_factory, qgis_app):
    folder = tmp_path_factory.mktemp("details")
    lyrs = layers(build_gpkg(folder / "parcels.gpkg"))
    index = prepare_index(lyrs["ZD"], lyrs, folder / "cache")
    fid = index.conn.execute("SELECT fid FROM parcels WHERE code = ?", (code("P1"),)).fetchone()[0]
    yield index, lyrs, fid
    index.close()
    index.layers.clear()
    index.layer = None
    lyrs.clear()


def test_land_classes_in_mu_with_share(setup):
    index, lyrs, fid = setup
    details = parcel_details(lyrs["ZD"], fid, lyrs, index=index)
    parcel = ellipsoidal(PARCELS["P1"][3])
    cropland, homestead = ellipsoidal(rect(0, 0, 15, 20)), ellipsoidal(rect(15, 0, 20, 20))
    dltb = next(s for s in details.sections if s.role == "DLTB")
    assert [r["DLBM"] for r in dltb.rows] == ["0101", "0702"]            # largest first
    assert dltb.rows[0]["DLMC"] == "水田"
    assert dltb.rows[0][AREA_KEY] == pytest.approx(cropland / MU, rel=1e-6)
    assert dltb.rows[1][AREA_KEY] == pytest.approx(homestead / MU, rel=1e-6)
    assert dltb.rows[0][SHARE_KEY] == pytest.approx(cropland / parcel * 100, rel=1e-6)
    assert details.area_m2 == pytest.approx(parcel, rel=1e-9)


def test_farmland_inside_and_linked_records(setup):
    index, lyrs, fid = setup
    details = parcel_details(lyrs["ZD"], fid, lyrs, index=index)
    farm = next(s for s in details.sections if s.role == "YJJBNTTB")
    assert len(farm.rows) == 1 and farm.rows[0]["JBNTTBBH"] == "JB001"
    assert farm.rows[0][AREA_KEY] == pytest.approx(ellipsoidal(rect(0, 0, 10, 20)) / MU, rel=1e-6)
    building = next(s for s in details.sections if s.role == "ZRZ").rows
    assert building == [{"ZRZH": code("P1") + "F0001", "FWJG": "混合结构", "ZCS": "2", "JZMJ": "180.50"}]
    person = next(s for s in details.sections if s.role == "HJ").rows[0]
    assert person["XM"] == "张建国"
    assert person["GMSFHM"] == ID_NUMBER[:6] + "********" + ID_NUMBER[-4:]
    assert person["LXDH"] == PHONE[:3] + "****" + PHONE[-4:]


def test_attributes_have_chinese_labels_and_masked_id(setup):
    index, lyrs, fid = setup
    attrs = dict(parcel_details(lyrs["ZD"], fid, lyrs, index=index).attributes)
    assert attrs["宗地代码"] == code("P1")
    assert attrs["权利人名称"] == "张建国"
    assert attrs["权利人证件号"] == ID_NUMBER[:6] + "********" + ID_NUMBER[-4:]
    assert attrs["乡镇"] == "湖塘镇" and attrs["村"] == "湖塘村"
    unmasked = dict(parcel_details(lyrs["ZD"], fid, lyrs, index=index, mask_personal=False).attributes)
    assert unmasked["权利人证件号"] == ID_NUMBER


def test_without_the_index_buildings_found_by_attribute(setup):
    _index, lyrs, fid = setup
    details = parcel_details(lyrs["ZD"], fid, {"ZRZ": lyrs["ZRZ"]}, index=None)
    assert [s.role for s in details.sections] == ["ZRZ"]
    assert details.sections[0].rows[0]["ZRZH"] == code("P1") + "F0001"
