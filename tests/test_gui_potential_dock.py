"""The potential-land dock: builds, finds the role layers, runs as a task and shows the summary."""
from pathlib import Path

import pytest
from pytest_qgis.utils import wait_until
from qgis.core import Qgis, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, Qt

from landoffice_plugin.analysis.categories import ROLES
from landoffice_plugin.gui.dock_potential import PotentialDock


@pytest.fixture()
def project(small_county, qgis_app):
    project = QgsProject.instance()
    layers = [QgsVectorLayer(f"{small_county}|layername={role}", role, "ogr") for role in ROLES]
    project.addMapLayers(layers)
    yield project
    project.clear()


def test_dock_runs_in_background_and_shows_summary(qgis_iface, project, tmp_path):
    dock = PotentialDock(qgis_iface)
    qgis_iface.mainWindow().addDockWidget(Qt.RightDockWidgetArea, dock)
    try:
        assert dock.layer_boxes["DLTB"].currentLayer().name() == "DLTB"
        assert dock.layer_boxes["GYQY"].currentLayer().name() == "GYQY"
        assert "rules.toml" in dock.rules_label.text()
        dock.villages_edit.setText("320299101202")
        dock.xlsx_widget.setFilePath(str(tmp_path / "p.xlsx"))
        dock.pdf_widget.setFilePath(str(tmp_path / "p.pdf"))
        dock.run_button.click()
        assert dock.task is not None and not dock.run_button.isEnabled()
        wait_until(lambda: dock.task is None, timeout_milliseconds=90000)
        # the maps print after the task, page by page, with the event loop served in between
        wait_until(lambda: dock.printing is None and (tmp_path / "p.pdf").is_file(), timeout_milliseconds=90000)
        assert dock.run_button.isEnabled() and "p.pdf" in dock.status.text()
        result = dock.last_result
        assert result is not None, dock.status.text()
        assert dock.table.rowCount() == len(result.summary) > 0
        shown_mu = sum(float(dock.table.item(r, 4).text().replace(",", "")) for r in range(dock.table.rowCount()))
        assert shown_mu == pytest.approx(float(result.rows["area_mu"].sum()), abs=0.01 * dock.table.rowCount())
        assert project.mapLayer(dock.result_layer.id()) is dock.result_layer
        assert dock.result_layer.featureCount() == result.count
        assert dock.result_layer.renderer().type() == "categorizedSymbol"
        assert (tmp_path / "p.xlsx").is_file() and (tmp_path / "p.pdf").is_file()
        # the reports can be written after the run too, not only when chosen before it
        assert dock.xlsx_button.isEnabled() and dock.pdf_button.isEnabled()
        dock.export_xlsx(str(tmp_path / "after.xlsx"))
        assert not dock.xlsx_button.isEnabled()  # while it is written
        wait_until(lambda: dock.export_task is None, timeout_milliseconds=60000)
        assert (tmp_path / "after.xlsx").is_file() and dock.xlsx_button.isEnabled()
        written = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success)
        assert any("after.xlsx" in m and 'href="file://' in m for m in written), written
    finally:
        dock.cleanup()
        qgis_iface.mainWindow().removeDockWidget(dock)
        dock.setParent(None)  # no leftover child of the shared main window for other tests
        dock.deleteLater()


def test_dock_cancels_printing_and_keeps_no_partial_pdf(qgis_iface, project, tmp_path):
    from qgis.PyQt.QtCore import QTimer

    dock = PotentialDock(qgis_iface)
    try:
        dock.pdf_widget.setFilePath(str(tmp_path / "c.pdf"))
        ticks, shown = [], dock.show_result
        timer = QTimer()  # the event loop runs while the pages print: a timer fires meanwhile
        timer.timeout.connect(lambda: ticks.append(1) if dock.printing is not None else None)

        def show_then_cancel_on_first_page(result, xlsx=None):
            shown(result, xlsx)
            timer.start(1)
            dock.printing.progressChanged.connect(lambda _v: dock.cancel())

        dock.show_result = show_then_cancel_on_first_page
        dock.run_button.click()
        wait_until(lambda: dock.task is None and dock.printing is None and ticks, timeout_milliseconds=90000)
        timer.stop()
        assert ticks, "the window was not served while printing"
        assert not (tmp_path / "c.pdf").exists()
        assert dock.run_button.isEnabled()
        assert "cancelled" in dock.status.text()
    finally:
        dock.cleanup()
        dock.setParent(None)
        dock.deleteLater()


def test_dock_cancel_and_missing_dltb(qgis_iface, qgis_app):
    QgsProject.instance().clear()
    dock = PotentialDock(qgis_iface)
    dock.start()
    assert dock.task is None and "DLTB" in dock.status.text()
    dock.cleanup()
    dock.setParent(None)
    dock.deleteLater()


def test_rerun_replaces_the_result_layer_written_to_a_geopackage(qgis_iface, project, tmp_path):
    from landoffice_plugin.gui.dock_potential import RESULT_PROPERTY

    dock = PotentialDock(qgis_iface)
    try:
        dock.xlsx_widget.setFilePath(str(tmp_path / "p.xlsx"))
        for name in ("DLTB", "XZQ", "CJDCQ"):  # the result goes in where the previous one was
            assert project.mapLayersByName(name)
        progress, paths = [], []
        for run in range(2):
            dock.xlsx_widget.setFilePath(str(tmp_path / f"p{run}.xlsx"))  # new files: no overwrite question
            dock.run_button.click()
            dock.task.progressChanged.connect(progress.append)
            wait_until(lambda: dock.task is None, timeout_milliseconds=90000)
            assert dock.last_result is not None, dock.status.text()
            paths.append(dock.result_layer.source().split("|")[0])
            if run == 0:  # move it, so the second result must take its place in the layer tree
                root = project.layerTreeRoot()
                node = root.findLayer(dock.result_layer.id())
                clone = node.clone()
                root.insertChildNode(3, clone)
                node.parent().removeChildNode(node)
                place = root.children().index(clone)
                assert place > 0
        results = [lyr for lyr in project.mapLayers().values() if lyr.customProperty(RESULT_PROPERTY)]
        assert results == [dock.result_layer]
        layer = results[0]
        assert layer.providerType() == "ogr" and paths[1].endswith(".gpkg") and paths[1] != paths[0]
        assert layer.featureCount() == dock.last_result.count > 0
        assert layer.renderer().type() == "categorizedSymbol"
        assert project.layerTreeRoot().children()[place].layerId() == layer.id()
        assert not Path(paths[0]).exists() and Path(paths[1]).is_file()  # the first run's file went with it
        # the bar moved while the layer and the workbook were written (80–100 %), not only at the end
        assert any(80 < p < 100 for p in progress), progress
        assert (tmp_path / "p1.xlsx").is_file()
    finally:
        dock.cleanup()
        dock.setParent(None)
        dock.deleteLater()


@pytest.fixture()
def dock(qgis_iface, project):
    dock = PotentialDock(qgis_iface)
    qgis_iface.messageBar().clear_messages()
    yield dock
    dock.cleanup()
    dock.setParent(None)
    dock.deleteLater()


def test_no_category_ticked_is_refused_and_keeps_the_reports(dock, qgis_iface, tmp_path):
    earlier = tmp_path / "earlier.xlsx"
    earlier.write_bytes(b"the report of the last run")
    dock.xlsx_widget.setFilePath(str(earlier))
    for check in dock.category_checks.values():
        check.setChecked(False)
    dock.run_button.click()
    assert dock.task is None and dock.run_button.isEnabled()
    assert earlier.read_bytes() == b"the report of the last run"
    assert "category" in dock.status.text()
    assert any("category" in m for m in qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning))
    assert not dock.xlsx_button.isEnabled()  # nothing analysed yet: nothing to write


def _answer_next_question(button):
    """Click ``button`` of the next modal question box as soon as it is shown."""
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QApplication, QMessageBox

    asked = []

    def answer():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            asked.append(box.text())
            box.button(button).click()
        else:
            QTimer.singleShot(20, answer)
    QTimer.singleShot(0, answer)
    return asked


def test_an_existing_report_is_replaced_only_when_confirmed(dock, tmp_path):
    from qgis.PyQt.QtWidgets import QMessageBox

    earlier = tmp_path / "earlier.pdf"
    earlier.write_bytes(b"%PDF- the maps of the last run")
    dock.pdf_widget.setFilePath(str(earlier))
    asked = _answer_next_question(QMessageBox.No)
    dock.run_button.click()
    assert asked and str(earlier) in asked[0]
    assert dock.task is None and earlier.read_bytes() == b"%PDF- the maps of the last run"
    asked = _answer_next_question(QMessageBox.Yes)
    dock.run_button.click()
    assert asked and dock.task is not None  # confirmed: it runs
    dock.cancel()
    wait_until(lambda: dock.task is None and dock.printing is None, timeout_milliseconds=90000)


def test_layer_boxes_use_the_width_and_outputs_stay_in_sight(dock):
    from landoffice_plugin.gui.dock_base import MAX_MINIMUM_SIZE

    dock.setFloating(True)
    dock.resize(MAX_MINIMUM_SIZE.width(), MAX_MINIMUM_SIZE.height())
    dock.show()
    QCoreApplication.processEvents()
    for role, combo in dock.layer_boxes.items():
        assert combo.width() >= 150, (role, combo.width())  # its layer's name shows, not just an icon
    for widget in (dock.xlsx_widget, dock.pdf_widget, dock.run_button, dock.table):
        assert not widget.visibleRegion().isEmpty(), widget  # not scrolled away below the settings
    label = dock.rules_widget.parentWidget().layout().labelForField(dock.rules_widget)
    assert label is not None and label.text() == "Rules file"  # the rules box is labelled
    dock.hide()
