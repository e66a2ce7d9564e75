"""Plugin start-up: time of initGui in a fresh process (cold imports included) and warm.

Target (issue 2): initGui under 300 ms. The iface is a small stand-in on a real QMainWindow and QgsMapCanvas, offscreen.
"""
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from qgis.core import QgsApplication  # noqa: E402

app = QgsApplication([], True)
app.initQgis()
from qgis.gui import QgsMapCanvas, QgsMessageBar  # noqa: E402
from qgis.PyQt.QtWidgets import QMainWindow  # noqa: E402


class MiniIface:
    """The part of QgisInterface the plugin uses at start-up, on real widgets."""

    def __init__(self):
        self.window = QMainWindow()
        self.canvas = QgsMapCanvas(self.window)
        self.bar = QgsMessageBar(self.window)
        self.help_menu = self.window.menuBar().addMenu("Help")

    def mainWindow(self):  # noqa: N802
        return self.window

    def mapCanvas(self):  # noqa: N802
        return self.canvas

    def messageBar(self):  # noqa: N802
        return self.bar

    def firstRightStandardMenu(self):  # noqa: N802
        return self.help_menu

    def addDockWidget(self, area, dock):  # noqa: N802
        self.window.addDockWidget(area, dock)

    def removeDockWidget(self, dock):  # noqa: N802
        self.window.removeDockWidget(dock)


iface = MiniIface()

started = time.perf_counter()
from landoffice_plugin import classFactory  # noqa: E402

plugin = classFactory(iface)
plugin.initGui()
cold = (time.perf_counter() - started) * 1000
plugin.unload()
warm = []
for _ in range(5):
    t0 = time.perf_counter()
    plugin.initGui()
    warm.append((time.perf_counter() - t0) * 1000)
    plugin.unload()
print(f"cores={os.cpu_count()} initGui cold (imports included): {cold:.0f} ms; "
      f"warm median: {sorted(warm)[2]:.0f} ms; target < 300 ms: {'OK' if cold < 300 else 'MISSED'}")
