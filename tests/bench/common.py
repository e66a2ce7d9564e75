"""Shared set-up of the benchmark scripts (run by ``make bench``, never by pytest)."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
OUT = REPO / "bench-output"


def start():
    """QGIS headless with Processing and the landoffice provider; prints the machine line."""
    from landoffice_plugin.headless import start_qgis

    app = start_qgis()
    print(f"machine: {os.cpu_count()} cores")
    return app


DENSE = 48  # mean vertices per DLTB patch of the dense county (digitised 三调 patches: 40–60)


def county_gpkg(seed: int = 1, densify: int = 0) -> Path:
    """The ``county`` sample (≥ 200,000 DLTB patches), generated once into bench-output/ and reused.

    ``densify``: mean vertices per patch (generatesample --DENSIFY); 0 is the sparse sample.
    """
    from landoffice_plugin.sample.generator import generate_sample

    OUT.mkdir(exist_ok=True)
    path = OUT / (f"county_seed{seed}.gpkg" if not densify else f"county_seed{seed}_dense{densify}.gpkg")
    if not path.is_file():
        started = time.perf_counter()
        generate_sample(path, scale="county", seed=seed, densify=densify)
        print(f"generated {path.name} in {time.perf_counter() - started:.1f} s")
    return path


def timed(label: str, func, *args, **kwargs):
    started = time.perf_counter()
    result = func(*args, **kwargs)
    print(f"{label}: {time.perf_counter() - started:.3f} s")
    return result


def city_gpkg(tiles: int, seed: int = 1, densify: int = DENSE) -> Path:
    """``tiles`` copies of the (dense) county side by side (generatesample --TILES), made once into bench-output/."""
    if tiles == 1:
        return county_gpkg(seed, densify)
    from landoffice_plugin.sample.tiling import tile_sample

    county = county_gpkg(seed, densify)
    path = OUT / f"city{tiles}_{county.name}"
    if not path.is_file():
        started = time.perf_counter()
        tile_sample(county, path, tiles)
        print(f"generated {path.name} in {time.perf_counter() - started:.1f} s")
    return path
