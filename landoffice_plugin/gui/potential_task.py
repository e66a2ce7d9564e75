"""Background task around the potential-land engine (no widget is touched in run())."""
from __future__ import annotations

from ..i18n import tr
from .job_task import JobTask


class PotentialTask(JobTask):
    """Runs :func:`run_analysis` (and writes the xlsx) in a worker thread; ``on_done(task, ok)`` after."""

    def __init__(self, inputs: dict, rules, categories, villages, xlsx_path: str = "", source: str = "",
                 on_done=None):
        self.xlsx = None

        def job(feedback):
            from ..analysis.engine import run_analysis
            from ..analysis.report_xlsx import write_report

            result = run_analysis(inputs, rules, categories, villages, feedback)
            if xlsx_path:
                self.xlsx = write_report(result, xlsx_path, source=source)
            return result

        super().__init__(tr("Potential-land analysis"), job, on_done)
