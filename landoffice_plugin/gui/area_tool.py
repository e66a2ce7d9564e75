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
