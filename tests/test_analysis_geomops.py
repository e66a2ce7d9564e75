"""Geometry helpers of the analysis: subdividing huge polygons, which patches need snapping."""
import math

import numpy as np
import pytest
import shapely

from landoffice_plugin.analysis.geomops import _subdivide_overlay, crossed, subdivide


def _ring(cx, cy, r, n):
    return [(cx + r * math.cos(2 * math.pi * k / n), cy + r * math.sin(2 * math.pi * k / n)) for k in range(n)]


def _big():
    # a 6000-vertex disc (radius 5 km) with a 2000-vertex hole, Gauss–Krüger-like coordinates
    return shapely.set_precision(shapely.Polygon(_ring(40_500_000, 3_500_000, 5000, 6000),
                                                 [_ring(40_501_000, 3_500_000, 1500, 2000)]), 0.001)


@pytest.mark.parametrize("cut", [subdivide, _subdivide_overlay])
def test_subdivide_parts_tile_the_polygon(cut):
    big = _big()
    small = shapely.box(0, 0, 10, 10)
    parts = cut(np.asarray([big, small], dtype=object), 1000, 0.001)
    assert len(parts) > 8
    assert shapely.get_num_coordinates(parts).max() <= 1000
    assert shapely.is_valid(parts).all()
    assert any(p.equals(small) for p in parts)
    # π r² minus the hole, as a polygon: the parts add up to it and do not overlap
    expected = big.area + 100.0
    total = shapely.area(parts).sum()
    assert total == pytest.approx(expected, abs=0.5)
    assert shapely.union_all(parts).area == pytest.approx(total, abs=0.5)
    assert shapely.union_all(parts).symmetric_difference(shapely.union(big, small)).area < 0.5


def test_crossed_skips_contained_and_disjoint():
    patches = np.asarray([shapely.box(1, 1, 2, 2), shapely.box(9, 1, 11, 2), shapely.box(20, 20, 21, 21),
                          shapely.box(0, 5, 1, 6)], dtype=object)
    zone = np.asarray([shapely.box(0, 0, 10, 10)], dtype=object)
    tree = shapely.STRtree(patches)
    # inside: 0 (no overlay); straddles the edge: 1; far away: 2; on the edge from inside: 3
    assert list(crossed(tree, zone)) == [1, 3]
    assert len(crossed(tree, np.zeros(0, dtype=object))) == 0
