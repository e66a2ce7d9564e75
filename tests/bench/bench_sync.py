"""Benchmark of field-work sync against the real data centre (pygeoapi + PostGIS on loopback).

Figures (issue targets in brackets): checkout of the largest township (≥ 20,000 features),
push of 2,000 local edits (< 20 s), pull + merge of 2,000 remote changes (< 8 s), a sync with
nothing to do (< 2 s). Loads the county sample into a fresh database first.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from common import OUT, county_gpkg, start, timed  # noqa: E402
from datacentre_fixture import DataCentre, free_port  # noqa: E402

EDITS = 2000


def _timed(label, fn, *args, **kwargs):
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    elapsed = time.perf_counter() - started
    print(f"{label}: {elapsed:.2f} s")
    return result, elapsed


TASKS = 500


def _bench_tasks(centre, township, pkg) -> float:
    """500 field tasks (red lights on the township's patches) published, then the township checked out with
    them and every patch and parcel around them: the time a laptop waits before going out."""
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer

    from landoffice_plugin.quality.red_light_layer import FIELDS
    from landoffice_plugin.sync.checkout import checkout
    from landoffice_plugin.sync.client import FeatureClient
    from landoffice_plugin.tasks.model import tasks_from_layer
    from landoffice_plugin.tasks.publish import publish

    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4549", "red", "memory")
    layer.dataProvider().addAttributes([QgsField(n, t) for n, t, _l, _a in FIELDS])
    layer.updateFields()
    patches = QgsVectorLayer(f"{pkg}/fieldwork.gpkg|layername=DLTB", "d", "ogr")
    # every k-th patch by id (ids are random UUIDs): tasks spread over the whole township, the worst case for
    # a checkout around them (clustered tasks, as red lights and clues usually are, need far fewer reads)
    ordered = sorted(patches.getFeatures(), key=lambda f: f["id"])
    step = max(1, len(ordered) // TASKS)
    feats = []
    for index, patch in enumerate(ordered[::step][:TASKS]):
        f = QgsFeature(layer.fields())
        values = {"rule": "bench", "severity": "错误", "title": "基准任务", "message": f"第 {index} 个",
                  "layer": "DLTB", "fids": str(patch["BSM"]), "keys": patch["id"], "town_code": township,
                  "village_code": str(patch["ZLDWDM"])[:12]}
        f.setAttributes([values.get(n) for n, *_ in FIELDS])
        f.setGeometry(QgsGeometry(patch.geometry()))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    tasks, _ = tasks_from_layer(layer)
    with FeatureClient(centre.url) as client:
        published, _ = _timed(f"publish of {len(tasks)} field tasks", publish, client, tasks)
    assert len(published.created) == TASKS, (len(published.created), published.failed)
    counts, _ = _timed(f"checkout of the whole township {township} with its {TASKS} tasks", checkout, centre.url,
                       township, OUT / "fieldwork-tasks")
    print(f"  features checked out: {counts}")
    counts, elapsed = _timed(f"checkout of {TASKS} tasks with their surroundings (50 m)  [target < 30 s]", checkout,
                             centre.url, township, OUT / "fieldwork-around", around_tasks=50)
    print(f"  features checked out: {counts}")
    assert counts["RWTB"] >= TASKS, counts
    return elapsed


def main():
    app = start()  # noqa: F841
    from osgeo import ogr

    from landoffice_plugin.sync.checkout import checkout
    from landoffice_plugin.sync.checks import run_checks
    from landoffice_plugin.sync.sync import sync_package

    gpkg = county_gpkg()
    port = free_port()
    centre = DataCentre("", port, f"lo_bench_{port}", OUT / "datacentre", gpkg)
    started = time.perf_counter()
    centre.url = centre.start("--fresh")
    print(f"data centre with the county loaded: {time.perf_counter() - started:.1f} s")
    try:
        township, count = centre.sql("""SELECT left("ZLDWDM", 9) t, count(*) FROM dltb GROUP BY t
                                        ORDER BY count(*) DESC LIMIT 1""")[0]
        pkg = OUT / "fieldwork-bench"
        for old in ("fieldwork-bench", "fieldwork-tasks", "fieldwork-around"):  # a new laptop: no package to guard
            shutil.rmtree(OUT / old, ignore_errors=True)
        counts = timed(f"checkout of township {township} ({count} DLTB)", checkout, centre.url, township, pkg)
        print(f"  features checked out: {counts} (total {sum(counts.values())})")
        path = pkg / "fieldwork.gpkg"
        ds = ogr.Open(str(path), 1)
        layer = ds.GetLayerByName("DLTB")
        ds.StartTransaction()
        edited = []
        for index, feat in enumerate(layer):
            if index >= EDITS:
                break
            feat.SetField("BZ", f"bench edit {index}")
            layer.SetFeature(feat)
            edited.append(feat.GetField("id"))
        ds.CommitTransaction()
        ds = None
        problems = timed(f"checks on {EDITS:,} edited patches", run_checks, path)
        print(f"  problems: {len(problems)}")
        report, push_s = _timed(f"push of {EDITS:,} edits (sync)  [target < 20 s]", sync_package, pkg, checks=False)
        print(f"  {report.summary()}")
        assert report.updated == EDITS, report.summary()
        centre.sql(f"""UPDATE dltb SET "BZ" = 'remote bench', version = version + 1 WHERE id IN (
                       SELECT id FROM dltb WHERE "ZLDWDM" LIKE '{township}%' AND id NOT IN
                       ({",".join(f"'{e}'" for e in edited)}) ORDER BY id LIMIT {EDITS})""")
        report, pull_s = _timed(f"pull + merge of {EDITS:,} remote changes (sync)  [target < 8 s]", sync_package, pkg,
                                checks=False)
        print(f"  {report.summary()}")
        assert report.pulled == EDITS, report.summary()
        _, noop_s = _timed("sync with nothing to do  [target < 2 s]", sync_package, pkg, checks=False)
        tasks_s = _bench_tasks(centre, township, pkg)
        for name, value, target in (("push", push_s, 20), ("pull", pull_s, 8), ("no-op", noop_s, 2),
                                    (f"checkout with {TASKS} tasks", tasks_s, 30)):
            print(f"  {name}: {value:.1f} s — {'met' if value < target else 'NOT met'} (target < {target} s)")
    finally:
        centre.stop()
        subprocess.run(["runuser", "-u", "postgres", "--", "dropdb", "--if-exists", "--force", centre.db],
                       capture_output=True)
    print(f"machine: {os.cpu_count()} cores (other jobs may share it: timings are noisy)")


if __name__ == "__main__":
    main()
