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


def test_layer_column_shows_the_layer_names(project):
    project, dltb, zd = project
    long_name = QgsVectorLayer("Polygon?crs=EPSG:4549", "永久基本农田图斑_2023年度更新成果", "memory")
    project.addMapLayer(long_name)
    dialog = RolesDialog(project)
    metrics = dialog.role_table.fontMetrics()
    width = dialog.role_table.columnWidth(1)
    assert width >= metrics.horizontalAdvance(long_name.name()) + 40  # the name, its icon and the arrow
    assert width >= dialog.layer_boxes["DLTB"].sizeHint().width()


def test_dialog_exports_its_mapping_as_a_field_map_file(project, tmp_path):
    from landoffice_plugin.core.fields import load_field_map, resolve_layer

    project, dltb, zd = project
    dialog = RolesDialog(project)
    dialog._field_changed("ZD", "ZDDM", "宗地代码")
    written = load_field_map(dialog.export_field_map(tmp_path / "map.toml"))
    assert written.fields["ZD"]["ZDDM"] == "宗地代码"
    assert "DLTB" not in written.fields  # its fields have their standard names: nothing to map
    assert resolve_layer(zd, "ZD", written).how["ZDDM"] == "map"  # the file the algorithms read


def test_dialog_imports_a_field_map_file(project, tmp_path):
    from landoffice_plugin.core.errors import LandOfficeError
    from landoffice_plugin.core.fields import resolve_layer

    project, dltb, zd = project
    dialog = RolesDialog(project)
    bad = tmp_path / "bad.toml"
    bad.write_text('[ZD]\nZDDM = "PARCEL_NO"\n', encoding="utf-8")
    with pytest.raises(LandOfficeError, match="PARCEL_NO"):
        dialog.import_field_map(bad)
    good = tmp_path / "good.toml"
    good.write_text('[ZD]\nZDDM = "宗地代码"\nQLRMC = "QLRMC"\n', encoding="utf-8")
    assert dialog.import_field_map(good) == ["ZD"]
    assert dialog.mappings["ZD"].actual("ZDDM") == "宗地代码" and _status(dialog, "ZD") in ("ready", "就绪")
    dialog.accept()
    assert load_role_assignments(project)["ZD"][1].actual("ZDDM") == "宗地代码"
    assert resolve_layer(zd, "ZD").how["ZDDM"] == "map"  # the layer carries the map (saved with the project)
