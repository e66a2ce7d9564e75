"""Background task around the potential-land engine (no widget is touched in run()).

In the worker thread: the analysis, the result layer written to a GeoPackage and the xlsx,
with the progress bar moving through all three. ``finished()`` on the main thread only opens
the written layer (milliseconds), so the map does not freeze when the result arrives.
"""
from __future__ import annotations

from ..i18n import tr
from .job_task import JobTask

ANALYSIS, LAYER, REPORT = (0.0, 80.0), (80.0, 88.0), (88.0, 100.0)  # progress ranges, percent


class _Scaled:
    """The engine's 0–100 progress mapped into ``span`` of the task's progress."""

    def __init__(self, feedback, span):
        self.feedback, self.span = feedback, span

    def isCanceled(self) -> bool:  # noqa: N802 - QgsFeedback API
        return self.feedback.isCanceled()

    def setProgress(self, value: float) -> None:  # noqa: N802
        lo, hi = self.span
        self.feedback.setProgress(lo + (hi - lo) * float(value) / 100.0)

    def fraction(self, value: float) -> None:
        self.setProgress(100.0 * value)

    def pushInfo(self, text: str) -> None:  # noqa: N802
        self.feedback.pushInfo(text)

    def pushWarning(self, text: str) -> None:  # noqa: N802
        self.feedback.pushWarning(text)


class PotentialTask(JobTask):
    """Runs :func:`run_analysis`, writes the result layer to ``layer_path`` (a .gpkg) and the xlsx
    in a worker thread; ``on_done(task, ok)`` after, with ``task.layer_path`` and ``task.xlsx``."""

    def __init__(self, inputs: dict, rules, categories, villages, xlsx_path: str = "", source: str = "",
                 on_done=None, layer_path: str = "", crs=None):
        self.xlsx = None
        self.layer_path = None

        def job(feedback):
            from ..core.gc_pause import gc_paused

            with gc_paused():  # the layer's features too: tens of thousands of objects, no cycles
                return work(feedback)

        def work(feedback):
            from ..analysis.engine import run_analysis
            from ..analysis.report_xlsx import write_report
            from ..analysis.result_layer import write_gpkg

            result = run_analysis(inputs, rules, categories, villages, _Scaled(feedback, ANALYSIS))
            if layer_path:
                feedback.pushInfo(tr("Writing the result layer"))
                target = result.crs if result.crs.isValid() or crs is None else crs
                self.layer_path = write_gpkg(result.rows, target, layer_path,
                                             progress=_Scaled(feedback, LAYER).fraction)
            if xlsx_path:
                feedback.pushInfo(tr("Writing the Excel report"))
                self.xlsx = write_report(result, xlsx_path, source=source,
                                         progress=_Scaled(feedback, REPORT).fraction)
            feedback.setProgress(100)
            return result

        super().__init__(tr("Potential-land analysis"), job, on_done)
