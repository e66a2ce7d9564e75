"""Benchmark: landoffice:qualitycheck (every rule) on the county sample; prints the machine, the time per
rule and in all (target < 60 s). Usage: .venv/bin/python tests/bench/bench_quality.py
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import county_gpkg, start  # noqa: E402


def main() -> int:
    start()
    from qgis.core import QgsVectorLayer

    from landoffice_plugin.analysis.loading import layer_input
    from landoffice_plugin.quality.engine import ROLES, run_quality
    from landoffice_plugin.quality.rules import load_rules

    gpkg = county_gpkg()
    layers = {r: QgsVectorLayer(f"{gpkg}|layername={r}", r, "ogr") for r in ROLES}
    inputs = {r: layer_input(lyr, r) for r, lyr in layers.items() if lyr.isValid()}
    print(f"DLTB patches: {layers['DLTB'].featureCount()}, ZD parcels: {layers['ZD'].featureCount()}")
    started = time.perf_counter()
    result = run_quality(inputs, load_rules())
    total = time.perf_counter() - started
    for rule, seconds in result.seconds.items():
        if rule != "total":
            print(f"  {rule:<24} {seconds:7.3f} s  {result.counts.get(rule, '')}")
    print(f"all rules: {total:.1f} s, {result.total} red lights (target < 60 s)")
    return 0 if total < 60 else 1


if __name__ == "__main__":
    sys.exit(main())
