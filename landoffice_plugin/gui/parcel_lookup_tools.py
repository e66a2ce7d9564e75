"""Helpers of the 宗地查询 dock: the index-building task, the map tool and the locator filter.

The locator filter (prefix ``zd``) is registered by :func:`register` / removed by :func:`unregister`
(called by the plugin's initGui/unload). It searches the index the dock uses, opening its own
SQLite connection in the locator's worker thread (sqlite3 connections are per thread).
"""
from __future__ import annotations

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsLocatorFilter,
    QgsLocatorResult,
    QgsProject,
    QgsRectangle,
    QgsTask,
)
from qgis.gui import QgsMapToolEmitPoint
from qgis.PyQt.QtCore import pyqtSignal

from ..i18n import tr
from ..log import get_logger

STATE = {"index_path": None, "layer_id": None, "dock": None}   # what the locator filter searches
_FILTERS = {}


class IndexTask(QgsTask):
    """Builds (or opens) the parcel index and indexes the key fields of file-based role layers."""

    def __init__(self, layer, mapping, cache_dir, aux_layers: dict, rebuild: bool = False):
        super().__init__(tr("Building the parcel search index"), QgsTask.CanCancel)
        self.layer, self.mapping, self.cache_dir, self.aux_layers = layer, mapping, cache_dir, aux_layers
        self.rebuild = rebuild
        self.path, self.error, self.on_done = None, None, None

    def run(self):
        from ..lookup.index import ensure_index
        from ..lookup.index_update import attach_aux

        try:
            index = ensure_index(self.layer, self.cache_dir, self.mapping,
                                 progress=lambda p: (self.setProgress(p), not self.isCanceled())[1],
                                 rebuild=self.rebuild)
            for role, layer in self.aux_layers.items():
                attach_aux(index, role, layer)
            self.path = index.path
            index.close()
            return True
        except Exception as err:  # noqa: BLE001 - reported in finished()
            self.error = err
            return False

    def finished(self, result):
        if self.on_done is not None:
            self.on_done(self, result)


class ParcelMapTool(QgsMapToolEmitPoint):
    """Click a parcel: emits its feature id."""

    parcelClicked = pyqtSignal(int)

    def __init__(self, canvas, layer_getter):
        super().__init__(canvas)
        self.layer_getter = layer_getter
        self.canvasClicked.connect(self._clicked)

    def _clicked(self, point, _button):
        layer = self.layer_getter()
        if layer is None:
            return
        canvas = self.canvas()
        transform = QgsCoordinateTransform(canvas.mapSettings().destinationCrs(), layer.crs(), QgsProject.instance())
        local = transform.transform(point)
        tol = canvas.mapUnitsPerPixel() * 2
        request = QgsFeatureRequest().setFilterRect(QgsRectangle(local.x() - tol, local.y() - tol,
                                                                 local.x() + tol, local.y() + tol)).setNoAttributes()
        click = QgsGeometry.fromPointXY(local)
        for feat in layer.getFeatures(request):
            if feat.geometry().contains(click):
                self.parcelClicked.emit(feat.id())
                return


class ParcelLocatorFilter(QgsLocatorFilter):
    def __init__(self, iface=None):
        super().__init__()
        self.iface = iface

    def clone(self):
        return ParcelLocatorFilter(self.iface)

    def name(self):
        return "landoffice_parcels"

    def displayName(self):  # noqa: N802
        return tr("Parcels (宗地)")

    def prefix(self):
        return "zd"

    def prepare(self, string, context):  # main thread: find a current index even before the dock is opened
        if STATE.get("index_path"):
            return
        from ..core.errors import LandOfficeError
        from ..core.roles import assign_roles_in_project
        from ..lookup.index import default_cache_dir, open_index

        layer = assign_roles_in_project(QgsProject.instance()).get("ZD")
        if layer is None:
            return
        try:
            index = open_index(layer, default_cache_dir())
        except LandOfficeError:
            return
        if index is not None:
            STATE.update({"index_path": str(index.path), "layer_id": layer.id()})
            index.close()

    def fetchResults(self, string, context, feedback):  # noqa: N802 - runs in a worker thread
        path = STATE.get("index_path")
        if not path or len(string.strip()) < 1:
            return
        from ..lookup.index import ParcelIndex
        from ..lookup.search import search

        try:
            index = ParcelIndex(path)
            result = search(index, string, limit=20)
            index.close()
        except Exception:  # noqa: BLE001 - a locator must never raise
            get_logger().exception(tr("Parcel search in the locator bar failed"))
            return
        for row in result.rows:
            if feedback.isCanceled():
                return
            item = QgsLocatorResult(self, f"{row.code} {row.owner} {row.address}", row.fid)
            item.description = f"{row.area_mu:.3f} 亩 {row.use_name} {row.township}{row.village}"
            self.resultFetched.emit(item)

    def triggerResult(self, result):  # noqa: N802
        data = result.getUserData() if hasattr(result, "getUserData") else result.userData
        dock = STATE.get("dock")
        if dock is not None:
            dock.setVisible(True)
            dock.show_parcel(int(data))
            return
        layer = QgsProject.instance().mapLayer(STATE.get("layer_id") or "")
        if layer is not None and self.iface is not None:  # no panel yet: select and zoom
            layer.selectByIds([int(data)])
            self.iface.mapCanvas().zoomToSelected(layer)


def register(iface) -> None:
    """Add the ``zd`` locator filter (call from initGui)."""
    if "filter" not in _FILTERS and hasattr(iface, "registerLocatorFilter"):
        _FILTERS["filter"] = ParcelLocatorFilter(iface)
        iface.registerLocatorFilter(_FILTERS["filter"])


def unregister(iface) -> None:
    """Remove the locator filter (call from unload)."""
    flt = _FILTERS.pop("filter", None)
    if flt is not None and hasattr(iface, "deregisterLocatorFilter"):
        iface.deregisterLocatorFilter(flt)
