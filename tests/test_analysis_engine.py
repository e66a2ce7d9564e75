"""Engine behaviour: precedence, hard constraints, reconciliation, missing layers, repairs, CRSs."""
import pytest
from potential_cases import CRS, area, dltb, layer, rect, run, total
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry, QgsProject

REL = 1e-4


def _approval(wkt, day="2020-01-01"):
    return layer("PZYD", [(wkt, {"PZWH": "苏政地〔2020〕9号", "PZRQ": day})])


def test_precedence_each_piece_in_one_category(qgis_app):
    # one recovery patch half covered by an unsupplied approval: the approval wins that half
    layers = {
        "DLTB": layer("DLTB", [dltb(rect(0, 0, 100, 100), dlbm="0201", zzsxdm="JKHF")]),
        "PZYD": _approval(rect(0, 0, 50, 100)),
        "GYYD": layer("GYYD", []),
        "CZKFBJ": layer("CZKFBJ", [(rect(0, 0, 100, 100), {"FQDM": "11", "FQMC": "集中建设区"})]),
    }
    result = run(layers)
    assert total(result, "unsupplied") == pytest.approx(area(rect(0, 0, 50, 100)), rel=REL)
    # the other half is non-construction inside the boundary: boundary precedes recovery
    assert total(result, "boundary") == pytest.approx(area(rect(50, 0, 100, 100)), rel=REL)
    assert total(result, "recovery") == 0.0
    assert result.rows["area_m2"].sum() == pytest.approx(area(rect(0, 0, 100, 100)), rel=REL)


def test_precedence_order_comes_from_the_rules(qgis_app):
    layers = {
        "DLTB": layer("DLTB", [dltb(rect(0, 0, 100, 100), dlbm="0201", zzsxdm="JKHF")]),
        "PZYD": _approval(rect(0, 0, 50, 100)),
        "GYYD": layer("GYYD", []),
    }
    result = run(layers, rules_text='precedence = ["recovery", "unsupplied"]\n')
    assert total(result, "recovery") == pytest.approx(area(rect(0, 0, 100, 100)), rel=REL)
    assert total(result, "unsupplied") == 0.0


def test_hard_constraints_never_potential_and_totals_reconcile(qgis_app):
    layers = {
        "DLTB": layer("DLTB", [dltb(rect(0, 0, 100, 100)), dltb(rect(100, 0, 200, 100), zzsxdm="JKHF"),
                               dltb(rect(0, 100, 200, 200), village="3202991020010000000")]),
        "PZYD": _approval(rect(0, 0, 200, 150)),
        "GYYD": layer("GYYD", []),
        "YJJBNTTB": layer("YJJBNTTB", [(rect(0, 0, 30, 100), {"DLBM": "0103"})]),
        "STBHHX": layer("STBHHX", [(rect(150, 0, 200, 200), {"HXMC": "x"})]),
    }
    result = run(layers)
    expected = area(rect(0, 0, 200, 150)) - area(rect(0, 0, 30, 100)) - area(rect(150, 0, 200, 150))
    assert result.rows["area_m2"].sum() == pytest.approx(expected, rel=REL)
    # two townships (320299101, 320299102); per township potential + non-potential = analysed
    assert [r["town_code"] for r in result.reconciliation] == ["320299101", "320299102"]
    for row in result.reconciliation:
        assert abs(row["residual_m2"]) < 0.01
    t101 = result.reconciliation[0]
    assert t101["analysed_m2"] == pytest.approx(area(rect(0, 0, 200, 100)), rel=REL)
    assert t101["not_potential_m2"] == pytest.approx(area(rect(0, 0, 30, 100)) + area(rect(150, 0, 200, 100)),
                                                     rel=REL)


def test_missing_layer_disables_only_its_categories(qgis_app):
    layers = {"DLTB": layer("DLTB", [dltb(rect(0, 0, 100, 100), zzsxdm="JKHF")])}
    result = run(layers)
    assert result.categories_run == ["recovery"]
    assert set(result.categories_disabled) == {"unsupplied", "idle", "inefficient", "linkage", "boundary"}
    assert result.categories_disabled["inefficient"] == ["GYQY", "ZD"]
    joined = "\n".join(result.notes)
    assert "PZYD" in joined and "GYYD" in joined and "CZKFBJ" in joined
    assert "YJJBNTTB" in joined  # a missing hard constraint is said too
    assert total(result, "recovery") == pytest.approx(area(rect(0, 0, 100, 100)), rel=REL)


def test_missing_dltb_is_an_error(qgis_app):
    from landoffice_plugin.core.errors import LandOfficeError

    with pytest.raises(LandOfficeError, match="DLTB"):
        run({"PZYD": _approval(rect(0, 0, 10, 10))})


def test_invalid_geometry_is_repaired_and_counted(qgis_app):
    a, b = 500_000.0, 3_480_000.0
    bowtie = f"POLYGON(({a} {b},{a + 100} {b + 100},{a + 100} {b},{a} {b + 100},{a} {b}))"
    triangles = (f"MULTIPOLYGON((({a} {b},{a + 50} {b + 50},{a} {b + 100},{a} {b})),"
                 f"(({a + 100} {b},{a + 100} {b + 100},{a + 50} {b + 50},{a + 100} {b})))")
    assert not QgsGeometry.fromWkt(bowtie).isGeosValid()
    layers = {"DLTB": layer("DLTB", [dltb(bowtie, dlbm="0201", zzsxdm="GCHF"),
                                     dltb(rect(200, 0, 300, 100), dlbm="0201")])}
    result = run(layers)
    assert result.repaired["DLTB"] == 1
    assert any("DLTB" in n and "1" in n for n in result.notes)
    assert total(result, "recovery") == pytest.approx(area(triangles), rel=REL)


def test_layers_in_another_crs_are_reprojected(qgis_app):
    geo = QgsCoordinateReferenceSystem("EPSG:4490")
    to_geo = QgsCoordinateTransform(QgsCoordinateReferenceSystem(CRS), geo, QgsProject.instance())
    zone = QgsGeometry.fromWkt(rect(50, 0, 200, 100))
    zone.transform(to_geo)
    layers = {
        "DLTB": layer("DLTB", [dltb(rect(0, 0, 100, 100))]),
        "CZKFBJ": layer("CZKFBJ", [(zone.asWkt(12), {"FQDM": "12", "FQMC": "弹性发展区"})], crs="EPSG:4490"),
    }
    result = run(layers, categories=["boundary"])
    assert result.reprojected == {"CZKFBJ": "EPSG:4490"}
    assert any("EPSG:4490" in n for n in result.notes)
    # straight edges in degrees are slightly curved in metres: a 100 m rectangle stays within 0.01 %
    assert total(result, "boundary") == pytest.approx(area(rect(50, 0, 100, 100)), rel=1e-3)
