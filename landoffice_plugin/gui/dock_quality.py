"""Dock 质检与核查任务: the whole-layer quality check (the engine of ``landoffice:qualitycheck``) in the background,
red lights counted by rule, the red-light layer written to a GeoPackage (a rerun replaces it, never stacks
copies) and the xlsx beside it; then the red lights become field tasks (``landoffice:fieldtasks``' engine),
written beside them and, with a data centre address, published for checkout.
"""
from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsProject, QgsVectorLayer
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import LandOfficeError
from ..i18n import tr, tr_noop
from ..quality.rules import SEVERITY_ZH
from .dock_base import LandOfficeDock, form_layout
from .job_task import JobTask
from .role_boxes import fill_role_boxes, role_boxes

ROLES = (("DLTB", tr_noop("Land-use patches (DLTB)")), ("CJDCQ", tr_noop("Villages (CJDCQ)")),
         ("XZQ", tr_noop("Townships (XZQ)")), ("YJJBNTTB", tr_noop("Permanent basic farmland (YJJBNTTB)")),
         ("ZD", tr_noop("Parcels (ZD)")), ("ZRZ", tr_noop("Buildings (ZRZ)")))
HEADERS = ("规则", "问题", "严重程度", "红灯数", "检查要素数")
LAYER_NAME = "red_lights"


class QualityDock(LandOfficeDock):
    OBJECT_NAME = "LandOfficeQualityDock"
    TITLE = tr_noop("Quality check and field tasks")
    ICON = "quality.svg"
    ORDER = 57

    def __init__(self, iface, parent=None):
        super().__init__(iface, parent)
        self.task = None
        self.result_layer = None
        self.last_path: Path | None = None
        self.cache: dict = {}  # rule → its red lights under the fingerprint of its layers: reruns skip the unchanged
        body = QWidget()
        layout = QVBoxLayout(body)
        box = QGroupBox(tr("Layers"))
        form = form_layout(box)
        self.boxes = role_boxes(form, ROLES, optional=[r for r, _ in ROLES if r != "DLTB"])
        layout.addWidget(box)
        self.output = QgsFileWidget()
        self.output.setStorageMode(QgsFileWidget.SaveFile)
        self.output.setFilter("GeoPackage (*.gpkg)")
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Red lights file")))
        row.addWidget(self.output, 1)
        layout.addLayout(row)
        self.run_button = QPushButton(tr("Run the quality check"))
        self.run_button.clicked.connect(lambda: self.run_check())
        layout.addWidget(self.run_button)
        self.counts = QTableWidget(0, len(HEADERS))
        self.counts.setHorizontalHeaderLabels(list(HEADERS))
        self.counts.setEditTriggers(QTableWidget.NoEditTriggers)
        self.counts.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.counts)
        tasks = QGroupBox(tr("Field tasks"))
        tasks_form = form_layout(tasks)
        self.url = QLineEdit()
        self.url.setPlaceholderText(tr("Data centre address (empty: file only)"))
        from qgis.core import QgsSettings

        self.url.setText(QgsSettings().value("landoffice/datacentre_url", "", type=str))
        tasks_form.addRow(tr("Data centre"), self.url)
        self.tasks_button = QPushButton(tr("Make field tasks from the red lights"))
        self.tasks_button.clicked.connect(lambda: self.make_tasks())
        tasks_form.addRow(self.tasks_button)
        layout.addWidget(tasks)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.set_body(body)
        fill_role_boxes(self.boxes)

    def _say(self, text: str, level=Qgis.MessageLevel.Info, path=None) -> None:
        self.status.setText(text if path is None else f"{text} {path}")
        self.notify(text, level, path=path)

    def _target(self) -> Path:
        text = self.output.filePath().strip()
        if text:
            path = Path(text)
        else:
            home = QgsProject.instance().homePath()
            if not home:
                raise LandOfficeError("Choose the file for the red lights (a GeoPackage), or save the project first: "
                                      "the red lights are written beside it.")
            path = Path(home) / "quality_red_lights.gpkg"
        return path if path.suffix.lower() == ".gpkg" else path.with_suffix(".gpkg")

    def _drop_layers_of(self, path: Path) -> None:
        """A rerun replaces the red lights: the layers showing the old file leave the project first."""
        for layer in list(QgsProject.instance().mapLayers().values()):
            if Path(layer.source().split("|")[0]) == path:
                QgsProject.instance().removeMapLayer(layer.id())
        self.result_layer = None

    def run_check(self) -> None:
        from ..analysis.loading import layer_input
        from ..quality.rules import load_rules

        if self.task is not None:
            return
        try:
            layer = self.boxes["DLTB"].currentLayer()
            if layer is None:
                raise LandOfficeError("The land-use patch layer (DLTB) is missing: every quality rule needs it. "
                                      "Choose the DLTB layer.")
            path = self._target()
            context = QgsProject.instance().transformContext()
            inputs = {role: layer_input(box.currentLayer(), role, context) for role, box in self.boxes.items()
                      if box.currentLayer() is not None}
            rules = load_rules(None)
        except LandOfficeError as err:
            self._say(err.message, Qgis.MessageLevel.Warning)
            return
        self._drop_layers_of(path)
        source = layer.source()

        def job(feedback):
            from ..quality.engine import run_quality
            from ..quality.report_xlsx import write_report

            result = run_quality(inputs, rules, None, feedback, cache=self.cache)
            _write_red_lights(result, path)
            xlsx = write_report(result, path.with_suffix(".xlsx"), source=source, rules_name=rules.name)
            return result, xlsx

        self.status.setText(tr("Running the quality check…"))
        self.task = JobTask(tr("Quality check"), job, lambda task, _ok: self._checked(task, path))
        QgsApplication.taskManager().addTask(self.task)

    def _checked(self, task, path: Path) -> None:
        self.task = None
        if task.error is not None:
            self._say(str(task.error), Qgis.MessageLevel.Warning)
            return
        result, xlsx = task.result
        self.counts.setRowCount(0)
        for rule in result.rules:
            row = self.counts.rowCount()
            self.counts.insertRow(row)
            values = (rule.id, rule.title, SEVERITY_ZH.get(rule.severity, rule.severity),
                      result.counts.get(rule.id, 0), result.checked.get(rule.id, 0))
            for column, value in enumerate(values):
                self.counts.setItem(row, column, QTableWidgetItem(str(value)))
        self.last_path = path
        layer = QgsVectorLayer(f"{path}|layername={LAYER_NAME}", tr("Red lights (quality check)"), "ogr")
        if layer.isValid():
            QgsProject.instance().addMapLayer(layer)
            self.result_layer = layer
        text = tr("{total} red lights written to {path}; report {xlsx}.").format(total=result.total, path=path,
                                                                                  xlsx=xlsx)
        if result.reused:
            text += " " + tr("{count} rules not run again: their layers did not change.").format(
                count=len(result.reused))
        if result.notes:
            text += " " + " ".join(result.notes)
        level = Qgis.MessageLevel.Success if result.total else Qgis.MessageLevel.Info
        if not result.total:
            text = tr("No red light: every rule that ran found nothing to report.") + " " + text
        self._say(text, level)

    def make_tasks(self) -> None:
        from ..tasks.model import tasks_from_layer

        if self.task is not None:
            return
        layer = self.result_layer
        if layer is None or not layer.isValid():
            self._say(tr("Run the quality check first: the tasks are made from its red lights."),
                      Qgis.MessageLevel.Warning)
            return
        try:
            tasks, skipped = tasks_from_layer(layer)
        except LandOfficeError as err:
            self._say(err.message, Qgis.MessageLevel.Warning)
            return
        if not tasks:
            self._say(tr("The red lights hold no problem to send to the field (skipped: {skipped}).").format(
                skipped=", ".join(f"{why} {n}" for why, n in skipped) or "-"), Qgis.MessageLevel.Warning)
            return
        url = self.url.text().strip()
        target = self.last_path.with_name(self.last_path.stem + "_tasks.gpkg")

        def job(feedback):
            from ..tasks.layer import write_tasks
            from ..tasks.publish import publish

            write_tasks(tasks, target)
            if not url:
                return None
            from ..sync.client import FeatureClient

            with FeatureClient(url) as client:
                return publish(client, tasks)

        def done(task, _ok):
            self.task = None
            if task.error is not None:
                self._say(str(task.error), Qgis.MessageLevel.Warning)
                return
            QgsProject.instance().addMapLayer(QgsVectorLayer(str(target), tr("Field tasks (RWTB)"), "ogr"))
            published = task.result
            if published is None:
                self._say(tr("{count} field tasks written to {path} (no data centre address: not published).").format(
                    count=len(tasks), path=target))
            elif published.failed:
                self._say(tr("{created} tasks published, {failed} failed ({first}): make the tasks again to send the "
                             "missing ones.").format(created=len(published.created), failed=len(published.failed),
                                                     first=published.failed[0][1]), Qgis.MessageLevel.Warning)
            else:
                self._say(tr("Published {created} new tasks; {existing} were at the data centre already").format(
                    created=len(published.created), existing=published.existing), Qgis.MessageLevel.Success)

        self.status.setText(tr("Making the field tasks…"))
        self.task = JobTask(tr("Field tasks"), job, done)
        QgsApplication.taskManager().addTask(self.task)

    def cleanup(self) -> None:
        if self.task is not None:
            self.task.cancel()


def _write_red_lights(result, path: Path) -> None:
    """The red-light layer into ``path`` (layer ``red_lights``), replacing the file's earlier one."""
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter, QgsWkbTypes

    from ..quality.red_light_layer import red_light_fields, write_red_lights

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = LAYER_NAME
    options.fileEncoding = "UTF-8"
    writer = QgsVectorFileWriter.create(str(path), red_light_fields(), QgsWkbTypes.MultiPolygon, result.crs,
                                        QgsCoordinateTransformContext(), options)
    if writer.hasError() != QgsVectorFileWriter.NoError:
        raise LandOfficeError("Cannot write the red lights to {path}: {error}. Choose another file.",
                              path=str(path), error=writer.errorMessage())
    write_red_lights(writer, result.table)
    del writer
