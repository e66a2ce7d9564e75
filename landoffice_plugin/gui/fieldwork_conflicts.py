"""Conflict table of the field-work dock: one row per conflicting field, mine or theirs per row."""
from __future__ import annotations

import json

from qgis.PyQt.QtWidgets import QComboBox, QTableWidget, QTableWidgetItem

from ..i18n import tr
from ..sync.journal import REFUSED_FIELD, decide, list_conflicts


def _shown(stored: str) -> str:
    """Conflict values are stored as JSON; show the plain value."""
    try:
        value = json.loads(stored)
    except (TypeError, ValueError):
        return str(stored)
    return "" if value is None else str(value)


class ConflictTable(QTableWidget):
    def __init__(self, parent=None):
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels([tr("Feature"), tr("Field"), tr("Mine"), tr("Theirs"), tr("Keep")])
        self.rows: list[dict] = []

    def load(self, gpkg) -> int:
        self.rows = list_conflicts(gpkg)
        self.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            if row["field"] == REFUSED_FIELD:  # a write the data centre refused: the reason, nothing to choose
                values = [f"{row['collection']} {row['fid'][:8]}", tr("Refused by the data centre"),
                          tr("kept on this laptop"), str(row["theirs"] or "")]
                for column, value in enumerate(values):
                    self.setItem(index, column, QTableWidgetItem(value))
                self.setItem(index, 4, QTableWidgetItem(tr("correct the feature, then sync")))
                continue
            values = [f"{row['collection']} {row['fid'][:8]}", row["field"], _shown(row["mine"]), _shown(row["theirs"])]
            for column, value in enumerate(values):
                self.setItem(index, column, QTableWidgetItem(str(value)))
            choice = QComboBox()
            choice.addItem(tr("Undecided"), None)
            choice.addItem(tr("Mine"), "mine")
            choice.addItem(tr("Theirs"), "theirs")
            self.setCellWidget(index, 4, choice)
        self.resizeColumnsToContents()
        return len(self.rows)

    def apply(self, gpkg) -> int:
        """Record the chosen sides; the next sync applies them."""
        count = 0
        for index, row in enumerate(self.rows):
            widget = self.cellWidget(index, 4)
            value = widget.currentData() if widget is not None else None
            if value:
                decide(gpkg, row["collection"], row["fid"], row["field"], value)
                count += 1
        return count
