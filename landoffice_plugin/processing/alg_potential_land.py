"""Processing algorithm ``landoffice:potentialland``: 用地潜力分析 in one run.

The engine (``landoffice_plugin.analysis``) runs in processAlgorithm (a background thread in
the desktop); the PDF maps are printed in postProcessAlgorithm, on the main thread.
"""
from __future__ import annotations

import time

from qgis.core import (
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProcessingUtils,
    QgsVectorLayer,
    QgsWkbTypes,
)

from landoffice_plugin.analysis.categories import CATEGORIES, CATEGORY_IDS, ROLES
from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.core.gc_pause import gc_paused
from landoffice_plugin.i18n import tr

from .base import LandOfficeAlgorithm
from .field_map_param import add_field_map, apply_field_map, field_map_of
from .gpkg_param import add_gpkg, fill_from_gpkg


def _role_label(role: str) -> str:
    from landoffice_plugin.core.roles import get_role

    return f"{role} {get_role(role).name_zh}"


class PotentialLandAlgorithm(LandOfficeAlgorithm):
    NAME = "potentialland"
    DISPLAY = "Potential-land analysis"
    GROUP_ID = "analysis"
    GROUP = "Analysis"
    HELP = ("Finds potential land (approved but not supplied, idle, inefficient industrial, reclamation, "
            "developable inside the urban boundary, cropland recovery) from the role layers, never on hard "
            "constraints, each piece in one category only. Writes a layer, an xlsx report and PDF maps "
            "(county plus one page per township). Thresholds come from a rules file (TOML).")

    RULES, CATEGORIES, VILLAGES, GPKG = "RULES", "CATEGORIES", "VILLAGES", "GPKG"
    OUTPUT, REPORT_XLSX, REPORT_PDF = "OUTPUT", "REPORT_XLSX", "REPORT_PDF"
    ENUM_IDS = {"CATEGORIES": CATEGORY_IDS}  # the command line also takes --CATEGORIES boundary,recovery

    def initAlgorithm(self, config=None):
        for role in ROLES:
            types = [QgsProcessing.TypeVectorPoint] if role == "GYQY" else [QgsProcessing.TypeVectorPolygon]
            self.addParameter(QgsProcessingParameterVectorLayer(role, _role_label(role), types=types,
                                                                optional=True))
        self.addParameter(QgsProcessingParameterFile(self.RULES, tr("Rules file (TOML; empty: shipped rules)"),
                                                     extension="toml", optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.CATEGORIES, tr("Categories"), options=[tr(c.name_en) for c in CATEGORIES], allowMultiple=True,
            defaultValue=list(range(len(CATEGORIES))), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.VILLAGES, tr("Villages marked for relocation or merger (12-digit codes, comma separated)"),
            optional=True))
        add_gpkg(self)
        add_field_map(self)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Potential land"),
                                                            QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT_XLSX, tr("Excel report"), fileFilter=tr("Excel files (*.xlsx)"), optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT_PDF, tr("PDF maps"), fileFilter=tr("PDF files (*.pdf)"), optional=True,
            createByDefault=False))

    def _layers(self, parameters, context) -> dict:
        layers = {role: self.parameterAsVectorLayer(parameters, role, context) for role in ROLES}
        return fill_from_gpkg(self, parameters, context, layers, self._keep)

    def run_algorithm(self, parameters, context, feedback):
        from landoffice_plugin.analysis.engine import run_analysis
        from landoffice_plugin.analysis.loading import layer_input, working_crs
        from landoffice_plugin.analysis.result_layer import result_features, result_fields, write_to_sink
        from landoffice_plugin.analysis.rules import load_rules
        from landoffice_plugin.analysis.tiled import run_tiled, strips

        self._keep = []
        field_map = field_map_of(self, parameters, context)
        layers = self._layers(parameters, context)
        apply_field_map(layers, field_map)
        if "DLTB" not in layers:
            raise LandOfficeError("The land-use patch layer (DLTB) is missing: every potential-land category "
                                  "needs it. Choose the DLTB layer.")
        rules = load_rules(self.parameterAsFile(parameters, self.RULES, context) or None)
        feedback.pushInfo(tr("Rules: {name} ({path})").format(name=rules.name, path=rules.path))
        chosen = self.parameterAsEnums(parameters, self.CATEGORIES, context)
        categories = [CATEGORIES[i].id for i in chosen] if chosen else None
        villages = [v.strip() for v in (self.parameterAsString(parameters, self.VILLAGES, context) or "")
                    .replace("，", ",").replace(";", ",").split(",") if v.strip()]
        inputs = {role: layer_input(lyr, role, context.transformContext()) for role, lyr in layers.items()}
        parts = strips(inputs["DLTB"])  # a city: strip by strip, each strip's pieces written as it is done
        xlsx = self.parameterAsFileOutput(parameters, self.REPORT_XLSX, context)
        if parts:
            work = working_crs(inputs["DLTB"])
            sink, dest_id = self._sink(parameters, context, work if work.isValid() else layers["DLTB"].crs())
            result = run_tiled(inputs, rules, categories, villages, feedback,
                               on_pieces=lambda rows: write_to_sink(sink, rows), conditions=parts)
            report = self._report(result, xlsx, layers)
        else:
            with gc_paused():  # the analysis and the features: hundreds of thousands of objects, no cycles
                result = run_analysis(inputs, rules, categories, villages, feedback)
                crs = result.crs if result.crs.isValid() else layers["DLTB"].crs()  # geographic data: its GK zone
                sink, dest_id = self._sink(parameters, context, crs)
                started = time.perf_counter()
                # the features first, alone: building them makes a few short calls per feature, each letting go
                # of Python's lock, and a busy Python thread beside them (the workbook) would slow them 100-fold
                feats = result_features(result.rows, result_fields())
                report = self._report(result, xlsx, layers)  # the workbook is written while the layer is
                sink.addFeatures(feats, QgsFeatureSink.FastInsert)  # one long call without Python's lock
                del feats
                result.seconds["layer"] = time.perf_counter() - started
        for note in result.notes:
            feedback.pushWarning(note)
        out = {self.OUTPUT: dest_id, "PIECES": result.count,
               "AREA_MU": float(result.rows["area_mu"].sum()) if result.count else 0.0,
               "NOTES": "\n".join(result.notes)}
        if report is not None:
            out[self.REPORT_XLSX] = report.result()  # its LandOfficeError (a locked file …) is raised here
            feedback.pushInfo(tr("Excel report: {path}").format(path=out[self.REPORT_XLSX]))
        feedback.pushInfo(tr("Seconds: {stages}").format(stages=", ".join(
            f"{stage} {value:.2f}" for stage, value in result.seconds.items())))
        self._pdf = self.parameterAsFileOutput(parameters, self.REPORT_PDF, context)
        self._pdf_layers = (layers.get("XZQ"), layers.get("CJDCQ"))
        self._subtitle = f"数据日期 {rules.data_date.isoformat()} · 规则：{rules.name}"
        self._dest_id = dest_id
        self._results = out
        return out

    @staticmethod
    def _report(result, xlsx: str, layers: dict):
        """The xlsx report written on another thread (a Future of its path), or None when none was asked for."""
        if not xlsx:
            return None
        from landoffice_plugin.analysis.report_xlsx import write_report  # openpyxl only when asked for
        from landoffice_plugin.core.parallel import submit

        source = layers["DLTB"].source()

        def write():
            started = time.perf_counter()
            path = write_report(result, xlsx, source=source)
            result.seconds["xlsx"] = time.perf_counter() - started
            return path

        return submit(write)

    def _sink(self, parameters, context, crs):
        from landoffice_plugin.analysis.result_layer import result_fields

        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, result_fields(),
                                             QgsWkbTypes.MultiPolygon, crs)
        if sink is None:
            raise LandOfficeError("The output layer could not be created: choose another output file.")
        return sink, dest_id

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802 - runs on the main thread
        from landoffice_plugin.analysis.report_pdf import export_potential_pdf
        from landoffice_plugin.analysis.result_layer import style_result_layer

        results = dict(getattr(self, "_results", {}))
        layer = QgsProcessingUtils.mapLayerFromString(self._dest_id, context) if results else None
        if isinstance(layer, QgsVectorLayer):
            style_result_layer(layer)
        if results and self._pdf:
            if not isinstance(layer, QgsVectorLayer):
                raise LandOfficeError("The result layer could not be opened for the PDF maps: write OUTPUT to "
                                      "a file or a temporary layer.")
            xzq, cjdcq = self._pdf_layers
            try:
                results[self.REPORT_PDF] = export_potential_pdf(layer, self._pdf, xzq=xzq, cjdcq=cjdcq,
                                                                subtitle=self._subtitle,
                                                                feedback=feedback)
            except LandOfficeError as err:
                from qgis.core import QgsProcessingException

                raise QgsProcessingException(err.bilingual()) from err
            feedback.pushInfo(tr("PDF maps: {path}").format(path=results[self.REPORT_PDF]))
        return results
