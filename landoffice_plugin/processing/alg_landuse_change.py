"""Processing algorithm ``landoffice:landusechange``: 年度变更 between two DLTB vintages.

Engine: :mod:`landoffice_plugin.change` (headless). Writes the change pieces (from-class → to-class, 亩), the
suspected unlawful conversions with their evidence, and an xlsx with the transition matrices (流量表).
"""
from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.i18n import tr

from .base import LandOfficeAlgorithm
from .field_map_param import add_field_map, apply_field_map, field_map_of
from .gpkg_param import add_gpkg, fill_from_gpkg

PIECE_FIELDS = (
    ("from_code", QVariant.String, 5, "上期地类"), ("from_name", QVariant.String, 40, "上期地类名称"),
    ("to_code", QVariant.String, 5, "本期地类"), ("to_name", QVariant.String, 40, "本期地类名称"),
    ("from_group", QVariant.String, 8, "上期三大类"), ("to_group", QVariant.String, 8, "本期三大类"),
    ("village_code", QVariant.String, 12, "村代码"), ("old_bsm", QVariant.String, 20, "上期标识码"),
    ("new_bsm", QVariant.String, 20, "本期标识码"), ("area_m2", QVariant.Double, 2, "面积（平方米）"),
    ("area_mu", QVariant.Double, 4, "面积（亩）"), ("clue", QVariant.String, 2, "疑似违法"),
    ("evidence", QVariant.String, 254, "依据"),
)
CLUE_FIELDS = PIECE_FIELDS + (("farmland_m2", QVariant.Double, 2, "永久基本农田内（平方米）"),)
OTHERS = ("PZYD", "GYYD", "YJJBNTTB")


class LandUseChangeAlgorithm(LandOfficeAlgorithm):
    NAME = "landusechange"
    DISPLAY = "Land-use change (年度变更)"
    GROUP_ID = "analysis"
    GROUP = "Analysis"
    HELP = ("Compares two DLTB vintages: the pieces whose land-use class changed (from-class → to-class, 亩), the "
            "transition matrix by first-level class and by the three legal categories (xlsx), and suspected "
            "unlawful use — new construction on cropland or in basic farmland that no approval (PZYD) or supply "
            "(GYYD) covers — with its evidence. Boundary jitter and slivers under the minimum mapping area "
            "(quality rules) are not changes.")

    OLD, NEW, RULES, JITTER = "OLD", "NEW", "RULES", "JITTER"
    OUTPUT, CLUES, REPORT_XLSX = "OUTPUT", "CLUES", "REPORT_XLSX"

    def initAlgorithm(self, config=None):
        polygon = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterVectorLayer(self.OLD, tr("Earlier DLTB (上期地类图斑)"), types=polygon))
        self.addParameter(QgsProcessingParameterVectorLayer(self.NEW, tr("Later DLTB (本期地类图斑)"), types=polygon))
        for role in OTHERS:
            from landoffice_plugin.core.roles import get_role

            self.addParameter(QgsProcessingParameterVectorLayer(role, f"{role} {get_role(role).name_zh}",
                                                                types=polygon, optional=True))
        add_gpkg(self)
        self.addParameter(QgsProcessingParameterFile(self.RULES, tr("Rules file (TOML; empty: shipped rules)"),
                                                     extension="toml", optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.JITTER, tr("Boundary jitter: pieces narrower than this are no change (m)"),
            QgsProcessingParameterNumber.Double, 0.1, minValue=0.0))
        add_field_map(self)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Change pieces"),
                                                            QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(self.CLUES, tr("Suspected unlawful use"),
                                                            QgsProcessing.TypeVectorPolygon, optional=True,
                                                            createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT_XLSX, tr("Excel report"), fileFilter=tr("Excel files (*.xlsx)"), optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("PIECES", tr("Change pieces")))
        self.addOutput(QgsProcessingOutputNumber("CLUE_COUNT", tr("Suspected unlawful use")))

    def _sink(self, parameters, name, context, spec, rows, crs):
        from qgis.core import QgsFeatureSink

        from landoffice_plugin.analysis.result_layer import features_of, fields_of

        fields = fields_of(spec)
        sink, dest = self.parameterAsSink(parameters, name, context, fields, QgsWkbTypes.MultiPolygon, crs)
        if sink is None:
            if name == self.CLUES:
                return None
            raise LandOfficeError("The output layer could not be created: choose another output file.")
        sink.addFeatures(features_of(spec, rows, fields), QgsFeatureSink.FastInsert)
        return dest

    def run_algorithm(self, parameters, context, feedback):
        from landoffice_plugin.analysis.loading import layer_input
        from landoffice_plugin.change.engine import run_landuse_change
        from landoffice_plugin.change.report_xlsx import write_report
        from landoffice_plugin.quality.rules import load_rules

        self._keep = []
        old = self.parameterAsVectorLayer(parameters, self.OLD, context)
        new = self.parameterAsVectorLayer(parameters, self.NEW, context)
        if old is None or new is None or not old.isValid() or not new.isValid():
            raise LandOfficeError("Both DLTB vintages are needed: choose the earlier (OLD) and the later (NEW) "
                                  "land-use patch layer.")
        layers = fill_from_gpkg(self, parameters, context,
                                {r: self.parameterAsVectorLayer(parameters, r, context) for r in OTHERS}, self._keep)
        field_map = field_map_of(self, parameters, context)
        apply_field_map({"DLTB": old, **layers}, field_map)
        apply_field_map({"DLTB": new}, field_map)
        rules = load_rules(self.parameterAsFile(parameters, self.RULES, context) or None)
        tc = context.transformContext()
        result = run_landuse_change(layer_input(old, "DLTB", tc), layer_input(new, "DLTB", tc),
                                    {r: layer_input(lyr, r, tc) for r, lyr in layers.items()}, rules,
                                    self.parameterAsDouble(parameters, self.JITTER, context))
        for note in result.notes:
            feedback.pushInfo(note)
        out = {self.OUTPUT: self._sink(parameters, self.OUTPUT, context, PIECE_FIELDS, result.rows, result.crs),
               "PIECES": len(result.rows["area_m2"]), "CLUE_COUNT": len(result.clues["area_m2"]),
               "CHANGED_MU": float(result.rows["area_mu"].sum()), "CLUE_MU": float(result.clues["area_mu"].sum()),
               "NOTES": "\n".join(result.notes)}
        clues = self._sink(parameters, self.CLUES, context, CLUE_FIELDS, result.clues, result.crs)
        if clues is not None:
            out[self.CLUES] = clues
        xlsx = self.parameterAsFileOutput(parameters, self.REPORT_XLSX, context)
        if xlsx:
            out[self.REPORT_XLSX] = write_report(result, xlsx, old.source(), new.source())
        return out
