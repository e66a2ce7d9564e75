"""Benchmark: "a city on a laptop" — all six potential-land categories on 1, 2, 3 and 10 dense counties.

The city is the dense county (generatesample --DENSIFY 48) laid out N times in one GeoPackage
(generatesample --TILES N, cached in bench-output/). Each size runs the CLI end to end (layers read →
result layer and xlsx written) in a subprocess; prints patches, time, time per 100,000 patches
(linear growth: the same figure at every size) and peak memory (the subprocess's max RSS).
A DLTB of more than 300,000 patches is worked strip by strip (LANDOFFICE_TILE_PATCHES): the growth
verdict compares the smallest and the largest city worked that way (2x and 3x, or 10x).
The 10× city (2.6 million patches, ~6 GB, ~15 minutes on 2 cores) runs only with BENCH_CITY10=1.
Usage: .venv/bin/python tests/bench/bench_city.py
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import OUT, city_gpkg, start  # noqa: E402

TARGET_MB = 4096.0
LINEAR = 1.25  # the time per patch of the largest city at most 25 % above the smallest worked strip by strip


def patches(gpkg: Path) -> int:
    from osgeo import ogr

    ds = ogr.Open(str(gpkg))
    return ds.GetLayerByName("DLTB").GetFeatureCount()


def main() -> None:
    from bench_potential import cli

    from landoffice_plugin.analysis.tiled import tile_patches

    start()
    sizes = [1, 2, 3] + ([10] if os.environ.get("BENCH_CITY10") else [])
    rows = []
    for tiles in sizes:
        gpkg = city_gpkg(tiles)
        n = patches(gpkg)
        work = OUT / f"city_{tiles}"
        work.mkdir(exist_ok=True)
        run = cli(gpkg, work / "all.gpkg", xlsx=work / "all.xlsx")
        rows.append((tiles, n, run))
        print(f"{tiles:>3}x: {n} patches, algorithm {run['alg']:.1f} s (process {run['wall']:.1f} s), "
              f"{run['alg'] / n * 1e5:.1f} s per 100,000 patches, peak memory {run['peak_mb']:.0f} MB "
              f"(load average {os.getloadavg()[0]:.1f})", flush=True)
    print(f"\n=== city on a laptop, {os.cpu_count()} cores (load average {os.getloadavg()[0]:.1f})")
    print(f"{'counties':>9}{'patches':>11}{'time, s':>9}{'s/100k':>8}{'peak MB':>9}")
    for tiles, n, run in rows:
        print(f"{tiles:>9}{n:>11}{run['alg']:>9.1f}{run['alg'] / n * 1e5:>8.1f}{run['peak_mb']:>9.0f}")
    tiled = [(n, run["alg"]) for tiles, n, run in rows if n > tile_patches()]
    if len(tiled) >= 2:  # worked strip by strip: the time per patch should not grow with the city
        (n0, t0), (n1, t1) = tiled[0], tiled[-1]
        growth = (t1 / n1) / (t0 / n0)
        print(f"time growth, strip by strip: {t1 / t0:.1f}x the time for {n1 / n0:.1f}x the patches "
              f"(time per patch x{growth:.2f}): {'linear' if growth < LINEAR else 'NOT linear'} "
              f"(within {LINEAR - 1:.0%}); one run without strips (1x) takes {rows[0][2]['alg'] / rows[0][1] * 1e5:.1f}"
              f" s per 100,000 patches, a strip ({tile_patches():,} patches at most) adds reading its layers "
              "by the R-tree and writing its pieces")
    worst = max(run["peak_mb"] for _t, _n, run in rows)
    print(f"target 3, peak memory < {TARGET_MB:.0f} MB at every size: {'met' if worst < TARGET_MB else 'NOT met'} "
          f"(largest {worst:.0f} MB){'' if 10 in sizes else '; the 10x city: BENCH_CITY10=1'}")


if __name__ == "__main__":
    main()
