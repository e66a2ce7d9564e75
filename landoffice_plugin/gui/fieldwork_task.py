"""A QgsTask that runs one field-work job (test connection, checkout, checks, sync) off the GUI thread."""
from __future__ import annotations

from qgis.core import QgsTask


class _TaskFeedback:
    """The feedback interface the sync engine uses, forwarded to the task (progress, cancel)."""

    def __init__(self, task: QgsTask):
        self.task = task

    def setProgress(self, value: float) -> None:  # noqa: N802
        self.task.setProgress(value)

    def isCanceled(self) -> bool:  # noqa: N802
        return self.task.isCanceled()

    def pushInfo(self, text: str) -> None:  # noqa: N802
        pass

    def pushWarning(self, text: str) -> None:  # noqa: N802
        pass


class FieldworkTask(QgsTask):
    """``job(feedback)`` runs in the task; ``done(result, error)`` runs in the GUI thread afterwards."""

    def __init__(self, description: str, job, done):
        super().__init__(description, QgsTask.CanCancel)
        self.job, self.done = job, done
        self.result, self.error = None, None

    def run(self) -> bool:
        try:
            self.result = self.job(_TaskFeedback(self))
            return True
        except Exception as err:  # noqa: BLE001 - reported in finished(), in the GUI thread
            self.error = err
            return False

    def finished(self, ok: bool) -> None:
        self.done(self.result, self.error)
