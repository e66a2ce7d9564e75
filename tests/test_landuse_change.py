"""landoffice:landusechange on the sample county and its next vintage (sample/next_year.py): the change
pieces, the transition matrix and the clue list against areas measured here with QgsDistanceArea."""
from __future__ import annotations

import pytest
from openpyxl import load_workbook
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsDistanceArea,
    QgsFeatureRequest,
    QgsVectorLayer,
)

MU = 10000 / 15


@pytest.fixture(scope="module")
def vintages(small_county, tmp_path_factory):
    from landoffice_plugin.sample.next_year import next_year_dltb

    new = tmp_path_factory.mktemp("change") / "next.gpkg"
    known = next_year_dltb(small_county, new, seed=7)
    return small_county, new, known


@pytest.fixture(scope="module")
def run(vintages, landoffice_processing, tmp_path_factory):
    import processing

    old, new, _known = vintages
    out = tmp_path_factory.mktemp("change_out")
    return processing.run("landoffice:landusechange", {
        "OLD": f"{old}|layername=DLTB", "NEW": f"{new}|layername=DLTB", "GPKG": str(old),
        "OUTPUT": str(out / "change.gpkg"), "CLUES": str(out / "clues.gpkg"), "REPORT_XLSX": str(out / "change.xlsx")})


def _old_areas(path, bsms) -> dict:
    """Ellipsoidal area of each old patch (by BSM), measured with QgsDistanceArea."""
    layer = QgsVectorLayer(f"{path}|layername=DLTB", "DLTB", "ogr")
    da = QgsDistanceArea()
    da.setSourceCrs(layer.crs(), QgsCoordinateTransformContext())
    da.setEllipsoid(QgsCoordinateReferenceSystem("EPSG:4490").ellipsoidAcronym())
    request = QgsFeatureRequest().setFilterExpression(f"BSM IN ({','.join(map(str, bsms))})")
    return {str(f["BSM"]): (da.measureArea(f.geometry()), f["DLBM"]) for f in layer.getFeatures(request)}


def test_change_pieces_are_the_known_changes(vintages, run):
    old, _new, known = vintages
    changed = known["approved"] + known["unlawful"] + known["other"]
    areas = _old_areas(old, changed)
    layer = QgsVectorLayer(run["OUTPUT"], "change", "ogr")
    got = {f["old_bsm"]: f for f in layer.getFeatures()}
    assert sorted(got) == sorted(map(str, changed))  # jittered patches are no change
    for bsm, f in got.items():
        area, code = areas[bsm]
        assert f["from_code"] == code and f["to_code"] == known["to"][int(bsm)]
        assert f["area_m2"] == pytest.approx(area, abs=0.01)
        assert f["area_mu"] == pytest.approx(area / MU, abs=1e-4)
    assert run["PIECES"] == len(changed)
    assert run["CHANGED_MU"] == pytest.approx(sum(a for a, _ in areas.values()) / MU, abs=1e-3)


def test_clues_are_the_unapproved_conversions(vintages, run):
    old, _new, known = vintages
    areas = _old_areas(old, known["unlawful"])
    clues = {f["old_bsm"]: f for f in QgsVectorLayer(run["CLUES"], "clues", "ogr").getFeatures()}
    assert sorted(clues) == sorted(map(str, known["unlawful"]))  # approved conversions are no clue
    for bsm, f in clues.items():
        assert f["area_m2"] == pytest.approx(areas[bsm][0], abs=0.01)
        assert "PZYD" in f["evidence"] and "GYYD" in f["evidence"]
    assert run["CLUE_COUNT"] == len(known["unlawful"])


def test_transition_matrix(vintages, run):
    old, _new, known = vintages
    wb = load_workbook(run["REPORT_XLSX"])
    assert wb.sheetnames == ["流量表（一级类）", "流量表（三大类）", "变化图斑", "疑似违法用地", "说明"]
    ws = wb["流量表（三大类）"]
    header = [c.value for c in ws[2]]
    rows = {r[0]: r for r in ws.iter_rows(min_row=3, values_only=True) if r[0] != "本期合计"}
    to_construction = header.index("建设用地")
    moved = _old_areas(old, known["approved"] + known["unlawful"])
    assert rows["农用地"][to_construction] == pytest.approx(sum(a for a, _ in moved.values()) / MU, abs=1e-3)
    ws = wb["流量表（一级类）"]
    header = [c.value for c in ws[2]]
    rows = {r[0]: r for r in ws.iter_rows(min_row=3, values_only=True) if r[0] != "本期合计"}
    forest = _old_areas(old, known["other"])
    assert rows["03 林地"][header.index("01 耕地")] == pytest.approx(sum(a for a, _ in forest.values()) / MU, abs=1e-3)
    homes = _old_areas(old, known["unlawful"])
    assert rows["01 耕地"][header.index("07 住宅用地")] == pytest.approx(sum(a for a, _ in homes.values()) / MU,
                                                                      abs=1e-3)


def test_jitter_and_slivers_are_no_change(small_county, tmp_path, qgis_app):
    """The later vintage with only jittered patches (3 cm): no change piece at all."""
    from landoffice_plugin.analysis.loading import layer_input
    from landoffice_plugin.change.engine import run_landuse_change
    from landoffice_plugin.quality.rules import load_rules
    from landoffice_plugin.sample.next_year import next_year_dltb

    new = tmp_path / "jitter.gpkg"
    next_year_dltb(small_county, new, seed=3, approved=0, unlawful=0, other=0, jittered=40)
    layer = lambda p: layer_input(QgsVectorLayer(f"{p}|layername=DLTB", "DLTB", "ogr"), "DLTB")  # noqa: E731
    result = run_landuse_change(layer(small_county), layer(new), {}, load_rules())
    assert len(result.rows["area_m2"]) == 0
    assert any("PZYD" in n for n in result.notes)


def test_hand_built_jitter_and_sliver(qgis_app):
    """A patch built on whose boundary also moved 3 cm into its neighbour, and a 10 × 10 m corner of another
    patch built on: one change (the whole patch, area by QgsDistanceArea), one jitter strip, one sliver."""
    from landoffice_plugin.analysis.loading import layer_input
    from landoffice_plugin.change.engine import run_landuse_change
    from landoffice_plugin.quality.rules import load_rules
    from tests.quality_cases import DLTB_FIELDS, ZLDWDM, memory_layer, rect

    def patch(bsm, geom, code):
        return geom, {"BSM": bsm, "DLBM": code, "ZLDWDM": ZLDWDM}

    old = memory_layer("DLTB", DLTB_FIELDS, [patch(1, rect(0, 0, 100, 100), "0101"),
                                             patch(2, rect(100, 0, 200, 100), "0101"),
                                             patch(3, rect(200, 0, 300, 100), "0101")])
    new = memory_layer("DLTB", DLTB_FIELDS, [
        patch(1, rect(0, 0, 100.03, 100), "0702"), patch(2, rect(100.03, 0, 200, 100), "0101"),
        patch(3, rect(200, 0, 300, 100).difference(rect(290, 90, 300, 100)), "0101"),
        patch(4, rect(290, 90, 300, 100), "0702")])
    result = run_landuse_change(layer_input(old, "DLTB"), layer_input(new, "DLTB"), {}, load_rules())
    da = QgsDistanceArea()
    da.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4549"), QgsCoordinateTransformContext())
    da.setEllipsoid("EPSG:1024")
    assert list(result.rows["old_bsm"]) == ["1"]
    assert result.rows["area_m2"][0] == pytest.approx(da.measureArea(rect(0, 0, 100, 100)), abs=0.01)
    assert "1 boundary-jitter" in result.notes[0] and "1 pieces under" in result.notes[0]
    assert list(result.clues["old_bsm"]) == ["1"]  # cropland built on, no PZYD/GYYD layer to clear it
