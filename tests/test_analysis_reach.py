"""Reading only what a run can use: DLTB rows through the GeoPackage R-tree, hard constraints near
the involved patches, and the same answers as reading everything."""
import numpy as np
import pytest
import shapely
from potential_cases import X0, Y0, area, dltb, gpkg_layers, layer, rect, total, write_gpkg

REL = 1e-4


def _county(tmp_path):
    """Patches in a 10 × 4 grid of 100 m squares; a boundary zone over the first three columns;
    basic farmland on one patch inside the zone and on one far away (that one is invalid)."""
    patches = [dltb(rect(100 * i, 100 * j, 100 * (i + 1), 100 * (j + 1)), dlbm="0103" if (i + j) % 3 else "0702")
               for i in range(10) for j in range(4)]
    a, b = X0 + 900, X0 + 1000
    bowtie = f"POLYGON(({a} {Y0}, {b} {Y0 + 100}, {b} {Y0}, {a} {Y0 + 100}, {a} {Y0}))"
    layers = {
        "DLTB": layer("DLTB", patches),
        "CZKFBJ": layer("CZKFBJ", [(rect(0, 0, 250, 400), {"FQDM": "11", "FQMC": "集中建设区"})]),
        "YJJBNTTB": layer("YJJBNTTB", [(rect(100, 100, 200, 200), {"DLBM": "0103"}), (bowtie, {"DLBM": "0103"})]),
        "STBHHX": layer("STBHHX", [(rect(0, 300, 1000, 320), {"HXMC": "河道"})]),
        "XZQ": layer("XZQ", [(rect(0, 0, 1000, 400), {"XZQDM": "320299101", "XZQMC": "青坝镇"})]),
    }
    path = write_gpkg(tmp_path / "county.gpkg", layers)
    return path, layers


def _run(layers, categories):
    from landoffice_plugin.analysis.engine import run_analysis
    from landoffice_plugin.analysis.loading import layer_input
    from landoffice_plugin.analysis.rules import load_rules

    return run_analysis({r: layer_input(lyr, r) for r, lyr in layers.items()}, load_rules(), categories)


def test_spatial_run_reads_only_the_reached_patches_and_agrees(qgis_app, tmp_path):
    path, memory = _county(tmp_path)
    from_gpkg = _run(gpkg_layers(path, memory), ["boundary"])
    everything = _run(memory, ["boundary"])  # memory layers: every patch is read
    # the zone (0..250 m) reaches columns 0, 1 and 2 (boxes touching it): 12 patches of 40
    assert (from_gpkg.examined, from_gpkg.examined_by) == (12, ["CZKFBJ"])
    assert [n for n in from_gpkg.notes if "CZKFBJ" in n and "12" in n]  # and the user is told
    assert (everything.examined, everything.examined_by) == (40, [])
    # non-construction inside the zone, minus farmland and the river: computed by hand
    inside = [(i, j) for i in range(3) for j in range(4) if (i + j) % 3]
    expected = sum(area(rect(100 * i, 100 * j, min(100 * (i + 1), 250), 100 * (j + 1))) for i, j in inside)
    expected -= area(rect(100, 100, 200, 200))  # farmland on patch (1, 1), which is 0103
    expected -= sum(area(rect(100 * i, 300, min(100 * (i + 1), 250), 320)) for i, j in inside if j == 3)
    assert total(from_gpkg, "boundary") == pytest.approx(expected, rel=REL)
    assert total(everything, "boundary") == pytest.approx(expected, rel=REL)
    # the reconciliation covers the examined patches: 12 whole squares in the GeoPackage run
    row = from_gpkg.reconciliation[0]
    assert row["analysed_m2"] == pytest.approx(sum(area(rect(100 * i, 100 * j, 100 * (i + 1), 100 * (j + 1)))
                                                   for i in range(3) for j in range(4)), rel=REL)
    assert abs(row["residual_m2"]) < 0.01
    assert everything.reconciliation[0]["analysed_m2"] == pytest.approx(area(rect(0, 0, 1000, 400)), rel=REL)
    # the far, invalid farmland polygon is never read, so never repaired; in the full run it is not near either
    assert from_gpkg.repaired.get("YJJBNTTB", 0) == 0


def test_attribute_categories_still_read_every_patch(qgis_app, tmp_path):
    path, memory = _county(tmp_path)
    result = _run(gpkg_layers(path, memory), ["boundary", "recovery"])
    assert (result.examined, result.examined_by) == (40, [])
    assert result.reconciliation[0]["analysed_m2"] == pytest.approx(area(rect(0, 0, 1000, 400)), rel=REL)


def test_gpkg_ids_near_matches_a_brute_force_box_test(qgis_app, tmp_path):
    from landoffice_plugin.analysis.loading import gpkg_ids_near, layer_input, load_input, load_near

    path, memory = _county(tmp_path)
    dl = gpkg_layers(path, ["DLTB"])["DLTB"]
    arrays = load_input(layer_input(dl, "DLTB"), None)
    boxes = shapely.bounds(arrays.geoms)
    rng = np.random.default_rng(5)
    for n in (3, 300):  # a few query geometries (one R-tree query each) and many (covering rectangles)
        pts = shapely.points(X0 + rng.uniform(-50, 1050, n), Y0 + rng.uniform(-50, 450, n))
        probes = shapely.buffer(pts, rng.uniform(1, 20, n))
        got = gpkg_ids_near(str(path), "DLTB", shapely.STRtree(probes), 0.001)
        pb = shapely.bounds(probes)
        hit = [(boxes[:, 0] <= b[2] + 0.001) & (boxes[:, 2] >= b[0] - 0.001) & (boxes[:, 1] <= b[3] + 0.001)
               & (boxes[:, 3] >= b[1] - 0.001) for b in pb]
        expected = arrays.fids[np.any(hit, axis=0)]
        assert sorted(got.tolist()) == sorted(expected.tolist())
        # the GeoPackage through its R-tree, arrays filtered in numpy and a memory layer read
        # through QGIS (no R-tree) give the same rows
        tree = shapely.STRtree(probes)
        for source in (layer_input(dl, "DLTB"), arrays, layer_input(memory["DLTB"], "DLTB")):
            near = load_near(source, None, tree, 0.001)
            assert sorted(near.fids.tolist()) == sorted(expected.tolist())
            # the boxes given by the caller (so the reader need not touch the geometries): the same rows
            near = load_near(source, None, tree, 0.001, boxes=pb)
            assert sorted(near.fids.tolist()) == sorted(expected.tolist())


def test_cover_rectangles_cover_every_box():
    from landoffice_plugin.analysis.loading import cover

    rng = np.random.default_rng(2)
    lo = rng.uniform(0, 10_000, (2000, 2))
    boxes = np.column_stack([lo, lo + rng.uniform(1, 300, (2000, 2))])
    rects = cover(boxes, 0.5, cells=64)
    assert 0 < len(rects) < len(boxes)
    union = shapely.union_all(shapely.box(*rects.T))
    grown = shapely.box(boxes[:, 0] - 0.5, boxes[:, 1] - 0.5, boxes[:, 2] + 0.5, boxes[:, 3] + 0.5)
    assert shapely.covers(union, grown).all()


def _pieces(result):
    rows = result.rows
    return sorted(zip(rows["category"], rows["source_ids"], np.round(rows["area_m2"], 3), rows["town_code"]))


def test_claims_cut_from_the_layers_pairs_agree_with_a_fresh_query(qgis_app, small_county, monkeypatch):
    """Approvals, supplies and parcels are cut by patch from the pairs found when snapping (no second query of the
    patches): the same pieces as cutting by a fresh STRtree query, on the sample county and on messy geometry."""
    from potential_cases import run

    from landoffice_plugin.analysis import merge as merge_module

    real_cut = merge_module._cut

    def fresh(claims, patches, grid, tree, found=None, snapped=None):
        return real_cut(claims, patches, grid, tree)  # the claims' own query of the patches

    roles = ["DLTB", "PZYD", "GYYD", "ZD", "ZRZ", "GYQY", "CZKFBJ", "YJJBNTTB", "STBHHX", "XZQ", "CJDCQ"]
    layers = gpkg_layers(small_county, {r: None for r in roles})
    cats = ["unsupplied", "idle", "inefficient"]
    known = _run(layers, cats)
    monkeypatch.setattr(merge_module, "_cut", fresh)
    again = _run(layers, cats)
    assert known.count > 100 and _pieces(known) == _pieces(again)
    monkeypatch.undo()
    # messy: a patch edge nudged by 0.3 mm (under the grid), an approval crossing patches and half supplied,
    # two approvals overlapping, a supply that is idle
    n = 0.0003
    patches = [dltb(rect(0, 0, 100 + n, 100)), dltb(rect(100 + n, 0, 200, 100)), dltb(rect(200, 0, 300, 100)),
               dltb(rect(0, 100, 300, 200))]
    messy = {
        "DLTB": layer("DLTB", patches),
        "PZYD": layer("PZYD", [(rect(50, 50, 250, 150), {"PZWH": "甲", "PZRQ": "2020-07-01"}),
                               (rect(200, 50, 300, 100), {"PZWH": "乙", "PZRQ": "2021-07-01"})]),
        "GYYD": layer("GYYD", [(rect(50, 50, 150, 150), {"YDKGRQ": "2022-01-01", "GDMJ": 10000.0})]),
    }
    got = run(messy, categories=["unsupplied", "idle"])
    monkeypatch.setattr(merge_module, "_cut", fresh)
    expected = run(messy, categories=["unsupplied", "idle"])
    assert _pieces(got) == _pieces(expected)
    # by hand: unsupplied = both approvals less the supply, counted once; idle = the supply (all unbuilt farmland)
    assert total(got, "unsupplied") == pytest.approx(area(rect(150, 50, 250, 150)) + area(rect(250, 50, 300, 100)),
                                                     rel=REL)
    assert total(got, "idle") == pytest.approx(area(rect(50, 50, 150, 150)), rel=REL)


def test_a_failing_snap_waits_for_the_constraint_reader(qgis_app, tmp_path, monkeypatch):
    """The hard constraints are read on another thread while the patches are snapped: when snapping fails, the
    run waits for the reader before the error reaches the user (no thread left reading the county)."""
    import sys
    import time

    from landoffice_plugin.analysis import engine

    monkeypatch.setenv("LANDOFFICE_THREADS", "2")
    path, memory = _county(tmp_path)
    reads, real_load_near, real_snap = [], engine.load_near, engine.snap

    def slow_load_near(*args, **kwargs):
        time.sleep(0.5)
        out = real_load_near(*args, **kwargs)
        reads.append(len(out))
        return out

    def failing_snap(*args, **kwargs):  # the snap of the involved patches fails (the small layers' snap works)
        if sys._getframe(1).f_code.co_name == "_snap_involved":
            raise MemoryError("snapping ran out of memory")
        return real_snap(*args, **kwargs)

    monkeypatch.setattr(engine, "load_near", slow_load_near)
    monkeypatch.setattr(engine, "snap", failing_snap)
    with pytest.raises(MemoryError, match="snapping"):
        _run(gpkg_layers(path, memory), ["boundary"])
    assert reads  # the reader had finished when the error came out
