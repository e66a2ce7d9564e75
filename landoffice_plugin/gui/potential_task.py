"""Background task around the potential-land engine (no widget is touched in run())."""
from __future__ import annotations

from qgis.core import QgsTask

from ..i18n import tr


class _TaskFeedback:
    """What the engine needs from a feedback object, backed by the task."""

    def __init__(self, task: QgsTask):
        self.task = task
        self.messages = []

    def isCanceled(self) -> bool:  # noqa: N802 - QgsFeedback API
        return self.task.isCanceled()

    def setProgress(self, value: float) -> None:  # noqa: N802
        self.task.setProgress(value)

    def pushInfo(self, text: str) -> None:  # noqa: N802
        self.messages.append(text)


class PotentialTask(QgsTask):
    """Runs :func:`run_analysis` (and writes the xlsx) in a worker thread; ``on_done(task, ok)`` after."""

    def __init__(self, inputs: dict, rules, categories, villages, xlsx_path: str = "", source: str = "",
                 on_done=None):
        super().__init__(tr("Potential-land analysis"), QgsTask.CanCancel)
        self.inputs, self.rules, self.categories, self.villages = inputs, rules, categories, villages
        self.xlsx_path, self.source, self.on_done = xlsx_path, source, on_done
        self.result = None
        self.xlsx = None
        self.error = None

    def run(self) -> bool:
        from ..analysis.engine import run_analysis
        from ..analysis.report_xlsx import write_report

        try:
            self.result = run_analysis(self.inputs, self.rules, self.categories, self.villages, _TaskFeedback(self))
            if self.xlsx_path:
                self.xlsx = write_report(self.result, self.xlsx_path, source=self.source)
            return True
        except Exception as err:  # noqa: BLE001 - reported in finished() on the main thread
            self.error = err
            return False

    def finished(self, ok: bool) -> None:
        if self.on_done is not None:
            self.on_done(self, ok)
