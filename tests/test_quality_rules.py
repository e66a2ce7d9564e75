"""landoffice:qualitycheck engine on hand-built layers: each rule group finds what was placed, with the area
measured here by QgsDistanceArea (CGCS2000 ellipsoid), and nothing else."""
from __future__ import annotations

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsDistanceArea, QgsGeometry

from landoffice_plugin.core.errors import LandOfficeError
from tests.quality_cases import DLTB_FIELDS, INT, STR, VILLAGE, X0, Y0, ZLDWDM, memory_layer, rect


def _da() -> QgsDistanceArea:
    da = QgsDistanceArea()
    da.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4549"), QgsCoordinateTransformContext())
    da.setEllipsoid("EPSG:1024")
    return da


def _bowtie() -> QgsGeometry:
    pts = [(410, 210), (440, 240), (440, 210), (410, 240), (410, 210)]
    return QgsGeometry.fromWkt("POLYGON((" + ",".join(f"{X0 + x} {Y0 + y}" for x, y in pts) + "))")


def _patch(bsm, geom, dlbm, **over):
    da = _da()
    area = round(da.measureArea(geom.makeValid() if not geom.isGeosValid() else geom), 2)
    values = {"BSM": bsm, "DLBM": dlbm, "DLMC": "名称", "QSXZ": "30", "QSDWDM": ZLDWDM, "ZLDWDM": ZLDWDM,
              "ZLDWMC": "东庄村", "TBMJ": area, "KCXS": 0.0, "KCMJ": 0.0, "TBDLMJ": area, "GDPDJB": ""}
    values.update(over)
    return geom, values


def _case_layers():
    da = _da()
    b_tbmj = round(da.measureArea(rect(100, 0, 200, 100)), 2)
    b_kcmj = round(b_tbmj * 0.1, 2) + 5.0  # wrong by 5 m²
    k_tbmj = round(da.measureArea(rect(100, 200, 200, 300)), 2) + 50.0  # wrong by 50 m²
    l_tbmj = round(da.measureArea(rect(200, 200, 300, 300)), 2)
    l_kcmj = round(l_tbmj * 0.05, 2)
    e = rect(200, 0, 300, 100).difference(rect(240, 40, 260, 60))
    rows = [
        _patch(1, rect(0, 0, 100, 100), "0101", GDPDJB="1"),
        _patch(2, rect(100, 0, 200, 100), "0103", GDPDJB="3", KCXS=0.1, KCMJ=b_kcmj, TBDLMJ=round(b_tbmj - b_kcmj, 2)),
        _patch(3, rect(0, 100, 100, 200), "0702"),
        _patch(4, rect(90, 100, 190, 200), "0101"),          # overlaps 3 by 10 × 100 m
        _patch(5, e, "0101"),                                  # a 20 × 20 m hole: a gap
        _patch(6, rect(300, 0, 300.5, 100), "0101"),           # a sliver, also under 400 m²
        _patch(7, rect(300.5, 0, 400, 100), "0101"),
        _patch(8, rect(400, 0, 410, 15), "0702"),              # 150 m² < 200 m²
        _patch(9, rect(0, 200, 100, 300), "0199"),             # no such code
        _patch(10, rect(100, 200, 200, 300), "0101", TBMJ=k_tbmj, TBDLMJ=k_tbmj),
        _patch(11, rect(200, 200, 300, 300), "0101", GDPDJB="1", KCXS=0.05, KCMJ=l_kcmj,
               TBDLMJ=round(l_tbmj - l_kcmj, 2)),            # KCXS on flat cropland
        _patch(12, rect(480, 100, 520, 140), "0702"),          # 20 × 40 m outside the village
        _patch(11, rect(300, 200, 400, 300), "0101", QSXZ="99", QSDWDM=ZLDWDM[:18]),  # BSM twice, bad codes
        _patch(14, _bowtie(), "0101"),                         # self-intersection
    ]
    dltb = memory_layer("DLTB", DLTB_FIELDS, rows)
    cjdcq = memory_layer("CJDCQ", (("ZLDWDM", STR), ("ZLDWMC", STR)),
                         [(rect(0, 0, 500, 300), {"ZLDWDM": ZLDWDM, "ZLDWMC": "东庄村"})])
    farmland = memory_layer("YJJBNTTB", (("BSM", INT), ("DLBM", STR), ("ZLDWDM", STR)),
                            [(rect(0, 50, 100, 150), {"BSM": 901, "DLBM": "0101", "ZLDWDM": ZLDWDM})])
    zd = memory_layer("ZD", (("ZDDM", STR), ("BDCDYH", STR)), [
        (rect(0, 0, 30, 30), {"ZDDM": VILLAGE + "JC00001"}),
        (rect(20, 0, 50, 30), {"ZDDM": VILLAGE + "QC00002"}),  # overlaps the first by 10 × 30 m; bad ownership
        (rect(100, 100, 120, 120), {"ZDDM": VILLAGE + "JC00001"}),  # the first one's code again
    ])
    zrz = memory_layer("ZRZ", (("ZRZH", STR), ("ZDDM", STR)), [
        (rect(5, 5, 15, 15), {"ZRZH": "B1", "ZDDM": VILLAGE + "QC00002"}),  # wholly outside parcel 2 (x 20–50 m)
        (rect(25, 5, 45, 25), {"ZRZH": "B2", "ZDDM": VILLAGE + "QC00002"}),  # inside parcel 2
        (rect(105, 105, 125, 115), {"ZRZH": "B3", "ZDDM": VILLAGE + "JC00009"}),  # no such parcel
    ])
    return {"DLTB": dltb, "CJDCQ": cjdcq, "YJJBNTTB": farmland, "ZD": zd, "ZRZ": zrz}


@pytest.fixture(scope="module")
def case(qgis_app):
    from landoffice_plugin.analysis.loading import layer_input
    from landoffice_plugin.quality.engine import run_quality
    from landoffice_plugin.quality.rules import load_rules

    layers = _case_layers()
    result = run_quality({r: layer_input(lyr, r) for r, lyr in layers.items()}, load_rules())
    return result, layers


def _found(result, rule):
    t = result.table
    return [{k: t[k][i] for k in t} for i in range(result.total) if t["rule"][i] == rule]


def _keys(result, rule):
    return sorted(r["keys"] for r in _found(result, rule))


def test_attribute_rules(case):
    result, _ = case
    assert _keys(result, "dltb_landuse_code") == ["9"]
    assert _keys(result, "dltb_ownership_code") == ["11"]
    assert _found(result, "dltb_bsm_unique")[0]["fids"].count(",") == 1 and _keys(result, "dltb_bsm_unique") == ["11"]
    unit = _found(result, "dltb_unit_code")
    assert len(unit) == 1 and "QSDWDM" in unit[0]["message"] and ZLDWDM[:18] in unit[0]["message"]
    assert _keys(result, "zd_parcel_code") == [VILLAGE + "QC00002"]
    assert _keys(result, "zd_parcel_code_unique") == [VILLAGE + "JC00001"]
    assert result.counts["dltb_required"] == 0 and result.counts["dltb_bsm_format"] == 0


def test_area_identities(case):
    result, layers = case
    da = _da()
    tbmj = _found(result, "dltb_tbmj")
    assert [r["keys"] for r in tbmj] == ["10"]
    assert "+50.00" in tbmj[0]["message"]
    assert tbmj[0]["area_m2"] == pytest.approx(da.measureArea(rect(100, 200, 200, 300)), abs=1e-3)
    assert _keys(result, "dltb_kcmj") == ["2"]
    expected = round(round(da.measureArea(rect(100, 0, 200, 100)), 2) * 0.1, 2)
    assert f"{expected:.2f}" in _found(result, "dltb_kcmj")[0]["message"]
    assert _keys(result, "dltb_tbdlmj") == []
    assert _keys(result, "dltb_kcxs_scope") == ["11"]  # patch 2 (grade 3) may carry KCXS


def test_village_total_against_the_village_area(case):
    """Σ TBMJ of the village's patches (as recorded) against the village polygon's ellipsoidal area (the case's
    CJDCQ has no DCMJ): they differ (overlaps, a gap, patches outside), so one red light with that difference."""
    result, layers = case
    total = sum(f["TBMJ"] for f in layers["DLTB"].getFeatures() if str(f["ZLDWDM"]).startswith(VILLAGE))
    area = _da().measureArea(rect(0, 0, 500, 300))
    [found] = _found(result, "dltb_village_total")
    assert found["keys"] == VILLAGE and found["area_m2"] == pytest.approx(area, abs=0.01)
    assert f"{total:.2f}" in found["message"] and f"{total - area:+.2f}" in found["message"]
    assert "椭球面积" in found["message"]


def test_topology_rules(case):
    result, _ = case
    da = _da()
    overlap = _found(result, "dltb_overlap")
    assert len(overlap) == 1 and sorted(overlap[0]["keys"].split(",")) == ["3", "4"]
    assert overlap[0]["area_m2"] == pytest.approx(da.measureArea(rect(90, 100, 100, 200)), abs=0.01)
    assert overlap[0]["geoms"].area == pytest.approx(10 * 100, abs=0.01)  # the problem's own geometry
    gap = _found(result, "dltb_gap")
    assert len(gap) == 1 and gap[0]["area_m2"] == pytest.approx(da.measureArea(rect(240, 40, 260, 60)), abs=0.01)
    assert "5" in gap[0]["keys"].split(",")
    assert _keys(result, "dltb_invalid_geometry") == ["14"]
    assert "Self-intersection" in _found(result, "dltb_invalid_geometry")[0]["message"]
    sliver = _found(result, "dltb_sliver")
    assert [r["keys"] for r in sliver] == ["6"]
    small = {r["keys"]: r["area_m2"] for r in _found(result, "dltb_min_area")}
    assert small == {"6": pytest.approx(da.measureArea(rect(300, 0, 300.5, 100)), abs=1e-3),
                     "8": pytest.approx(da.measureArea(rect(400, 0, 410, 15)), abs=1e-3)}
    assert "200" in [r for r in _found(result, "dltb_min_area") if r["keys"] == "8"][0]["message"]
    # same attributes and a common edge: 4|10 (90 m at y = 100 m + 100), 5|6 and 6|7 (100 m each); 1|4 share
    # 10 m but differ in GDPDJB, 3|4 overlap with other classes, 7|8 differ in DLBM
    merge = {tuple(sorted(r["keys"].split(","), key=int)): r for r in _found(result, "dltb_mergeable")}
    assert sorted(merge) == [("4", "10"), ("5", "6"), ("6", "7")]
    assert "90.00 米" in merge[("4", "10")]["message"] and "100.00 米" in merge[("5", "6")]["message"]
    assert merge[("6", "7")]["area_m2"] == pytest.approx(da.measureArea(rect(300, 0, 400, 100)), abs=0.01)
    outside = _found(result, "dltb_village")
    assert [r["keys"] for r in outside] == ["12"]
    assert outside[0]["area_m2"] == pytest.approx(da.measureArea(rect(500, 100, 520, 140)), abs=0.01)


def test_layer_against_layer(case):
    result, _ = case
    da = _da()
    farmland = _found(result, "jbnt_not_cropland")
    assert len(farmland) == 1 and farmland[0]["keys"] == "901,3" and "0702" in farmland[0]["message"]
    assert farmland[0]["area_m2"] == pytest.approx(da.measureArea(rect(0, 100, 100, 150)), abs=0.01)
    zrz = {r["keys"]: r for r in _found(result, "zrz_outside_parcel")}
    assert sorted(zrz) == ["B1," + VILLAGE + "QC00002", "B3"]
    assert zrz["B1," + VILLAGE + "QC00002"]["area_m2"] == pytest.approx(da.measureArea(rect(5, 5, 15, 15)), abs=0.01)
    assert VILLAGE + "JC00009" in zrz["B3"]["message"]
    zd = _found(result, "zd_overlap")
    assert len(zd) == 1 and zd[0]["area_m2"] == pytest.approx(da.measureArea(rect(20, 0, 30, 30)), abs=0.01)


def test_every_red_light_is_accounted_for(case):
    result, _ = case
    expected = {"dltb_landuse_code": 1, "dltb_ownership_code": 1, "dltb_bsm_unique": 1, "dltb_unit_code": 1,
                "zd_parcel_code": 1, "zd_parcel_code_unique": 1, "dltb_tbmj": 1, "dltb_kcmj": 1, "dltb_kcxs_scope": 1,
                "dltb_overlap": 1, "dltb_gap": 1, "dltb_invalid_geometry": 1, "dltb_sliver": 1, "dltb_min_area": 2,
                "dltb_village": 1, "jbnt_not_cropland": 1, "zd_overlap": 1, "zrz_outside_parcel": 2,
                "dltb_mergeable": 3, "dltb_village_total": 1}
    assert {k: v for k, v in result.counts.items() if v} == expected
    assert all(v == VILLAGE for v in result.table["village_code"])


def test_missing_layers_are_said_not_silent_zeros(qgis_app):
    from landoffice_plugin.analysis.loading import layer_input
    from landoffice_plugin.quality.engine import run_quality
    from landoffice_plugin.quality.rules import load_rules

    layers = _case_layers()
    result = run_quality({"DLTB": layer_input(layers["DLTB"], "DLTB")}, load_rules(), groups=["topology", "cross"])
    notes = "\n".join(result.notes)
    for rule, layer in (("dltb_village", "CJDCQ"), ("dltb_township", "XZQ"), ("jbnt_not_cropland", "YJJBNTTB"),
                        ("zd_overlap", "ZD"), ("zrz_outside_parcel", "ZRZ")):
        assert rule in notes and layer in notes
        assert result.checked[rule] == 0
    assert set(result.counts) == {r.id for r in result.rules}


def test_no_sloped_deduction_anywhere_is_a_note(qgis_app):
    from landoffice_plugin.analysis.loading import layer_input
    from landoffice_plugin.quality.engine import run_quality
    from landoffice_plugin.quality.rules import parse_rules

    layer = memory_layer("DLTB", DLTB_FIELDS, [_patch(1, rect(0, 0, 100, 100), "0101")])
    text = "[dltb_tbmj]\nenabled = false\n"
    result = run_quality({"DLTB": layer_input(layer, "DLTB")}, parse_rules(text), groups=["area"])
    assert result.checked["dltb_kcxs_scope"] == 0
    assert any("dltb_kcxs_scope" in n for n in result.notes)
    assert "dltb_tbmj" not in result.counts


def test_a_missing_required_field_is_one_red_light_and_a_note(qgis_app):
    from landoffice_plugin.analysis.loading import layer_input
    from landoffice_plugin.quality.engine import run_quality
    from landoffice_plugin.quality.rules import load_rules

    fields = [f for f in DLTB_FIELDS if f[0] != "DLMC"]
    rows = [_patch(k, rect(100 * k, 0, 100 * k + 100, 100), "0101") for k in range(1, 4)]
    rows = [(g, {k: v for k, v in values.items() if k != "DLMC"}) for g, values in rows]
    result = run_quality({"DLTB": layer_input(memory_layer("DLTB", fields, rows), "DLTB")}, load_rules(),
                         groups=["attribute"])
    found = _found(result, "dltb_required")
    assert len(found) == 1 and "DLMC" in found[0]["message"] and found[0]["fids"] == ""
    assert any("DLMC" in n for n in result.notes)


@pytest.mark.parametrize("text, words", [
    ("[dltb_overlap]\nmin_area = 1\n", ["line 2", "dltb_overlap.min_area"]),
    ("name = 'x'\n[no_such_rule]\n", ["line 2", "no_such_rule"]),
    ("[dltb_gap]\nmessage = \"缝隙{size}\"\n", ["line 2", "{size}"]),
    ("[dltb_gap]\nseverity = \"fatal\"\n", ["line 2", "fatal"]),
    ("[dltb_min_area]\nby_code = { \"1202\" = \"x\" }\n", ["line 2", "by_code"]),
    ("[dltb_gap\n", ["not valid TOML"]),
])
def test_bad_rules_are_refused_with_the_line(text, words):
    from landoffice_plugin.quality.rules import parse_rules

    with pytest.raises(LandOfficeError) as err:
        parse_rules(text, "mine.toml")
    message = err.value.message_en
    for word in words:
        assert word in message


def test_office_rules_override_the_shipped_ones():
    from landoffice_plugin.quality.rules import parse_rules

    rules = parse_rules("[dltb_min_area]\nby_category = { \"农用地\" = 300.0 }\n")
    assert rules.rules["dltb_min_area"].params["by_category"] == {"农用地": 300.0}
    assert rules.rules["dltb_min_area"].params["by_code"] == {"1202": 200.0}
    assert rules.rules["dltb_gap"].params["min_area_m2"] == 0.1


def test_a_rerun_runs_only_the_rules_whose_layers_changed(qgis_app):
    from qgis.core import QgsGeometry

    from landoffice_plugin.analysis.loading import layer_input
    from landoffice_plugin.quality.engine import run_quality
    from landoffice_plugin.quality.rules import load_rules

    layers = _case_layers()
    rules, cache = load_rules(), {}

    def run(use):
        return run_quality({r: layer_input(lyr, r) for r, lyr in layers.items()}, rules, cache=use)

    first = run(cache)
    assert first.reused == []
    again = run(cache)
    assert sorted(again.reused) == sorted(cache) and len(cache) >= 20  # every rule that ran (not the XZQ one)
    assert again.counts == first.counts and again.total == first.total
    zd = layers["ZD"]  # move parcel 2 off parcel 1: the ZD overlap goes, the building B2 falls outside its parcel
    feature = next(f for f in zd.getFeatures() if f["ZDDM"].endswith("QC00002"))
    assert zd.dataProvider().changeGeometryValues({feature.id(): QgsGeometry(rect(30, 0, 60, 30))})
    changed = run(cache)
    fresh = run(None)
    assert changed.counts == fresh.counts and changed.total == fresh.total
    assert changed.counts["zd_overlap"] == 0 and fresh.counts["zd_overlap"] == 0
    rerun = set(cache) - set(changed.reused)
    assert rerun == {"zd_parcel_code", "zd_parcel_code_unique", "zd_overlap", "zrz_outside_parcel"}
