"""Dock 征地拆迁成本测算: red line (drawn, selected feature or file), role layers, standard, rule;
the estimate runs in a QgsTask; line items, warnings, scenario comparison, Excel and PDF reports."""
from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsMapLayerProxyModel, QgsProject
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
)

from ..core.errors import LandOfficeError
from ..i18n import tr, tr_noop
from ..log import get_logger
from .cost_views import comparison_headers, fill_comparison, fill_lines, line_headers, make_table
from .dock_base import LandOfficeDock, form_layout
from .job_task import JobTask

ROLES = (("DLTB", tr_noop("Land-use patches (DLTB)")), ("ZD", tr_noop("Parcels (ZD)")),
         ("ZRZ", tr_noop("Buildings (ZRZ)")), ("HJ", tr_noop("Households (HJ)")),
         ("ZONES", tr_noop("Zone polygons (optional)")))


class CostDock(LandOfficeDock):
    OBJECT_NAME = "LandOfficeCostDock"
    TITLE = tr_noop("Demolition cost estimate")
    ICON = "cost.svg"
    ORDER = 50

    def __init__(self, iface, parent=None):
        super().__init__(iface, parent)
        self.redline = None
        self.estimate = None
        self.scenario_a = None
        self.task = None
        self.export_task = None
        self.tool = None
        self._previous_tool = None
        self.redline_band = None  # the current red line on the map (one outline, replaced by the next)
        self._build()
        self._fill_roles()

    # ---- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        # inputs above (they scroll), results below: the line items get the space
        layout, results_layout = self.split_body((360, 440))
        inputs = layout.parentWidget()
        red = QGroupBox(tr("Red line"), inputs)
        rlayout = QVBoxLayout(red)
        row = QGridLayout()  # two rows: the panel stays narrow
        self.draw_button = QPushButton(tr("Draw on map"))
        self.selection_button = QPushButton(tr("From selected feature"))
        self.file_button = QPushButton(tr("From file…"))
        row.addWidget(self.draw_button, 0, 0)
        row.addWidget(self.file_button, 0, 1)
        row.addWidget(self.selection_button, 1, 0, 1, 2)
        self.draw_button.clicked.connect(self.start_drawing)
        self.selection_button.clicked.connect(lambda: self.redline_from_selection())
        self.file_button.clicked.connect(self._choose_file)
        rlayout.addLayout(row)
        self.redline_label = QLabel(tr("No red line yet."))
        self.redline_label.setWordWrap(True)
        rlayout.addWidget(self.redline_label)
        layout.addWidget(red)

        data = QGroupBox(tr("Data and standard"), inputs)
        form = form_layout(data)
        self.project_name = QLineEdit()
        self.project_name.setPlaceholderText(tr("e.g. 滨湖路拓宽工程 (title of the reports)"))
        form.addRow(tr("Project name"), self.project_name)
        self.layer_boxes = {}
        for role, label in ROLES:
            box = QgsMapLayerComboBox()
            box.setFilters(QgsMapLayerProxyModel.VectorLayer if role == "HJ" else QgsMapLayerProxyModel.PolygonLayer)
            box.setMinimumWidth(160)
            if role == "ZONES":
                box.setAllowEmptyLayer(True)
                box.setLayer(None)
            self.layer_boxes[role] = box
            form.addRow(tr(label), box)
        std_row = QHBoxLayout()
        self.standard_box = QComboBox()
        self.standard_box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.standard_box.setMinimumContentsLength(6)  # the title is in the tooltip too
        from ..cost.standard import shipped_standards

        for path in shipped_standards():
            self.add_standard(path)
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self._choose_standard)
        template = QPushButton(tr("Template…"))
        template.clicked.connect(self._save_template)
        std_row.addWidget(self.standard_box, 1)
        std_row.addWidget(browse)
        std_row.addWidget(template)
        form.addRow(tr("Compensation standard"), std_row)
        rule_row = QHBoxLayout()
        self.rule_box = QComboBox()
        self.rule_box.addItem(tr("Overlap share ≥"), "share")
        self.rule_box.addItem(tr("Centroid inside"), "centroid")
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0.01, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setValue(0.5)
        rule_row.addWidget(self.rule_box)
        rule_row.addWidget(self.threshold)
        form.addRow(tr("Homestead counts when"), rule_row)
        self.villages_edit = QLineEdit()
        self.villages_edit.setPlaceholderText(tr("12-digit village codes, comma separated"))
        form.addRow(tr("Villages to reclaim"), self.villages_edit)
        layout.addWidget(data)
        layout.addStretch(1)

        layout = results_layout
        buttons = QHBoxLayout()
        self.run_button = QPushButton(tr("Estimate"))
        self.run_button.clicked.connect(lambda: self.run_estimate())
        self.reclaim_button = QPushButton(tr("Village reclamation"))
        self.reclaim_button.clicked.connect(lambda: self.run_estimate(villages=True))
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.reclaim_button)
        layout.addLayout(buttons)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.total_label = QLabel("")
        self.total_label.setWordWrap(True)
        self.total_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.total_label)

        self.tabs = QTabWidget()
        self.lines_table = make_table(line_headers())
        self.lines_table.setMinimumHeight(160)
        self.warnings = QPlainTextEdit()
        self.warnings.setReadOnly(True)
        self.compare_table = make_table(comparison_headers())
        self.tabs.addTab(self.lines_table, tr("Line items"))
        self.tabs.addTab(self.warnings, tr("Warnings"))
        self.tabs.addTab(self.compare_table, tr("Scenarios"))
        layout.addWidget(self.tabs, 1)

        out = QHBoxLayout()
        self.keep_button = QPushButton(tr("Keep as scenario A"))
        self.keep_button.clicked.connect(self.keep_scenario)
        self.xlsx_button = QPushButton(tr("Excel…"))
        self.xlsx_button.clicked.connect(lambda: self.export_xlsx())
        self.pdf_button = QPushButton(tr("PDF…"))
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        for button in (self.keep_button, self.xlsx_button, self.pdf_button):
            out.addWidget(button)
        layout.addLayout(out)
        self._set_result_buttons()

    def add_standard(self, path) -> None:
        """List a standard by its title (its file is the tooltip); one that cannot be read by its file name."""
        from ..cost.standard import load_standard

        try:
            standard = load_standard(path)
            text, tip = f"{standard.name}（{standard.year}）", f"{standard.label}\n{path}"
        except LandOfficeError as err:
            text, tip = Path(path).name, f"{err.message}\n{path}"
        self.standard_box.addItem(text, str(path))
        self.standard_box.setItemData(self.standard_box.count() - 1, tip, Qt.ToolTipRole)

    def _fill_roles(self) -> None:
        from ..core.roles import assign_roles_in_project

        try:
            found = assign_roles_in_project(QgsProject.instance())
        except Exception:  # noqa: BLE001 - a broken project must not keep the panel from opening
            get_logger().exception(tr("Layer role assignment failed"))
            found = {}
        for role, box in self.layer_boxes.items():
            if role in found:
                box.setLayer(found[role])

    def _set_result_buttons(self) -> None:
        has = self.estimate is not None
        for button in (self.keep_button, self.xlsx_button, self.pdf_button):
            button.setEnabled(has)

    def _error(self, err) -> None:
        text = err.message if isinstance(err, LandOfficeError) else str(err)
        self.warnings.setPlainText(text)
        self.tabs.setCurrentWidget(self.warnings)
        self.notify(text, Qgis.MessageLevel.Warning)

    # ---- red line -----------------------------------------------------------------------------
    def _set_redline(self, redline) -> None:
        from ..core.area import ellipsoidal_area, m2_to_mu

        self.redline = redline
        self._draw_redline(redline)
        area = m2_to_mu(ellipsoidal_area(redline.geometry, redline.crs))
        text = tr("Red line {name}: {mu} mu.").format(name=redline.name, mu=f"{area:,.4f}")
        if redline.notes:
            text += " " + " ".join(redline.notes)
        self.redline_label.setText(text)

    def _draw_redline(self, redline) -> None:
        """Show the red line on the map, whatever it came from; the outline drawn before goes."""
        from .cost_maptool import red_band

        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if canvas is None:
            return
        if self.redline_band is None:
            self.redline_band = red_band(canvas)
        self.redline_band.setToGeometry(redline.geometry, redline.crs)
        self.redline_band.show()

    def _remove_redline_band(self) -> None:
        from .cost_maptool import remove_band

        if self.redline_band is not None:
            remove_band(self.redline_band)
            self.redline_band = None

    def start_drawing(self) -> None:
        from .cost_maptool import RedLineTool

        canvas = self.iface.mapCanvas()
        if self.tool is None:
            self.tool = RedLineTool(canvas)
            self.tool.polygonFinished.connect(self._drawn)
        self._previous_tool = canvas.mapTool()
        canvas.setMapTool(self.tool)
        self.redline_label.setText(tr("Click the corners on the map; right click closes the red line."))

    def _drawn(self, geometry) -> None:
        from ..cost.redline import redline_from_qgs

        try:
            self._set_redline(redline_from_qgs([geometry], self.iface.mapCanvas().mapSettings().destinationCrs(),
                                               tr("drawn red line")))
        except LandOfficeError as err:
            self._error(err)

    def redline_from_selection(self, layer=None) -> None:
        from ..cost.redline import redline_from_layer

        layer = layer or self.iface.activeLayer()
        try:
            if layer is None:
                raise LandOfficeError("No layer is active: select the red-line polygon in a layer first.")
            self._set_redline(redline_from_layer(layer, selected_only=True))
        except LandOfficeError as err:
            self._error(err)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Red-line file"), "",
                                              tr("Red lines (*.gpkg *.shp *.dxf);;All files (*)"))
        if path:
            self.redline_from_file(path)

    def redline_from_file(self, path) -> None:
        from ..cost.redline import redline_from_file

        try:
            self._set_redline(redline_from_file(path, QgsProject.instance().crs()))
        except LandOfficeError as err:
            self._error(err)

    # ---- standard -----------------------------------------------------------------------------
    def _choose_standard(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Compensation standard"), "",
                                              tr("Standards (*.json *.xlsx)"))
        if path:
            self.add_standard(path)
            self.standard_box.setCurrentIndex(self.standard_box.count() - 1)

    def _save_template(self) -> None:
        from ..cost.standard_xlsx import write_template

        path, _ = QFileDialog.getSaveFileName(self, tr("Standard template"), "补偿标准模板.xlsx",
                                              tr("Excel files (*.xlsx)"))
        if path:
            try:
                write_template(path, self.current_standard())
            except LandOfficeError as err:
                self._error(err)

    def current_standard(self):
        from ..cost.standard import load_standard

        return load_standard(self.standard_box.currentData())

    # ---- estimate -----------------------------------------------------------------------------
    def _inputs(self):
        from ..cost.engine import CostInputs
        from ..cost.inputs import layer_input

        wrapped = {}
        for role, box in self.layer_boxes.items():
            layer = box.currentLayer()
            if layer is None and role != "ZONES":
                raise LandOfficeError("Choose a layer for {role} in the cost panel.", role=role)
            wrapped[role] = layer_input(layer, role) if layer is not None else None
        return CostInputs(wrapped["DLTB"], wrapped["ZD"], wrapped["ZRZ"], wrapped["HJ"], wrapped["ZONES"])

    def run_estimate(self, villages: bool = False) -> None:
        from ..cost.engine import Options, estimate_redline, estimate_villages

        if self.task is not None:
            return
        try:
            inputs = self._inputs()  # main thread: copies the layers into feature sources
            standard = self.current_standard()
            options = Options(rule=self.rule_box.currentData(), threshold=self.threshold.value(),
                              title=self.project_name.text().strip())
            if villages:
                codes = [c for c in self.villages_edit.text().replace("，", ",").split(",") if c.strip()]
                job = lambda fb: estimate_villages(inputs, codes, standard, options, fb)  # noqa: E731
            else:
                if self.redline is None:
                    raise LandOfficeError("There is no red line: draw it, take it from a selected feature or "
                                          "load it from a file first.")
                redline = self.redline
                job = lambda fb: estimate_redline(inputs, redline, standard, options, fb)  # noqa: E731
        except LandOfficeError as err:
            self._error(err)
            return
        self.task = JobTask(tr("Demolition cost estimate"), job, self._finished)
        self.progress.setVisible(True)
        self.progress.setValue(0)
        self.task.progressChanged.connect(lambda v: self.progress.setValue(int(v)))
        self.run_button.setEnabled(False)
        self.reclaim_button.setEnabled(False)
        QgsApplication.taskManager().addTask(self.task)

    def _finished(self, task, ok: bool) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.run_button.setEnabled(True)
        self.reclaim_button.setEnabled(True)
        if not ok:
            self._error(task.error or LandOfficeError("The estimate was cancelled."))
            return
        self.show_estimate(task.result)

    def show_estimate(self, est) -> None:
        self.estimate = est
        fill_lines(self.lines_table, est)
        self.tabs.setCurrentWidget(self.lines_table)  # a good run leaves the warnings of an earlier error
        self.warnings.setPlainText("\n".join(est.warnings) or tr("No warnings."))
        text = tr("Total {total} yuan ({homesteads} homesteads, {households} households, {persons} persons).").format(
            total=f"{est.total:,.2f}", homesteads=len(est.homesteads),
            households=sum(1 for h in est.households if h.hh), persons=est.persons)
        if est.cost_per_new_mu is not None and est.mode == "reclamation":
            text += " " + tr("Cost per mu of new cropland: {cost} yuan.").format(cost=f"{est.cost_per_new_mu:,.2f}")
        if est.missing:
            text += " " + tr("{n} missing rates are not counted: see Warnings.").format(n=len(est.missing))
        self.total_label.setText(text)
        if self.scenario_a is not None and self.scenario_a is not est:
            fill_comparison(self.compare_table, self.scenario_a, est)
        self._set_result_buttons()

    def keep_scenario(self) -> None:
        self.scenario_a = self.estimate
        self.compare_table.setRowCount(0)
        self.notify(tr("Kept as scenario A; change the red line or the standard and estimate again to compare."))

    # ---- reports ------------------------------------------------------------------------------
    def export_xlsx(self, path: str = "") -> None:
        from ..cost.report_xlsx import write_estimate_xlsx

        path = path or QFileDialog.getSaveFileName(self, tr("Excel report"), "征地拆迁成本测算.xlsx",
                                                   tr("Excel files (*.xlsx)"))[0]
        if not path or self.estimate is None:
            return
        other = self.estimate if self.scenario_a is not None and self.scenario_a is not self.estimate else None
        first = self.scenario_a if other is not None else self.estimate
        self.export_task = JobTask(tr("Excel report"), lambda fb: write_estimate_xlsx(first, path, other),
                                    self._exported)  # thousands of rows: not on the main thread
        QgsApplication.taskManager().addTask(self.export_task)

    def _exported(self, task, ok: bool) -> None:
        self.export_task = None
        if ok:
            self.notify(tr("Excel report written:"), Qgis.MessageLevel.Success, path=task.result)
        else:
            self._error(task.error or LandOfficeError("The estimate was cancelled."))

    def export_pdf(self, path: str = "") -> None:
        from ..export.cost_report_pdf import export_cost_pdf

        path = path or QFileDialog.getSaveFileName(self, tr("PDF report"), "征地拆迁成本测算.pdf",
                                                   tr("PDF files (*.pdf)"))[0]
        if not path or self.estimate is None:
            return
        try:
            export_cost_pdf(self.estimate, path)
            self.notify(tr("PDF report written:"), Qgis.MessageLevel.Success, path=path)
        except LandOfficeError as err:
            self._error(err)

    def cleanup(self) -> None:
        for task in (self.task, self.export_task):
            if task is not None:
                task.on_done = None
                task.cancel()
        self.task = self.export_task = None
        if self.tool is not None:
            canvas = self.iface.mapCanvas()
            if canvas is not None and canvas.mapTool() is self.tool:
                canvas.unsetMapTool(self.tool)
            self.tool.remove_band()
            self.tool = None
        self._remove_redline_band()
