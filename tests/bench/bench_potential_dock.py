"""Benchmark: the potential-land dock on the dense county — does the window stay responsive?

A 10 ms timer on the main thread records the longest gap between its ticks while the panel's
task runs (analysis, result layer written to a GeoPackage, xlsx) and while the result is put
on the map; the progress values seen are listed. Prints cores, patches and the gaps.
DOCK_BENCH_TRACE=file: every thread's stack written there whenever the timer is 0.15 s late.
Usage: .venv/bin/python tests/bench/bench_potential_dock.py
"""
from __future__ import annotations

import faulthandler
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DENSE, county_gpkg, start  # noqa: E402

TARGET_GAP = 0.2  # s


class _Iface:
    """What the panel asks of QGIS's interface: a main window."""

    def __init__(self):
        from qgis.PyQt.QtWidgets import QMainWindow

        self.window = QMainWindow()

    def mainWindow(self):  # noqa: N802 - QgisInterface API
        return self.window

    def messageBar(self):  # noqa: N802 - QgisInterface API; the panel's reports are not shown here
        return None


def main() -> None:
    start()
    from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
    from qgis.PyQt.QtCore import QTimer

    from landoffice_plugin.analysis.categories import ROLES
    from landoffice_plugin.gui.dock_potential import PotentialDock

    gpkg = county_gpkg(densify=DENSE)
    project = QgsProject.instance()
    project.addMapLayers([QgsVectorLayer(f"{gpkg}|layername={r}", r, "ogr") for r in ROLES])
    n = project.mapLayersByName("DLTB")[0].featureCount()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; {gpkg.name}, {n} DLTB patches")
    dock = PotentialDock(_Iface())
    out = Path(tempfile.mkdtemp(prefix="dockbench-"))
    dock.xlsx_widget.setFilePath(str(out / "potential.xlsx"))
    gaps, progress, phase = {"task": 0.0, "result": 0.0}, [], ["task"]
    last = [time.perf_counter()]

    trace = os.environ.get("DOCK_BENCH_TRACE")  # a file: every thread's stack whenever the timer is 0.15 s late

    def tick():
        now = time.perf_counter()
        gaps[phase[0]] = max(gaps[phase[0]], now - last[0])
        last[0] = now
        if trace:  # dumped by faulthandler's own thread, which needs no Python lock
            faulthandler.dump_traceback_later(0.15, file=trace_file)

    trace_file = open(trace, "w") if trace else None  # noqa: SIM115 - open while the timer runs

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    shown = dock.show_result

    def timed_show(result, xlsx=None):
        tick()
        phase[0] = "result"
        started = time.perf_counter()
        shown(result, xlsx)
        gaps["show_result"] = time.perf_counter() - started

    dock.show_result = timed_show
    started = time.perf_counter()
    dock.run_button.click()
    dock.task.progressChanged.connect(progress.append)
    while dock.task is not None:
        QgsApplication.processEvents()
        time.sleep(0.002)
    end = time.perf_counter() + 1.0  # the map draws the new layer meanwhile
    while time.perf_counter() < end:
        QgsApplication.processEvents()
        time.sleep(0.002)
    timer.stop()
    if trace_file is not None:
        faulthandler.cancel_dump_traceback_later()
        trace_file.close()
    total = time.perf_counter() - started
    result = dock.last_result
    late = sorted({round(p) for p in progress if p >= 80})
    print(f"dock, all six categories: {total:.1f} s to the result on the map ({result.count if result else 0} pieces, "
          f"layer {dock.result_layer.source() if dock.result_layer else '-'})")
    print(f"longest main-thread gap while the task ran: {gaps['task']:.3f} s; when the result arrived: "
          f"{max(gaps['result'], gaps.get('show_result', 0.0)):.3f} s (show_result {gaps.get('show_result', 0):.3f} s)")
    print(f"progress values from 80 % on (layer and xlsx writing): {late}")
    worst = max(gaps.values())
    print(f"target: the window never freezes more than {TARGET_GAP} s: "
          f"{'met' if worst <= TARGET_GAP else 'NOT met'} (longest {worst:.3f} s)")
    dock.cleanup()


if __name__ == "__main__":
    main()
