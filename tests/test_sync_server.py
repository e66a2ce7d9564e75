"""Sync against a real data centre (pygeoapi + PostGIS on loopback): checkout, push, merge, conflicts, crashes."""
from __future__ import annotations

import pytest
from qgis.core import QgsFeature, QgsGeometry
from sync_cases import edit_layer as _edit
from sync_cases import features as _features
from sync_cases import layer as _layer  # noqa: F401
from sync_cases import own as _own
from sync_cases import pick as _pick
from sync_cases import set_value as _set

pytest_plugins = ["datacentre_fixture"]

AREAS = {
    "push": "502500,3482500,503000,3483000",
    "merge": "503500,3483500,504000,3484000",
    "conflict": "504500,3484500,505000,3485000",
    "crash": "505500,3485500,506000,3486000",
    "reject": "506500,3486500,507000,3487000",
    "pull": "502600,3485000,503000,3485400",
}


def _checkout(dc, key, tmp_path):
    from landoffice_plugin.sync.checkout import checkout

    pkg = tmp_path / key
    checkout(dc.url, AREAS[key], pkg)
    return pkg


def _server_row(dc, fid, columns='version, "DLBM", "BZ"', table="dltb"):
    rows = dc.sql(f"SELECT {columns} FROM {table} WHERE id = '{fid}'")
    return rows[0] if rows else None


def test_checkout_township_matches_server(datacentre, tmp_path):
    from landoffice_plugin.sync.checkout import checkout
    from landoffice_plugin.sync.package import read_meta

    counts = checkout(datacentre.url, "320299102", tmp_path / "t")
    expected_dltb = int(datacentre.sql("""SELECT count(*) FROM dltb WHERE "ZLDWDM" LIKE '320299102%'""")[0][0])
    expected_zd = int(datacentre.sql("""SELECT count(*) FROM zd WHERE "ZDDM" LIKE '320299102%'""")[0][0])
    assert expected_dltb > 1000
    assert counts["DLTB"] == expected_dltb and counts["ZD"] == expected_zd
    assert len(_features(tmp_path / "t")) == expected_dltb
    assert _layer(tmp_path / "t", "base_ZD").featureCount() == expected_zd
    meta = read_meta(tmp_path / "t" / "fieldwork.gpkg")
    assert meta["area"]["township"] == "320299102" and meta["writable"] is True


def test_edits_are_pushed_exactly(datacentre, tmp_path):
    from landoffice_plugin.sync.sync import sync_package

    pkg = _checkout(datacentre, "push", tmp_path)
    changed = _pick(pkg, "0103")
    moved, deleted = [fid for fid in _own(pkg) if fid != changed][:2]
    xmin_before = float(_server_row(datacentre, moved, "ST_XMin(geom)")[0])
    area_before = float(_server_row(datacentre, moved, "ST_Area(geom)")[0])

    def edits(layer):
        feats = {f["id"]: f for f in layer.getFeatures()}
        layer.changeAttributeValue(feats[changed].id(), layer.fields().indexOf("DLBM"), "0103")
        geom = QgsGeometry(feats[moved].geometry())
        geom.translate(1.5, 0)
        layer.changeGeometry(feats[moved].id(), geom)
        layer.deleteFeature(feats[deleted].id())
        new = QgsFeature(layer.fields())
        new.setAttribute("DLBM", "0101")
        new.setAttribute("ZLDWDM", "3202991010010000000")
        new.setAttribute("BZ", "new in the field")
        new.setGeometry(QgsGeometry.fromWkt("MultiPolygon(((502600 3482600, 502610 3482600, 502610 3482610, "
                                            "502600 3482610, 502600 3482600)))"))
        layer.addFeature(new)
    _edit(pkg, edits)

    report = sync_package(pkg, checks=False)
    assert (report.created, report.updated, report.deleted) == (1, 2, 1)
    assert _server_row(datacentre, changed)[:2] == ("2", "0103")
    assert float(_server_row(datacentre, moved, "ST_XMin(geom)")[0]) == pytest.approx(xmin_before + 1.5, abs=1e-6)
    assert float(_server_row(datacentre, moved, "ST_Area(geom)")[0]) == pytest.approx(area_before, rel=1e-9)
    assert _server_row(datacentre, deleted) is None
    created = datacentre.sql("""SELECT id, version, ST_Area(geom) FROM dltb WHERE "BZ" = 'new in the field'""")
    assert len(created) == 1 and created[0][1] == "1"
    assert float(created[0][2]) == pytest.approx(100.0)
    local = _features(pkg)
    assert created[0][0] in local and local[created[0][0]]["version"] == 1
    again = sync_package(pkg, checks=False)
    assert again.summary() == {k: 0 for k in again.summary()}


def test_remote_change_of_other_field_merges(datacentre, tmp_path):
    from landoffice_plugin.sync.sync import sync_package

    pkg = _checkout(datacentre, "merge", tmp_path)
    fid = _pick(pkg, "0102")
    _set(pkg, fid, "DLBM", "0102")
    datacentre.sql(f"""UPDATE dltb SET "BZ" = '县里改的', version = version + 1 WHERE id = '{fid}'""")
    report = sync_package(pkg, checks=False)
    assert report.merged == 1 and not report.conflicts
    assert _server_row(datacentre, fid) == ("3", "0102", "县里改的")
    local = _features(pkg)[fid]
    assert (local["DLBM"], local["BZ"], local["version"]) == ("0102", "县里改的", 3)


def test_remote_create_and_delete_are_pulled(datacentre, tmp_path):
    from landoffice_plugin.sync.sync import sync_package

    pkg = _checkout(datacentre, "pull", tmp_path)
    gone = _own(pkg)[0]
    new = "aaaaaaaa-0000-4000-8000-000000000001"
    datacentre.sql(f"DELETE FROM dltb WHERE id = '{gone}'")
    datacentre.sql(f"""INSERT INTO dltb (id, "DLBM", "BZ", geom) VALUES ('{new}', '0101', '县里新增', ST_Multi(
                       ST_GeomFromText('POLYGON((502700 3485100, 502720 3485100, 502720 3485120, 502700 3485100))',
                       4549)))""")
    report = sync_package(pkg, checks=False)
    assert report.pulled == 2 and report.summary()["created"] == 0
    for layer in ("DLTB", "base_DLTB"):
        local = _features(pkg, layer)
        assert gone not in local
        assert (local[new]["BZ"], local[new]["version"]) == ("县里新增", 1)
        assert local[new].geometry().area() == pytest.approx(200.0)
    assert sync_package(pkg, checks=False).pulled == 0


def test_same_field_conflict_kept_until_decided(datacentre, tmp_path):
    from landoffice_plugin.sync.journal import decide, list_conflicts
    from landoffice_plugin.sync.sync import sync_package

    pkg = _checkout(datacentre, "conflict", tmp_path)
    fid = _pick(pkg, "0101", "0301")
    _set(pkg, fid, "DLBM", "0101")
    datacentre.sql(f"""UPDATE dltb SET "DLBM" = '0301', version = version + 1 WHERE id = '{fid}'""")
    report = sync_package(pkg, checks=False)
    assert [(c["fid"], c["field"]) for c in report.conflicts] == [(fid, "DLBM")]
    assert _server_row(datacentre, fid)[:2] == ("2", "0301")  # theirs untouched on the server
    assert _features(pkg)[fid]["DLBM"] == "0101"  # mine kept in the package
    [conflict] = list_conflicts(pkg / "fieldwork.gpkg")
    base = conflict_base(pkg, fid)
    assert (conflict["mine"], conflict["theirs"], conflict["base"]) == ('"0101"', '"0301"', f'"{base}"')
    sync_package(pkg, checks=False)  # undecided: reported again, nothing lost
    assert _features(pkg)[fid]["DLBM"] == "0101" and _server_row(datacentre, fid)[1] == "0301"
    decide(pkg / "fieldwork.gpkg", "DLTB", fid, "DLBM", "mine")
    final = sync_package(pkg, checks=False)
    assert not final.conflicts and final.updated == 1
    assert _server_row(datacentre, fid)[:2] == ("3", "0101")
    assert list_conflicts(pkg / "fieldwork.gpkg") == []


def conflict_base(pkg, fid):
    return _features(pkg, "base_DLTB")[fid]["DLBM"]


def test_interrupted_push_finishes_without_duplicates(datacentre, tmp_path):
    from landoffice_plugin.sync.client import ServerError
    from landoffice_plugin.sync.sync import sync_package

    pkg = _checkout(datacentre, "crash", tmp_path)
    ids = _own(pkg)[:6]
    checked_out = {fid: f["version"] for fid, f in _features(pkg).items() if fid in ids}

    def edits(layer):
        feats = {f["id"]: f for f in layer.getFeatures()}
        for fid in ids:
            layer.changeAttributeValue(feats[fid].id(), layer.fields().indexOf("BZ"), "crash-update")
        for i in range(6):
            new = QgsFeature(layer.fields())
            new.setAttribute("DLBM", "0101")
            new.setAttribute("BZ", f"crash-create-{i}")
            x = 505600 + 20 * i
            new.setGeometry(QgsGeometry.fromWkt(f"MultiPolygon((({x} 3485600, {x + 10} 3485600, {x + 10} 3485610, "
                                                f"{x} 3485610, {x} 3485600)))"))
            layer.addFeature(new)
    _edit(pkg, edits)
    datacentre.crash_file.write_text("5")
    with pytest.raises(ServerError) as failure:
        sync_package(pkg, client=_fast_client(datacentre.url), checks=False)
    assert "Nothing is lost" in failure.value.message_en and "sync again" in failure.value.message_en
    assert "不会丢失" in failure.value.message_zh
    log = (pkg / "sync.log").read_text(encoding="utf-8")
    assert "The sync stopped" in log and "run the sync again" in log
    assert not datacentre.crash_file.exists()  # the server really died after 5 writes
    datacentre.start()
    report = sync_package(pkg, checks=False)
    assert report.conflicts == []
    creates = datacentre.sql("""SELECT "BZ", count(*) FROM dltb WHERE "BZ" LIKE 'crash-create-%' GROUP BY "BZ" """)
    assert sorted(creates) == [(f"crash-create-{i}", "1") for i in range(6)]
    updates = datacentre.sql("""SELECT id, version FROM dltb WHERE "BZ" = 'crash-update'""")
    assert sorted(updates) == sorted((fid, str(checked_out[fid] + 1)) for fid in ids)  # each written once
    assert sync_package(pkg, checks=False).summary()["created"] == 0
    blocks = (pkg / "sync.log").read_text(encoding="utf-8").strip().split("\n\n")
    assert len(blocks) == 3 and "The sync stopped" in blocks[0]
    assert "sent:" in blocks[1] and "No conflict." in blocks[1] and "sent: 0 created, 0 updated, 0 deleted" in blocks[2]
    assert datacentre.url.split("//")[1] in blocks[0]


def _fast_client(url):
    from landoffice_plugin.sync.client import FeatureClient

    return FeatureClient(url, retries=1, backoff=0.05)


def test_rejected_update_becomes_conflict(datacentre, tmp_path):
    from landoffice_plugin.sync.client import FeatureClient
    from landoffice_plugin.sync.sync import sync_package

    pkg = _checkout(datacentre, "reject", tmp_path)
    fid = _pick(pkg, "0201", "0204")
    _set(pkg, fid, "DLBM", "0201")

    class RacingClient(FeatureClient):
        """Another laptop writes the same field between our pull and our PUT."""
        def replace(self, collection, feature, **kwargs):
            if not getattr(self, "raced", False):
                self.raced = True
                datacentre.sql(f"""UPDATE dltb SET "DLBM" = '0204', version = version + 1 WHERE id = '{fid}'""")
            return super().replace(collection, feature, **kwargs)

    report = sync_package(pkg, client=RacingClient(datacentre.url), checks=False)
    assert report.rejected == 1 and report.updated == 0
    assert [(c["fid"], c["field"]) for c in report.conflicts] == [(fid, "DLBM")]
    assert _server_row(datacentre, fid)[:2] == ("2", "0204")
    assert _features(pkg)[fid]["DLBM"] == "0201"


def test_delete_against_a_racing_change_becomes_conflict(datacentre, tmp_path):
    """Another laptop changes a feature between our pull and our DELETE: nothing is deleted."""
    from landoffice_plugin.sync.client import FeatureClient
    from landoffice_plugin.sync.sync import sync_package

    pkg = _checkout(datacentre, "reject", tmp_path)
    fid = _pick(pkg, "0204")

    def drop(layer):
        feat = next(f for f in layer.getFeatures() if f["id"] == fid)
        assert layer.deleteFeature(feat.id())
    _edit(pkg, drop)
    before = _server_row(datacentre, fid)
    assert before is not None

    class RacingClient(FeatureClient):
        def get(self, collection, feature_id, **kwargs):
            if feature_id == fid and not getattr(self, "raced", False):
                self.raced = True
                datacentre.sql(f"""UPDATE dltb SET "BZ" = '外业改', version = version + 1 WHERE id = '{fid}'""")
            return super().get(collection, feature_id, **kwargs)

    report = sync_package(pkg, client=RacingClient(datacentre.url), checks=False)
    assert report.deleted == 0 and report.rejected == 1
    assert [c["fid"] for c in report.conflicts] == [fid]
    after = _server_row(datacentre, fid)
    assert after is not None and int(after[0]) == int(before[0]) + 1 and after[2] == "外业改"


def test_a_large_area_read_tile_by_tile_misses_nothing_and_doubles_nothing(datacentre, tmp_path, monkeypatch):
    """Tiles of a township (forced small here): a patch on a tile edge is read twice and kept once."""
    from landoffice_plugin.sync import area
    from landoffice_plugin.sync.checkout import checkout

    monkeypatch.setattr(area, "TILE_FEATURES", 150)
    made, tiles = [], area._tiles

    def spy(*args):
        found = tiles(*args)
        made.extend(found)
        return found

    monkeypatch.setattr(area, "_tiles", spy)
    counts = checkout(datacentre.url, "320299102", tmp_path / "tiles", collections=["DLTB", "ZD"])
    expected = {r[0] for r in datacentre.sql("""SELECT id FROM dltb WHERE "ZLDWDM" LIKE '320299102%'""")}
    local = _features(tmp_path / "tiles")
    assert counts["DLTB"] == len(local) == len(expected) and set(local) == expected
    assert counts["ZD"] == int(datacentre.sql("""SELECT count(*) FROM zd WHERE "ZDDM" LIKE '320299102%'""")[0][0])
    assert len(made) > 8  # it really read in tiles
