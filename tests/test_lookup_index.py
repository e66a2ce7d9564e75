"""The index is kept on disk, reused when current, and updated after an edit of the parcel layer."""
from __future__ import annotations

import shutil

from lookup_cases import build_gpkg, code, layers, rect
from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

from landoffice_plugin.lookup import red_lights as R
from landoffice_plugin.lookup.index import ensure_index, index_path, open_index
from landoffice_plugin.lookup.index_update import update_parcels
from landoffice_plugin.lookup.search import search
from landoffice_plugin.lookup.source import parcel_mapping


def _codes(result):
    return [r.code for r in result.rows]


def test_persisted_and_reused(tmp_path, qgis_app):
    gpkg = build_gpkg(tmp_path / "p.gpkg")
    layer = layers(gpkg)["ZD"]
    cache = tmp_path / "cache"
    assert open_index(layer, cache) is None
    index = ensure_index(layer, cache)
    path = index.path
    assert path == index_path(layer, parcel_mapping(layer), cache) and path.is_file()
    index.close()
    stamp = path.stat().st_mtime_ns
    again = QgsVectorLayer(f"{gpkg}|layername=ZD", "ZD", "ogr")   # as after a QGIS restart
    reopened = open_index(again, cache)
    assert reopened is not None and reopened.count() == 12
    assert _codes(search(reopened, "zjg")) == [code("P1"), code("P2")]
    reopened.close()
    assert path.stat().st_mtime_ns == stamp                       # reused, not rebuilt


def test_changed_data_makes_the_index_stale(tmp_path, qgis_app):
    gpkg = build_gpkg(tmp_path / "p.gpkg")
    cache = tmp_path / "cache"
    ensure_index(layers(gpkg)["ZD"], cache).close()
    copy = tmp_path / "copy.gpkg"
    shutil.copy(gpkg, copy)
    layer = QgsVectorLayer(f"{copy}|layername=ZD", "ZD", "ogr")
    assert open_index(layer, cache) is None                      # another source: its own index


def test_incremental_update_after_edits(tmp_path, qgis_app):
    gpkg = build_gpkg(tmp_path / "p.gpkg")
    layer = layers(gpkg)["ZD"]
    index = ensure_index(layer, tmp_path / "cache")
    owner = layer.fields().indexOf("QLRMC")
    fid2 = index.conn.execute("SELECT fid FROM parcels WHERE code = ?", (code("P2"),)).fetchone()[0]
    fid6 = index.conn.execute("SELECT fid FROM parcels WHERE code = ?", (code("P6"),)).fetchone()[0]
    fid10 = index.conn.execute("SELECT fid FROM parcels WHERE code = ?", (code("P10"),)).fetchone()[0]
    assert layer.startEditing()
    layer.changeAttributeValue(fid2, owner, "欧阳修")              # new owner
    layer.changeAttributeValue(fid6, owner, "钱多多")              # fixes "no owner"
    layer.changeGeometry(fid10, QgsGeometry.fromWkt(rect(50, 80, 65, 100)))   # no longer overlaps P9
    new = QgsFeature(layer.fields())
    new.setAttributes([None, "320299101201JC00009", "320299101201JC00009F00010001", "马超", None,
                       "湖塘镇湖塘村9组9号", 100.0, "0702"])
    new.setGeometry(QgsGeometry.fromWkt(rect(0, 5, 10, 15)))      # inside P1: an overlap
    assert layer.addFeature(new)
    assert layer.commitChanges(), layer.commitErrors()
    added = [f.id() for f in layer.getFeatures() if f["ZDDM"] == "320299101201JC00009"]
    update_parcels(index, changed=[fid2, fid6, fid10] + added)
    assert _codes(search(index, "欧阳修")) == [code("P2")]
    assert _codes(search(index, "oyx")) == [code("P2")]
    assert _codes(search(index, "章建国")) == []
    flags = dict(index.conn.execute("SELECT code, flags FROM parcels"))
    assert flags[code("P6")] == 0
    assert flags[code("P9")] == 0 and flags[code("P10")] == 0
    assert flags["320299101201JC00009"] & R.OVERLAP and flags[code("P1")] & R.OVERLAP
    assert open_index(layer, tmp_path / "cache") is not None      # fingerprint is current again
    # removing the new parcel clears P1's overlap
    assert layer.startEditing() and layer.deleteFeature(added[0]) and layer.commitChanges()
    update_parcels(index, removed=added)
    flags = dict(index.conn.execute("SELECT code, flags FROM parcels"))
    assert "320299101201JC00009" not in flags and flags[code("P1")] == 0
    assert _codes(search(index, "马超")) == []
    index.close()


def test_filegdb_parcel_layer(tmp_path, qgis_app):
    """A FileGDB with a ZD layer is indexed like a GeoPackage (GDAL's OpenFileGDB driver)."""
    from osgeo import gdal

    gpkg = build_gpkg(tmp_path / "p.gpkg")
    gdb = tmp_path / "parcels.gdb"
    gdal.VectorTranslate(str(gdb), str(gpkg), format="OpenFileGDB", layers=["ZD"])
    layer = QgsVectorLayer(f"{gdb}|layername=ZD", "ZD", "ogr")
    assert layer.isValid()
    index = ensure_index(layer, tmp_path / "cache")
    assert index.count() == 12
    assert _codes(search(index, "zjg")) == [code("P1"), code("P2")]
    assert _codes(search(index, "湖塘村1组")) == [code("P1"), code("P2")]
    index.close()
