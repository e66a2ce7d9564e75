"""The 外业核查 panel without a data centre: steps in order, and what it says before any request."""
from __future__ import annotations

import re

import pytest
from qgis.core import Qgis
from qgis.PyQt.QtCore import QCoreApplication

from landoffice_plugin.gui.dock_fieldwork import STEPS, FieldworkDock
from landoffice_plugin.i18n import load_translator

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture()
def dock(qgis_iface):
    dock = FieldworkDock(qgis_iface)
    qgis_iface.messageBar().clear_messages()
    yield dock
    dock.cleanup()
    dock.setParent(None)
    dock.deleteLater()


@pytest.fixture()
def chinese(qgis_app):
    translator = load_translator("zh_CN")
    assert translator is not None
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_steps_are_laid_out_in_order_with_the_next_one_marked(dock):
    dock.setFloating(True)
    dock.resize(430, 700)
    dock.show()
    QCoreApplication.processEvents()
    keys = [key for key, _label in STEPS]
    assert keys == ["connect", "checkout", "edit", "check", "sync"]
    tops = [dock.step_buttons[k].mapTo(dock, dock.step_buttons[k].rect().topLeft()).y() for k in keys]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)  # 连接 → 检出 → 编辑 → 检查 → 同步, top down
    marked = [k for k in keys if dock.step_buttons[k].font().bold()]
    assert marked == ["connect"]
    dock.hide()


def test_an_empty_address_is_explained_in_chinese_before_any_request(dock, chinese, qgis_iface):
    dock.url.setText("   ")
    dock.test_connection()
    assert dock.task is None
    text = dock.status.text()
    assert CJK.search(text) and "https://" in text
    for library_text in ("Invalid URL", "MissingSchema", "No schema", "No connection adapters"):
        assert library_text not in text
    assert any(CJK.search(m) for m in qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning))
    dock.url.setText("datacentre.example/ogcapi")  # no scheme: says so too
    dock.checkout()
    assert dock.task is None and "datacentre.example/ogcapi" in dock.status.text() and CJK.search(dock.status.text())


def test_checks_without_a_package_say_what_to_do_and_create_nothing(dock, chinese, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # QGIS's working folder: where an empty fieldwork.gpkg used to appear
    dock.run_checks()
    assert dock.task is None and "文件夹" in dock.status.text()
    empty = tmp_path / "empty"
    empty.mkdir()
    dock.folder.setFilePath(str(empty))
    for action in (dock.run_checks, dock.sync, dock._apply_choices):
        action()
        assert dock.task is None and str(empty) in dock.status.text() and "检出" in dock.status.text()
    assert [p.name for p in tmp_path.rglob("*")] == ["empty"]
    assert "no such table" not in dock.status.text()
