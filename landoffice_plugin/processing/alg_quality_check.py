"""Processing algorithm ``landoffice:qualitycheck``: 质检 of the role layers by the rules file.

Engine: :mod:`landoffice_plugin.quality` (headless). Writes the red-light layer (one feature per problem,
with the problem's geometry) and an xlsx by village and rule; returns the counts by rule.
"""
from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterVectorLayer,
    QgsWkbTypes,
)

from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.i18n import tr, tr_noop

from .base import LandOfficeAlgorithm
from .field_map_param import add_field_map, apply_field_map, field_map_of
from .gpkg_param import add_gpkg, fill_from_gpkg

GROUP_OPTIONS = (("attribute", tr_noop("Attributes")), ("area", tr_noop("Area identities")),
                 ("topology", tr_noop("Topology")), ("cross", tr_noop("Layer against layer")))
LAYER_ROLES = ("DLTB", "CJDCQ", "XZQ", "YJJBNTTB", "ZD", "ZRZ")


def _role_label(role: str) -> str:
    from landoffice_plugin.core.roles import get_role

    return f"{role} {get_role(role).name_zh}"


class QualityCheckAlgorithm(LandOfficeAlgorithm):
    NAME = "qualitycheck"
    DISPLAY = "Quality check (质检)"
    GROUP_ID = "analysis"
    GROUP = "Analysis"
    HELP = ("Checks the land-use patches (DLTB) and, when given, villages (CJDCQ), townships (XZQ), basic "
            "farmland (YJJBNTTB), parcels (ZD) and buildings (ZRZ) by the rules of a rules file (TOML, modelled "
            "on the 三调 database checks): attributes, area identities, topology, layer against layer. Writes one "
            "red light per problem with its geometry, and an xlsx by village and rule. A rule whose layer is "
            "missing is skipped and said so.")

    RULES, GROUPS, OUTPUT, REPORT_XLSX = "RULES", "GROUPS", "OUTPUT", "REPORT_XLSX"

    def initAlgorithm(self, config=None):
        for role in LAYER_ROLES:
            self.addParameter(QgsProcessingParameterVectorLayer(role, _role_label(role),
                                                                types=[QgsProcessing.TypeVectorPolygon],
                                                                optional=True))
        add_gpkg(self)
        self.addParameter(QgsProcessingParameterFile(self.RULES, tr("Rules file (TOML; empty: shipped rules)"),
                                                     extension="toml", optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.GROUPS, tr("Rule groups"), options=[tr(label) for _g, label in GROUP_OPTIONS], allowMultiple=True,
            defaultValue=list(range(len(GROUP_OPTIONS))), optional=True))
        add_field_map(self)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Red lights"),
                                                            QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT_XLSX, tr("Excel report"), fileFilter=tr("Excel files (*.xlsx)"), optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("TOTAL", tr("Red lights")))
        self.addOutput(QgsProcessingOutputString("NOTES", tr("Notes")))

    def run_algorithm(self, parameters, context, feedback):
        from landoffice_plugin.analysis.loading import layer_input
        from landoffice_plugin.quality.engine import run_quality
        from landoffice_plugin.quality.red_light_layer import red_light_fields, write_red_lights
        from landoffice_plugin.quality.report_xlsx import write_report
        from landoffice_plugin.quality.rules import load_rules

        self._keep = []
        layers = fill_from_gpkg(self, parameters, context, {role: self.parameterAsVectorLayer(parameters, role, context)
                                                            for role in LAYER_ROLES}, self._keep)
        apply_field_map(layers, field_map_of(self, parameters, context))
        if "DLTB" not in layers:
            raise LandOfficeError("The land-use patch layer (DLTB) is missing: every quality rule needs it. "
                                  "Choose the DLTB layer.")
        rules = load_rules(self.parameterAsFile(parameters, self.RULES, context) or None)
        feedback.pushInfo(tr("Rules: {name} ({path})").format(name=rules.name, path=rules.path))
        chosen = self.parameterAsEnums(parameters, self.GROUPS, context)
        groups = [GROUP_OPTIONS[i][0] for i in chosen] if chosen else None
        inputs = {role: layer_input(lyr, role, context.transformContext()) for role, lyr in layers.items()}
        result = run_quality(inputs, rules, groups, feedback)
        for note in result.notes:
            feedback.pushWarning(note)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, red_light_fields(),
                                             QgsWkbTypes.MultiPolygon, result.crs)
        if sink is None:
            raise LandOfficeError("The output layer could not be created: choose another output file.")
        write_red_lights(sink, result.table)
        for rule in result.rules:
            feedback.pushInfo(f"{rule.id} {rule.title}: {result.counts.get(rule.id, 0)} "
                              f"/ {result.checked.get(rule.id, 0)}")
        out = {self.OUTPUT: dest_id, "TOTAL": result.total, "COUNTS": dict(result.counts),
               "CHECKED": dict(result.checked), "NOTES": "\n".join(result.notes), "SECONDS": result.seconds["total"]}
        xlsx = self.parameterAsFileOutput(parameters, self.REPORT_XLSX, context)
        if xlsx:
            out[self.REPORT_XLSX] = write_report(result, xlsx, source=layers["DLTB"].source(), rules_name=rules.name)
            feedback.pushInfo(tr("Excel report: {path}").format(path=out[self.REPORT_XLSX]))
        return out
