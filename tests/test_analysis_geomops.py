"""Geometry helpers of the analysis: subdividing huge polygons, which patches need snapping."""
import math

import numpy as np
import pytest
import shapely

from landoffice_plugin.analysis.geomops import _subdivide_overlay, subdivide


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


def test_inside_or_crossing_sorts_the_patches_a_red_line_meets():
    """A patch properly inside some red-line feature is constrained whole; one a boundary meets (and no feature
    contains) is overlaid with the parts of the features that meet it; far ones are left alone."""
    from landoffice_plugin.analysis.engine import _inside_or_crossing

    patches = np.asarray([shapely.box(1, 1, 2, 2), shapely.box(9, 1, 11, 2), shapely.box(20, 20, 21, 21),
                          shapely.box(0, 5, 1, 6), shapely.box(30, 0, 31, 1), shapely.box(40, 0, 41, 1)],
                         dtype=object)
    feats = np.asarray([shapely.box(0, 0, 10, 10), shapely.box(29, -1, 35, 0.5), shapely.box(5, 0, 12, 3),
                        shapely.box(50, 50, 60, 60)], dtype=object)
    idx = np.asarray([0, 1, 2, 3, 4], dtype=np.intp)  # patch 5 is not involved
    inside, crossing, meeting, cutting = _inside_or_crossing(feats, patches, idx, shapely.STRtree(patches[idx]))
    # 0 inside feature 0; 1 straddles feature 0's edge but lies inside feature 2; 3 on feature 0's edge from inside;
    # 4 straddles feature 1; 2 far away; feature 3 meets nothing
    assert list(inside) == [0, 1] and list(crossing) == [3, 4]
    assert list(meeting) == [0, 1, 2] and list(cutting) == [0, 1]
    empty = _inside_or_crossing(feats[:0], patches, idx, shapely.STRtree(patches[idx]))
    assert all(len(part) == 0 for part in empty)
