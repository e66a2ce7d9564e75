"""The whole-array helpers behind the analysis's speed give the answers of the plain GEOS calls."""
import numpy as np
import pytest
import shapely


def _patches(n=400, seed=3):
    """Random convex-ish polygons with Gauss–Krüger-sized coordinates, some with holes."""
    rng = np.random.default_rng(seed)
    centres = np.column_stack([rng.uniform(4.05e7, 4.06e7, n), rng.uniform(3.4e6, 3.41e6, n)])
    out = []
    for k, (x, y) in enumerate(centres):
        angles = np.sort(rng.uniform(0, 2 * np.pi, rng.integers(4, 12)))
        radii = rng.uniform(20, 80, len(angles))
        ring = np.column_stack([x + radii * np.cos(angles), y + radii * np.sin(angles)])
        poly = shapely.make_valid(shapely.Polygon(ring))
        if k % 7 == 0:
            poly = poly.difference(shapely.Point(x, y).buffer(5))
        out.append(shapely.make_valid(poly))
    return np.asarray(out, dtype=object)


def test_snap_rounds_like_set_precision():
    from landoffice_plugin.analysis.geomops import snap

    geoms = _patches()
    # two vertices that round to neighbouring grid points (1 mm apart): left to set_precision
    x, y = 4.0555e7, 3.405e6
    tight = shapely.Polygon([(x, y), (x + 50, y), (x + 50, y + 0.0007), (x + 50.0014, y + 0.0011), (x + 50, y + 40),
                             (x, y + 40)])
    geoms = np.append(geoms, tight)
    before = shapely.to_wkb(geoms)
    got = snap(geoms, 0.001)
    ref = shapely.set_precision(geoms, 0.001)
    assert shapely.is_valid(got).all()
    assert shapely.equals(got, ref).all()
    np.testing.assert_allclose(shapely.area(got), shapely.area(ref), rtol=0, atol=1e-6)
    for g, r in zip(got, ref):  # the same doubles as GEOS's own rounding
        assert set(map(tuple, shapely.get_coordinates(g))) == set(map(tuple, shapely.get_coordinates(r)))
    assert list(shapely.to_wkb(geoms)) == list(before)  # the inputs are not changed


def test_chunked_and_pairwise_match_serial(monkeypatch):
    from landoffice_plugin.core import parallel

    geoms = _patches(3000, seed=4)
    zones = np.asarray([shapely.box(4.05e7, 3.4e6, 4.055e7, 3.405e6), shapely.box(4.055e7, 3.405e6, 4.06e7, 3.41e6)],
                       dtype=object)
    which = np.arange(len(geoms)) % 2
    for threads in ("1", "4"):
        monkeypatch.setenv("LANDOFFICE_THREADS", threads)
        valid = parallel.chunked(shapely.is_valid, geoms, min_chunk=100)
        assert valid.tolist() == shapely.is_valid(geoms).tolist()
        cut = parallel.pairwise(shapely.intersection, geoms, zones[which], min_chunk=100, grid_size=0.001)
        ref = shapely.intersection(geoms, zones[which], grid_size=0.001)
        assert shapely.equals_exact(cut, ref, tolerance=0).all()
    assert parallel.workers() >= 1


def test_copies_are_independent_but_equal():
    from landoffice_plugin.core.parallel import _copies

    zone = shapely.box(0, 0, 10, 10)
    arr = np.asarray([zone, zone, shapely.Point(1, 2)], dtype=object)
    out = _copies(arr)
    assert all(o is not a for o, a in zip(out, arr))
    assert out[0] is out[1]  # one copy per distinct geometry
    assert shapely.equals_exact(out, arr, tolerance=0).all()


def test_overlaps_scan_and_tree_agree():
    from landoffice_plugin.analysis.overlaps import Overlaps

    patches = _patches(2000, seed=9)
    zones = np.asarray([shapely.Point(4.0552e7, 3.4052e6).buffer(2500),
                        shapely.box(4.057e7, 3.401e6, 4.059e7, 3.409e6)], dtype=object)
    scanned = Overlaps(patches, shapely.bounds(patches)).reach("CZKFBJ", zones)
    queried = Overlaps(patches).reach("CZKFBJ", zones)  # no boxes: the STRtree path
    key = lambda r: sorted(zip(r.other.tolist(), r.patch.tolist(), r.inside.tolist()))  # noqa: E731
    assert key(scanned) == key(queried)
    assert scanned.inside.any() and (~scanned.inside).any()
    inside = shapely.contains_properly(zones[scanned.other], patches[scanned.patch])
    assert scanned.inside.tolist() == inside.tolist()
    # the pairs are exactly those GEOS's own predicate query finds (boxes, then intersects)
    fo, fp = shapely.STRtree(patches).query(zones, predicate="intersects")
    assert sorted(zip(scanned.other.tolist(), scanned.patch.tolist())) == sorted(zip(fo.tolist(), fp.tolist()))
    assert 0 < len(fo) < len(patches)


def test_columns_remember_text_and_factors():
    from landoffice_plugin.analysis import columns

    raw = np.asarray([" 0101", "0702", None, "0101 ", "0702"] * 400, dtype=object)
    txt = columns.text(raw)
    assert txt[:5].tolist() == ["0101", "0702", "", "0101", "0702"]
    assert columns.text(raw) is txt  # remembered
    uniques, codes = columns.factorize(txt, sort=True)
    assert uniques == ["", "0101", "0702"]
    assert [uniques[c] for c in codes[:5]] == txt[:5].tolist()
    assert columns.isin(txt, {"0702"}).tolist() == [v == "0702" for v in txt]
    assert columns.prefix(txt, 2)[:3].tolist() == ["01", "07", ""]
    columns.clear_text_cache()
    assert columns.text(raw) is not txt


@pytest.mark.parametrize("epsg", [4549, 4491])
def test_quick_areas_stay_within_two_millionths(qgis_app, epsg):
    from landoffice_plugin.core.area import QUICK_MAX_WIDTH, ellipsoidal_areas
    from landoffice_plugin.core.crs import describe_epsg

    info = describe_epsg(epsg)
    # patches 150–250 km east of the central meridian, the worst place for the box centre
    rng = np.random.default_rng(epsg)
    polys = []
    for _ in range(300):
        x = info.false_easting + rng.uniform(150_000, 250_000)
        y = rng.uniform(3.3e6, 3.5e6)
        w = rng.uniform(20, 400)
        polys.append(shapely.Polygon([(x, y), (x + w, y), (x + w * 0.1, y + w * 0.8)]))  # centroid far from box centre
    polys = np.asarray(polys, dtype=object)
    exact = ellipsoidal_areas(polys, epsg)
    quick = ellipsoidal_areas(polys, epsg, quick=True)
    rel = np.abs(quick / exact - 1)
    assert rel.max() < 2e-6
    wide = shapely.bounds(polys)[:, 2] - shapely.bounds(polys)[:, 0] > QUICK_MAX_WIDTH
    assert (rel[wide] == 0).all() and rel[~wide].max() > 0  # the wide ones are measured exactly


def test_subdivide_near_keeps_only_parts_near_the_patches():
    from landoffice_plugin.analysis.geomops import subdivide

    big = shapely.Point(0, 0).buffer(5000, quad_segs=800)  # ~3200 vertices
    near_patches = np.asarray([shapely.box(4900, -50, 5100, 50), shapely.box(-100, -100, 100, 100)], dtype=object)
    parts = subdivide(np.asarray([big], dtype=object), 300, grid=0.001, near=shapely.STRtree(near_patches))
    all_parts = subdivide(np.asarray([big], dtype=object), 300, grid=0.001)
    assert 0 < len(parts) < len(all_parts)
    for patch in near_patches:  # what the patches overlap is all there
        assert shapely.union_all(parts).intersection(patch).area == pytest.approx(big.intersection(patch).area,
                                                                                   abs=0.1)  # 1 mm grid × 100 m edge


def test_pairwise_copies_only_the_geometries_several_chunks_use(monkeypatch):
    from landoffice_plugin.core import parallel

    zone, alone, other = shapely.box(0, 0, 10, 10), shapely.box(20, 0, 30, 10), shapely.box(40, 0, 50, 10)
    a = np.asarray([zone, zone, zone, alone, other], dtype=object)
    b = np.asarray([alone, other, zone, shapely.box(1, 1, 2, 2), shapely.box(3, 3, 4, 4)], dtype=object)
    parts = [np.arange(0, 2), np.arange(2, 5)]
    shared_a, shared_b = parallel._shared(a, b, parts)
    # zone: pairs of both chunks; alone and other: b of chunk 0, a of chunk 1; the small boxes: chunk 1 only
    assert shared_a.tolist() == [True, True, True, True, True]
    assert shared_b.tolist() == [True, True, True, False, False]
    own = parallel._own(b[parts[1]], shared_b[parts[1]])
    assert own[0] is not zone and shapely.equals_exact(own[0], zone, tolerance=0)
    assert own[1] is b[3] and own[2] is b[4]  # used by this chunk only: not copied

    calls = []
    monkeypatch.setenv("LANDOFFICE_THREADS", "2")
    monkeypatch.setattr(parallel, "_work_split", lambda *args, **kw: parts)

    def record(x, y):
        calls.append((list(map(id, x)), list(map(id, y))))
        return shapely.intersects(x, y)

    got = parallel.pairwise(record, a, b)
    assert got.tolist() == shapely.intersects(a, b).tolist()
    assert len(calls) == 2
    (first_a, first_b), (second_a, second_b) = calls
    assert set(first_a + first_b).isdisjoint(second_a + second_b)  # no geometry used by both threads


def test_a_failing_chunk_waits_for_the_others_before_the_error_goes_on(monkeypatch):
    """The worker threads use the caller's geometries: when the caller's own chunk fails, pairwise and chunked
    still wait for every other chunk to end before raising (the caller may free the geometries at once)."""
    import threading
    import time

    from landoffice_plugin.core import parallel

    monkeypatch.setenv("LANDOFFICE_THREADS", "2")
    geoms = _patches(40, seed=3)
    parts = [np.arange(0, 20), np.arange(20, 40)]
    monkeypatch.setattr(parallel, "_work_split", lambda *args, **kw: parts)
    caller = threading.current_thread()
    for run in (lambda f: parallel.pairwise(f, geoms, geoms), lambda f: parallel.chunked(f, geoms)):
        finished = []

        def work(x, *rest, finished=finished):
            if threading.current_thread() is caller:
                raise ValueError("the caller's chunk fails")
            time.sleep(0.5)
            finished.append(len(x))
            return shapely.area(x)

        with pytest.raises(ValueError, match="caller's chunk"):
            run(work)
        assert finished == [20]  # the other chunk had ended when the error arrived


def test_gc_paused_until_the_last_job_ends():
    import gc
    import threading

    from landoffice_plugin.core.gc_pause import gc_paused

    assert gc.isenabled()
    inside, release = threading.Event(), threading.Event()

    def other_job():
        with gc_paused():
            inside.set()
            release.wait(10)

    worker = threading.Thread(target=other_job)
    with gc_paused():
        assert not gc.isenabled()
        worker.start()
        assert inside.wait(10)
    assert not gc.isenabled()  # the other job still runs
    release.set()
    worker.join(10)
    assert gc.isenabled()
    try:
        with gc_paused():
            raise ValueError("a job that fails")
    except ValueError:
        pass
    assert gc.isenabled()


def test_background_runs_apart_from_the_pool_and_hands_back_errors(monkeypatch):
    import threading

    from landoffice_plugin.core import parallel

    monkeypatch.setenv("LANDOFFICE_THREADS", "2")
    geoms = _patches(3000, seed=5)
    names = []

    def work():  # shares its own work over the pool while the caller does too
        names.append(threading.current_thread().name)
        return parallel.chunked(shapely.is_valid, geoms, min_chunk=100)

    futures = [parallel.background(work) for _ in range(3)]
    mine = parallel.chunked(shapely.area, geoms, min_chunk=100)
    assert all(f.result(timeout=60).tolist() == shapely.is_valid(geoms).tolist() for f in futures)
    assert mine.tolist() == shapely.area(geoms).tolist()
    assert names == ["landoffice-background"] * 3

    def fails():
        raise ValueError("read failed")

    with pytest.raises(ValueError, match="read failed"):
        parallel.background(fails).result(timeout=10)
    monkeypatch.setenv("LANDOFFICE_THREADS", "1")
    assert parallel.background(threading.current_thread).result() is threading.current_thread()
