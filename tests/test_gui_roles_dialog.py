"""The roles dialog shows what the engine recognises and saves the user's corrections."""
import pytest
from qgis.core import QgsProject, QgsVectorLayer

from landoffice_plugin.core.roles import load_role_assignments
from landoffice_plugin.gui.roles_dialog import RolesDialog


@pytest.fixture()
def project(qgis_app):
    project = QgsProject.instance()  # the 3.22 layer combo box lists only this project
    dltb = QgsVectorLayer("Polygon?crs=EPSG:4549&field=DLBM:string&field=ZLDWDM:string&field=TBMJ:double",
                          "DLTB", "memory")
    zd = QgsVectorLayer("Polygon?crs=EPSG:4549&field=宗地代码:string&field=QLRMC:string", "宗地", "memory")
    other = QgsVectorLayer("Point?crs=EPSG:4549&field=name:string", "roads", "memory")
    project.addMapLayers([dltb, zd, other])
    yield project, dltb, zd
    project.clear()


def _status(dialog, role_id):
    row = list(dialog.roles).index(role_id)
    return dialog.role_table.item(row, 2).text()


def test_dialog_shows_recognised_roles_and_missing_fields(project):
    project, dltb, zd = project
    dialog = RolesDialog(project)
    assert dialog.layer_boxes["DLTB"].currentLayer() is dltb
    assert dialog.layer_boxes["ZD"].currentLayer() is zd
    assert dialog.layer_boxes["XZQ"].currentLayer() is None
    assert _status(dialog, "DLTB") in ("ready", "就绪")
    assert _status(dialog, "XZQ") in ("not set", "未设置")
    # 宗地代码 is an alias of ZDDM or not: either way the status names what is missing or says ready
    if dialog.mappings["ZD"].actual("ZDDM") is None:
        assert "ZDDM" in _status(dialog, "ZD")


def test_user_mapping_is_saved_in_the_project(project):
    project, dltb, zd = project
    dialog = RolesDialog(project)
    dialog.select_role("ZD")
    dialog._field_changed("ZD", "ZDDM", "宗地代码")
    assert _status(dialog, "ZD") in ("ready", "就绪")
    dialog.accept()
    saved = load_role_assignments(project)
    assert saved["ZD"][0] == zd.id()
    assert saved["ZD"][1].actual("ZDDM") == "宗地代码"
    assert saved["DLTB"][0] == dltb.id()
    assert "XZQ" not in saved


def test_dialog_exports_its_mapping_as_a_field_map_file(project, tmp_path):
    from landoffice_plugin.core.fields import load_field_map, resolve_layer

    project, dltb, zd = project
    dialog = RolesDialog(project)
    dialog._field_changed("ZD", "ZDDM", "宗地代码")
    written = load_field_map(dialog.export_field_map(tmp_path / "map.toml"))
    assert written.fields["ZD"]["ZDDM"] == "宗地代码"
    assert "DLTB" not in written.fields  # its fields have their standard names: nothing to map
    assert resolve_layer(zd, "ZD", written).how["ZDDM"] == "map"  # the file the algorithms read
