"""Feedback for runs outside the desktop: progress and messages on stderr."""
from __future__ import annotations

import sys

from qgis.core import QgsProcessingFeedback


class ConsoleFeedback(QgsProcessingFeedback):
    def __init__(self, stream=None):
        super().__init__()
        self.stream = stream or sys.stderr
        self._last = -10
        self.progressChanged.connect(self._on_progress)

    def _on_progress(self, value: float) -> None:
        if value >= self._last + 10 or value >= 100:
            self._last = int(value) // 10 * 10
            print(f"  {value:3.0f}%", file=self.stream, flush=True)

    def pushInfo(self, info):  # noqa: N802
        print(info, file=self.stream, flush=True)

    def pushWarning(self, warning):  # noqa: N802
        print(f"WARNING: {warning}", file=self.stream, flush=True)

    def reportError(self, error, fatalError=False):  # noqa: N802, N803
        print(f"ERROR: {error}", file=self.stream, flush=True)
