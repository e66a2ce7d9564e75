"""Dock 选址分析 (site compliance check): the site drawn, taken from selected features or loaded from a file (also a
界址点坐标 .txt), the role and control layers, the rules; the verdicts, a table of the pieces (click: zoom to it),
candidate sites compared, and the Excel / PDF / 界址点 / result-layer exports.

The check itself is :func:`landoffice_plugin.sitecheck.engine.check_site` (headless); it runs on the main
thread because it reads only the features around the site (0.04–0.5 s for a 15- to 1,000-亩 site on the county
sample, tests/bench/bench_sitecheck.py) and the PDF renders a print layout, which needs the main thread too.
"""
from __future__ import annotations

from qgis.core import Qgis, QgsGeometry, QgsProject, QgsRectangle, QgsVectorLayer, QgsWkbTypes
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
)

from ..core.errors import LandOfficeError
from ..i18n import tr, tr_noop
from .area_tool import AreaToolMixin, area_group
from .dock_base import LandOfficeDock, form_layout
from .role_boxes import fill_role_boxes, role_boxes

ROLES = (("DLTB", tr_noop("Land-use patches (DLTB)")), ("XZQ", tr_noop("Townships (XZQ)")),
         ("YJJBNTTB", tr_noop("Permanent basic farmland (YJJBNTTB)")),
         ("STBHHX", tr_noop("Ecological protection red line (STBHHX)")),
         ("CZKFBJ", tr_noop("Urban development boundary (CZKFBJ)")), ("PZYD", tr_noop("Approved conversions (PZYD)")),
         ("GYYD", tr_noop("Land supply (GYYD)")), ("ZD", tr_noop("Parcels (ZD)")), ("ZRZ", tr_noop("Buildings (ZRZ)")),
         ("HJ", tr_noop("Households (HJ)")))
PIECE_HEADERS = ("图层", "要素", "面积（亩）", "占选址比例")
COMPARE_HEADERS = ("排序", "选址", "面积（亩）", "不符合", "需办理", "提示", "永久基本农田（亩）", "耕地（亩）")


def _table(headers) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QTableWidget.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectRows)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class SiteCheckDock(AreaToolMixin, LandOfficeDock):
    OBJECT_NAME = "LandOfficeSiteCheckDock"
    TITLE = tr_noop("Site compliance check")
    ICON = "sitecheck.svg"
    ORDER = 55

    def __init__(self, iface, parent=None):
        super().__init__(iface, parent)
        self.site = None
        self.report = None
        self.candidates: list = []
        self.tool = None
        self._build()
        self._fill_roles()

    # ---- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        # inputs above (they scroll), results below: the verdicts and pieces get the space
        layout, results = self.split_body((360, 440))
        inputs = layout.parentWidget()
        site, self.site_label, buttons = area_group(
            inputs, tr("Site"), tr("From selected features"), tr("No site yet."), self.start_drawing,
            self.site_from_selection, self._choose_file)
        self.draw_button, self.file_button, self.selection_button = buttons
        layout.addWidget(site)

        data = QGroupBox(tr("Layers and rules"), inputs)
        form = form_layout(data)
        self.layer_boxes = role_boxes(form, ROLES, optional=[r for r, _l in ROLES if r != "DLTB"])
        self.control_list = QListWidget()
        self.control_list.setMaximumHeight(80)
        form.addRow(tr("Control layers"), self.control_list)
        rules_row = QHBoxLayout()
        self.rules_edit = QLineEdit()
        self.rules_edit.setPlaceholderText(tr("empty: the shipped rules"))
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self._choose_rules)
        rules_row.addWidget(self.rules_edit, 1)
        rules_row.addWidget(browse)
        form.addRow(tr("Rules"), rules_row)
        layout.addWidget(data)
        layout.addStretch(1)

        buttons = QHBoxLayout()
        self.run_button = QPushButton(tr("Check site"))
        self.run_button.clicked.connect(lambda: self.run_check())
        self.candidate_button = QPushButton(tr("Add to candidates"))
        self.candidate_button.clicked.connect(self.add_candidate)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.candidate_button)
        results.addLayout(buttons)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)
        results.addWidget(self.summary)

        self.tabs = QTabWidget()
        self.verdicts = QPlainTextEdit()
        self.verdicts.setReadOnly(True)
        self.pieces = _table(PIECE_HEADERS)
        self.pieces.setMinimumHeight(120)
        self.pieces.cellClicked.connect(lambda r, _c: self.zoom_to_piece(r))
        self.compare = _table(COMPARE_HEADERS)
        self.tabs.addTab(self.verdicts, tr("Verdicts"))
        self.tabs.addTab(self.pieces, tr("Pieces"))
        self.tabs.addTab(self.compare, tr("Candidates"))
        results.addWidget(self.tabs, 1)

        out = QGridLayout()
        self.xlsx_button = QPushButton(tr("Excel…"))
        self.xlsx_button.clicked.connect(lambda: self.export_xlsx())
        self.pdf_button = QPushButton(tr("PDF…"))
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.jzd_button = QPushButton(tr("界址点…"))
        self.jzd_button.clicked.connect(lambda: self.export_boundary_points())
        self.layer_button = QPushButton(tr("Result layer"))
        self.layer_button.clicked.connect(self.add_result_layer)
        for k, button in enumerate((self.xlsx_button, self.pdf_button, self.jzd_button, self.layer_button)):
            out.addWidget(button, k // 2, k % 2)
        results.addLayout(out)
        self._set_result_buttons()

    def _fill_roles(self) -> None:
        self.refresh_control_layers(set(fill_role_boxes(self.layer_boxes).values()))

    def refresh_control_layers(self, role_layers=()) -> None:
        """Offer every polygon layer of the project that plays no role as a control layer (unchecked)."""
        role_ids = {lyr.id() for lyr in role_layers if lyr is not None}
        self.control_list.clear()
        for layer in QgsProject.instance().mapLayers().values():
            if isinstance(layer, QgsVectorLayer) and layer.geometryType() == QgsWkbTypes.PolygonGeometry \
                    and layer.id() not in role_ids:
                item = QListWidgetItem(layer.name())
                item.setData(Qt.UserRole, layer.id())
                item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
                item.setCheckState(Qt.Unchecked)
                self.control_list.addItem(item)

    def _set_result_buttons(self) -> None:
        has = self.report is not None
        for button in (self.xlsx_button, self.pdf_button, self.jzd_button, self.layer_button, self.candidate_button):
            button.setEnabled(has)

    def _error(self, err) -> None:
        text = err.message if isinstance(err, LandOfficeError) else str(err)
        self.verdicts.setPlainText(text)
        self.tabs.setCurrentWidget(self.verdicts)
        self.notify(text, Qgis.MessageLevel.Warning)

    # ---- site ---------------------------------------------------------------------------------
    def _set_site(self, site) -> None:
        from ..core.area import ellipsoidal_area, m2_to_mu

        self.site = site
        area = m2_to_mu(ellipsoidal_area(site.geometry, site.crs))
        text = tr("Site {name}: {mu} mu.").format(name=site.name, mu=f"{area:,.4f}")
        if site.notes:
            text += " " + " ".join(site.notes)
        self.site_label.setText(text)

    def start_drawing(self) -> None:
        self.start_area_tool(self.site_label, tr("Click the corners on the map; right click closes the site."))

    def _drawn(self, geometry) -> None:
        from ..sitecheck.site import site_from_geometries

        try:
            self._set_site(site_from_geometries([geometry], self.canvas_crs(),
                                                tr("drawn site")))
        except LandOfficeError as err:
            self._error(err)

    def site_from_selection(self, layer=None) -> None:
        from ..sitecheck.site import site_from_layer

        layer = layer or self.iface.activeLayer()
        try:
            if layer is None:
                raise LandOfficeError("No layer is active: select the site's polygons in a layer first.")
            self._set_site(site_from_layer(layer, selected_only=True))
        except LandOfficeError as err:
            self._error(err)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Site file"), "", tr(
            "Sites (*.gpkg *.shp *.dxf *.kml *.txt);;All files (*)"))
        if path:
            self.site_from_file(path)

    def site_from_file(self, path) -> None:
        from ..sitecheck.site import site_from_file

        try:
            self._set_site(site_from_file(path, QgsProject.instance().crs()))
        except LandOfficeError as err:
            self._error(err)

    def _choose_rules(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Site-check rules"), "", tr("Rules (*.toml)"))
        if path:
            self.rules_edit.setText(path)

    # ---- check --------------------------------------------------------------------------------
    def _inputs(self):
        from ..sitecheck.engine import SiteInputs, control_layer
        from ..sitecheck.rules import load_site_rules

        layers = {role: box.currentLayer() for role, box in self.layer_boxes.items()}
        if layers.get("DLTB") is None:
            raise LandOfficeError("Choose the land-use patch layer (DLTB) in the site-check panel.")
        rules = load_site_rules(self.rules_edit.text().strip() or None)
        controls = []
        for i in range(self.control_list.count()):
            item = self.control_list.item(i)
            if item.checkState() == Qt.Checked:
                layer = QgsProject.instance().mapLayer(item.data(Qt.UserRole))
                controls.append(control_layer(layer, rules))
        return SiteInputs(layers, controls, rules)

    def run_check(self) -> None:
        from ..sitecheck.engine import check_site

        try:
            if self.site is None:
                raise LandOfficeError("There is no site: draw it, take it from selected features or load it from a "
                                      "file first.")
            report = check_site(self.site, self._inputs())
        except LandOfficeError as err:
            self._error(err)
            return
        self.show_report(report)

    def show_report(self, report) -> None:
        self.report = report
        lines = [f"{v.verdict}：{v.text}" for v in report.verdicts]
        if report.notes:
            lines += ["", tr("Notes:")] + [f"· {n}" for n in report.notes]
        self.verdicts.setPlainText("\n".join(lines))
        self.summary.setText(tr("{name}: {mu} mu in {towns}; {n} verdicts ({s} s).").format(
            name=report.name, mu=f"{report.site_mu:,.4f}", towns="、".join(report.townships) or "—",
            n=len(report.verdicts), s=f"{report.seconds:.2f}"))
        self.pieces.setRowCount(0)
        for piece in report.pieces:
            r = self.pieces.rowCount()
            self.pieces.insertRow(r)
            for c, value in enumerate((piece.layer, piece.label, f"{piece.mu:,.4f}", f"{piece.share * 100:.2f}%")):
                self.pieces.setItem(r, c, QTableWidgetItem(value))
        self.tabs.setCurrentWidget(self.verdicts)
        self._set_result_buttons()

    def zoom_to_piece(self, row: int) -> None:
        if self.report is None or not 0 <= row < len(self.report.pieces):
            return
        from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform

        geom = QgsGeometry()
        geom.fromWkb(self.report.pieces[row].wkb)
        canvas = self.iface.mapCanvas()
        crs = QgsCoordinateReferenceSystem(self.report.crs_authid)
        dest = canvas.mapSettings().destinationCrs()
        if dest.isValid() and dest != crs:
            geom.transform(QgsCoordinateTransform(crs, dest, QgsProject.instance().transformContext()))
        box = QgsRectangle(geom.boundingBox())
        box.scale(1.5)
        canvas.setExtent(box)
        canvas.refresh()

    def add_candidate(self) -> None:
        from ..sitecheck.report_xlsx import comparison_rows

        if self.report is None:
            return
        if self.report not in self.candidates:
            self.candidates.append(self.report)
        self.compare.setRowCount(0)
        for row in comparison_rows(self.candidates):
            r = self.compare.rowCount()
            self.compare.insertRow(r)
            values = (row["rank"], row["site"], f"{row['site_mu']:,.4f}", row["s3"], row["s2"], row["s1"],
                      f"{row['bf']:,.4f}", f"{row['crop']:,.4f}")
            for c, value in enumerate(values):
                self.compare.setItem(r, c, QTableWidgetItem(str(value)))
        self.tabs.setCurrentWidget(self.compare)

    # ---- exports ------------------------------------------------------------------------------
    def _reports(self) -> list:
        return list(self.candidates) if len(self.candidates) > 1 else [self.report]

    def export_xlsx(self, path: str = "") -> None:
        from ..sitecheck.report_xlsx import write_site_xlsx

        path = path or QFileDialog.getSaveFileName(self, tr("Excel report"), "选址合规性分析.xlsx",
                                                   tr("Excel files (*.xlsx)"))[0]
        if not path or self.report is None:
            return
        try:
            written = write_site_xlsx(self._reports(), path)
            self.notify(tr("Excel report written:"), Qgis.MessageLevel.Success, path=written)
        except LandOfficeError as err:
            self._error(err)

    def export_pdf(self, path: str = "") -> None:
        from ..sitecheck.report_pdf import export_site_pdf
        from ..sitecheck.report_xlsx import ranking

        path = path or QFileDialog.getSaveFileName(self, tr("PDF report"), "选址合规性分析.pdf",
                                                   tr("PDF files (*.pdf)"))[0]
        if not path or self.report is None:
            return
        try:
            inputs = self._inputs()
            written = export_site_pdf(ranking(self._reports()), path, inputs.layers, [c.layer for c in inputs.controls])
            self.notify(tr("PDF report written:"), Qgis.MessageLevel.Success, path=written)
        except LandOfficeError as err:
            self._error(err)

    def export_boundary_points(self, path: str = "") -> None:
        from ..sitecheck.site import export_site_boundary

        path = path or QFileDialog.getSaveFileName(self, tr("界址点坐标 file"), "界址点坐标.txt",
                                                   tr("Text files (*.txt)"))[0]
        if not path or self.site is None:
            return
        try:
            written = export_site_boundary(self.site, path)
            self.notify(tr("界址点 file written:"), Qgis.MessageLevel.Success, path=written)
        except LandOfficeError as err:
            self._error(err)

    def add_result_layer(self) -> None:
        from ..sitecheck.result_layer import result_layer

        if self.report is None:
            return
        layer = result_layer(self._reports())
        QgsProject.instance().addMapLayer(layer)

    def cleanup(self) -> None:
        self.release_area_tool()
