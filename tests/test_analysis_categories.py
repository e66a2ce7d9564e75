"""Each potential-land category on small hand-built cases; expected areas from QgsDistanceArea."""
import pytest
from potential_cases import OTHER_VILLAGE, VILLAGE, area, dltb, layer, rect, run, total

REL = 1e-4  # the engine's vectorised ellipsoidal areas agree with QgsDistanceArea to ~1e-5


def test_unsupplied_is_approved_minus_supplied(qgis_app):
    layers = {
        "DLTB": layer("DLTB", [dltb(rect(0, 0, 200, 100))]),
        "PZYD": layer("PZYD", [(rect(0, 0, 100, 100), {"PZWH": "苏政地〔2020〕1号", "PZRQ": "2020-07-01"})]),
        "GYYD": layer("GYYD", [(rect(0, 0, 40, 100), {"YDKGRQ": "2024-06-01", "GDMJ": 4000})]),
    }
    result = run(layers, categories=["unsupplied"])
    assert total(result, "unsupplied") == pytest.approx(area(rect(40, 0, 100, 100)), rel=REL)
    years = result.rows["years"][result.rows["category"] == "unsupplied"]
    assert years[0] == pytest.approx((365 + 366 + 365 + 365 + 183) / 365.25, abs=0.01)  # to 2024-12-31
    assert "苏政地〔2020〕1号" in result.rows["reason"][0]
    assert "PZYD:" in result.rows["source_ids"][0]


def test_idle_follows_decree_53_and_survey(qgis_app):
    supply = {"GDMJ": 10000.0, "YDTZE": 1000.0}
    layers = {
        # patch A unbuilt farmland, patch B already industrial (construction) land
        "DLTB": layer("DLTB", [dltb(rect(0, 0, 50, 100)), dltb(rect(50, 0, 100, 100), dlbm="0601"),
                               dltb(rect(100, 0, 300, 100))]),
        "GYYD": layer("GYYD", [
            (rect(0, 0, 100, 100), {**supply, "YDKGRQ": "2022-01-01"}),  # not started: idle
            (rect(100, 0, 150, 100), {**supply, "YDKGRQ": "2022-01-01", "SJKGRQ": "2022-03-01",
                                      "YJSMJ": 2000.0, "YWCTZE": 900.0}),  # 20 % built: halted
            (rect(150, 0, 200, 100), {**supply, "YDKGRQ": "2022-01-01", "SJKGRQ": "2022-03-01",
                                      "YJSMJ": 9000.0, "YWCTZE": 900.0}),  # built, survey unbuilt
            (rect(200, 0, 250, 100), {**supply, "YDKGRQ": "2024-06-01"}),  # start not yet 12 months past
        ]),
    }
    result = run(layers, categories=["idle"])
    expected = area(rect(0, 0, 50, 100)) + area(rect(100, 0, 200, 100))
    assert total(result, "idle") == pytest.approx(expected, rel=REL)
    assert result.count == 3  # patch A, the halted supply, the built-but-unbuilt-on-survey supply
    assert len(set(result.rows["reason"])) == 3  # not started / halted / supplied but unused
    assert any("20%" in r for r in result.rows["reason"])


def test_inefficient_industrial_parcels(qgis_app):
    layers = {
        "DLTB": layer("DLTB", [dltb(rect(0, 0, 300, 100), dlbm="0601")]),
        "ZD": layer("ZD", [(rect(0, 0, 100, 100), {"ZDDM": "320299101202GB00001"}),
                           (rect(100, 0, 200, 100), {"ZDDM": "320299101202GB00002"})]),
        "GYQY": layer("GYQY", [
            ("POINT(500050 3480050)", {"QYMC": "甲厂", "ZDDM": "320299101202GB00001", "RJL": 0.5, "JZMD": 0.5,
                                        "NSSS": 30.0}),
            ("POINT(500150 3480050)", {"QYMC": "乙厂", "ZDDM": "320299101202GB00002", "RJL": 2.0, "JZMD": 0.5,
                                        "NSSS": 30.0}),
        ]),
    }
    result = run(layers, categories=["inefficient"])
    assert total(result, "inefficient") == pytest.approx(area(rect(0, 0, 100, 100)), rel=REL)
    assert "甲厂" in result.rows["reason"][0]


def test_linkage_only_marked_villages_outside_boundary(qgis_app):
    layers = {
        "DLTB": layer("DLTB", [dltb(rect(0, 0, 100, 100), dlbm="0702", czcsxm="203"),
                               dltb(rect(100, 0, 200, 100), dlbm="0702", czcsxm="203", village=OTHER_VILLAGE)]),
        "CZKFBJ": layer("CZKFBJ", [(rect(0, 0, 30, 100), {"FQDM": "11", "FQMC": "集中建设区"})]),
    }
    result = run(layers, categories=["linkage"], villages=["320299101202"])
    assert total(result, "linkage") == pytest.approx(area(rect(30, 0, 100, 100)), rel=REL)
    none = run(layers, categories=["linkage"])
    assert none.count == 0 and any("village" in n.lower() or "村" in n for n in none.notes)


def test_boundary_non_construction_inside_zones_minus_constraints(qgis_app):
    layers = {
        "DLTB": layer("DLTB", [dltb(rect(0, 0, 100, 100)), dltb(rect(100, 0, 200, 100), dlbm="0601")]),
        "CZKFBJ": layer("CZKFBJ", [(rect(50, 0, 200, 100), {"FQDM": "11", "FQMC": "集中建设区"})]),
        "YJJBNTTB": layer("YJJBNTTB", [(rect(50, 0, 60, 100), {"DLBM": "0103"})]),
    }
    result = run(layers, categories=["boundary"])
    assert total(result, "boundary") == pytest.approx(area(rect(60, 0, 100, 100)), rel=REL)


def test_recovery_patches_minus_red_line(qgis_app):
    layers = {
        "DLTB": layer("DLTB", [dltb(rect(0, 0, 100, 100), dlbm="0201", zzsxdm="JKHF"),
                               dltb(rect(100, 0, 200, 100), dlbm="0301", zzsxdm="GCHF"),
                               dltb(rect(200, 0, 300, 100), dlbm="0301")]),
        "STBHHX": layer("STBHHX", [(rect(150, 0, 300, 100), {"HXMC": "水源涵养"})]),
    }
    result = run(layers, categories=["recovery"])
    assert total(result, "recovery") == pytest.approx(area(rect(0, 0, 150, 100)), rel=REL)


def test_linkage_villages_marked_by_their_classification(qgis_app):
    """村庄分类 CZFL = 搬迁撤并类 in CJDCQ marks a village without any code being listed."""
    layers = {
        "DLTB": layer("DLTB", [dltb(rect(0, 0, 100, 100), dlbm="0702"),
                               dltb(rect(100, 0, 200, 100), dlbm="0702", village=OTHER_VILLAGE)]),
        "CZKFBJ": layer("CZKFBJ", [(rect(500, 0, 600, 100), {"FQDM": "11", "FQMC": "集中建设区"})]),
        "CJDCQ": classified_villages({VILLAGE: "集聚提升类", OTHER_VILLAGE: "搬迁撤并类"}),
    }
    result = run(layers, categories=["linkage"])
    assert total(result, "linkage") == pytest.approx(area(rect(100, 0, 200, 100)), rel=REL)
    assert set(result.rows["village_code"]) == {OTHER_VILLAGE[:12]}
    assert not [n for n in result.notes if "CZFL" in n]


def classified_villages(classes: dict):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    lyr = QgsVectorLayer("MultiPolygon?crs=EPSG:4549&field=ZLDWDM:string&field=ZLDWMC:string&field=村庄分类:string",
                         "CJDCQ", "memory")
    feats = []
    for k, (code, cls) in enumerate(classes.items()):
        f = QgsFeature(lyr.fields())
        f.setGeometry(QgsGeometry.fromWkt(rect(100 * k, 0, 100 * (k + 1), 100)))
        f.setAttributes([code, f"村{k}", cls])
        feats.append(f)
    lyr.dataProvider().addFeatures(feats)
    return lyr
