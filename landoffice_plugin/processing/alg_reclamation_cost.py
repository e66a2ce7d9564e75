"""``landoffice:reclamationcost``: village reclamation cost (村庄复垦成本) for selected villages."""
from __future__ import annotations

from qgis.core import QgsProcessingOutputNumber, QgsProcessingParameterString

from ..i18n import tr
from .base import LandOfficeAlgorithm
from .cost_common import (
    add_common_inputs,
    add_standard_and_outputs,
    as_of_date,
    read_inputs,
    standard_of,
    write_reports,
)


class ReclamationCostAlgorithm(LandOfficeAlgorithm):
    NAME = "reclamationcost"
    DISPLAY = "Village reclamation cost"
    GROUP_ID = "cost"
    GROUP = "Cost estimation"
    HELP = ("For the villages given by their 12-digit codes: the homestead land (DLTB 0702) to reclaim in 亩, the "
            "demolition compensation of every homestead there, the reclamation works, and the cost per 亩 of new "
            "cropland. Writes an Excel report with live formulas and, optionally, a PDF.")
    MAIN_THREAD = True  # renders a print layout


    def initAlgorithm(self, config=None):  # noqa: N802
        add_common_inputs(self)
        self.addParameter(QgsProcessingParameterString(
            "VILLAGES", tr("Village codes (12 digits, separated by commas)")))
        add_standard_and_outputs(self)
        self.addOutput(QgsProcessingOutputNumber("RECLAIM_MU", tr("Homestead land to reclaim (mu)")))
        self.addOutput(QgsProcessingOutputNumber("COST_PER_MU", tr("Cost per mu of new cropland (yuan)")))

    def run_algorithm(self, parameters, context, feedback):
        from ..cost.engine import Options, estimate_villages

        inputs, _layers = read_inputs(self, parameters, context)
        text = self.parameterAsString(parameters, "VILLAGES", context)
        codes = [c for c in text.replace("，", ",").replace(";", ",").replace(" ", ",").split(",") if c.strip()]
        standard = standard_of(self, parameters, context)
        options = Options(as_of=as_of_date(self.parameterAsString(parameters, "AS_OF", context)),
                          title=self.parameterAsString(parameters, "TITLE", context))
        est = estimate_villages(inputs, codes, standard, options, feedback)
        out = write_reports(self, est, parameters, context, feedback,
                            self.parameterAsVectorLayer(parameters, "DLTB", context))
        out["RECLAIM_MU"] = float(est.reclaim_mu)
        out["COST_PER_MU"] = float(est.cost_per_new_mu) if est.cost_per_new_mu is not None else 0.0
        feedback.pushInfo(tr("Reclaimed: {mu} mu; new cropland: {new} mu; cost per mu: {cost} yuan").format(
            mu=f"{est.reclaim_mu:,.4f}", new=f"{est.new_cropland_mu:,.4f}",
            cost=f"{est.cost_per_new_mu:,.2f}" if est.cost_per_new_mu is not None else "—"))
        return out
