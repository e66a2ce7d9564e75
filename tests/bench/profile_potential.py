"""cProfile of one potential-land run on a county sample (not run by ``make bench``).

Usage: .venv/bin/python tests/bench/profile_potential.py [gpkg] [categories comma separated] [lines]
Default: the dense county, 城镇开发边界内可开发 (boundary) only, 25 lines by internal time.
"""
from __future__ import annotations

import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DENSE, county_gpkg, start  # noqa: E402


def main() -> None:
    start()
    gpkg = Path(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] else county_gpkg(densify=DENSE)
    cats = sys.argv[2].split(",") if len(sys.argv) > 2 and sys.argv[2] != "all" else None
    if len(sys.argv) <= 2:
        cats = ["boundary"]
    lines = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    from bench_potential import VILLAGES, role_inputs

    from landoffice_plugin.analysis.engine import run_analysis
    from landoffice_plugin.analysis.rules import load_rules

    _layers, inputs = role_inputs(gpkg)
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.enable()
    result = run_analysis(inputs, load_rules(), cats, VILLAGES)
    profile.disable()
    print(f"{gpkg.name}, categories {cats or 'all'}: {time.perf_counter() - started:.2f} s under the profiler "
          f"({result.count} pieces; " + ", ".join(f"{k} {v:.2f}" for k, v in result.seconds.items()) + ")")
    pstats.Stats(profile).sort_stats("tottime").print_stats(lines)


if __name__ == "__main__":
    main()
