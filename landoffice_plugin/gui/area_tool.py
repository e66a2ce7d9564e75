"""Drawing an area on the map for a panel (the cost red line, the site of a site check): one map tool per
panel, started on demand and taken off the canvas when the panel goes. The panel provides ``iface``, a
``tool`` attribute (None) and ``_drawn(geometry)`` (the closed polygon, in the canvas CRS)."""
from __future__ import annotations


class AreaToolMixin:
    tool = None
    _previous_tool = None

    def start_area_tool(self, label, prompt: str) -> None:
        """Put the drawing tool on the canvas and tell the user how to draw (in ``label``)."""
        from .cost_maptool import RedLineTool

        canvas = self.iface.mapCanvas()
        if self.tool is None:
            self.tool = RedLineTool(canvas)
            self.tool.polygonFinished.connect(self._drawn)
        self._previous_tool = canvas.mapTool()
        canvas.setMapTool(self.tool)
        label.setText(prompt)

    def canvas_crs(self):
        return self.iface.mapCanvas().mapSettings().destinationCrs()

    def release_area_tool(self) -> None:
        """Take the tool off the canvas and remove its rubber band."""
        if self.tool is not None:
            canvas = self.iface.mapCanvas()
            if canvas is not None and canvas.mapTool() is self.tool:
                canvas.unsetMapTool(self.tool)
            self.tool.remove_band()
            self.tool = None


def area_group(parent, title: str, selection_text: str, empty_text: str, on_draw, on_selection, on_file):
    """The group a panel takes its area from: 绘制 / 从文件 on one row, 选中要素 below (the panel stays narrow),
    and a label that says what was taken. Returns (group, label, (draw, file, selection) buttons)."""
    from qgis.PyQt.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout

    from ..i18n import tr

    group = QGroupBox(title, parent)
    layout = QVBoxLayout(group)
    row = QGridLayout()
    draw, file, selection = QPushButton(tr("Draw on map")), QPushButton(tr("From file…")), QPushButton(selection_text)
    row.addWidget(draw, 0, 0)
    row.addWidget(file, 0, 1)
    row.addWidget(selection, 1, 0, 1, 2)
    draw.clicked.connect(on_draw)
    selection.clicked.connect(lambda: on_selection())
    file.clicked.connect(on_file)
    layout.addLayout(row)
    label = QLabel(empty_text)
    label.setWordWrap(True)
    layout.addWidget(label)
    return group, label, (draw, file, selection)
