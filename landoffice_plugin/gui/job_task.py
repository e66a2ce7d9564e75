"""One background task for the panels: runs ``job(feedback)`` in a worker thread.

No widget is touched in ``run()``; an exception is kept and reported by ``on_done(task, ok)``,
which ``finished()`` calls on the main thread. The feedback object offers what the engines use
(``isCanceled``, ``setProgress``, ``pushInfo``), backed by the task, so Cancel in QGIS's task
manager stops the engine.
"""
from __future__ import annotations

from qgis.core import QgsTask


class TaskFeedback:
    def __init__(self, task: QgsTask):
        self.task = task
        self.messages: list[str] = []

    def isCanceled(self) -> bool:  # noqa: N802 - QgsFeedback API
        return self.task.isCanceled()

    def setProgress(self, value: float) -> None:  # noqa: N802
        self.task.setProgress(value)

    def pushInfo(self, text: str) -> None:  # noqa: N802
        self.messages.append(text)

    def pushWarning(self, text: str) -> None:  # noqa: N802
        self.messages.append(text)


class JobTask(QgsTask):
    def __init__(self, description: str, job, on_done=None):
        super().__init__(description, QgsTask.CanCancel)
        self.job, self.on_done = job, on_done
        self.result = None
        self.error = None

    def run(self) -> bool:
        try:
            self.result = self.job(TaskFeedback(self))
            return True
        except Exception as err:  # noqa: BLE001 - reported in finished() on the main thread
            self.error = err
            return False

    def finished(self, ok: bool) -> None:
        if self.on_done is not None:
            self.on_done(self, ok)
