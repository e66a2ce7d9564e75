def test_qgis_imports(qgis_app):
    from qgis.core import Qgis

    assert Qgis.QGIS_VERSION_INT >= 32200
