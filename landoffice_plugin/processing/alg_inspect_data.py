"""``landoffice:inspectdata`` (数据体检): what a delivery holds and which jobs can run with it."""
from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProject,
)

from ..i18n import tr
from .base import LandOfficeAlgorithm
from .field_map_param import add_field_map, field_map_of


class InspectDataAlgorithm(LandOfficeAlgorithm):
    NAME = "inspectdata"
    DISPLAY = "Data check"
    GROUP_ID = "data"
    GROUP = "Data"
    HELP = ("数据体检, the first thing to run on a new delivery: for a GeoPackage, a FileGDB folder (.gdb), "
            "a shapefile or a folder of shapefiles (empty: the open project), per layer role the layer found, "
            "its feature count, CRS (geographic or projected), each standard field and how it was resolved "
            "(standard name, alias, Chinese meaning, field map, or missing), the share of valid codes and dates, "
            "the invalid geometries, and which jobs (potential-land categories, demolition and reclamation cost, "
            "parcel lookup, field work) can run with the data and why the others cannot. Writes an xlsx and "
            "prints the result.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            "INPUT", tr("Data to check (.gpkg, .gdb folder, .shp or a folder of shapefiles; empty: the open project)"),
            behavior=QgsProcessingParameterFile.File, optional=True,
            fileFilter=tr("Survey data") + " (*.gpkg *.GPKG *.shp *.SHP *.gdbtable gdb);;" + tr("All files") + " (*)"))
        add_field_map(self)
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_XLSX", tr("Data check workbook"), fileFilter=tr("Excel files (*.xlsx)"), optional=True))
        self.addOutput(QgsProcessingOutputNumber("JOBS_READY", tr("Jobs that can run")))
        self.addOutput(QgsProcessingOutputNumber("JOBS_BLOCKED", tr("Jobs that cannot run")))
        self.addOutput(QgsProcessingOutputString("BLOCKED", tr("Jobs that cannot run, and why")))

    def run_algorithm(self, parameters, context, feedback):
        from ..datacheck.inspection import inspect_path, inspect_project
        from ..datacheck.report import inspection_text, write_inspection_xlsx

        path = self.parameterAsFile(parameters, "INPUT", context) if parameters.get("INPUT") else ""
        field_map = field_map_of(self, parameters, context) or None
        insp = inspect_path(path, field_map) if path else inspect_project(context.project() or QgsProject.instance(),
                                                                          field_map)
        feedback.pushInfo(inspection_text(insp))
        verdicts = insp.verdicts()
        blocked = [v for v in verdicts if not v.can_run]
        for v in blocked:
            feedback.pushWarning(tr("{job} cannot run: {why}").format(job=v.job.name_zh, why="; ".join(v.reasons)))
        out = {"JOBS_READY": len(verdicts) - len(blocked), "JOBS_BLOCKED": len(blocked),
               "BLOCKED": "\n".join(f"{v.job.id}: {'; '.join(v.reasons)}" for v in blocked)}
        if parameters.get("OUTPUT_XLSX"):
            xlsx = write_inspection_xlsx(insp, self.parameterAsFileOutput(parameters, "OUTPUT_XLSX", context))
            feedback.pushInfo(tr("Excel report: {path}").format(path=str(xlsx)))
            out["OUTPUT_XLSX"] = str(xlsx)
        return out
