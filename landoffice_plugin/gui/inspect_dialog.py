"""The 数据体检 result in a dialog: jobs (which can run, why not), layers per role, standard fields; saved as xlsx
with :func:`landoffice_plugin.datacheck.report.write_inspection_xlsx`. It only shows what the engine found."""
from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
)

from ..core.errors import LandOfficeError
from ..datacheck.report import FIELD_COLUMNS, JOB_COLUMNS, ROLE_COLUMNS, field_rows, job_rows, role_rows
from ..i18n import tr

BLOCKED = QColor(255, 220, 220)


def _table(parent, columns, rows, blocked=None) -> QTableWidget:
    table = QTableWidget(len(rows), len(columns), parent)
    table.setHorizontalHeaderLabels([tr(title) for _key, title in columns])
    table.setEditTriggers(QTableWidget.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    for r, row in enumerate(rows):
        for c, (key, _title) in enumerate(columns):
            value = row.get(key)
            item = QTableWidgetItem("" if value is None else str(value))
            if blocked is not None and blocked(row):
                item.setBackground(BLOCKED)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    return table


class InspectDialog(QDialog):
    """Non-modal: the user can keep it open beside the map while fixing the data."""

    def __init__(self, inspection, parent=None):
        super().__init__(parent)
        self.inspection = inspection
        self.setObjectName("LandOfficeInspectDialog")
        self.setWindowTitle(tr("Data check"))
        layout = QVBoxLayout(self)
        jobs = job_rows(inspection)
        ready = sum(1 for v in inspection.verdicts() if v.can_run)
        summary = tr("{source}: {ready} of {total} jobs can run.").format(
            source=inspection.source_text(), ready=ready, total=len(jobs))
        if inspection.working_crs:
            summary += " " + tr("Working CRS (every layer is reprojected to it before any overlay): {crs}").format(
                crs=inspection.working_crs)
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget(self)
        no = tr("no")
        self.jobs_table = _table(self, JOB_COLUMNS, jobs, lambda row: row["can_run"] == no)
        self.roles_table = _table(self, ROLE_COLUMNS, role_rows(inspection), lambda row: not row["features"])
        self.fields_table = _table(self, FIELD_COLUMNS, field_rows(inspection),
                                   lambda row: row["required"] == tr("yes") and not row["actual"])
        self.tabs.addTab(self.jobs_table, tr("Jobs"))
        self.tabs.addTab(self.roles_table, tr("Layers"))
        self.tabs.addTab(self.fields_table, tr("Fields"))
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, Qt.Horizontal, self)
        self.save_button = buttons.addButton(tr("Save as Excel…"), QDialogButtonBox.ActionRole)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 560)

    def save(self, path: str = "") -> str:
        from ..datacheck.report import write_inspection_xlsx

        if not path:
            path, _filter = QFileDialog.getSaveFileName(self, tr("Save the data check"), "数据体检.xlsx",
                                                        tr("Excel files (*.xlsx)"))
        if not path:
            return ""
        try:
            return str(write_inspection_xlsx(self.inspection, path))
        except LandOfficeError as err:
            QMessageBox.warning(self, tr("Data check"), err.bilingual())
            return ""
