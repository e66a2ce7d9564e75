"""Benchmark: potential-land analysis end to end from the CLI vs the native QGIS Processing chain.

On the dense county (generatesample --DENSIFY, ≥ 40 vertices per patch, as digitised 三调
patches) and, beside it, the sparse one (the tessellation's own ~7 vertices per patch):

* 城镇开发边界内可开发 (boundary) — ours: ``python -m landoffice_plugin potentialland`` in a
  subprocess, the time the CLI reports for the algorithm (reading the layers → result layer
  written to a GeoPackage) and the process's wall time including QGIS start-up; native: the
  chain an office runs by hand (extract non-construction DLTB, clip to CZKFBJ, difference
  YJJBNTTB and STBHHX, $area on the CGCS2000 ellipsoid, aggregate per township), in memory
  layers. Interleaved rounds (a shared machine's speed drifts), median ratio; per-township
  areas compared.
* all six categories from the CLI, the result layer and the xlsx written: time (median of the rounds, which
  interleave with the two above) and peak memory (the largest max RSS of the subprocesses).

Prints the machine's cores and load. Usage: .venv/bin/python tests/bench/bench_potential.py
(BENCH_ROUNDS=n to change the number of interleaved rounds, default 3.)
"""
from __future__ import annotations

import gc
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DENSE, OUT, REPO, county_gpkg, start  # noqa: E402

VILLAGES = ["320299101202", "320299102203"]
BOUNDARY = "boundary"  # 城镇开发边界内可开发, by its id (--CATEGORIES takes ids as well as numbers)
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
TARGET_RATIO, TARGET_ALL_S, TARGET_ALL_MB, AGREE = 10.0, 20.0, 1536.0, 1e-4


def role_inputs(gpkg):
    from qgis.core import QgsVectorLayer

    from landoffice_plugin.analysis.categories import ROLES
    from landoffice_plugin.analysis.loading import layer_input

    layers = {r: QgsVectorLayer(f"{gpkg}|layername={r}", r, "ogr") for r in ROLES}
    return layers, {r: layer_input(lyr, r) for r, lyr in layers.items() if lyr.isValid()}


def settle() -> None:
    """Before each timed run: collect garbage and let Qt delete what the previous run left."""
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QCoreApplication.processEvents()
    gc.collect()


def patch_stats(gpkg) -> tuple[int, float]:
    """(DLTB patches, mean distinct vertices per patch), read through OGR's Arrow stream."""
    from landoffice_plugin.analysis.fast_read import read_gpkg_arrow
    from landoffice_plugin.sample.densify import mean_vertices

    _fids, geoms, _attrs = read_gpkg_arrow(str(gpkg), "DLTB", {})
    return len(geoms), mean_vertices(geoms)


def cli(gpkg, out: Path, categories=None, xlsx=None) -> dict:
    """One CLI run in a subprocess: wall s, the algorithm's own s, peak RSS (MB), output path."""
    cmd = [sys.executable, "-m", "landoffice_plugin", "potentialland", "--GPKG", str(gpkg),
           "--VILLAGES", ",".join(VILLAGES), "--OUTPUT", str(out)]
    if categories:
        cmd += ["--CATEGORIES", categories]
    if xlsx:
        cmd += ["--REPORT_XLSX", str(xlsx)]
        Path(xlsx).unlink(missing_ok=True)
    for p in (out, out.with_name(out.name + "-wal"), out.with_name(out.name + "-shm")):
        p.unlink(missing_ok=True)
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=err)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise SystemExit(f"potentialland failed ({proc.returncode}):\n{text[-3000:]}")
    found = re.search(r"Finished in ([\d.]+) s", text)
    return {"wall": wall, "alg": float(found.group(1)) if found else wall, "peak_mb": usage.ru_maxrss / 1024,
            "out": out}


def township_areas(gpkg_out: Path, category: str) -> dict:
    from osgeo import ogr

    ds = ogr.Open(str(gpkg_out))
    layer = ds.GetLayer(0)
    totals: dict = {}
    for f in layer:
        if f.GetField("category") == category:
            totals[f.GetField("town_code")] = totals.get(f.GetField("town_code"), 0.0) + f.GetField("area_m2")
    return totals


def native_chain(gpkg):
    """The chain an office runs by hand, with QGIS native algorithms; returns ({town: m²}, seconds)."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsUnitTypes, QgsVectorLayer

    from landoffice_plugin.analysis.claims import construction_mask
    from landoffice_plugin.analysis.columns import text

    dltb = QgsVectorLayer(f"{gpkg}|layername=DLTB", "DLTB", "ogr")
    codes = sorted({f["DLBM"] for f in dltb.getFeatures()})
    building = [c for c, b in zip(codes, construction_mask(text(codes))) if b]
    expression = '"DLBM" NOT IN (' + ",".join(f"'{c}'" for c in building) + ")"
    context = QgsProcessingContext()
    context.setEllipsoid("EPSG:1024")
    context.setAreaUnit(QgsUnitTypes.AreaSquareMeters)
    fb = QgsProcessingFeedback()
    settle()
    started = time.perf_counter()
    run = lambda alg, params: processing.run(alg, params, context=context, feedback=fb)["OUTPUT"]  # noqa: E731
    step = run("native:extractbyexpression", {"INPUT": dltb, "EXPRESSION": expression, "OUTPUT": "memory:"})
    zones = run("native:extractbyexpression", {"INPUT": f"{gpkg}|layername=CZKFBJ",
                                                "EXPRESSION": "\"FQDM\" IN ('11','12','13')", "OUTPUT": "memory:"})
    step = run("native:clip", {"INPUT": step, "OVERLAY": zones, "OUTPUT": "memory:"})
    step = run("native:difference", {"INPUT": step, "OVERLAY": f"{gpkg}|layername=YJJBNTTB", "OUTPUT": "memory:"})
    step = run("native:difference", {"INPUT": step, "OVERLAY": f"{gpkg}|layername=STBHHX", "OUTPUT": "memory:"})
    step = run("native:fieldcalculator", {"INPUT": step, "FIELD_NAME": "area_m2", "FIELD_TYPE": 0,
                                          "FIELD_LENGTH": 20, "FIELD_PRECISION": 3, "FORMULA": "$area",
                                          "OUTPUT": "memory:"})
    step = run("native:aggregate", {"INPUT": step, "GROUP_BY": 'left("ZLDWDM", 9)', "AGGREGATES": [
        {"aggregate": "first_value", "delimiter": ",", "input": 'left("ZLDWDM", 9)', "length": 9, "name": "town",
         "precision": 0, "type": 10},
        {"aggregate": "sum", "delimiter": ",", "input": '"area_m2"', "length": 20, "name": "area", "precision": 3,
         "type": 6}], "OUTPUT": "memory:"})
    seconds = time.perf_counter() - started
    return {f["town"]: f["area"] for f in step.getFeatures()}, seconds


def worst_difference(mine: dict, native: dict) -> float:
    worst = 0.0
    for town in set(mine) | set(native):
        a, b = mine.get(town, 0.0), native.get(town, 0.0) or 0.0
        worst = max(worst, abs(a - b) / b if b else (0.0 if a == 0 else float("inf")))
    return worst


def measure(label: str, gpkg: Path) -> dict:
    n, vertices = patch_stats(gpkg)
    print(f"--- {label}: {gpkg.name}, {n} DLTB patches, {vertices:.1f} vertices per patch (mean)")
    work = OUT / f"potential_{label}"
    work.mkdir(exist_ok=True)
    ratios, ours_t, wall_t, native_t, all_runs = [], [], [], [], []
    for k in range(ROUNDS):
        every = cli(gpkg, work / "all.gpkg", xlsx=work / "all.xlsx")
        all_runs.append(every)
        print(f"  round {k + 1}: all 6 categories, CLI (layer and xlsx written): algorithm {every['alg']:.1f} s, "
              f"process {every['wall']:.1f} s, peak memory {every['peak_mb']:.0f} MB")
        ours = cli(gpkg, work / "boundary.gpkg", BOUNDARY)
        native, t_native = native_chain(gpkg)
        ratios.append(t_native / ours["alg"])
        ours_t.append(ours["alg"])
        wall_t.append(ours["wall"])
        native_t.append(t_native)
        print(f"  round {k + 1}: ours {ours['alg']:.1f} s (process {ours['wall']:.1f} s), native {t_native:.1f} s, "
              f"ratio {ratios[-1]:.1f}x (with start-up {t_native / ours['wall']:.1f}x)")
    agree = worst_difference(township_areas(work / "boundary.gpkg", "boundary"), native)
    return {"patches": n, "vertices": vertices, "all_s": statistics.median(r["alg"] for r in all_runs),
            "all_wall": statistics.median(r["wall"] for r in all_runs),
            "all_mb": max(r["peak_mb"] for r in all_runs), "ours": statistics.median(ours_t),
            "wall": statistics.median(wall_t),
            "native": statistics.median(native_t), "ratio": statistics.median(ratios),
            "ratio_wall": statistics.median(native_t) / statistics.median(wall_t), "agree": agree}


def main() -> None:
    start()
    cores = os.cpu_count()
    load = os.getloadavg()[0]
    dense = measure("dense", county_gpkg(densify=DENSE))
    sparse = measure("sparse", county_gpkg())
    print(f"\n=== potential land, {cores} cores (load average {load:.1f} at the start, "
          f"{os.getloadavg()[0]:.1f} at the end); medians of {ROUNDS} interleaved rounds")
    print(f"{'':44s}{'dense':>14s}{'sparse':>14s}")
    rows = [("DLTB patches", "patches", "{:.0f}"), ("mean vertices per patch", "vertices", "{:.1f}"),
            ("城镇开发边界内可开发, ours (read → written), s", "ours", "{:.1f}"),
            ("  ours, whole process incl. QGIS start-up, s", "wall", "{:.1f}"),
            ("  native Processing chain, s", "native", "{:.1f}"), ("  ratio", "ratio", "{:.1f}x"),
            ("  ratio, whole process", "ratio_wall", "{:.1f}x"),
            ("  largest per-township difference", "agree", "{:.4%}"),
            ("all 6 categories (read → layer, xlsx), s", "all_s", "{:.1f}"),
            ("  whole process, s", "all_wall", "{:.1f}"), ("  peak memory (largest), MB", "all_mb", "{:.0f}")]
    for name, key, fmt in rows:
        print(f"{name:44s}{fmt.format(dense[key]):>14s}{fmt.format(sparse[key]):>14s}")
    met = lambda ok: "met" if ok else "NOT met"  # noqa: E731
    print(f"target 1, dense ≥ {TARGET_RATIO:.0f}x the native chain: {met(dense['ratio'] >= TARGET_RATIO)} "
          f"({dense['ratio']:.1f}x; per-township agreement within 0.01 %: {met(dense['agree'] <= AGREE)})")
    print(f"target 2, dense all 6 categories < {TARGET_ALL_S:.0f} s and < {TARGET_ALL_MB:.0f} MB: "
          f"{met(dense['all_s'] < TARGET_ALL_S and dense['all_mb'] < TARGET_ALL_MB)}")


if __name__ == "__main__":
    main()
