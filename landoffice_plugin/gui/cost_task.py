"""Background task around the cost engine (no widget is touched in run())."""
from __future__ import annotations

from qgis.core import QgsTask

from ..i18n import tr


class _TaskFeedback:
    def __init__(self, task: QgsTask):
        self.task = task

    def isCanceled(self) -> bool:  # noqa: N802 - QgsFeedback API
        return self.task.isCanceled()

    def setProgress(self, value: float) -> None:  # noqa: N802
        self.task.setProgress(value)

    def pushInfo(self, text: str) -> None:  # noqa: N802
        pass


class CostTask(QgsTask):
    """Runs ``job(feedback)`` (an estimate, or an export) in a worker thread; ``on_done(task, ok)`` after."""

    def __init__(self, description: str, job, on_done=None):
        super().__init__(description or tr("Cost estimate"), QgsTask.CanCancel)
        self.job, self.on_done = job, on_done
        self.result = None
        self.error = None

    def run(self) -> bool:
        try:
            self.result = self.job(_TaskFeedback(self))
            return True
        except Exception as err:  # noqa: BLE001 - reported in finished() on the main thread
            self.error = err
            return False

    def finished(self, ok: bool) -> None:
        if self.on_done is not None:
            self.on_done(self, ok)
