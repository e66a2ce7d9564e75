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


def _extent_of(gpkg, name):
    from osgeo import ogr

    ds = ogr.Open(str(gpkg))
    xmin, xmax, ymin, ymax = ds.GetLayerByName(name).GetExtent()
    ds = None
    return xmin, ymin, xmax, ymax


def test_project_opens_on_the_county(small_county, tmp_path, qgis_app):
    from qgis.gui import QgsMapCanvas
    from qgis.PyQt.QtCore import QSize

    target = tmp_path / "county.qgz"
    build_project(small_county, target)
    xmin, ymin, xmax, ymax = _extent_of(small_county, "XZQ")  # the townships, read with OGR
    canvas = QgsMapCanvas()
    canvas.setObjectName("theMapCanvas")  # the name QGIS gives its main map
    canvas.resize(QSize(1366, 768))
    project = QgsProject.instance()
    try:
        assert project.read(str(target))
        saved = project.viewSettings().defaultViewExtent()
        assert saved.crs().authid() == "EPSG:4549"
        extent = canvas.extent()
        for shown in (saved, extent):
            assert shown.xMinimum() <= xmin and shown.yMinimum() <= ymin
            assert shown.xMaximum() >= xmax and shown.yMaximum() >= ymax
        assert saved.width() <= 1.1 * (xmax - xmin) and saved.height() <= 1.1 * (ymax - ymin)
        assert extent.width() > 1000  # the county, not a 1:1 view of a few metres
    finally:
        project.clear()
        canvas.deleteLater()


def test_labels_and_details_follow_the_scale_and_dltb_by_second_level_class(small_county, tmp_path):
    import csv

    from landoffice_plugin.paths import resource_path

    target = tmp_path / "county.qgz"
    build_project(small_county, target)
    project = QgsProject()
    assert project.read(str(target))
    try:
        saved = load_role_assignments(project)
        layer = {role: project.mapLayer(saved[role][0]) for role in ("ZD", "GYQY", "ZRZ", "DLTB", "XZQ", "CJDCQ")}
        for role in ("ZD", "GYQY"):  # parcel numbers and company names: only from 1:10 000 in
            settings = layer[role].labeling().settings()
            assert layer[role].labelsEnabled() and settings.scaleVisibility
            assert settings.minimumScale == 10_000 and settings.maximumScale == 0
        assert layer["CJDCQ"].labeling().settings().minimumScale == 50_000
        assert not layer["XZQ"].labeling().settings().scaleVisibility  # township names at every scale
        for role in ("ZD", "ZRZ"):  # thousands of outlines: not drawn at the county view
            assert layer[role].hasScaleBasedVisibility() and layer[role].minimumScale() == 25_000
        renderer = layer["DLTB"].renderer()
        assert isinstance(renderer, QgsCategorizedSymbolRenderer)
        assert renderer.classAttribute() == 'left("DLBM", 4)'
        with (resource_path("landuse", "gbt21010_2017.csv")).open(encoding="utf-8") as handle:
            names = {r["code"]: r["name"] for r in csv.DictReader(handle) if r["level"] == "subclass"}
        with (resource_path("landuse", "sandiao_colours.csv")).open(encoding="utf-8") as handle:
            colours = {r["code"]: (int(r["r"]), int(r["g"]), int(r["b"]))
                       for r in csv.DictReader(line for line in handle if not line.startswith("#"))}
        categories = {c.value(): c for c in renderer.categories() if c.value() != ""}
        assert set(categories) == set(names) == set(colours)
        for code, category in categories.items():
            assert category.label() == f"{code} {names[code]}"
            assert category.symbol().color().getRgb()[:3] == colours[code]
        codes = {f["DLBM"][:4] for f in layer["DLTB"].getFeatures()}
        assert codes <= set(categories)  # every sample patch falls in a class, none in 其他
    finally:
        project.clear()
