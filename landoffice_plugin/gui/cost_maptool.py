"""Map tool that digitises the red line: left click adds a corner, right click (or Enter) closes the
polygon, Backspace removes the last corner, Esc starts again."""
from __future__ import annotations

from qgis.core import QgsGeometry, QgsPointXY, QgsWkbTypes
from qgis.gui import QgsMapTool, QgsRubberBand
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor


def red_band(canvas) -> QgsRubberBand:
    """A red-line outline on ``canvas`` (the tool's sketch and the panel's red line look alike)."""
    band = QgsRubberBand(canvas, QgsWkbTypes.PolygonGeometry)
    band.setStrokeColor(QColor(230, 0, 0))
    band.setFillColor(QColor(255, 0, 0, 40))
    band.setWidth(2)
    return band


def remove_band(band: QgsRubberBand) -> None:
    """Take an outline off its canvas for good."""
    band.reset(QgsWkbTypes.PolygonGeometry)
    scene = band.scene()
    if scene is not None:
        scene.removeItem(band)


class RedLineTool(QgsMapTool):
    polygonFinished = pyqtSignal(QgsGeometry)  # in the canvas CRS

    def __init__(self, canvas):
        super().__init__(canvas)
        self.points: list = []
        self.band = red_band(canvas)
        self.setCursor(Qt.CrossCursor)

    def _redraw(self, moving=None) -> None:
        pts = self.points + ([moving] if moving is not None else [])
        self.band.reset(QgsWkbTypes.PolygonGeometry)
        for i, p in enumerate(pts):
            self.band.addPoint(p, i == len(pts) - 1)

    def canvasMoveEvent(self, event):  # noqa: N802
        if self.points:
            self._redraw(self.toMapCoordinates(event.pos()))

    def canvasReleaseEvent(self, event):  # noqa: N802
        if event.button() == Qt.RightButton:
            self.finish()
        elif event.button() == Qt.LeftButton:
            self.add_point(self.toMapCoordinates(event.pos()))

    def add_point(self, point) -> None:
        self.points.append(QgsPointXY(point))
        self._redraw()

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() == Qt.Key_Escape:
            self.clear()
        elif event.key() == Qt.Key_Backspace and self.points:
            self.points.pop()
            self._redraw()
        elif event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.finish()

    def finish(self) -> None:
        """Close the polygon on the corners clicked (not on the cursor): the sketch goes, the
        panel draws the red line it makes."""
        points, self.points = self.points, []
        self.band.reset(QgsWkbTypes.PolygonGeometry)
        if len(points) >= 3:
            self.polygonFinished.emit(QgsGeometry.fromPolygonXY([points + [points[0]]]))

    def clear(self) -> None:
        self.points = []
        self.band.reset(QgsWkbTypes.PolygonGeometry)

    def deactivate(self):
        super().deactivate()

    def remove_band(self) -> None:
        remove_band(self.band)
