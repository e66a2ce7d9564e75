"""Text tables on a print layout (cost summary, a township's figures on its atlas page)."""
from __future__ import annotations

from qgis.core import QgsLayoutFrame, QgsLayoutItemTextTable, QgsLayoutTableColumn
from qgis.PyQt.QtCore import QRectF

from .layout_fonts import make_font, text_format


def text_table(layout, rect: QRectF, columns, rows, family: str, header_size: float = 9.0,
               content_size: float = 8.5, cell_margin: float = 1.2) -> QgsLayoutItemTextTable:
    """A table in one frame at ``rect`` (mm); ``columns`` are (title, share of the width, alignment)."""
    table = QgsLayoutItemTextTable(layout)
    layout.addMultiFrame(table)
    cols = []
    for title, share, align in columns:
        col = QgsLayoutTableColumn(title)
        col.setWidth(max(rect.width() * share - 4.0, 5.0))
        col.setHAlignment(align)
        cols.append(col)
    table.setColumns(cols)
    table.setContents(rows)
    if hasattr(table, "setContentTextFormat"):
        table.setHeaderTextFormat(text_format(make_font(family, header_size, True)))
        table.setContentTextFormat(text_format(make_font(family, content_size)))
    else:  # pragma: no cover - older QGIS
        table.setHeaderFont(make_font(family, header_size, True))
        table.setContentFont(make_font(family, content_size))
    table.setCellMargin(cell_margin)
    frame = QgsLayoutFrame(layout, table)
    frame.attemptSetSceneRect(rect)
    table.addFrame(frame)
    return table
