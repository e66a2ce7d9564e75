"""Actions on the chosen parcel of the 宗地查询 dock (highlight, zoom, select, copy, reports) and
its map tool and field-mapping dialog; a mixin of :class:`.dock_parcel_lookup.ParcelLookupDock`."""
from __future__ import annotations

from qgis.core import Qgis, QgsWkbTypes
from qgis.gui import QgsRubberBand
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QApplication, QFileDialog

from ..core.errors import LandOfficeError
from ..i18n import tr
from . import parcel_lookup_tools as tools

RED = QColor(200, 0, 0)


class ParcelActionsMixin:
    """Needs ``self.iface``, ``self.index``, ``self.zd_layer``, ``self.project``, ``current_fid()``,
    ``set_status()``, ``identify_button``, ``map_tool``, ``previous_tool``, ``roles_dialog``."""

    def _feature(self, fid):
        from qgis.core import QgsFeatureRequest

        if self.zd_layer is None or fid is None:
            return None
        return next(self.zd_layer.getFeatures(QgsFeatureRequest().setFilterFid(int(fid))), None)

    def highlight_parcel(self, fid=None):
        """Outline the parcel on the map: one outline, moved from parcel to parcel (never piled up)."""
        feat = self._feature(fid if fid is not None else self.current_fid())
        if feat is None:
            return
        if self.highlight is None:
            self.highlight = QgsRubberBand(self.iface.mapCanvas(), QgsWkbTypes.PolygonGeometry)
            self.highlight.setStrokeColor(RED)
            self.highlight.setFillColor(QColor(200, 0, 0, 40))
            self.highlight.setWidth(3)
        self.highlight.setToGeometry(feat.geometry(), self.zd_layer)
        self.highlight.show()

    def remove_highlight(self):
        if self.highlight is None:
            return
        self.highlight.reset(QgsWkbTypes.PolygonGeometry)
        scene = self.iface.mapCanvas().scene() if self.iface is not None else None
        if scene is not None:
            scene.removeItem(self.highlight)
        self.highlight = None

    def zoom_to(self):
        feat = self._feature(self.current_fid())
        if feat is None:
            return
        canvas = self.iface.mapCanvas()
        extent = canvas.mapSettings().layerExtentToOutputExtent(self.zd_layer, feat.geometry().boundingBox())
        extent.scale(3.0)
        canvas.setExtent(extent)
        canvas.refresh()
        self.highlight_parcel()

    def select_parcel(self):
        fid = self.current_fid()
        if fid is not None and self.zd_layer is not None:
            self.zd_layer.selectByIds([int(fid)])

    def copy_code(self):
        row = self.index.conn.execute("SELECT code FROM parcels WHERE fid = ?", (self.current_fid(),)).fetchone() \
            if self.index is not None and self.current_fid() is not None else None
        if row:
            QApplication.clipboard().setText(row[0])

    def export_report(self, kind: str, path: str | None = None):
        from ..lookup.batch import write_reports

        fid = self.current_fid()
        if fid is None or self.index is None:
            self.set_status(tr("Choose a parcel first."))
            return None
        if path is None:
            filters = tr("PDF files (*.pdf)") if kind == "pdf" else tr("Excel workbooks (*.xlsx)")
            path, _ = QFileDialog.getSaveFileName(self, tr("Save the parcel report"), "", filters)
            if not path:
                return None
        try:
            out = write_reports(self.index, [fid], path if kind == "pdf" else None, path if kind == "xlsx" else None)
        except LandOfficeError as err:
            self.set_status(err.message)
            self.notify(err.message, Qgis.MessageLevel.Warning)
            return None
        self.notify(tr("Report written:"), Qgis.MessageLevel.Success, path=out[kind])
        return out[kind]

    # ---- map tool and roles -------------------------------------------------------------------
    def toggle_map_tool(self, checked=True):
        canvas = self.iface.mapCanvas()
        if checked:
            if self.map_tool is None:
                self.map_tool = tools.ParcelMapTool(canvas, lambda: self.zd_layer)
                self.map_tool.parcelClicked.connect(self.show_parcel)
                self.map_tool.deactivated.connect(lambda: self.identify_button.setChecked(False))
            self.previous_tool = canvas.mapTool()
            canvas.setMapTool(self.map_tool)
        else:
            self._restore_tool()

    def _restore_tool(self):
        canvas = self.iface.mapCanvas()
        if self.map_tool is not None and canvas.mapTool() is self.map_tool:
            if self.previous_tool is not None:
                canvas.setMapTool(self.previous_tool)
            else:
                canvas.unsetMapTool(self.map_tool)
        self.identify_button.setChecked(False)

    def open_roles_dialog(self):
        from .roles_dialog import RolesDialog

        self.roles_dialog = RolesDialog(self.project, self)
        self.roles_dialog.select_role("ZD")
        self.roles_dialog.accepted.connect(self.refresh_layers)
        self.roles_dialog.show()
        return self.roles_dialog
