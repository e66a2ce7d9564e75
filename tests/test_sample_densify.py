"""The densified sample (generatesample --DENSIFY): still an exact partition, dense, same results.

References are independent of the generator: vertices counted from OGR's rings, areas and
unions by QGIS's own geometry engine (QgsGeometry, QgsDistanceArea), the potential-land result
on the sample as generated (no densification) as the expected value.
"""
from __future__ import annotations

import random
from collections import defaultdict

import pytest
from osgeo import ogr
from qgis.core import QgsGeometry, QgsVectorLayer

from landoffice_plugin.analysis.categories import ROLES

VILLAGES = "320299101202,320299102203"
TARGET = 45


@pytest.fixture(scope="module")
def dense_county(landoffice_processing, tmp_path_factory):
    import processing

    out = tmp_path_factory.mktemp("dense") / "dense.gpkg"
    result = processing.run("landoffice:generatesample", {"SCALE": "small", "SEED": 1, "DENSIFY": TARGET,
                                                          "OUTPUT": str(out)})
    return result["OUTPUT"]


def _geoms(path, name):
    lyr = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    assert lyr.isValid(), name
    return [(f, f.geometry()) for f in lyr.getFeatures()]


def _vertices(path, name) -> list:
    """Distinct vertices per feature, counted from OGR's rings (closing vertex not counted)."""
    ds = ogr.Open(str(path))
    counts = []
    for f in ds.GetLayerByName(name):
        g = f.GetGeometryRef()
        polys = [g.GetGeometryRef(i) for i in range(g.GetGeometryCount())] if g.GetGeometryName() == "MULTIPOLYGON" \
            else [g]
        counts.append(sum(p.GetGeometryRef(r).GetPointCount() - 1 for p in polys for r in range(p.GetGeometryCount())))
    return counts


def test_mean_vertices_reaches_the_target(dense_county, small_county):
    dense, plain = _vertices(dense_county, "DLTB"), _vertices(small_county, "DLTB")
    assert len(dense) == len(plain)
    assert sum(dense) / len(dense) >= 40
    assert sum(plain) / len(plain) < 15  # the tessellation alone is sparse


def test_densified_patches_are_valid_and_keep_their_areas(dense_county, small_county):
    dense, plain = _geoms(dense_county, "DLTB"), _geoms(small_county, "DLTB")
    assert all(g.isGeosValid() for _f, g in dense)
    # the wiggle is a full sine period per segment: the area between it and the chord sums to 0
    for (_fa, a), (_fb, b) in zip(dense, plain):
        assert a.area() == pytest.approx(b.area(), rel=1e-9)
        assert a.hausdorffDistance(b) <= 0.5 + 1e-9  # never more than 0.5 m off the old boundary


def test_partition_still_exact(dense_county):
    patches = _geoms(dense_county, "DLTB")
    towns = _geoms(dense_county, "XZQ")
    total = sum(g.area() for _f, g in patches)
    assert total == pytest.approx(sum(g.area() for _f, g in towns), rel=1e-6)
    # no gaps or overlaps in one village: QGIS's union of its patches has the village's area and
    # the patches' summed area, and equals the village polygon (built by coverage union)
    village = {f["ZLDWDM"][:12]: g for f, g in _geoms(dense_county, "CJDCQ")}
    code = "320299101202"
    mine = [g for f, g in patches if f["ZLDWDM"][:12] == code]
    union = QgsGeometry.unaryUnion(mine)
    summed = sum(g.area() for g in mine)
    assert union.area() == pytest.approx(summed, rel=1e-9)
    assert union.symDifference(village[code]).area() < 1e-6 * summed
    # and pairwise: a random sample of neighbouring patches overlap by nothing
    random.seed(3)
    sample = random.sample(mine, 60)
    for a in sample:
        for b in mine:
            if a is not b and a.boundingBoxIntersects(b) and a.intersects(b):
                assert a.intersection(b).area() < 1e-6


def test_shared_edges_have_the_same_vertices(dense_county):
    """A vertex inserted on one side of a shared edge is a vertex of the neighbour too."""
    patches = [g for _f, g in _geoms(dense_county, "DLTB")]
    by_vertex = defaultdict(int)
    for g in patches[:2000]:
        seen = {(v.x(), v.y()) for v in g.vertices()}
        for xy in seen:
            by_vertex[xy] += 1
    interior = [g for g in patches[:2000] if g.area() > 0]
    shared = 0
    for g in interior[:300]:
        others = [h for h in patches[:2000] if h is not g and h.boundingBoxIntersects(g) and h.touches(g)]
        for h in others:
            common = g.intersection(h)  # the shared boundary, as lines
            for v in common.vertices():
                shared += 1
                assert by_vertex[(v.x(), v.y())] >= 2, (v.x(), v.y())
    assert shared > 1000


def test_basic_farmland_copies_cropland_patches_exactly(dense_county):
    dltb = {g.asWkb().data() for _f, g in _geoms(dense_county, "DLTB")}
    farmland = _geoms(dense_county, "YJJBNTTB")
    assert farmland and all(g.asWkb().data() in dltb for _f, g in farmland)


def _potential(gpkg, out) -> dict:
    import processing

    params = {role: f"{gpkg}|layername={role}" for role in ROLES}
    params.update({"VILLAGES": VILLAGES, "OUTPUT": str(out)})
    result = processing.run("landoffice:potentialland", params)
    totals = defaultdict(float)
    lyr = QgsVectorLayer(result["OUTPUT"], "p", "ogr")
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsDistanceArea

    da = QgsDistanceArea()
    da.setSourceCrs(lyr.crs(), QgsCoordinateTransformContext())
    da.setEllipsoid(QgsCoordinateReferenceSystem("EPSG:4490").ellipsoidAcronym())
    for f in lyr.getFeatures():
        measured = da.measureArea(f.geometry())
        assert f["area_m2"] == pytest.approx(measured, rel=1e-6, abs=0.01)
        totals[f["category"]] += measured
    return totals


def test_potential_land_on_dense_sample_equals_the_sparse_one(dense_county, small_county, landoffice_processing,
                                                              tmp_path):
    sparse = _potential(small_county, tmp_path / "sparse.gpkg")
    dense = _potential(dense_county, tmp_path / "dense.gpkg")
    assert set(dense) == set(sparse) and len(sparse) == 6
    for cat, m2 in sparse.items():
        assert dense[cat] == pytest.approx(m2, rel=1e-4), cat
