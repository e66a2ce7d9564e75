"""Tables of the cost dock: line items and scenario comparison."""
from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QTableWidget, QTableWidgetItem

from ..cost.money import yuan_text
from ..i18n import tr


def _item(text, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    item.setFlags(item.flags() & ~Qt.ItemIsEditable)
    if right:
        item.setTextAlignment(int(Qt.AlignRight | Qt.AlignVCenter))
    return item


def make_table(headers) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setStretchLastSection(True)
    return table


AMOUNT_COLUMN = 1  # beside the item, so a narrow panel still shows what each line costs


def line_headers() -> list:
    return [tr("Item"), tr("Amount (yuan)"), tr("Quantity"), tr("Unit"), tr("Rate"), tr("Factor"), tr("Detail"),
            tr("Source")]


def fill_lines(table: QTableWidget, est) -> None:
    rows = []
    for ln in est.lines:
        amount = yuan_text(ln.amount) if not ln.missing else tr("missing rate")
        rows.append((ln.title, amount, f"{ln.quantity:,.4f}" if ln.unit == "亩" else f"{ln.quantity:,}", ln.unit,
                     "—" if ln.rate is None else f"{ln.rate:,} {ln.rate_unit}", f"{ln.factor}", ln.detail, ln.source))
    rows.append((tr("Total"), yuan_text(est.total), "", "", "", "", "", est.standard.document))
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, _item(value, right=c in (AMOUNT_COLUMN, 2, 4, 5)))
    table.resizeColumnsToContents()


def comparison_headers() -> list:
    return [tr("Item"), tr("Scenario A (yuan)"), tr("Scenario B (yuan)"), tr("Difference B − A (yuan)"), tr("Change")]


def fill_comparison(table: QTableWidget, a, b) -> None:
    from ..cost.scenarios import compare_groups

    rows = compare_groups(a, b)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        change = f"{row.change * 100:+.1f}%" if row.change is not None else "—"
        for c, value in enumerate((row.title, yuan_text(row.amount_a), yuan_text(row.amount_b),
                                   yuan_text(row.difference), change)):
            table.setItem(r, c, _item(value, right=c > 0))
    table.resizeColumnsToContents()
