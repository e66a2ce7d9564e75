"""Benchmark: landoffice:landusechange between the county sample and its next vintage (sample/next_year.py);
prints the machine, the time (target < 60 s), pieces and clues. Usage: .venv/bin/python tests/bench/bench_change.py
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import OUT, county_gpkg, start, timed  # noqa: E402


def main() -> int:
    start()
    from qgis.core import QgsVectorLayer

    from landoffice_plugin.analysis.loading import layer_input
    from landoffice_plugin.change.engine import run_landuse_change
    from landoffice_plugin.quality.rules import load_rules
    from landoffice_plugin.sample.next_year import next_year_dltb

    old = county_gpkg()
    new = OUT / "county_seed1_next.gpkg"
    known = timed("next vintage written", next_year_dltb, old, new, 7, 30, 40, 30, 200)

    def inp(path, role):
        return layer_input(QgsVectorLayer(f"{path}|layername={role}", role, "ogr"), role)

    started = time.perf_counter()
    result = run_landuse_change(inp(old, "DLTB"), inp(new, "DLTB"),
                                {r: inp(old, r) for r in ("PZYD", "GYYD", "YJJBNTTB")}, load_rules())
    total = time.perf_counter() - started
    print(f"change detection: {total:.1f} s (target < 60 s), {len(result.rows['area_m2'])} pieces "
          f"(known {len(known['to'])}), {len(result.clues['area_m2'])} clues (known {len(known['unlawful'])})")
    return 0 if total < 60 else 1


if __name__ == "__main__":
    sys.exit(main())
