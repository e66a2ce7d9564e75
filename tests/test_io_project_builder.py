"""buildproject: the sample project opens with every layer valid, styled and its role saved."""
from qgis.core import QgsCategorizedSymbolRenderer, QgsProject

from landoffice_plugin.core.roles import load_role_assignments
from landoffice_plugin.io.project_builder import build_project

ALL_ROLES = {"XZQ", "CJDCQ", "DLTB", "ZD", "ZRZ", "HJ", "YJJBNTTB", "STBHHX", "CZKFBJ", "PZYD", "GYYD", "GYQY"}


def test_sample_project_has_all_roles_styled(small_county, tmp_path):
    target = tmp_path / "county.qgz"
    found = build_project(small_county, target)
    assert set(found) == ALL_ROLES
    assert not list(tmp_path.glob("*.part*"))

    project = QgsProject()
    assert project.read(str(target))
    try:
        assert project.crs().authid() == "EPSG:4549"
        layers = project.mapLayers().values()
        assert len(layers) == len(ALL_ROLES) and all(layer.isValid() for layer in layers)
        saved = load_role_assignments(project)
        assert set(saved) == ALL_ROLES
        dltb = project.mapLayer(saved["DLTB"][0])
        assert isinstance(dltb.renderer(), QgsCategorizedSymbolRenderer)
        assert saved["DLTB"][1].actual("DLBM") == "DLBM"
        # draw order: the boundaries above the land-use patches
        order = [node.layer().id() for node in project.layerTreeRoot().findLayers()]
        assert order.index(saved["XZQ"][0]) < order.index(saved["DLTB"][0])
    finally:
        project.clear()
