"""用地潜力分析 panel: choose the role layers and rules, run in the background, see the summary.

The engine runs in a :class:`PotentialTask`, which also writes the result layer to a GeoPackage
and the xlsx; on the main thread the written layer is only opened and put in the project, in
place of the previous run's result layer (one result layer, not a stack of copies). The PDF
maps are printed afterwards on the main thread (QGIS layouts cannot be exported elsewhere), the
way QGIS exports an atlas: page by page, with the window served between pages, progress in the
panel and in the task manager, and Cancel working. The printing uses its own copies of the
layers, so nothing the user does meanwhile can pull a layer from under it.
"""
from __future__ import annotations

import datetime
import os
from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsFeatureRequest, QgsFeedback, QgsMapLayerProxyModel, QgsProject
from qgis.gui import QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTimer
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
)

from ..analysis.categories import CATEGORIES, ROLES
from ..core.errors import LandOfficeError
from ..core.roles import assign_roles_in_project, get_role, load_role_assignments
from ..i18n import tr, tr_noop
from ..log import get_logger
from .dock_base import LandOfficeDock, form_layout
from .job_task import JobTask
from .potential_task import PotentialTask

RESULT_PROPERTY = "landoffice/potential_result"  # custom property marking the result layer in a project
RESULT_PREFIX = "potential_land_"
COMBO_MIN_WIDTH = 160  # a layer box shows its layer's name, not just an icon
SUMMARY_HEADERS = (tr_noop("Township"), tr_noop("Village"), tr_noop("Category"), tr_noop("Pieces"),
                   tr_noop("Area (mu)"))


class PotentialDock(LandOfficeDock):
    OBJECT_NAME = "LandOfficePotentialDock"
    TITLE = tr_noop("Potential-land analysis")
    ICON = "potential.svg"
    ORDER = 40

    def __init__(self, iface, parent=None, project=None):
        super().__init__(iface, parent)
        self.project = project or QgsProject.instance()
        self.task = None
        self.result_layer = None
        self.written_layer = None  # GeoPackage of the result the last task wrote
        self.last_result = None
        self.printing = None  # QgsFeedback of the PDF being printed
        self.export_task = None  # the Excel report written after a run
        self._build()
        self.refresh_layers()

    def _build(self) -> None:
        # settings above (they scroll), outputs, buttons and results below (always in sight)
        layout, bottom_layout = self.split_body((420, 380))
        settings = layout.parentWidget()
        box = QGroupBox(tr("Layers"), settings)
        form = form_layout(box)
        self.layer_boxes = {}
        for role in ROLES:
            combo = QgsMapLayerComboBox(box)
            combo.setFilters(QgsMapLayerProxyModel.PointLayer if role == "GYQY" else QgsMapLayerProxyModel.PolygonLayer)
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
            combo.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
            combo.setMinimumWidth(COMBO_MIN_WIDTH)
            form.addRow(f"{role} {get_role(role).name_zh}", combo)
            self.layer_boxes[role] = combo
        layout.addWidget(box)
        cats = QGroupBox(tr("Categories"), settings)
        grid = QGridLayout(cats)
        self.category_checks = {}
        for n, cat in enumerate(CATEGORIES):
            check = QCheckBox(cat.name_zh, cats)
            check.setToolTip(tr(cat.name_en))
            check.setChecked(True)
            grid.addWidget(check, n // 2, n % 2)
            self.category_checks[cat.id] = check
        layout.addWidget(cats)
        opts = QGroupBox(tr("Rules"), settings)
        oform = form_layout(opts)
        self.rules_widget = QgsFileWidget(opts)
        self.rules_widget.setFilter(tr("Rules files (*.toml)"))
        self.rules_widget.setToolTip(tr("Rules file (TOML; empty: shipped rules)"))
        oform.addRow(tr("Rules file"), self.rules_widget)
        self.rules_label = QLabel(opts)
        self.rules_label.setWordWrap(True)
        oform.addRow(self.rules_label)
        self.villages_edit = QLineEdit(opts)
        self.villages_edit.setPlaceholderText(tr("12-digit codes, comma separated"))
        self.villages_edit.setToolTip(tr("Villages marked for relocation or merger (12-digit codes, "
                                         "comma separated)"))
        oform.addRow(tr("Villages to relocate"), self.villages_edit)
        layout.addWidget(opts)
        layout.addStretch(1)

        layout = bottom_layout
        bottom = layout.parentWidget()
        outputs = QGroupBox(tr("Outputs"), bottom)
        ogrid = QGridLayout(outputs)
        self.xlsx_widget = QgsFileWidget(outputs)
        self.xlsx_widget.setStorageMode(QgsFileWidget.SaveFile)
        self.xlsx_widget.setFilter(tr("Excel files (*.xlsx)"))
        self.xlsx_widget.setToolTip(tr("Excel report"))
        self.pdf_widget = QgsFileWidget(outputs)
        self.pdf_widget.setStorageMode(QgsFileWidget.SaveFile)
        self.pdf_widget.setFilter(tr("PDF files (*.pdf)"))
        self.pdf_widget.setToolTip(tr("PDF maps"))
        self.xlsx_button = QPushButton(tr("Write now"), outputs)
        self.xlsx_button.setToolTip(tr("Write the Excel report of the last analysis"))
        self.pdf_button = QPushButton(tr("Print now"), outputs)
        self.pdf_button.setToolTip(tr("Print the PDF maps of the last analysis"))
        for r, (label, widget, button) in enumerate(((tr("Excel report"), self.xlsx_widget, self.xlsx_button),
                                                      (tr("PDF maps"), self.pdf_widget, self.pdf_button))):
            ogrid.addWidget(QLabel(label, outputs), r, 0)
            ogrid.addWidget(widget, r, 1)
            ogrid.addWidget(button, r, 2)
        ogrid.setColumnStretch(1, 1)
        layout.addWidget(outputs)
        buttons = QHBoxLayout()
        self.refresh_button = QPushButton(tr("Find layers"), bottom)
        self.run_button = QPushButton(tr("Run analysis"), bottom)
        self.cancel_button = QPushButton(tr("Cancel"), bottom)
        self.cancel_button.setEnabled(False)
        for button in (self.refresh_button, self.run_button, self.cancel_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.progress = QProgressBar(bottom)
        self.progress.setRange(0, 100)
        layout.addWidget(self.progress)
        self.status = QLabel(bottom)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.table = QTableWidget(0, len(SUMMARY_HEADERS), bottom)
        self.table.setHorizontalHeaderLabels([tr(h) for h in SUMMARY_HEADERS])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(120)
        layout.addWidget(self.table, 1)
        self.refresh_button.clicked.connect(self.refresh_layers)
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.xlsx_button.clicked.connect(lambda: self.export_xlsx())
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.rules_widget.fileChanged.connect(self._show_rules)
        self._show_rules()
        self._set_export_buttons()

    def _set_export_buttons(self) -> None:
        idle = self.task is None and self.printing is None and self.export_task is None
        for button in (self.xlsx_button, self.pdf_button):
            button.setEnabled(self.last_result is not None and idle)

    def refresh_layers(self) -> None:
        """Fill every role box with the layer the project assigns or recognises for it."""
        for role, layer in assign_roles_in_project(self.project).items():
            if role in self.layer_boxes:
                self.layer_boxes[role].setLayer(layer)

    def _rules(self):
        from ..analysis.rules import load_rules

        return load_rules(self.rules_widget.filePath() or None)

    def _show_rules(self, *_args) -> None:
        try:
            rules = self._rules()
            self.rules_label.setText(tr("Rules: {name} ({path})").format(name=rules.name, path=rules.path))
        except LandOfficeError as err:
            self.rules_label.setText(str(err))

    def start(self) -> None:
        from ..analysis.loading import layer_input

        if self.task is not None or self.printing is not None:
            return
        try:
            rules = self._rules()
        except LandOfficeError as err:
            self.status.setText(str(err))
            return
        saved = load_role_assignments(self.project)
        inputs = {}
        for role, combo in self.layer_boxes.items():
            layer = combo.currentLayer()
            if layer is not None and layer.isValid():
                mapping = saved[role][1].fields if role in saved and saved[role][0] == layer.id() else None
                inputs[role] = layer_input(layer, role, self.project.transformContext(), mapping)
        if "DLTB" not in inputs:
            self.status.setText(tr("Choose the DLTB layer first."))
            return
        cats = [c for c, check in self.category_checks.items() if check.isChecked()]
        if not cats:  # nothing to analyse: do not run, and do not replace the last reports by empty ones
            self.refuse(tr("No category is ticked: tick at least one category to analyse."))
            return
        if not self.confirm_overwrite([self.xlsx_widget.filePath(), self.pdf_widget.filePath()]):
            self.status.setText(tr("Not run: the existing reports are kept."))
            return
        villages = [v.strip() for v in self.villages_edit.text().replace("，", ",").split(",") if v.strip()]
        self._dltb_crs = self.layer_boxes["DLTB"].currentLayer().crs()
        self._xzq = self.layer_boxes["XZQ"].currentLayer()
        self._cjdcq = self.layer_boxes["CJDCQ"].currentLayer()
        self._rules_used = rules
        self.task = PotentialTask(inputs, rules, cats, villages, self.xlsx_widget.filePath(),
                                  self.layer_boxes["DLTB"].currentLayer().source(), on_done=self._done,
                                  layer_path=self.result_path(), crs=self._dltb_crs)
        self.task.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(tr("Running…"))
        self._set_export_buttons()
        QgsApplication.taskManager().addTask(self.task)

    def refuse(self, text: str) -> None:
        self.status.setText(text)
        self.notify(text, Qgis.MessageLevel.Warning)

    def _output_path(self, widget, caption: str, filters: str, path: str | None):
        """The file to write after a run: ``path``, the one chosen in ``widget``, or asked for."""
        if path:
            return path
        path = widget.filePath()
        if path:
            return path if self.confirm_overwrite([path]) else ""
        return QFileDialog.getSaveFileName(self, caption, "", filters)[0]  # the dialog asks itself

    def export_xlsx(self, path: str | None = None) -> None:
        """Write the Excel report of the last analysis (in the background)."""
        from ..analysis.report_xlsx import write_report

        if self.last_result is None or self.export_task is not None:
            return
        path = self._output_path(self.xlsx_widget, tr("Excel report"), tr("Excel files (*.xlsx)"), path)
        if not path:
            return
        result, source = self.last_result, self.layer_boxes["DLTB"].currentLayer()
        source = source.source() if source is not None else ""
        self.export_task = JobTask(tr("Excel report"), lambda fb: write_report(
            result, path, source=source, progress=lambda f: fb.setProgress(100 * f)), self._xlsx_written)
        self._set_export_buttons()
        QgsApplication.taskManager().addTask(self.export_task)

    def _xlsx_written(self, task, ok: bool) -> None:
        self.export_task = None
        self._set_export_buttons()
        if ok:
            self.notify(tr("Excel report written:"), Qgis.MessageLevel.Success, path=task.result)
        else:
            self.refuse(str(task.error) if task.error is not None else tr("The analysis was cancelled."))

    def export_pdf(self, path: str | None = None) -> None:
        """Print the PDF maps of the last analysis."""
        if self.last_result is None or self.printing is not None:
            return
        path = self._output_path(self.pdf_widget, tr("PDF maps"), tr("PDF files (*.pdf)"), path)
        if not path:
            return
        self.printing = QgsFeedback()
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self._set_export_buttons()
        self._print_pdf(self.last_result, path, self._status_lines(self.last_result))

    def _status_lines(self, result) -> list:
        total = float(result.rows["area_mu"].sum()) if result.count else 0.0
        return [tr("{count} pieces, {mu} mu in total.").format(count=result.count, mu=f"{total:,.2f}"),
                tr("Rules: {name} ({path})").format(name=result.rules.name, path=result.rules.path)]

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
        if self.printing is not None:
            self.printing.cancel()

    def _done(self, task, ok: bool) -> None:
        self.task = None
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self._set_export_buttons()
        if not ok or task.result is None:
            err = task.error
            self.status.setText(str(err) if err is not None else tr("The analysis was cancelled."))
            if err is not None:
                self.notify(str(err), Qgis.MessageLevel.Warning)
            if err is not None and not isinstance(err, LandOfficeError):
                get_logger().error(tr("Potential-land analysis failed: {error!r}").format(error=err))
            return
        self.written_layer = task.layer_path
        self.show_result(task.result, task.xlsx)

    def result_path(self) -> str:
        """A new GeoPackage for this run's result layer: beside the project (when saved), else beside
        the Excel report, else in the QGIS profile (``landoffice/results``)."""
        folder = None
        if self.project.fileName():
            folder = Path(self.project.absolutePath())
        elif self.xlsx_widget.filePath():
            folder = Path(self.xlsx_widget.filePath()).parent
        if folder is None or not folder.is_dir() or not os.access(folder, os.W_OK):
            folder = Path(QgsApplication.qgisSettingsDirPath()) / "landoffice" / "results"
            folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.datetime.now().strftime("%Y%m%d_%H%M%S_%f")
        return str(folder / f"{RESULT_PREFIX}{stamp}.gpkg")

    def _result_layer(self, result, layer_path):
        from qgis.core import QgsVectorLayer

        from ..analysis.result_layer import LAYER_NAME, memory_layer, style_result_layer

        if not layer_path:  # the task wrote no file: keep the pieces in memory
            return memory_layer(result.rows, result.crs if result.crs.isValid() else self._dltb_crs)
        layer = QgsVectorLayer(f"{layer_path}|layername={LAYER_NAME}", "用地潜力", "ogr")
        style_result_layer(layer)
        return layer

    def _replace_result_layer(self, layer) -> None:
        """Put ``layer`` in the project where the previous result layer was, and remove that one
        (and its GeoPackage, when this panel wrote it)."""
        old = [lyr for lyr in self.project.mapLayers().values() if lyr.customProperty(RESULT_PROPERTY)]
        layer.setCustomProperty(RESULT_PROPERTY, True)
        root = self.project.layerTreeRoot()
        node = root.findLayer(old[0].id()) if old else None
        files = [lyr.source().split("|")[0] for lyr in old if lyr.providerType() == "ogr"]
        if node is not None:
            parent = node.parent()
            index = parent.children().index(node)
            self.project.addMapLayer(layer, False)
            parent.insertLayer(index, layer)
        else:
            self.project.addMapLayer(layer)
        if old:
            self.project.removeMapLayers([lyr.id() for lyr in old])
        for path in files:
            if Path(path).name.startswith(RESULT_PREFIX) and path != layer.source().split("|")[0]:
                try:
                    Path(path).unlink()
                except OSError:  # still open elsewhere (Windows): left for the user
                    pass

    def show_result(self, result, xlsx=None) -> None:
        """Open the layer the task wrote (``written_layer``), put it in the project, fill the table."""
        self.last_result = result
        self.result_layer = self._result_layer(result, self.written_layer)
        self.written_layer = None
        self._replace_result_layer(self.result_layer)
        self._fill_table(result.summary)
        lines = self._status_lines(result)
        if xlsx:
            lines.append(tr("Excel report: {path}").format(path=xlsx))
            self.notify(tr("Excel report written:"), Qgis.MessageLevel.Success, path=xlsx)
        self.status.setText("\n".join(lines + result.notes))
        self.progress.setValue(100)
        self._set_export_buttons()
        pdf = self.pdf_widget.filePath()
        if pdf:  # from the event loop, not from inside the task manager's signal
            self.printing = QgsFeedback()
            self.run_button.setEnabled(False)
            self.cancel_button.setEnabled(True)
            self._set_export_buttons()
            QTimer.singleShot(0, lambda: self._print_pdf(result, pdf, lines))

    def _print_pdf(self, result, path: str, lines: list) -> None:
        """Print the atlas; ``lines`` are the status lines above the notes."""
        from qgis.core import QgsProxyProgressTask

        from ..analysis.report_pdf import export_potential_pdf

        feedback = self.printing
        proxy = QgsProxyProgressTask(tr("Printing the potential-land maps"))
        QgsApplication.taskManager().addTask(proxy)

        def progress(value: float) -> None:
            self.progress.setValue(int(value))
            proxy.setProxyProgress(value)
            QCoreApplication.processEvents()  # serve the window between pages

        feedback.progressChanged.connect(progress)
        self.progress.setValue(0)
        self.status.setText("\n".join(lines + [tr("Printing the PDF maps…")] + result.notes))
        ok = False
        try:
            layer = self.result_layer.materialize(QgsFeatureRequest())  # our own copy of the pieces
            layer.setRenderer(self.result_layer.renderer().clone())
            subtitle = f"数据日期 {result.rules.data_date.isoformat()} · 规则：{result.rules.name}"
            out = export_potential_pdf(layer, path, xzq=self._xzq, cjdcq=self._cjdcq, subtitle=subtitle,
                                       feedback=feedback)
            message, ok = tr("PDF maps: {path}").format(path=out), True
            self.notify(tr("PDF maps written:"), Qgis.MessageLevel.Success, path=out)
        except LandOfficeError as err:
            message = str(err)
            self.notify(message, Qgis.MessageLevel.Warning)
        finally:
            proxy.finalize(ok)
            self.printing = None
            self.run_button.setEnabled(True)
            self.cancel_button.setEnabled(False)
            self._set_export_buttons()
        self.progress.setValue(100)
        self.status.setText("\n".join(lines + [message] + result.notes))

    def _fill_table(self, summary: list) -> None:
        self.table.setRowCount(len(summary))
        for r, row in enumerate(summary):
            values = (row["town_name"] or row["town_code"], row["village_name"] or row["village_code"],
                      row["category_zh"], str(row["count"]), f"{row['area_mu']:,.2f}")
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))

    def cleanup(self) -> None:
        if self.export_task is not None:
            self.export_task.on_done = None
            self.export_task.cancel()
            self.export_task = None
        if self.printing is not None:
            self.printing.cancel()
        if self.task is not None:
            self.task.on_done = None
            self.task.cancel()
            self.task = None
