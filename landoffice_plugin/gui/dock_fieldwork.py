"""外业核查 dock: connect to the data centre, check out an area, run the checks, sync, decide conflicts."""
from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsRectangle
from qgis.gui import QgsAuthConfigSelect, QgsFileWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import LandOfficeError
from ..i18n import tr, tr_noop
from .dock_base import LandOfficeDock, form_layout
from .fieldwork_conflicts import ConflictTable
from .job_task import JobTask

POLICIES = [("stop", tr_noop("Stop and let me decide")), ("mine", tr_noop("Keep mine")),
            ("theirs", tr_noop("Take theirs"))]


# the steps of a round of field work, in order; each names the button that does it
STEPS = (("connect", tr_noop("1 Connect")), ("checkout", tr_noop("2 Check out")), ("edit", tr_noop("3 Edit")),
         ("check", tr_noop("4 Check")), ("sync", tr_noop("5 Sync")))
NEXT_STYLE = "QPushButton { font-weight: bold; border: 2px solid palette(highlight); padding: 3px 8px; }"


class FieldworkDock(LandOfficeDock):
    OBJECT_NAME = "LandOfficeFieldworkDock"
    TITLE = tr_noop("Field work and sync")
    ICON = "fieldwork.svg"
    ORDER = 60

    def __init__(self, iface, parent=None):
        super().__init__(iface, parent)
        self.task = None
        self.step_buttons: dict[str, QPushButton] = {}
        self.next_step = "connect"
        body = QWidget()
        layout = QVBoxLayout(body)
        self.steps_label = QLabel(" → ".join(tr(label) for _key, label in STEPS))
        self.steps_label.setWordWrap(True)
        layout.addWidget(self.steps_label)
        layout.addWidget(self._connection_box())
        layout.addWidget(self._package_box())
        layout.addWidget(self._edit_box())
        layout.addWidget(self._tasks_box())
        layout.addWidget(self._checks_box())
        layout.addWidget(self._sync_box())
        self.progress = QProgressBar()
        self.cancel = QPushButton(tr("Cancel"))
        self.cancel.setEnabled(False)
        self.cancel.clicked.connect(lambda: self.task and self.task.cancel())
        row = QHBoxLayout()
        row.addWidget(self.progress)
        row.addWidget(self.cancel)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.set_body(body)
        self._highlight("connect")

    # -- layout ------------------------------------------------------------------------------
    def _step_button(self, key: str, text: str, slot) -> QPushButton:
        label = dict(STEPS)[key]
        button = QPushButton(f"{tr(label)} · {text}" if text else tr(label))
        button.clicked.connect(slot)
        self.step_buttons[key] = button
        return button

    def _highlight(self, key: str) -> None:
        """Mark the step to do next (bold, framed); the others plain."""
        self.next_step = key
        for name, button in self.step_buttons.items():
            font = button.font()
            font.setBold(name == key)
            button.setFont(font)
            button.setStyleSheet(NEXT_STYLE if name == key else "")
            button.setDefault(name == key)

    def _connection_box(self) -> QGroupBox:
        box = QGroupBox(tr("Data centre"))
        form = form_layout(box)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://datacentre.example/ogcapi")
        self.auth = QgsAuthConfigSelect(box)
        form.addRow(tr("Address"), self.url)
        form.addRow(tr("Login"), self.auth)
        form.addRow(self._step_button("connect", tr("Test connection"), self.test_connection))
        return box

    def _package_box(self) -> QGroupBox:
        box = QGroupBox(tr("Field package"))
        form = form_layout(box)
        self.area = QLineEdit()
        self.area.setPlaceholderText(tr("Township code (9 digits) or xmin,ymin,xmax,ymax"))
        self.folder = QgsFileWidget()
        self.folder.setStorageMode(QgsFileWidget.GetDirectory)
        self.folder.fileChanged.connect(lambda _path: self.show_task_progress())
        form.addRow(tr("Area"), self.area)
        form.addRow(tr("Folder"), self.folder)
        form.addRow(self._step_button("checkout", "", self.checkout))
        return box

    def _edit_box(self) -> QGroupBox:
        box = QGroupBox(tr("Edit"))
        layout = QVBoxLayout(box)
        hint = QLabel(tr("Open the package's project (fieldwork.qgz in the folder), edit the layers in the field, "
                         "save the edits."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self._step_button("edit", tr("Open the field project"), self.open_project))
        return box

    def _tasks_box(self) -> QGroupBox:
        """核查任务: progress per township; a photo for the selected task; the task report."""
        box = QGroupBox(tr("Field tasks"))
        layout = QVBoxLayout(box)
        self.task_table = QTableWidget(0, 5)
        self.task_table.setHorizontalHeaderLabels([tr("Township"), tr("Tasks"), tr("To check"), tr("Checked"),
                                                   tr("Fixed")])
        self.task_table.verticalHeader().setVisible(False)
        self.task_table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.task_table.setMaximumHeight(120)
        layout.addWidget(self.task_table)
        row = QHBoxLayout()
        self.photo_button = QPushButton(tr("Photo for the selected task…"))
        self.photo_button.clicked.connect(lambda: self.attach_photo())
        self.report_button = QPushButton(tr("Task report"))
        self.report_button.clicked.connect(lambda: self.task_report())
        row.addWidget(self.photo_button)
        row.addWidget(self.report_button)
        layout.addLayout(row)
        return box

    def show_task_progress(self) -> list:
        """Fill the progress table from the package in the folder (nothing when it has no tasks)."""
        from ..tasks.report import package_tasks, progress

        self.task_table.setRowCount(0)
        try:
            tasks, _photos = package_tasks(self._package().parent)
        except LandOfficeError:
            return []
        rows = progress(tasks)
        for row in rows + ([{"township": tr("Total"), **{k: sum(r[k] for r in rows) for k in
                                                          ("total", "open", "checked", "fixed")}}] if rows else []):
            index = self.task_table.rowCount()
            self.task_table.insertRow(index)
            for column, key in enumerate(("township", "total", "open", "checked", "fixed")):
                self.task_table.setItem(index, column, QTableWidgetItem(str(row[key])))
        return rows

    def _selected_task(self) -> str:
        layer = self.iface.activeLayer() if self.iface is not None else None
        selected = layer.selectedFeatures() if layer is not None and hasattr(layer, "selectedFeatures") else []
        if layer is None or "RWTB" not in layer.source() or len(selected) != 1:
            raise LandOfficeError("Select one task on the map first (layer 核查任务 RWTB of the field project).")
        return str(selected[0]["id"])

    def attach_photo(self, photo: str | None = None) -> bool:
        """Attach a JPEG to the selected task (position, direction and time from its EXIF)."""
        from qgis.PyQt.QtWidgets import QFileDialog

        from ..tasks.evidence import attach_photo

        try:
            folder = self._package().parent
            task_id = self._selected_task()
            if photo is None:
                photo, _filter = QFileDialog.getOpenFileName(self, tr("Photo for the task"), "",
                                                             "JPEG (*.jpg *.jpeg)")
                if not photo:
                    return False
            feature = attach_photo(folder, task_id, photo)
        except LandOfficeError as err:
            self._refuse(err)
            return False
        self._say(tr("Photo attached to the task ({source}); it goes to the data centre with the next sync.").format(
            source=tr("position from the photo") if feature.props.get("POS_SOURCE") == "exif" else
            tr("position entered")))
        if self.iface is not None:
            self.iface.mapCanvas().refreshAllLayers()
        return True

    def task_report(self) -> None:
        """tasks.xlsx (in the worker) and tasks.pdf (layouts are drawn on the main thread) in the package folder."""
        from ..tasks.report import package_tasks, write_task_pdf, write_task_xlsx

        try:
            folder = self._package().parent
        except LandOfficeError as err:
            self._refuse(err)
            return

        def job(feedback):
            tasks, photos = package_tasks(folder)
            return tasks, photos, write_task_xlsx(tasks, photos, folder / "tasks.xlsx")

        def done(result):
            tasks, photos, xlsx = result
            try:
                pdf = write_task_pdf(tasks, photos, folder, folder / "tasks.pdf")
            except LandOfficeError as err:
                self._refuse(err)
                return
            self.show_task_progress()
            self._say(tr("Task report written: {xlsx} and {pdf}").format(xlsx=xlsx, pdf=pdf), path=pdf)
        self._start(tr("Writing the task report…"), job, done)

    def _checks_box(self) -> QGroupBox:
        box = QGroupBox(tr("Checks"))
        layout = QVBoxLayout(box)
        layout.addWidget(self._step_button("check", tr("Run checks"), self.run_checks))
        layout.addWidget(QLabel(tr("Checks (double-click to zoom)")))
        self.problems = QListWidget()
        self.problems.setMinimumHeight(80)
        self.problems.itemDoubleClicked.connect(self._zoom_to)
        layout.addWidget(self.problems)
        override_button = QPushButton(tr("Accept the selected problem, with a reason…"))
        override_button.clicked.connect(self.override_selected)
        layout.addWidget(override_button)
        return box

    def _sync_box(self) -> QGroupBox:
        box = QGroupBox(tr("Sync"))
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Conflicts")))
        self.policy = QComboBox()
        for key, label in POLICIES:
            self.policy.addItem(tr(label), key)
        row.addWidget(self.policy, 1)
        layout.addLayout(row)
        layout.addWidget(self._step_button("sync", "", self.sync))
        self.conflicts = ConflictTable()
        self.conflicts.setMinimumHeight(80)
        layout.addWidget(self.conflicts)
        apply_button = QPushButton(tr("Apply my choices (used by the next sync)"))
        apply_button.clicked.connect(self._apply_choices)
        layout.addWidget(apply_button)
        return box

    def _say(self, text: str, level=Qgis.MessageLevel.Info, path=None) -> None:
        self.status.setText(text if path is None else f"{text} {path}")
        self.notify(text, level, path=path)

    def _refuse(self, err: LandOfficeError) -> None:
        self._say(err.message, Qgis.MessageLevel.Warning)

    def _url(self) -> str:
        """The data centre's address, or a message saying what to enter."""
        url = self.url.text().strip()
        if not url:
            raise LandOfficeError("Enter the data centre's address first (step 1), e.g. "
                                  "https://datacentre.example/ogcapi.")
        if not url.lower().startswith(("http://", "https://")):
            raise LandOfficeError("The address {url} is not a web address: it starts with https:// (or http://), "
                                  "e.g. https://datacentre.example/ogcapi.", url=url)
        return url

    def _folder(self) -> str:
        folder = self.folder.filePath().strip()
        if not folder:
            raise LandOfficeError("Choose the folder of the field package first (step 2).")
        return folder

    def _package(self) -> Path:
        """The package's GeoPackage; a message when no checkout is in the folder (nothing is created)."""
        gpkg = Path(self._folder()) / "fieldwork.gpkg"
        if not gpkg.is_file():
            raise LandOfficeError("There is no field package in {folder}: check one out first (step 2), or choose "
                                  "the folder of an earlier checkout.", folder=str(gpkg.parent))
        return gpkg

    def open_project(self) -> None:
        from ..sync.project import PROJECT_FILE

        try:
            project = self._package().parent / PROJECT_FILE
            if not project.is_file():
                raise LandOfficeError("There is no field project {path}: check the area out again (step 2).",
                                      path=str(project))
        except LandOfficeError as err:
            self._refuse(err)
            return
        if self.iface is not None and self.iface.addProject(str(project)) is False:
            return
        self._highlight("check")
        self._say(tr("Edit the layers, save, then run the checks (step 4)."), path=project)

    # -- jobs -------------------------------------------------------------------------------
    def _start(self, description: str, job, done) -> None:
        if self.task is not None:
            return
        self.progress.setValue(0)
        self.cancel.setEnabled(True)
        self.status.setText(description)
        self.task = JobTask(description, job, lambda task, _ok: self._finished(done, task.result, task.error))
        self.task.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        QgsApplication.taskManager().addTask(self.task)

    def _finished(self, done, result, error) -> None:
        self.task = None
        self.cancel.setEnabled(False)
        if error is not None:
            self._say(str(error) if isinstance(error, LandOfficeError) else
                      tr("Failed: {error}").format(error=error), Qgis.MessageLevel.Warning)
            return
        self.progress.setValue(100)
        done(result)

    def test_connection(self) -> None:
        from ..sync.client import FeatureClient

        try:
            url = self._url()
        except LandOfficeError as err:
            self._refuse(err)
            return
        authcfg = self.auth.configId() or None

        def job(feedback):
            client = FeatureClient(url, authcfg)
            conformance = client.conformance()
            return sorted(client.collections()), client.supports_writes(conformance)

        def done(result):
            names, writable = result
            text = tr("Collections: {names}.").format(names=", ".join(names))
            text += " " + (tr("Edits can be sent.") if writable else
                           tr("This server does NOT accept edits (no OGC API - Features Part 4): you can check "
                              "out, but not sync."))
            self.status.setText(text)
            self._highlight("checkout")
        self._start(tr("Testing the connection…"), job, done)

    def _gpkg(self) -> Path:
        return Path(self.folder.filePath()) / "fieldwork.gpkg"

    def checkout(self) -> None:
        from ..sync.checkout import checkout
        from ..sync.project import write_project

        try:
            url, folder = self._url(), self._folder()
        except LandOfficeError as err:
            self._refuse(err)
            return
        authcfg, area = self.auth.configId(), self.area.text()

        def job(feedback):
            counts = checkout(url, area, folder, None, authcfg or None, feedback=feedback)
            return counts, write_project(folder)

        def done(result):
            counts, project = result
            self.status.setText(tr("Checked out: {counts}. Open {project} on the laptop.").format(
                counts=", ".join(f"{k} {v}" for k, v in counts.items()), project=project))
            self.notify(tr("Checked out; the field project:"), Qgis.MessageLevel.Success, path=project)
            self.show_task_progress()
            self._highlight("edit")
        self._start(tr("Checking out…"), job, done)

    def run_checks(self) -> None:
        from ..sync.checks import run_checks

        try:
            gpkg = self._package()
        except LandOfficeError as err:
            self._refuse(err)
            return
        self._start(tr("Running the checks…"), lambda feedback: run_checks(gpkg), self.show_problems)

    def show_problems(self, problems) -> None:
        self.problems.clear()
        for problem in problems:
            mark = tr("overridden") if problem.overridden else tr("to fix")
            item = QListWidgetItem(f"[{mark}] {problem.collection} {problem.fid[:8]}: {problem.message(tr)}")
            item.setData(256, problem.bounds)
            item.setData(257, problem)
            self.problems.addItem(item)
        self.status.setText(tr("{count} problems found.").format(count=len(problems)))
        # problems to fix: back to editing; none (or all accepted): on to the sync
        self._highlight("edit" if any(not p.overridden for p in problems) else "sync")

    def override_selected(self, reason: str | None = None) -> bool:
        """Accept the selected problem knowingly; the reason travels with the edit to the data centre."""
        from ..sync.checks import add_override

        item = self.problems.currentItem()
        problem = item.data(257) if item is not None else None
        if problem is None or problem.overridden:
            self.status.setText(tr("Select a problem still to fix in the list first."))
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(self, tr("Accept a problem"),
                                              tr("Why is this feature right as it is? (sent with the edit)"))
            if not ok:
                return False
        try:
            add_override(self._gpkg(), problem.collection, problem.fid, problem.code, reason)
        except LandOfficeError as err:
            self.status.setText(str(err))
            return False
        self.run_checks()
        return True

    def _zoom_to(self, item) -> None:
        bounds = item.data(256)
        if bounds and self.iface is not None:
            rect = QgsRectangle(*bounds)
            rect.scale(1.5)
            self.iface.mapCanvas().setExtent(rect)
            self.iface.mapCanvas().refresh()

    def sync(self) -> None:
        from ..sync.sync import sync_package

        try:
            folder = str(self._package().parent)
        except LandOfficeError as err:
            self._refuse(err)
            return
        url, authcfg = self.url.text().strip() or None, self.auth.configId()
        policy = self.policy.currentData()

        def done(report):
            summary = report.summary()
            self.status.setText(tr("Sync finished: {created} created, {updated} updated, {deleted} deleted, "
                                   "{pulled} received, {conflicts} conflicts.").format(**summary))
            self.conflicts.load(self._gpkg())
            self.show_task_progress()
            self._highlight("sync" if self.conflicts.rowCount() else "edit")
        self._start(tr("Synchronising…"),
                    lambda feedback: sync_package(folder, url, authcfg or None, policy, feedback=feedback), done)

    def _apply_choices(self) -> None:
        try:
            gpkg = self._package()
        except LandOfficeError as err:
            self._refuse(err)
            return
        count = self.conflicts.apply(gpkg)
        self.status.setText(tr("{count} choices recorded: run the sync to send them.").format(count=count))

    def cleanup(self) -> None:
        if self.task is not None:
            self.task.cancel()
