"""Benchmark: "a city on a laptop" — all six potential-land categories on 1, 3 and 10 dense counties.

The city is the dense county (generatesample --DENSIFY 48) laid out N times in one GeoPackage
(generatesample --TILES N, cached in bench-output/). Each size runs the CLI end to end (layers read →
result layer and xlsx written) in a subprocess; prints patches, time, time per 100,000 patches
(linear growth: the same figure at every size) and peak memory (the subprocess's max RSS).
A DLTB of more than 300,000 patches is worked strip by strip (LANDOFFICE_TILE_PATCHES).
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


def patches(gpkg: Path) -> int:
    from osgeo import ogr

    ds = ogr.Open(str(gpkg))
    return ds.GetLayerByName("DLTB").GetFeatureCount()


def main() -> None:
    from bench_potential import cli

    start()
    sizes = [1, 3] + ([10] if os.environ.get("BENCH_CITY10") else [])
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
    worst = max(run["peak_mb"] for _t, _n, run in rows)
    print(f"target 3, peak memory < {TARGET_MB:.0f} MB at every size: {'met' if worst < TARGET_MB else 'NOT met'} "
          f"(largest {worst:.0f} MB){'' if 10 in sizes else '; the 10x city: BENCH_CITY10=1'}")


if __name__ == "__main__":
    main()
