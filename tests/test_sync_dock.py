"""The field-work dock drives the engine through QgsTasks: test connection, checkout, sync, conflicts."""
from __future__ import annotations

import os
from pathlib import Path

from pytest_qgis.utils import wait_until
from qgis.core import QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

pytest_plugins = ["datacentre_fixture"]
AREA = "505000,3487000,505400,3487400"


def _wait(dock, timeout=60000):
    wait_until(lambda: dock.task is None, timeout_milliseconds=timeout)


def _next(dock):
    """The step the panel highlights (bold), checking no other one is."""
    bold = [key for key, button in dock.step_buttons.items() if button.font().bold()]
    assert len(bold) == 1, bold
    return bold[0]


def test_dock_checkout_sync_and_conflicts(datacentre, qgis_iface, tmp_path):
    from landoffice_plugin.gui.dock_fieldwork import FieldworkDock
    from landoffice_plugin.i18n import load_translator

    translator = load_translator("zh_CN")
    assert translator is not None
    QCoreApplication.installTranslator(translator)
    try:
        dock = FieldworkDock(qgis_iface)
        qgis_iface.mainWindow().addDockWidget(dock.AREA, dock)
        dock.url.setText(datacentre.url)
        assert _next(dock) == "connect"
        dock.test_connection()
        _wait(dock)
        assert "DLTB" in dock.status.text() and "EVIDENCE" in dock.status.text()
        assert "可以提交修改" in dock.status.text()
        assert _next(dock) == "checkout"
        dock.area.setText(AREA)
        dock.folder.setFilePath(str(tmp_path / "pkg"))
        dock.checkout()
        _wait(dock)
        assert (tmp_path / "pkg" / "fieldwork.qgz").is_file(), dock.status.text()
        assert _next(dock) == "edit"
        layer = QgsVectorLayer(f"{tmp_path}/pkg/fieldwork.gpkg|layername=DLTB", "d", "ogr")
        feats = sorted(layer.getFeatures(), key=lambda f: f["id"])
        target = next(f for f in feats if f["DLBM"] not in ("0101", "0301"))
        broken = next(f for f in feats if f["id"] != target["id"])
        layer.startEditing()
        layer.changeAttributeValue(target.id(), layer.fields().indexOf("DLBM"), "0101")
        layer.changeAttributeValue(broken.id(), layer.fields().indexOf("DLBM"), "99")
        assert layer.commitChanges()
        dock.run_checks()
        _wait(dock)
        assert dock.problems.count() == 1 and "99" in dock.problems.item(0).text()
        assert "待修改" in dock.problems.item(0).text()
        assert _next(dock) == "edit"  # a problem to fix: back to editing
        assert not dock.override_selected(reason="x")  # nothing selected: refused, says what to do
        dock.problems.setCurrentRow(0)
        assert not dock.override_selected(reason="  ")  # a reason is required
        assert dock.override_selected(reason="现场核实：地类编码待省厅确认")
        _wait(dock)
        assert dock.problems.count() == 1 and "已说明" in dock.problems.item(0).text()
        assert _next(dock) == "sync"  # every problem fixed or accepted: on to the sync
        layer.startEditing()
        layer.changeAttributeValue(broken.id(), layer.fields().indexOf("DLBM"), broken["DLBM"])
        assert layer.commitChanges()
        datacentre.sql(f"""UPDATE dltb SET "DLBM" = '0301', version = version + 1 WHERE id = '{target["id"]}'""")
        dock.sync()
        _wait(dock)
        assert dock.conflicts.rowCount() == 1, dock.status.text()
        assert dock.conflicts.item(0, 1).text() == "DLBM" and "0301" in dock.conflicts.item(0, 3).text()
        assert _next(dock) == "sync"  # conflicts to decide, then sync again
        if os.environ.get("LANDOFFICE_SCREENSHOTS"):
            dock.run_checks()
            _wait(dock)
            dock.resize(460, 900)
            out = Path(__file__).resolve().parent.parent / "demo-output" / "screenshot_fieldwork.png"
            out.parent.mkdir(exist_ok=True)
            dock.grab().save(str(out))
        dock.conflicts.cellWidget(0, 4).setCurrentIndex(1)  # mine
        dock._apply_choices()
        dock.sync()
        _wait(dock)
        assert dock.conflicts.rowCount() == 0
        assert datacentre.sql(f"""SELECT "DLBM" FROM dltb WHERE id = '{target["id"]}'""") == [("0101",)]
        dock.cleanup()
    finally:
        QCoreApplication.removeTranslator(translator)


def test_conflict_table_shows_a_refused_write_with_its_reason(qgis_app, tmp_path):
    import sqlite3

    from landoffice_plugin.gui.fieldwork_conflicts import ConflictTable
    from landoffice_plugin.sync.journal import save_refusal
    from landoffice_plugin.sync.package import _TABLES

    gpkg = tmp_path / "fieldwork.gpkg"
    with sqlite3.connect(gpkg) as db:
        db.executescript(_TABLES)
        save_refusal(db, "DLTB", "abcdef12-0000", "BZ: 355 > 254 (checked before sending)", 3)
    table = ConflictTable()
    assert table.load(gpkg) == 1
    assert "355 > 254" in table.item(0, 3).text() and table.cellWidget(0, 4) is None
    assert table.apply(gpkg) == 0  # nothing to decide: the feature must be corrected
