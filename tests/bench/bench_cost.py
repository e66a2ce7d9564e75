"""Benchmark: demolition-cost estimate for a red line covering ~5,000 homesteads of the county sample.

Usage: .venv/bin/python tests/bench/bench_cost.py [gpkg] [homesteads]
Targets (issue 5): estimate < 3 s, xlsx < 5 s. Prints the core count, the counts and every timing.
"""
from __future__ import annotations

import datetime
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import county_gpkg, start, timed  # noqa: E402


def main() -> None:
    start()
    gpkg = Path(sys.argv[1]) if len(sys.argv) > 1 else county_gpkg()
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    from qgis.core import QgsVectorLayer

    from landoffice_plugin.cost.engine import CostInputs, Options, estimate_redline
    from landoffice_plugin.cost.inputs import layer_input
    from landoffice_plugin.cost.redline import redline_from_layer
    from landoffice_plugin.cost.report_xlsx import write_estimate_xlsx
    from landoffice_plugin.cost.sample_redline import write_redline
    from landoffice_plugin.cost.standard import load_standard, shipped_standards
    from landoffice_plugin.export.cost_report_pdf import export_cost_pdf

    out = Path(tempfile.mkdtemp(prefix="bench_cost_"))
    red_path = timed("red line placement", write_redline, gpkg, out / "redline.gpkg", n)
    layers = {r: QgsVectorLayer(f"{gpkg}|layername={r}", r, "ogr") for r in ("DLTB", "ZD", "ZRZ", "HJ")}
    started = time.perf_counter()
    inputs = CostInputs(*(layer_input(layers[r], r) for r in ("DLTB", "ZD", "ZRZ", "HJ")))
    redline = redline_from_layer(QgsVectorLayer(str(red_path), "redline", "ogr"))
    standard = load_standard(shipped_standards()[0])
    prep = time.perf_counter() - started
    print(f"inputs, red line and standard: {prep:.3f} s")
    est = timed("estimate (target < 3 s)", estimate_redline, inputs, redline, standard,
                Options(as_of=datetime.date(2024, 1, 1)))
    print(f"homesteads: {len(est.homesteads)}  buildings: {len(est.buildings)}  households: "
          f"{sum(1 for h in est.households if h.hh)}  persons: {est.persons}  land pieces: {len(est.land)}  "
          f"lines: {len(est.lines)}")
    print(f"total: {est.total:,.2f} yuan")
    timed("xlsx (target < 5 s)", write_estimate_xlsx, est, out / "cost.xlsx")
    timed("pdf", export_cost_pdf, est, out / "cost.pdf")


if __name__ == "__main__":
    main()
