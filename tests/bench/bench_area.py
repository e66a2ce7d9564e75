"""Benchmark: vectorised ellipsoidal_areas vs a QgsDistanceArea loop (run by ``make bench``).

Usage: .venv/bin/python tests/bench/bench_area.py [n] [epsg]
Prints core count, n, both timings and the largest relative difference between them.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import numpy as np  # noqa: E402
import shapely  # noqa: E402
from qgis.core import QgsApplication, QgsGeometry  # noqa: E402


def make_polygons(n: int, epsg: int, seed: int = 0) -> np.ndarray:
    """n random star-shaped parcels, 10 m² to 10 km², 0–1.5° (3°) / 0–3° (6°) off the CM."""
    from landoffice_plugin.core.crs import describe_epsg

    info = describe_epsg(epsg)
    rng = np.random.default_rng(seed)
    half_width = 1.5 if info.kind == "3deg" else 3.0
    y = rng.uniform(2.0e6, 5.9e6, n)  # about 18°N to 53°N
    x = info.false_easting + rng.uniform(-1, 1, n) * half_width * 111_000 * np.cos(np.radians(y / 111_000))
    r = np.sqrt(10 ** rng.uniform(1, 7, n) / np.pi)
    m = 8
    ang = np.arange(m) * 2 * np.pi / m + rng.uniform(-0.3, 0.3, (n, m))
    rad = r[:, None] * rng.uniform(0.7, 1.3, (n, m))
    ring = np.stack([x[:, None] + rad * np.cos(ang), y[:, None] + rad * np.sin(ang)], axis=-1)
    ring = np.concatenate([ring, ring[:, :1]], axis=1)
    return shapely.polygons(ring)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    epsg = int(sys.argv[2]) if len(sys.argv) > 2 else 4528
    app = QgsApplication([], False)
    app.initQgis()
    from landoffice_plugin.core.area import distance_area, ellipsoidal_areas

    geoms = make_polygons(n, epsg)
    t0 = time.perf_counter()
    fast = ellipsoidal_areas(geoms, epsg)
    t_fast = time.perf_counter() - t0

    da = distance_area(epsg)
    t0 = time.perf_counter()
    slow = np.empty(n)
    for i, wkb in enumerate(shapely.to_wkb(geoms)):
        g = QgsGeometry()
        g.fromWkb(wkb)
        slow[i] = da.measureArea(g)
    t_slow = time.perf_counter() - t0

    rel = np.abs(fast / slow - 1.0)
    print(f"cores: {os.cpu_count()}  n: {n}  EPSG:{epsg}")
    print(f"ellipsoidal_areas (vectorised): {t_fast:.3f} s")
    print(f"QgsDistanceArea loop:           {t_slow:.3f} s  ({t_slow / t_fast:.0f}x slower)")
    print(f"max relative difference: {rel.max():.2e}  (median {np.median(rel):.2e})")
    app.exitQgis()


if __name__ == "__main__":
    main()
