"""宗地查询 dock: one search box for codes, owners (name or pinyin), addresses and DLTB patch
numbers; results with red lights; the details of one parcel across all role layers; reports.

The engine is :mod:`landoffice_plugin.lookup`; this module only wires widgets, the project's role
layers, the index task, the map tool and the layer's edit signals. Searches run on the main thread
(they take milliseconds once the index exists); only the index build runs in a QgsTask.
"""
from __future__ import annotations

from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QBrush
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import LandOfficeError
from ..i18n import tr, tr_noop
from ..log import get_logger
from . import parcel_lookup_tools as tools
from .dock_base import LandOfficeDock
from .parcel_details_html import details_html
from .parcel_lookup_actions import RED, ParcelActionsMixin


class ParcelLookupDock(ParcelActionsMixin, LandOfficeDock):
    OBJECT_NAME = "LandOfficeParcelLookup"
    TITLE = tr_noop("Parcel lookup (宗地查询)")
    ICON = "parcel_lookup.svg"
    ORDER = 20

    @classmethod
    def plugin_loaded(cls, iface) -> None:
        tools.register(iface)       # the locator filter (prefix zd) works before the panel is opened

    @classmethod
    def plugin_unloading(cls, iface) -> None:
        tools.unregister(iface)

    def __init__(self, iface, parent=None):
        super().__init__(iface, parent)
        self.project = QgsProject.instance()
        self.index, self.zd_layer, self.mapping, self.layers = None, None, None, {}
        self.task, self.roles_dialog, self.highlight, self.map_tool, self.previous_tool = None, None, None, None, None
        self._shown_fid = None
        self.pending = {"changed": set(), "removed": set()}
        self._pinyin_warned = False
        self._build_ui()
        self.timer = QTimer(self, singleShot=True, interval=150)
        self.timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(lambda _t: self.timer.start())
        self.red_only.toggled.connect(lambda _c: self.run_search())
        self.area_combo.currentIndexChanged.connect(lambda _i: self.run_search())
        self.results.itemSelectionChanged.connect(self._selection_changed)
        self.project.layersAdded.connect(self._layers_changed)
        self.project.layersRemoved.connect(self._layers_changed)
        self.project.cleared.connect(self._layers_changed)
        tools.STATE["dock"] = self
        self.refresh_layers()

    # ---- widgets ---------------------------------------------------------------------------
    def _button(self, text, tip, slot):
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        self.buttons.addWidget(button)
        return button

    def _build_ui(self):
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.search_box = QLineEdit(body)
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(tr("Code, owner, pinyin (zjg), address or patch number"))
        layout.addWidget(self.search_box)
        row = QHBoxLayout()
        self.red_only = QCheckBox(tr("Only parcels with red lights"), body)
        self.area_combo = QComboBox(body)
        self.area_combo.addItem(tr("Whole county"), "")
        row.addWidget(self.red_only)
        row.addWidget(self.area_combo, 1)
        layout.addLayout(row)
        self.status = QLabel(body)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.progress = QProgressBar(body)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        splitter = QSplitter(Qt.Vertical, body)
        self.results = QTreeWidget(splitter)
        self.results.setRootIsDecorated(False)
        self.results.setAlternatingRowColors(True)
        self.results.setHeaderLabels([tr("Parcel code"), tr("Owner"), tr("Area (亩)"), tr("Use"),
                                      tr("Township / village")])
        self.results.setUniformRowHeights(True)
        header = self.results.header()
        header.setSectionResizeMode(QHeaderView.Interactive)  # sized to the rows after each search
        header.setStretchLastSection(True)
        self.details = QTextBrowser(splitter)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.buttons = QHBoxLayout()
        self.identify_button = self._button(tr("Identify"), tr("Click a parcel on the map to see its details"),
                                            self.toggle_map_tool)
        self.identify_button.setCheckable(True)
        # what acts on the chosen parcel: enabled only while one is chosen
        self.parcel_buttons = [
            self._button(tr("Zoom"), tr("Zoom to the parcel"), self.zoom_to),
            self._button(tr("Select"), tr("Select the parcel in its layer"), self.select_parcel),
            self._button(tr("Copy"), tr("Copy the parcel code"), self.copy_code)]
        self.buttons.addStretch(1)
        layout.addLayout(self.buttons)
        self.buttons = QHBoxLayout()  # a second row: the panel stays narrow
        self.parcel_buttons += [
            self._button("PDF", tr("Parcel report as PDF"), lambda: self.export_report("pdf")),
            self._button("xlsx", tr("Parcel report as Excel workbook"), lambda: self.export_report("xlsx"))]
        self.unmask_button = self._button(tr("Full ID…"), tr("Show the full ID numbers of this parcel (needs a "
                                                             "reason; logged)"), self.show_unmasked)
        self.parcel_buttons.append(self.unmask_button)
        self._button(tr("Fields…"), tr("Layer roles and field mapping"), self.open_roles_dialog)
        self._button("↻", tr("Rebuild the search index (after the data were changed outside QGIS)"),
                     lambda: self.start_index(rebuild=True))
        self.buttons.addStretch(1)
        layout.addLayout(self.buttons)
        self.set_body(body)
        self._clear_parcel()

    # ---- layers and index -------------------------------------------------------------------
    def _layers_changed(self, *_args):
        QTimer.singleShot(0, self.refresh_layers)

    def _disconnect_layer(self):
        layer = self.zd_layer
        if layer is None:
            return
        for signal, slot in self._edit_slots():
            try:
                getattr(layer, signal).disconnect(slot)
            except (TypeError, RuntimeError):
                pass

    def _edit_slots(self):
        return (("committedFeaturesAdded", self._added), ("committedAttributeValuesChanges", self._attrs_changed),
                ("committedGeometriesChanges", self._geoms_changed), ("committedFeaturesRemoved", self._removed))

    def refresh_layers(self):
        from ..core.roles import assign_roles_in_project, load_role_assignments
        from ..lookup.source import parcel_mapping

        self._disconnect_layer()
        self.index, self.zd_layer, tools.STATE["index_path"] = None, None, None
        self.layers = assign_roles_in_project(self.project)
        zd = self.layers.get("ZD")
        self.results.clear()
        self._clear_parcel()
        if zd is None:
            self._set_enabled(False)
            self.set_status(self.no_layer_text())
            return
        saved = load_role_assignments(self.project).get("ZD")
        try:
            self.mapping = parcel_mapping(zd, saved[1] if saved and saved[0] == zd.id() and saved[1].fields else None)
        except LandOfficeError as err:
            self._set_enabled(False)
            self.set_status(err.message)
            self.open_roles_dialog()
            return
        self.zd_layer = zd
        for signal, slot in self._edit_slots():
            getattr(zd, signal).connect(slot)
        self.start_index()

    def no_layer_text(self) -> str:
        return tr("No parcel layer (宗地, ZD) in the project. Load the parcel layer of your 不动产 (real-estate) "
                  "database — a layer with the field ZDDM (宗地代码), e.g. layer ZD of the LandOffice sample "
                  "GeoPackage. A 三调 FileGDB has land-use patches but no parcels: import it with 导入数据, then "
                  "add the parcel layer. If your parcel layer has another name, assign it in Fields….")

    def _set_enabled(self, enabled: bool):
        for widget in (self.search_box, self.red_only, self.area_combo, self.results):
            widget.setEnabled(enabled)

    def start_index(self, rebuild: bool = False):
        from ..lookup.index_update import AUX_KEY_FIELD
        from ..lookup.source import ogr_path

        aux = {r: lyr for r, lyr in self.layers.items() if r in AUX_KEY_FIELD and ogr_path(lyr) is not None}
        if self.zd_layer is None:
            return
        self.task = tools.IndexTask(self.zd_layer, self.mapping, self.cache_dir(), aux, rebuild)
        self.task.on_done = self._index_done
        if ogr_path(self.zd_layer) is None:  # memory/database layers are read on the main thread
            self.task.run()
            self._index_done(self.task, self.task.error is None)
            return
        self._set_enabled(False)
        self.set_status(tr("Building the parcel search index (first time only)…"))
        self.progress.setVisible(True)
        self.task.progressChanged.connect(self._index_progress)
        QgsApplication.taskManager().addTask(self.task)

    def _index_progress(self, value):
        self.progress.setValue(int(value))

    def cache_dir(self):
        from ..lookup.index import default_cache_dir

        return default_cache_dir()

    def _index_done(self, task, ok):
        from ..lookup.batch import prepare_index
        from ..lookup.index import ParcelIndex

        self.task = None
        self.progress.setVisible(False)
        if not ok or task.path is None or task.layer is not self.zd_layer:
            if task.error is not None:
                self.set_status(getattr(task.error, "message", str(task.error)))
            return
        ParcelIndex(task.path).close()
        if self.index is not None:
            self.index.close()
        self.index = prepare_index(self.zd_layer, self.layers, self.cache_dir(), mapping=self.mapping)
        tools.STATE.update({"index_path": str(self.index.path), "layer_id": self.zd_layer.id()})
        self._fill_areas()
        self._set_enabled(True)
        self.set_status(tr("{count} parcels indexed.").format(count=self.index.count()) + " " + self._hint())
        if self.search_box.text():
            self.run_search()

    def _hint(self):
        from ..lookup.query import hint

        return hint()

    def _fill_areas(self):
        names = getattr(self.index, "region_names", {})
        self.area_combo.blockSignals(True)
        self.area_combo.clear()
        self.area_combo.addItem(tr("Whole county"), "")
        for code in sorted(names):
            indent = "    " if len(code) > 9 else ""
            self.area_combo.addItem(f"{indent}{names[code]} {code}", code)
        self.area_combo.blockSignals(False)

    # ---- search -------------------------------------------------------------------------------
    def set_status(self, text: str):
        self.status.setText(text)

    def run_search(self):
        from ..lookup import pinyin
        from ..lookup.search import search

        if self.index is None:
            return
        text = self.search_box.text()
        result = search(self.index, text, limit=200, red_only=self.red_only.isChecked(),
                        area_prefix=self.area_combo.currentData() or "")
        self.results.blockSignals(True)  # a new search: the parcel shown before is no longer chosen
        self.results.clear()
        self.results.blockSignals(False)
        self._clear_parcel()
        items = []
        for row in result.rows:
            item = QTreeWidgetItem([("● " if row.red else "") + row.code, row.owner, f"{row.area_mu:.3f}",
                                    row.use_name, f"{row.township}{row.village}"])
            item.setData(0, Qt.UserRole, row.fid)
            item.setToolTip(0, row.address)
            if row.red:
                item.setForeground(0, QBrush(RED))
                item.setToolTip(0, tr("Has red lights: open the parcel to see why"))
            items.append(item)
        self.results.addTopLevelItems(items)  # in one go: every row is laid out and drawn
        for column in range(self.results.columnCount()):
            self.results.resizeColumnToContents(column)
        self.results.viewport().update()
        lines = []
        if result.rows:
            if result.capped:
                shown = tr("{shown} of more than {total} parcels").format(shown=len(result.rows), total=result.total)
            elif result.more:
                shown = tr("{shown} of {total} parcels").format(shown=len(result.rows), total=result.total)
            else:
                shown = tr("{total} parcels").format(total=result.total)
            lines.append(shown)
        if result.message and not (result.message == pinyin.unavailable_message() and self._pinyin_warned):
            lines.append(result.message)
            self._pinyin_warned = self._pinyin_warned or result.message == pinyin.unavailable_message()
        self.set_status("\n".join(lines))
        if len(result.rows) == 1:  # one hit: show it, select it and go there
            self.results.setCurrentItem(self.results.topLevelItem(0))
            self.zoom_to()

    # ---- one parcel ---------------------------------------------------------------------------
    def current_fid(self):
        """The parcel the buttons act on: the one whose details are shown, or None."""
        return self._shown_fid

    def _clear_parcel(self):
        self._shown_fid = None
        self.details.clear()
        self.remove_highlight()
        for button in self.parcel_buttons:
            button.setEnabled(False)

    def _selection_changed(self):
        item = self.results.currentItem()
        if item is not None and item.isSelected():
            self.show_details(item.data(0, Qt.UserRole))

    def show_parcel(self, fid: int):
        """Show parcel ``fid`` (from the map tool or the locator) and highlight it."""
        self.results.clearSelection()
        self.results.setCurrentItem(None)
        self.show_details(fid)
        self.highlight_parcel(fid)

    def show_unmasked(self):
        """The details with full ID numbers: only when the office allows it, with a reason, logged."""
        from qgis.PyQt.QtWidgets import QInputDialog, QLineEdit

        from ..lookup.audit import require_unmask

        fid = self._shown_fid
        if fid is None:
            return
        reason, ok = QInputDialog.getText(self, tr("Reason"), tr("Reason for seeing the full ID numbers (查询事由):"),
                                          QLineEdit.Normal, "")
        if not ok:
            return
        try:
            require_unmask(reason, f"parcel details {fid}", 1)
        except LandOfficeError as err:
            self.notify(err.message, level=Qgis.MessageLevel.Warning)
            return
        self.show_details(fid, mask_personal=False)

    def show_details(self, fid: int, mask_personal: bool = True):
        from ..lookup.batch import collect_details

        if self.index is None:
            return
        try:
            details = collect_details(self.index, [fid], mask_personal)[0]
        except LandOfficeError as err:
            self._clear_parcel()
            self.details.setPlainText(err.message)
            return
        self._shown_fid = fid
        self.details.setHtml(details_html(details))
        for button in self.parcel_buttons:
            button.setEnabled(True)
        self._fetch_history(fid, details)

    def _fetch_history(self, fid: int, details) -> None:
        """变更记录 from the data centre, when the office configured one: read in a task, added when it
        arrives (the details never wait for the network)."""
        from qgis.core import QgsApplication

        from ..sync.history import configured_client, history_section
        from .job_task import JobTask

        client = configured_client()
        if client is None or not details.code:
            return

        def job(_feedback):
            with client:
                return history_section(client, details.code)

        def done(task, ok):
            if self._shown_fid != fid:
                return  # another parcel is shown by now
            if ok and task.result is not None:
                details.sections.append(task.result)
            else:
                from ..lookup.details import Section

                reason = getattr(task.error, "message", None) or str(task.error or "")
                details.sections.append(Section("HISTORY", tr("Change history (data centre)"),
                                                [("note", tr("Note"))], [{"note": reason}]))
            self.details.setHtml(details_html(details))

        self._history_task = JobTask(tr("Change history of {code}").format(code=details.code), job, done)
        QgsApplication.taskManager().addTask(self._history_task)

    # ---- edits --------------------------------------------------------------------------------
    def _added(self, _layer_id, features):
        self._queue_update(changed=[f.id() for f in features])

    def _attrs_changed(self, _layer_id, changes):
        self._queue_update(changed=list(changes.keys()))

    def _geoms_changed(self, _layer_id, changes):
        self._queue_update(changed=list(changes.keys()))

    def _removed(self, _layer_id, fids):
        self._queue_update(removed=list(fids))

    def _queue_update(self, changed=(), removed=()):
        self.pending["changed"].update(changed)
        self.pending["removed"].update(removed)
        QTimer.singleShot(0, self.apply_edits)

    def apply_edits(self):
        from ..lookup.index_update import update_parcels

        if self.index is None or not (self.pending["changed"] or self.pending["removed"]):
            return
        changed, removed = self.pending["changed"] - self.pending["removed"], set(self.pending["removed"])
        self.pending = {"changed": set(), "removed": set()}
        try:
            update_parcels(self.index, changed, removed)
        except Exception:  # noqa: BLE001 - fall back to a rebuild
            get_logger().exception(tr("Incremental parcel index update failed; rebuilding the index"))
            self.start_index()
            return
        self.run_search()

    def cleanup(self):
        self._restore_tool()
        self._disconnect_layer()
        for signal in (self.project.layersAdded, self.project.layersRemoved, self.project.cleared):
            try:
                signal.disconnect(self._layers_changed)
            except (TypeError, RuntimeError):
                pass
        if self.task is not None:
            self.task.on_done = None
            try:
                self.task.progressChanged.disconnect(self._index_progress)
            except (TypeError, RuntimeError):
                pass
            self.task.cancel()
        self.remove_highlight()
        if self.index is not None:
            self.index.close()
            self.index = None
        tools.STATE.update({"dock": None, "index_path": None})
