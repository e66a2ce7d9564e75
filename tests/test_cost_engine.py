"""The estimate on hand-built layers: every expected amount is written out from the rate table of
tests/cost_cases.py (areas from QGIS's own QgsDistanceArea)."""
from __future__ import annotations

from decimal import Decimal

import pytest
from cost_cases import AS_OF, PATCH_A, PATCH_B, REDLINE, X0, Y0, code, layers, r2, r4, rect, standard_file
from qgis.core import QgsCoordinateReferenceSystem, QgsDistanceArea, QgsProject

from landoffice_plugin.cost.engine import CostInputs, Options, estimate_redline, estimate_villages
from landoffice_plugin.cost.inputs import layer_input
from landoffice_plugin.cost.redline import redline_from_qgs
from landoffice_plugin.cost.standard import load_standard

CRS = QgsCoordinateReferenceSystem("EPSG:4549")


def mu_of(box) -> Decimal:
    da = QgsDistanceArea()
    da.setSourceCrs(CRS, QgsProject.instance().transformContext())
    da.setEllipsoid("EPSG:1024")  # the CGCS2000 ellipsoid
    return r4(da.measureArea(rect(*box)) * 15 / 10000)


@pytest.fixture()
def case(qgis_app, tmp_path):
    lay = layers()
    inputs = CostInputs(*(layer_input(lay[r], r) for r in ("DLTB", "ZD", "ZRZ", "HJ")))
    return lay, inputs, tmp_path


def run(inputs, tmp_path, changes=None, **opts):
    st = load_standard(standard_file(tmp_path, changes))
    red = redline_from_qgs([rect(*REDLINE)], CRS, "测试红线")
    return estimate_redline(inputs, red, st, Options(as_of=AS_OF, **opts))


def amounts(est) -> dict:
    return {ln.key: ln.amount for ln in est.lines}


def test_totals_match_the_hand_computed_amounts(case):
    _lay, inputs, tmp_path = case
    est = run(inputs, tmp_path)
    mu_a, mu_b = mu_of(PATCH_A), mu_of(PATCH_B)
    assert mu_a != Decimal("30.0000")  # ellipsoidal, not planar (100 m × 200 m = 30 亩 planar)
    land = mu_a + mu_b  # both grade 1 (village table), collective
    expected = {
        "land:1": r2(land * 50000 * Decimal("0.4")),
        "resettlement:1": r2(land * 50000 * Decimal("0.6")),
        "crops:0103": r2(mu_a * 1000),  # 0702 has rate 0: no crop line
        "house:3:0–5年": Decimal("120500.00"),     # 120.50 m² × 1000 × 1.0 (age 3)
        "house:3:6–20年": Decimal("160000.00"),    # 200.00 × 1000 × 0.8 (age 8)
        "house:5:6–20年": Decimal("19360.00"),     # 30.25 × 800 × 0.8 (age 13)
        "house:5:21年以上": Decimal("40000.00"),   # 100.00 × 800 × 0.5 (age 34)
        "moving": Decimal("6000.00"),             # 3 households × 2000
        "transition": Decimal("36000.00"),        # 6 persons × 500 × 12 months
        "social": Decimal("60000.00"),            # 6 persons × 10000
        "attachment:0": Decimal("15000.00"),      # 3 homesteads × 5000
    }
    got = amounts(est)
    assert {k: v for k, v in got.items() if k != "contingency"} == expected
    subtotal = sum(expected.values())
    contingency = r2(subtotal * Decimal("0.10"))
    assert got["contingency"] == contingency
    assert est.total == subtotal + contingency
    assert sorted(est.homesteads) == [code(1), code(2), code(3)]  # JC00004 is 30 % inside; JB00005 no homestead
    assert est.orphans == [("H9", code(99999))]
    assert any("H9" in w for w in est.warnings)
    assert sum(p.mu for p in est.land) == land


def test_households_table(case):
    _lay, inputs, tmp_path = case
    est = run(inputs, tmp_path)
    rows = {h.hh: h for h in est.households}
    assert set(rows) == {"H1", "H2", "H3"}
    h1 = rows["H1"]
    assert (h1.persons, h1.buildings, h1.floor_area) == (3, 2, Decimal("150.75"))
    assert h1.house == Decimal("120500.00") + Decimal("19360.00")
    assert h1.transition == Decimal("18000.00") and h1.social == Decimal("30000.00")
    assert h1.total == Decimal("139860.00") + 2000 + 18000 + 30000 + 5000


def test_rule_threshold_and_centroid(case):
    _lay, inputs, tmp_path = case
    assert code(4) in run(inputs, tmp_path, threshold=0.25).homesteads   # 30 % ≥ 25 %
    assert code(4) not in run(inputs, tmp_path, rule="centroid").homesteads  # its centroid is outside


def test_missing_rates_are_named_and_not_counted(case):
    _lay, inputs, tmp_path = case

    def drop(data):
        del data["houses"]["prices"]["5"]
        data["crops"]["rates"] = {"07": 0}

    est = run(inputs, tmp_path, drop)
    missing = [ln for ln in est.lines if ln.missing]
    assert {ln.key for ln in missing} == {"house:5:6–20年", "house:5:21年以上", "crops:0103"}
    assert all(ln.amount is None for ln in missing)
    text = "\n".join(est.warnings)
    assert "structure 5" in text or "结构 5" in text
    assert "land class 0103" in text or "地类 0103" in text
    full = run(inputs, tmp_path)
    assert full.subtotal - est.subtotal == Decimal("19360.00") + Decimal("40000.00") + amounts(full)["crops:0103"]


def test_zone_polygons_override_the_village_table(case):
    lay, _inputs, tmp_path = case
    from qgis.core import QgsFeature, QgsVectorLayer

    zones = QgsVectorLayer("Polygon?crs=EPSG:4549&field=QPDJ:string", "zones", "memory")
    feat = QgsFeature(zones.fields())
    half = (X0, Y0, X0 + 50, Y0 + 200)
    feat.setGeometry(rect(*half))
    feat.setAttributes(["2"])
    zones.dataProvider().addFeatures([feat])
    inputs = CostInputs(*(layer_input(lay[r], r) for r in ("DLTB", "ZD", "ZRZ", "HJ")), layer_input(zones, "ZONES"))
    got = amounts(run(inputs, tmp_path))
    grade2 = mu_of(half)
    grade1 = mu_of(PATCH_A) - grade2 + mu_of(PATCH_B)
    assert got["land:2"] == r2(grade2 * 40000 * Decimal("0.4"))
    assert abs(got["land:1"] - r2(grade1 * 50000 * Decimal("0.4"))) <= Decimal("2.00")  # ±0.0001 亩 of rounding


def test_village_reclamation(case):
    _lay, inputs, tmp_path = case
    st = load_standard(standard_file(tmp_path))
    est = estimate_villages(inputs, ["3202991012010000000"], st, Options(as_of=AS_OF))
    mu_b = mu_of(PATCH_B)
    assert est.reclaim_mu == mu_b
    got = amounts(est)
    assert got["reclamation"] == r2(mu_b * 20000)
    assert "social" not in got and "land:1" not in got  # no requisition: the land stays collective
    houses = Decimal("120500.00") + Decimal("160000.00") + Decimal("19360.00") + Decimal("40000.00")
    subtotal = houses + 6000 + 36000 + 20000 + got["reclamation"]  # JC00004 counts too: 4 homesteads × 5000
    assert est.subtotal == subtotal
    new = r4(mu_b * Decimal("0.9"))
    assert est.new_cropland_mu == new
    assert est.cost_per_new_mu == r2(est.total / new)


def test_bad_village_codes_are_refused(case):
    from landoffice_plugin.core.errors import LandOfficeError

    _lay, inputs, tmp_path = case
    with pytest.raises(LandOfficeError, match="12-digit"):
        estimate_villages(inputs, ["32029910"], load_standard(standard_file(tmp_path)))
