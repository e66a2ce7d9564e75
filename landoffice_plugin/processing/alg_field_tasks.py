"""``landoffice:fieldtasks`` (red lights and change clues → field tasks RWTB, optionally to the data centre) and
``landoffice:taskreport`` (a field package's tasks: progress per township, xlsx and PDF with the photos)."""
from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..core.errors import LandOfficeError
from ..i18n import tr
from .base import LandOfficeAlgorithm


class FieldTasksAlgorithm(LandOfficeAlgorithm):
    NAME = "fieldtasks"
    DISPLAY = "Field tasks from red lights and clues (核查任务)"
    GROUP_ID = "fieldwork"
    GROUP = "Field work"
    HELP = ("Turns the red lights of the quality check (landoffice:qualitycheck) and the suspected unlawful use of "
            "the land-use change (landoffice:landusechange) into field tasks (RWTB): one task per problem, with its "
            "reason, township and village, status 待核查. With a data centre address the new tasks are also "
            "published to its RWTB collection (a problem already sent is not sent again); a checkout of a township "
            "then carries its tasks to the laptop.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "INPUTS", tr("Red-light and clue layers"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterString(
            "SEVERITIES", tr("Red-light severities to send (comma separated)"), defaultValue="error,warning"))
        self.addParameter(QgsProcessingParameterString("URL", tr("Data centre address (empty: file only)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterAuthConfig("AUTHCFG", tr("Authentication"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Field tasks (RWTB)"),
                                                            QgsProcessing.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber("COUNT", tr("Tasks")))
        self.addOutput(QgsProcessingOutputNumber("PUBLISHED", tr("Tasks published")))

    def run_algorithm(self, parameters, context, feedback):
        from ..tasks.layer import task_features, task_fields
        from ..tasks.model import tasks_from_layer, tasks_without_township

        layers = self.parameterAsLayerList(parameters, "INPUTS", context)
        if not layers:
            raise LandOfficeError("Give at least one red-light layer (landoffice:qualitycheck) or clue layer "
                                  "(landoffice:landusechange).")
        severities = tuple(s.strip() for s in self.parameterAsString(parameters, "SEVERITIES", context).split(",")
                           if s.strip())
        tasks, seen = [], set()
        for layer in layers:
            found, skipped = tasks_from_layer(layer, 4549, severities, feedback)
            fresh = [t for t in found if t.key not in seen]
            seen.update(t.key for t in fresh)
            tasks += fresh
            feedback.pushInfo(tr("{layer}: {count} tasks").format(layer=layer.name(), count=len(fresh)))
            for why, count in skipped:
                feedback.pushInfo(tr("{layer}: {count} features left out ({why})").format(
                    layer=layer.name(), count=count, why=why))
        if not tasks:
            raise LandOfficeError("The layers hold no problem to send to the field (no red light of the severities "
                                  "{severities}, no clue): nothing was written. Check the layers, or the severities.",
                                  severities=",".join(severities) or "-")
        missing = tasks_without_township(tasks)
        if missing:
            feedback.reportError(tr("{count} tasks have no 9-digit township code (town_code / village_code of the "
                                    "input): they cannot be checked out by township; fill the codes in the "
                                    "input.").format(count=missing))
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, task_fields(), QgsWkbTypes.MultiPolygon,
                                          QgsCoordinateReferenceSystem("EPSG:4549"))
        sink.addFeatures(task_features(tasks), QgsFeatureSink.FastInsert)
        published = 0
        url = self.parameterAsString(parameters, "URL", context).strip()
        if url:
            from ..sync.client import FeatureClient
            from ..tasks.publish import publish

            with FeatureClient(url, self.parameterAsString(parameters, "AUTHCFG", context) or None) as client:
                result = publish(client, tasks)
            published = len(result.created)
            feedback.pushInfo(tr("Published {created} new tasks; {existing} were at the data centre already").format(
                created=published, existing=result.existing))
            if result.failed:
                listing = "; ".join(f"{n}: {why}" for n, why in result.failed[:5])
                raise LandOfficeError("{count} tasks could not be published ({listing}); the others are at the data "
                                      "centre. Run again: only the missing ones are sent.",
                                      count=len(result.failed), listing=listing)
        return {"OUTPUT": dest, "COUNT": len(tasks), "PUBLISHED": published}


class TaskReportAlgorithm(LandOfficeAlgorithm):
    NAME = "taskreport"
    DISPLAY = "Field task report (核查任务报告)"
    GROUP_ID = "fieldwork"
    GROUP = "Field work"
    HELP = ("The field tasks of a field package: progress per township (open / checked / fixed) and every task with "
            "its result, inspector, date and photos, as xlsx and as a PDF with a page per task and its photos.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile("PACKAGE_DIR", tr("Field package folder"),
                                                     behavior=QgsProcessingParameterFile.Folder))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_XLSX", tr("Task workbook"),
                                                                fileFilter="Excel (*.xlsx)", optional=True))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_PDF", tr("Task report PDF"),
                                                                fileFilter="PDF (*.pdf)", optional=True))
        self.addOutput(QgsProcessingOutputNumber("OPEN", tr("Open tasks")))
        self.addOutput(QgsProcessingOutputNumber("DONE", tr("Checked or fixed tasks")))

    def run_algorithm(self, parameters, context, feedback):
        from ..tasks.report import package_tasks, progress, write_task_pdf, write_task_xlsx

        folder = self.parameterAsFile(parameters, "PACKAGE_DIR", context)
        tasks, photos = package_tasks(folder)
        if not tasks:
            raise LandOfficeError("The field package in {folder} holds no field task: check out a township that has "
                                  "tasks (landoffice:fieldtasks publishes them).", folder=folder)
        rows = progress(tasks)
        for row in rows:
            feedback.pushInfo(tr("Township {township}: {done} of {total} done, {open} open").format(**row))
        unknown = sum(r["unknown"] for r in rows)
        if unknown:
            feedback.reportError(tr("{count} tasks have a status that is none of 待核查 / 已核查 / 已整改: they are "
                                    "not counted as done.").format(count=unknown))
        out = {"OPEN": sum(r["open"] for r in rows), "DONE": sum(r["done"] for r in rows)}
        xlsx = self.parameterAsFileOutput(parameters, "OUTPUT_XLSX", context)
        pdf = self.parameterAsFileOutput(parameters, "OUTPUT_PDF", context)
        if not xlsx and not pdf:
            raise LandOfficeError("Choose where to write the task report: an xlsx, a PDF or both.")
        if xlsx:
            out["OUTPUT_XLSX"] = str(write_task_xlsx(tasks, photos, xlsx))
        if pdf:
            out["OUTPUT_PDF"] = str(write_task_pdf(tasks, photos, folder, pdf))
        return out
