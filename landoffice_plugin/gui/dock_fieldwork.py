"""外业核查 dock: connect to the data centre, check out an area, run the checks, sync, decide conflicts."""
from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication, QgsRectangle
from qgis.gui import QgsAuthConfigSelect, QgsFileWidget
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import LandOfficeError
from ..i18n import tr, tr_noop
from .dock_base import LandOfficeDock
from .fieldwork_conflicts import ConflictTable
from .job_task import JobTask

POLICIES = [("stop", tr_noop("Stop and let me decide")), ("mine", tr_noop("Keep mine")),
            ("theirs", tr_noop("Take theirs"))]


class FieldworkDock(LandOfficeDock):
    OBJECT_NAME = "LandOfficeFieldworkDock"
    TITLE = tr_noop("Field work and sync")
    ICON = "fieldwork.svg"
    ORDER = 60

    def __init__(self, iface, parent=None):
        super().__init__(iface, parent)
        self.task = None
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self._connection_box())
        layout.addWidget(self._package_box())
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
        layout.addWidget(self.status)
        layout.addWidget(QLabel(tr("Checks (double-click to zoom)")))
        self.problems = QListWidget()
        self.problems.itemDoubleClicked.connect(self._zoom_to)
        layout.addWidget(self.problems)
        override_button = QPushButton(tr("Accept the selected problem, with a reason…"))
        override_button.clicked.connect(self.override_selected)
        layout.addWidget(override_button)
        layout.addWidget(QLabel(tr("Conflicts")))
        self.conflicts = ConflictTable()
        layout.addWidget(self.conflicts)
        apply_button = QPushButton(tr("Apply my choices (used by the next sync)"))
        apply_button.clicked.connect(self._apply_choices)
        layout.addWidget(apply_button)
        self.setWidget(body)

    # -- layout ------------------------------------------------------------------------------
    def _connection_box(self) -> QGroupBox:
        box = QGroupBox(tr("Data centre"))
        form = QFormLayout(box)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://datacentre.example/ogcapi")
        self.auth = QgsAuthConfigSelect(box)
        test = QPushButton(tr("Test connection"))
        test.clicked.connect(self.test_connection)
        form.addRow(tr("Address"), self.url)
        form.addRow(tr("Login"), self.auth)
        form.addRow(test)
        return box

    def _package_box(self) -> QGroupBox:
        box = QGroupBox(tr("Field package"))
        form = QFormLayout(box)
        self.area = QLineEdit()
        self.area.setPlaceholderText(tr("Township code (9 digits) or xmin,ymin,xmax,ymax"))
        self.folder = QgsFileWidget()
        self.folder.setStorageMode(QgsFileWidget.GetDirectory)
        self.policy = QComboBox()
        for key, label in POLICIES:
            self.policy.addItem(tr(label), key)
        buttons = QHBoxLayout()
        for label, slot in ((tr("Check out"), self.checkout), (tr("Run checks"), self.run_checks),
                            (tr("Sync"), self.sync)):
            button = QPushButton(label)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        form.addRow(tr("Area"), self.area)
        form.addRow(tr("Folder"), self.folder)
        form.addRow(tr("Conflicts"), self.policy)
        form.addRow(buttons)
        return box

    # -- jobs -------------------------------------------------------------------------------
    def _client(self):
        from ..sync.client import FeatureClient

        return FeatureClient(self.url.text().strip(), self.auth.configId() or None)

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
            self.status.setText(str(error) if isinstance(error, LandOfficeError) else
                                tr("Failed: {error}").format(error=error))
            return
        self.progress.setValue(100)
        done(result)

    def test_connection(self) -> None:
        def job(feedback):
            client = self._client()
            conformance = client.conformance()
            return sorted(client.collections()), client.supports_writes(conformance)

        def done(result):
            names, writable = result
            text = tr("Collections: {names}.").format(names=", ".join(names))
            text += " " + (tr("Edits can be sent.") if writable else
                           tr("This server does NOT accept edits (no OGC API - Features Part 4): you can check "
                              "out, but not sync."))
            self.status.setText(text)
        self._start(tr("Testing the connection…"), job, done)

    def _gpkg(self) -> Path:
        return Path(self.folder.filePath()) / "fieldwork.gpkg"

    def checkout(self) -> None:
        from ..sync.checkout import DEFAULT_COLLECTIONS, checkout
        from ..sync.project import write_project

        url, authcfg, area, folder = self.url.text().strip(), self.auth.configId(), self.area.text(), \
            self.folder.filePath()

        def job(feedback):
            counts = checkout(url, area, folder, DEFAULT_COLLECTIONS, authcfg or None, feedback=feedback)
            return counts, write_project(folder, DEFAULT_COLLECTIONS)

        def done(result):
            counts, project = result
            self.status.setText(tr("Checked out: {counts}. Open {project} on the laptop.").format(
                counts=", ".join(f"{k} {v}" for k, v in counts.items()), project=project))
        self._start(tr("Checking out…"), job, done)

    def run_checks(self) -> None:
        from ..sync.checks import run_checks

        gpkg = self._gpkg()
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

        folder, url, authcfg = self.folder.filePath(), self.url.text().strip() or None, self.auth.configId()
        policy = self.policy.currentData()

        def done(report):
            summary = report.summary()
            self.status.setText(tr("Sync finished: {created} created, {updated} updated, {deleted} deleted, "
                                   "{pulled} received, {conflicts} conflicts.").format(**summary))
            self.conflicts.load(self._gpkg())
        self._start(tr("Synchronising…"),
                    lambda feedback: sync_package(folder, url, authcfg or None, policy, feedback=feedback), done)

    def _apply_choices(self) -> None:
        count = self.conflicts.apply(self._gpkg())
        self.status.setText(tr("{count} choices recorded: run the sync to send them.").format(count=count))

    def cleanup(self) -> None:
        if self.task is not None:
            self.task.cancel()
