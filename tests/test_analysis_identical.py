"""Basic-farmland copies of DLTB patches are recognised and removed whole (no overlay).

In 三调 data YJJBNTTB patches are copies of cropland DLTB patches; a delivery may start a ring at
another vertex or run it the other way. Expected areas come from QgsDistanceArea on the
hand-written rectangles (potential_cases.area), not from the engine.
"""
import numpy as np
import pytest
import shapely
from potential_cases import X0, Y0, area, dltb, layer, rect, run, total

from landoffice_plugin.analysis.geomops import identical_in

REL = 1e-6


def _rotated(wkt: str, shift: int, reverse: bool) -> str:
    """The same rectangle, its ring starting ``shift`` vertices later, optionally reversed."""
    ring = list(shapely.from_wkt(wkt).exterior.coords)[:-1]
    ring = ring[shift:] + ring[:shift]
    if reverse:
        ring = ring[::-1]
    return shapely.Polygon(ring).wkt


def test_identical_in_finds_copies_whatever_their_start_and_direction():
    a = shapely.from_wkt(rect(0, 0, 100, 100))
    b = shapely.from_wkt(rect(100, 0, 200, 100))
    copy_b = shapely.from_wkt(_rotated(rect(100, 0, 200, 100), 2, True))
    near = shapely.from_wkt(rect(100, 0, 200, 100.001))  # not a copy: 1 mm off
    found = identical_in(np.array([copy_b, near, a], dtype=object), np.array([a, b], dtype=object))
    assert found.tolist() == [1, -1, 0]


@pytest.mark.parametrize("shift,reverse", [(0, False), (1, True), (3, False)])
def test_farmland_copy_removes_its_patch_and_leaves_the_neighbours(qgis_app, monkeypatch, shift, reverse):
    from landoffice_plugin.analysis import engine

    seen = []
    monkeypatch.setattr(engine, "identical_in", lambda *a: seen.append(identical_in(*a)) or seen[-1])
    farmland, free, half = rect(0, 0, 100, 100), rect(100, 0, 200, 100), rect(200, 0, 300, 100)
    layers = {
        "DLTB": layer("DLTB", [dltb(farmland, dlbm="0103", zzsxdm="JKHF"), dltb(free, dlbm="0201", zzsxdm="JKHF"),
                               dltb(half, dlbm="0201", zzsxdm="JKHF")]),
        # one copy of the first patch, one hand-drawn feature over half of the third
        "YJJBNTTB": layer("YJJBNTTB", [(_rotated(farmland, shift, reverse), {"DLBM": "0103"}),
                                       (rect(250, 0, 300, 100), {"DLBM": "0103"})]),
    }
    result = run(layers, categories=["recovery"])
    assert total(result, "recovery") == pytest.approx(area(free) + area(rect(200, 0, 250, 100)), rel=REL)
    assert set(result.rows["source_ids"]) == {"DLTB:2", "DLTB:3"}
    assert seen and sorted(seen[0].tolist()) == [-1, 0]  # the copy was recognised, the other feature not
    for row in result.reconciliation:  # the removed patch is non-potential, nothing lost
        assert abs(row["residual_m2"]) < 0.01
        assert row["not_potential_m2"] == pytest.approx(area(farmland) + area(rect(250, 0, 300, 100)), rel=REL)


def test_copy_coordinates_are_exact(qgis_app):
    """The test geometry really starts elsewhere (the shortcut must not rely on the same WKB)."""
    moved = _rotated(rect(0, 0, 100, 100), 1, True)
    assert moved != rect(0, 0, 100, 100)
    assert shapely.from_wkt(moved).bounds == (X0, Y0, X0 + 100, Y0 + 100)
