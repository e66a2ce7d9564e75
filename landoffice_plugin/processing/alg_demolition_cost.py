"""``landoffice:demolitioncost``: itemised requisition-and-demolition estimate for a red line."""
from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterVectorLayer,
)

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

RULES = ("share", "centroid")


class DemolitionCostAlgorithm(LandOfficeAlgorithm):
    NAME = "demolitioncost"
    DISPLAY = "Demolition cost estimate"
    GROUP_ID = "cost"
    GROUP = "Cost estimation"
    HELP = ("Estimates the requisition and demolition cost inside a red line: land compensation and resettlement "
            "by zone grade, crop compensation by land class, houses by structure and age, moving, transition, "
            "social security, attachments and contingency, each line quantity × rate = amount with its source. "
            "Writes an Excel report with live formulas and, optionally, a PDF with a map; returns the total.")
    MAIN_THREAD = True  # renders a print layout


    def initAlgorithm(self, config=None):  # noqa: N802
        add_common_inputs(self)
        self.addParameter(QgsProcessingParameterVectorLayer(
            "ZONES", tr("Zone polygons with grade field QPDJ (optional; else the standard's village table)"),
            [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "REDLINE", tr("Red line (polygons or closed polylines)"), [QgsProcessing.TypeVectorAnyGeometry]))
        self.addParameter(QgsProcessingParameterEnum(
            "RULE", tr("Homestead counts when"), options=[tr("its overlap share reaches the threshold"),
                                                         tr("its centroid lies inside the red line")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            "THRESHOLD", tr("Overlap share threshold (0–1)"), QgsProcessingParameterNumber.Double, 0.5,
            minValue=0.01, maxValue=1.0))
        add_standard_and_outputs(self)
        self.addParameter(QgsProcessingParameterFile(
            "STANDARD_B", tr("Second standard to compare with (optional)"), optional=True,
            fileFilter=tr("Standards (*.json *.xlsx)")))

    def run_algorithm(self, parameters, context, feedback):
        from ..cost.engine import Options, estimate_redline
        from ..cost.redline import redline_from_layer
        from ..cost.standard import load_standard

        inputs, layers = read_inputs(self, parameters, context)
        red_layer = self.parameterAsVectorLayer(parameters, "REDLINE", context)
        redline = redline_from_layer(red_layer)
        standard = standard_of(self, parameters, context)
        options = Options(rule=RULES[self.parameterAsEnum(parameters, "RULE", context)],
                          threshold=self.parameterAsDouble(parameters, "THRESHOLD", context),
                          as_of=as_of_date(self.parameterAsString(parameters, "AS_OF", context)),
                          title=self.parameterAsString(parameters, "TITLE", context) or red_layer.name())
        est = estimate_redline(inputs, redline, standard, options, feedback)
        other = None
        second = self.parameterAsFile(parameters, "STANDARD_B", context)
        if second:
            other = estimate_redline(inputs, redline, load_standard(second), options)
        return write_reports(self, est, parameters, context, feedback,
                             self.parameterAsVectorLayer(parameters, "DLTB", context), other)
