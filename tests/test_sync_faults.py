"""The sync fault matrix, against the real data centre (pygeoapi + PostGIS on loopback).

Each test drives an event from outside — a second laptop, a server killed between two writes, the
database going down, a value the server refuses, an edit saved in QGIS while the sync runs — and
then asserts on what the SERVER and the PACKAGE hold: edits lost, duplicated, or overwritten
without a conflict must each be 0.
"""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from qgis.core import QgsFeature, QgsGeometry
from sync_cases import edit_layer, features, layer, own, set_value

pytest_plugins = ["datacentre_fixture"]
REPO = Path(__file__).resolve().parent.parent

KEYS = ["overrides", "checkout", "outage-stop", "outage-mine", "outage-theirs", "interrupted", "rejected",
        "lost-create", "during", "refused", "refused-500", "recreate", "slow", "moved", "ids", "lock", "base",
        "overlap", "post", "auth", "theirs", "plain"]
CELL = 700.0
# areas the other sync tests edit (test_sync_server, test_sync_workflow, test_sync_dock): kept clear
OTHERS = [(502500, 3482500, 503000, 3483000), (503500, 3483500, 504000, 3484000), (504500, 3484500, 505000, 3485000),
          (505500, 3485500, 506000, 3486000), (506500, 3486500, 507000, 3487000), (502600, 3485000, 503000, 3485400),
          (504000, 3486000, 504400, 3486400), (505000, 3487000, 505400, 3487400)]
AREAS: dict = {}


@pytest.fixture(scope="module", autouse=True)
def fault_areas(datacentre):
    """One 700 m square per test, each holding at least 60 patches, none near another module's areas."""
    cells = datacentre.sql(f"SELECT floor(ST_X(ST_Centroid(geom)) / {CELL}), floor(ST_Y(ST_Centroid(geom)) / {CELL}),"
                           f" count(*) FROM dltb GROUP BY 1, 2 HAVING count(*) >= 60 ORDER BY 1, 2")
    free = []
    for cx, cy, _ in cells:
        box = (float(cx) * CELL, float(cy) * CELL, (float(cx) + 1) * CELL, (float(cy) + 1) * CELL)
        if not any(box[0] < o[2] + 50 and o[0] - 50 < box[2] and box[1] < o[3] + 50 and o[1] - 50 < box[3]
                   for o in OTHERS):
            free.append(box)
    assert len(free) >= len(KEYS), f"the sample county has only {len(free)} free squares"
    # shrink each square a little so that neighbouring tests do not share the patches on their border
    AREAS.update({key: ",".join(f"{v:.0f}" for v in (b[0] + 60, b[1] + 60, b[2] - 60, b[3] - 60))
                  for key, b in zip(KEYS, free)})
    return AREAS


def _checkout(dc, key, tmp_path, name=None, **kwargs):
    from landoffice_plugin.sync.checkout import checkout

    pkg = tmp_path / (name or key)
    checkout(dc.url, AREAS[key], pkg, **kwargs)
    return pkg


def _square(key, size=10.0, kind="MultiPolygon") -> str:
    """A small square at the centre of ``key``'s area (WKT)."""
    x0, y0, x1, y1 = (float(v) for v in AREAS[key].split(","))
    x, y = (x0 + x1) / 2, (y0 + y1) / 2
    ring = f"{x} {y}, {x + size} {y}, {x + size} {y + size}, {x} {y + size}, {x} {y}"
    return f"MultiPolygon((({ring})))" if kind == "MultiPolygon" else f"POLYGON(({ring}))"


def _rows(dc, ids, columns='version, "DLBM", "BZ"'):
    listed = ",".join(f"'{i}'" for i in ids)
    return {r[0]: r[1:] for r in dc.sql(f"SELECT id, {columns} FROM dltb WHERE id IN ({listed})")}


def _sync(pkg, **kwargs):
    from landoffice_plugin.sync.sync import sync_package

    kwargs.setdefault("checks", False)
    return sync_package(pkg, **kwargs)


def _client(dc, cls=None, **kwargs):
    from landoffice_plugin.sync.client import FeatureClient

    return (cls or FeatureClient)(dc.url, retries=1, backoff=0.05, **kwargs)


def _set_many(pkg, values: dict, field="BZ"):
    def change(lyr):
        index = lyr.fields().indexOf(field)
        by_id = {f["id"]: f.id() for f in lyr.getFeatures()}
        for fid, value in values.items():
            assert lyr.changeAttributeValue(by_id[fid], index, value)
    edit_layer(pkg, change)


def _local_ids(pkg, n):
    ids = own(pkg)  # wholly inside: no other test's extent holds them
    assert len(ids) >= n, f"area too small: {len(ids)} features"
    return ids[:n]


def _pending(pkg) -> int:
    from landoffice_plugin.sync.changes import diff, read_working
    from landoffice_plugin.sync.package import read_layer

    path = pkg / "fieldwork.gpkg"
    base = read_layer(path, "base_DLTB")
    return len(diff(read_working(path, "DLTB", base), base))


# 1 ----------------------------------------------------------------------------------------------
def test_checkout_over_unsynced_edits_refuses_and_replace_keeps_a_dated_copy(datacentre, tmp_path):
    from landoffice_plugin.core.errors import LandOfficeError

    pkg = _checkout(datacentre, "checkout", tmp_path)
    fid = _local_ids(pkg, 1)[0]
    set_value(pkg, fid, "BZ", "unsynced field note")
    before = (pkg / "fieldwork.gpkg").read_bytes()
    with pytest.raises(LandOfficeError, match="not on the data centre yet") as refused:
        _checkout(datacentre, "checkout", tmp_path)
    assert "1 update" in refused.value.message_en and "尚未同步" in refused.value.message_zh
    assert (pkg / "fieldwork.gpkg").read_bytes() == before  # untouched, byte for byte
    _checkout(datacentre, "checkout", tmp_path, replace=True)
    kept = sorted(pkg.glob("fieldwork-*.gpkg"))
    assert len(kept) == 1
    with sqlite3.connect(kept[0]) as db:
        old = dict(db.execute('SELECT id, "BZ" FROM "DLTB"').fetchall())
    assert old[fid] == "unsynced field note"  # the edit survives in the dated copy
    assert features(pkg)[fid]["BZ"] != "unsynced field note"  # the new package is the server's state
    # a package with nothing unsynced is replaced without a question (and still kept aside)
    _checkout(datacentre, "checkout", tmp_path)
    assert len(list(pkg.glob("fieldwork-*.gpkg"))) == 2


@pytest.mark.parametrize("locked", ["old package", "new package"])
def test_checkout_over_a_package_open_in_qgis_on_windows_changes_nothing(datacentre, tmp_path, monkeypatch, locked):
    """Windows cannot rename a file QGIS holds open: the dated copy (or the final rename) fails; the user is
    told to close it, and the folder holds exactly what it held."""
    from landoffice_plugin.core.errors import LandOfficeError
    from landoffice_plugin.sync import checkout as module

    pkg = _checkout(datacentre, "checkout", tmp_path, "open-in-qgis")  # reads only: the square's test is unaffected
    before = (pkg / "fieldwork.gpkg").read_bytes()
    real = os.replace

    def windows_replace(source, target):
        if Path(source).name == ("fieldwork.gpkg" if locked == "old package" else "fieldwork.part.gpkg"):
            raise PermissionError(13, "The process cannot access the file because it is being used by another "
                                      "process", str(source))
        return real(source, target)

    monkeypatch.setattr(module.os, "replace", windows_replace)
    with pytest.raises(LandOfficeError, match="open in QGIS") as refused:
        _checkout(datacentre, "checkout", tmp_path, "open-in-qgis", replace=True)
    assert "Nothing was changed" in refused.value.message_en and "close the project" in refused.value.message_en
    assert (pkg / "fieldwork.gpkg").read_bytes() == before
    assert sorted(p.name for p in pkg.glob("*.gpkg")) == ["fieldwork.gpkg"]  # no dated copy, no .part left
    monkeypatch.undo()
    _checkout(datacentre, "checkout", tmp_path, "open-in-qgis", replace=True)  # closed: it works
    assert len(list(pkg.glob("fieldwork-*.gpkg"))) == 1


# 2 ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("policy", ["stop", "mine", "theirs"])
def test_database_down_mid_push_loses_nothing(datacentre, tmp_path, policy):
    from landoffice_plugin.core.errors import LandOfficeError
    from landoffice_plugin.sync.client import FeatureClient

    pkg = _checkout(datacentre, f"outage-{policy}", tmp_path)
    ids = _local_ids(pkg, 30)
    wanted = {fid: f"outage {policy} {i}" for i, fid in enumerate(ids)}
    _set_many(pkg, wanted)
    versions = {fid: int(v[0]) for fid, v in _rows(datacentre, ids).items()}
    count_before = layer(pkg).featureCount()

    class Outage(FeatureClient):
        def replace(self, collection, feature, **kwargs):
            self.puts = getattr(self, "puts", 0) + 1
            if self.puts == 10:
                datacentre.database_down()
            return super().replace(collection, feature, **kwargs)

    try:
        with pytest.raises(LandOfficeError) as stopped:
            _sync(pkg, policy=policy, client=_client(datacentre, Outage))
    finally:
        datacentre.database_up()
    assert "lost" in stopped.value.message_en.lower()
    local = features(pkg)
    assert len(local) == count_before  # nothing deleted on the laptop
    assert all(local[fid]["BZ"] == value for fid, value in wanted.items())  # every edit still there
    assert not [c for c in _conflicts(pkg) if c["field"] == "__deleted__"]  # no false "deleted" conflict
    report = _sync(pkg, policy=policy)
    assert report.conflicts == [] and report.refused == []
    server = _rows(datacentre, ids)
    assert {fid: row[2] for fid, row in server.items()} == wanted  # every edit arrived
    assert all(int(server[fid][0]) == versions[fid] + 1 for fid in ids)  # each exactly once
    assert _pending(pkg) == 0


def _conflicts(pkg):
    from landoffice_plugin.sync.journal import list_conflicts

    return list_conflicts(pkg / "fieldwork.gpkg", False)


# 3 ----------------------------------------------------------------------------------------------
def test_interrupted_push_then_second_laptop_edit_is_kept(datacentre, tmp_path):
    from landoffice_plugin.sync.client import ServerError

    laptop_a = _checkout(datacentre, "interrupted", tmp_path, "a")
    ids = _local_ids(laptop_a, 12)
    ours = {fid: f"A note {i}" for i, fid in enumerate(ids)}
    _set_many(laptop_a, ours)
    datacentre.crash_file.write_text("5")
    with pytest.raises(ServerError):
        _sync(laptop_a, client=_client(datacentre))
    assert not datacentre.crash_file.exists()
    datacentre.start()
    # laptop B changes another field of every one of them, and the same field of two
    laptop_b = _checkout(datacentre, "interrupted", tmp_path, "b")
    theirs = {fid: "0404" for fid in ids}
    _set_many(laptop_b, theirs, "DLBM")
    unsent = [fid for fid in ids if features(laptop_b)[fid]["BZ"] != ours[fid]][:2]
    assert unsent, "the crash should have left some writes unsent"
    _set_many(laptop_b, {fid: "B note" for fid in unsent})
    assert _sync(laptop_b).conflicts == []
    report = _sync(laptop_a)
    assert sorted((c["fid"], c["field"]) for c in report.conflicts) == sorted((fid, "BZ") for fid in unsent)
    server = _rows(datacentre, ids)
    assert all(server[fid][1] == "0404" for fid in ids)  # B's field is never reverted
    assert all(server[fid][2] == ("B note" if fid in unsent else ours[fid]) for fid in ids)
    # the open conflicts are still reported by the next sync, and A's values are still in A
    again = _sync(laptop_a)
    assert sorted(c["fid"] for c in again.conflicts) == sorted(unsent)
    assert all(features(laptop_a)[fid]["BZ"] == ours[fid] for fid in unsent)
    # merged where there is no conflict; a conflicted feature waits whole for the decision
    assert all(features(laptop_a)[fid]["DLBM"] == "0404" for fid in ids if fid not in unsent)
    from landoffice_plugin.sync.journal import decide

    for fid in unsent:
        decide(laptop_a / "fieldwork.gpkg", "DLTB", fid, "BZ", "mine")
    assert _sync(laptop_a).conflicts == []
    server = _rows(datacentre, ids)
    assert all(server[fid][1:] == ("0404", ours[fid]) for fid in ids)
    assert all(features(laptop_a)[fid]["DLBM"] == "0404" for fid in ids)


def test_rejected_put_then_resync_twice_keeps_the_conflict_and_their_other_edits(datacentre, tmp_path):
    laptop_a = _checkout(datacentre, "rejected", tmp_path, "a")
    laptop_b = _checkout(datacentre, "rejected", tmp_path, "b")
    fid = _local_ids(laptop_a, 1)[0]
    set_value(laptop_a, fid, "BZ", "A says")
    set_value(laptop_b, fid, "BZ", "B says")
    assert _sync(laptop_b).updated == 1
    for _ in range(2):
        report = _sync(laptop_a)
        assert [(c["fid"], c["field"]) for c in report.conflicts] == [(fid, "BZ")]
    set_value(laptop_b, fid, "ZLDWMC", "B renamed the village")  # a field A never touched
    _sync(laptop_b)
    report = _sync(laptop_a)
    assert [(c["fid"], c["field"]) for c in report.conflicts] == [(fid, "BZ")]
    row = _rows(datacentre, [fid], 'version, "BZ", "ZLDWMC"')[fid]
    assert row[1:] == ("B says", "B renamed the village")
    assert features(laptop_a)[fid]["BZ"] == "A says"


def test_delete_racing_another_laptops_put_is_a_conflict_not_a_loss(datacentre, tmp_path):
    """A decides to delete; B's PUT lands between A's pre-read and A's DELETE: the data centre deletes only
    the version A decided on, so B's edit survives and A gets the edit-against-delete conflict."""
    from landoffice_plugin.sync.client import FeatureClient
    from landoffice_plugin.sync.journal import decide

    laptop_a = _checkout(datacentre, "rejected", tmp_path, "delete-a")  # after that test, in its square
    laptop_b = _checkout(datacentre, "rejected", tmp_path, "delete-b")
    fid = _local_ids(laptop_a, 3)[2]  # not the feature the test before edits
    version = int(_rows(datacentre, [fid])[fid][0])
    edit_layer(laptop_a, lambda lyr: lyr.deleteFeature(next(f for f in lyr.getFeatures() if f["id"] == fid).id()))
    set_value(laptop_b, fid, "BZ", "B edited it")

    class LaptopBInBetween(FeatureClient):
        def remove(self, collection, feature_id, **kwargs):
            assert _sync(laptop_b).updated == 1  # B's PUT lands after A's read, before A's DELETE
            return super().remove(collection, feature_id, **kwargs)

    report = _sync(laptop_a, client=_client(datacentre, LaptopBInBetween))
    assert (report.deleted, report.rejected) == (0, 1)
    assert [(c["fid"], c["field"]) for c in report.conflicts] == [(fid, "__deleted__")]
    assert _rows(datacentre, [fid])[fid][::2] == (str(version + 1), "B edited it")  # B's edit is there
    assert datacentre.sql(f"SELECT count(*) FROM deleted_features WHERE fid = '{fid}'") == [("0",)]
    with sqlite3.connect(laptop_a / "fieldwork.gpkg") as db:
        assert db.execute("SELECT state FROM lo_journal WHERE fid = ? AND op = 'delete'", (fid,)).fetchall() \
            == [("rejected",)]
    assert fid not in features(laptop_a)  # A's delete waits for a decision, nothing is thrown away
    decide(laptop_a / "fieldwork.gpkg", "DLTB", fid, "__deleted__", "theirs")
    assert _sync(laptop_a).conflicts == []
    assert features(laptop_a)[fid]["BZ"] == "B edited it"
    assert _rows(datacentre, [fid])[fid][::2] == (str(version + 1), "B edited it")


# 4 ----------------------------------------------------------------------------------------------
def test_lost_create_reply_then_remote_edit_is_not_overwritten(datacentre, tmp_path):
    from landoffice_plugin.sync.client import ServerError

    laptop_a = _checkout(datacentre, "lost-create", tmp_path, "a")

    def draw(lyr):
        new = QgsFeature(lyr.fields())
        new.setAttribute("DLBM", "0101")
        new.setAttribute("BZ", "created in the field")
        new.setGeometry(QgsGeometry.fromWkt(_square("lost-create")))
        lyr.addFeature(new)
    edit_layer(laptop_a, draw)
    datacentre.crash_file.write_text("1")  # the server dies right after committing the POST
    with pytest.raises(ServerError):
        _sync(laptop_a, client=_client(datacentre))
    datacentre.start()
    [(new_id,)] = datacentre.sql("""SELECT id FROM dltb WHERE "BZ" = 'created in the field'""")
    laptop_b = _checkout(datacentre, "lost-create", tmp_path, "b")
    set_value(laptop_b, new_id, "BZ", "B corrected it")
    _sync(laptop_b)
    report = _sync(laptop_a)
    assert report.conflicts == [] and report.created == 0
    assert datacentre.sql(f"SELECT version, \"BZ\" FROM dltb WHERE id = '{new_id}'") == [("2", "B corrected it")]
    assert datacentre.sql("""SELECT count(*) FROM dltb WHERE "BZ" IN ('created in the field', 'B corrected it')""") \
        == [("1",)]
    assert features(laptop_a)[new_id]["BZ"] == "B corrected it"


# 5 ----------------------------------------------------------------------------------------------
def test_edit_saved_in_qgis_during_the_sync_is_kept(datacentre, tmp_path):
    from landoffice_plugin.sync.client import FeatureClient

    pkg = _checkout(datacentre, "during", tmp_path)
    pushed, pulled = _local_ids(pkg, 2)
    set_value(pkg, pushed, "BZ", "pushed note")
    datacentre.sql(f"""UPDATE dltb SET "DLBM" = '0603', version = version + 1 WHERE id = '{pulled}'""")

    class EditDuringSync(FeatureClient):
        def replace(self, collection, feature, **kwargs):
            if not getattr(self, "edited", False):
                self.edited = True  # the user saves two edits in QGIS while the PUT is under way
                set_value(pkg, pushed, "ZLDWMC", "typed during the sync")
                set_value(pkg, pulled, "BZ", "also typed during the sync")
            return super().replace(collection, feature, **kwargs)

    _sync(pkg, client=_client(datacentre, EditDuringSync))
    local = features(pkg)
    assert (local[pushed]["BZ"], local[pushed]["ZLDWMC"]) == ("pushed note", "typed during the sync")
    assert (local[pulled]["DLBM"], local[pulled]["BZ"]) == ("0603", "also typed during the sync")
    _sync(pkg)
    server = _rows(datacentre, [pushed, pulled], '"DLBM", "BZ", "ZLDWMC"')
    assert server[pushed][1:] == ("pushed note", "typed during the sync")
    assert server[pulled][:2] == ("0603", "also typed during the sync")
    assert _pending(pkg) == 0


# 6 ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("schema_lengths", [True, False], ids=["pre-checked", "server-500"])
def test_one_refused_value_does_not_block_the_other_edits(datacentre, tmp_path, schema_lengths):
    from landoffice_plugin.sync.client import FeatureClient

    pkg = _checkout(datacentre, "refused" if schema_lengths else "refused-500", tmp_path)
    ids = _local_ids(pkg, 50)
    wanted = {fid: f"note {i}" for i, fid in enumerate(ids)}
    bad = ids[17]
    wanted[bad] = "过长的备注" * 71  # 355 characters in a 254-character column
    _set_many(pkg, wanted)

    class NoLengths(FeatureClient):
        def schema_details(self, collection):
            return {k: {**v, "maxLength": None} for k, v in super().schema_details(collection).items()}

    client = _client(datacentre, None if schema_lengths else NoLengths)
    report = _sync(pkg, client=client)
    assert [r["fid"] for r in report.refused] == [bad]
    assert ("BZ: 355 > 254" in report.refused[0]["reason"]) == schema_lengths
    server = _rows(datacentre, ids)
    assert {fid: row[2] for fid, row in server.items() if fid != bad} == {k: v for k, v in wanted.items() if k != bad}
    assert server[bad][2] != wanted[bad]
    assert [c["fid"] for c in _conflicts(pkg) if c["field"] == "__refused__"] == [bad]
    assert bad[:8] in (pkg / "sync.log").read_text(encoding="utf-8")
    set_value(pkg, bad, "BZ", "shortened")  # the user fixes it: it goes, and the mark disappears
    assert _sync(pkg, client=client).refused == []
    assert _rows(datacentre, [bad])[bad][2] == "shortened"
    assert _conflicts(pkg) == []


# 7 ----------------------------------------------------------------------------------------------
def test_mine_on_edit_vs_delete_recreates_after_the_tombstone_version(datacentre, tmp_path):
    laptop_a = _checkout(datacentre, "recreate", tmp_path, "a")
    laptop_c = _checkout(datacentre, "recreate", tmp_path, "c")
    fid = _local_ids(laptop_a, 1)[0]
    version = int(_rows(datacentre, [fid])[fid][0])
    set_value(laptop_a, fid, "BZ", "A keeps it")
    datacentre.sql(f"DELETE FROM dltb WHERE id = '{fid}'")
    report = _sync(laptop_a, policy="mine")
    assert report.created == 1 and report.conflicts == []
    assert _rows(datacentre, [fid])[fid][0] == str(version + 1)  # continues from the tombstone, not 1
    set_value(laptop_c, fid, "ZLDWMC", "C edits another field")  # C still holds the old version
    assert _sync(laptop_c).conflicts == []
    row = _rows(datacentre, [fid], 'version, "BZ", "ZLDWMC"')[fid]
    assert row == (str(version + 2), "A keeps it", "C edits another field")


def test_theirs_keeps_what_it_discards(datacentre, tmp_path):
    from landoffice_plugin.sync.journal import list_discarded

    pkg = _checkout(datacentre, "theirs", tmp_path)
    fid = _local_ids(pkg, 1)[0]
    set_value(pkg, fid, "BZ", "mine, thrown away")
    datacentre.sql(f"""UPDATE dltb SET "BZ" = 'theirs wins', version = version + 1 WHERE id = '{fid}'""")
    report = _sync(pkg, policy="theirs")
    assert report.conflicts == [] and features(pkg)[fid]["BZ"] == "theirs wins"
    [row] = [r for r in list_discarded(pkg / "fieldwork.gpkg") if r["fid"] == fid]
    assert (row["field"], row["kept"], row["discarded_value"]) == ("BZ", "theirs", '"mine, thrown away"')
    assert "mine, thrown away" in (pkg / "sync.log").read_text(encoding="utf-8")


# 8 ----------------------------------------------------------------------------------------------
def test_slow_transaction_is_pulled_by_the_next_sync(datacentre, tmp_path):
    pkg = _checkout(datacentre, "slow", tmp_path)
    fid = _local_ids(pkg, 1)[0]
    slow = subprocess.Popen(
        ["psql", "-h", "127.0.0.1", "-U", "landoffice_dc", "-d", datacentre.db, "-qAtX", "-c",
         f"""BEGIN; UPDATE dltb SET "BZ" = 'slow commit', version = version + 1 WHERE id = '{fid}';
             SELECT pg_sleep(4); COMMIT;"""], env=dict(os.environ, PGPASSWORD="landoffice_dc"))
    time.sleep(1.5)
    first = _sync(pkg)  # runs while the transaction is open: it cannot see the change yet
    assert slow.wait(timeout=60) == 0
    assert first.pulled == 0
    second = _sync(pkg)
    assert second.pulled == 1 and features(pkg)[fid]["BZ"] == "slow commit"


# 9 ----------------------------------------------------------------------------------------------
def test_feature_moved_out_of_the_area_leaves_the_laptop(datacentre, tmp_path):
    pkg = _checkout(datacentre, "moved", tmp_path)
    fid = _local_ids(pkg, 1)[0]
    datacentre.sql(f"UPDATE dltb SET geom = ST_Translate(geom, 3000, -3000), version = version + 1 "
                   f"WHERE id = '{fid}'")
    report = _sync(pkg)
    assert report.left_area == 1
    assert fid not in features(pkg) and fid not in features(pkg, "base_DLTB")
    assert datacentre.sql(f"SELECT count(*) FROM dltb WHERE id = '{fid}'") == [("1",)]  # not deleted anywhere


def test_ids_are_kept_byte_for_byte(datacentre, tmp_path):
    odd = "MiXeD-Case-ID 0001"
    datacentre.sql(f"""INSERT INTO dltb (id, "DLBM", "BZ", geom) VALUES ('{odd}', '0101', 'odd id', ST_Multi(
                       ST_GeomFromText('{_square("ids", kind="Polygon")}', 4549)))""")
    pkg = _checkout(datacentre, "ids", tmp_path)
    assert odd in features(pkg)
    set_value(pkg, odd, "BZ", "edited")
    report = _sync(pkg)
    assert (report.updated, report.created, report.deleted) == (1, 0, 0)
    assert datacentre.sql(f"SELECT version, \"BZ\" FROM dltb WHERE id = '{odd}'") == [("2", "edited")]
    assert datacentre.sql(f"SELECT count(*) FROM deleted_features WHERE fid = '{odd}'") == [("0",)]
    assert odd in features(pkg)


def test_two_syncs_of_one_package_cannot_run_at_once(datacentre, tmp_path):
    from landoffice_plugin.core.errors import LandOfficeError
    from landoffice_plugin.sync.lock import package_lock

    pkg = _checkout(datacentre, "lock", tmp_path)
    holder = subprocess.Popen([sys.executable, "-c", "import fcntl, sys, time\n"
                               "h = open(sys.argv[1], 'a+'); fcntl.flock(h, fcntl.LOCK_EX); h.write('other sync');"
                               " h.flush(); print('held', flush=True); time.sleep(30)",
                               str(pkg / "fieldwork.gpkg.lock")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LandOfficeError, match="Another sync of this field package is running"):
            _sync(pkg)
    finally:
        holder.kill()
        holder.wait()
    with package_lock(pkg / "fieldwork.gpkg"):
        pass  # released when the other process ended
    assert _sync(pkg).conflicts == []


def test_an_emptied_base_copy_is_noticed(datacentre, tmp_path):
    from landoffice_plugin.core.errors import LandOfficeError

    pkg = _checkout(datacentre, "base", tmp_path)
    before = datacentre.sql("SELECT count(*) FROM dltb")
    with sqlite3.connect(pkg / "fieldwork.gpkg") as db:
        db.execute('DELETE FROM "base_DLTB"')
    with pytest.raises(LandOfficeError, match="base copy of DLTB .* is empty"):
        _sync(pkg)
    assert datacentre.sql("SELECT count(*) FROM dltb") == before  # nothing was sent (no re-creates)


def test_an_overridden_bow_tie_is_still_checked_for_overlaps(datacentre, tmp_path):
    import shapely

    from landoffice_plugin.sync.checks import run_checks

    pkg = _checkout(datacentre, "overlap", tmp_path)
    target = _local_ids(pkg, 1)[0]
    others = {fid: shapely.from_wkt(f.geometry().asWkt()) for fid, f in features(pkg).items() if fid != target}
    x0, y0, x1, y1 = shapely.from_wkt(features(pkg)[target].geometry().asWkt()).buffer(40).bounds
    bow_tie = f"MultiPolygon((({x0} {y0}, {x1} {y1}, {x1} {y0}, {x0} {y1}, {x0} {y0})))"

    def redraw(lyr):
        feat = next(f for f in lyr.getFeatures() if f["id"] == target)
        assert lyr.changeGeometry(feat.id(), QgsGeometry.fromWkt(bow_tie))
    edit_layer(pkg, redraw)
    problems = run_checks(pkg / "fieldwork.gpkg")
    codes = {p.code for p in problems if p.fid == target}
    assert {"GEOMETRY", "OVERLAP"} <= codes
    repaired = shapely.make_valid(shapely.from_wkt(bow_tie))
    expected = {fid for fid, g in others.items() if g.intersection(repaired).area > 0.01}
    assert {p.value for p in problems if p.code == "OVERLAP" and p.fid == target} >= expected


def test_a_refused_create_is_sent_once(datacentre, tmp_path):
    from landoffice_plugin.sync.client import FeatureClient

    pkg = _checkout(datacentre, "post", tmp_path)

    def draw(lyr):
        new = QgsFeature(lyr.fields())
        new.setAttribute("BZ", "wrong content type")
        new.setGeometry(QgsGeometry.fromWkt(_square("post", 5)))
        lyr.addFeature(new)
    edit_layer(pkg, draw)

    class WrongType(FeatureClient):
        posts = 0

        def post(self, collection, feature, **kwargs):
            import json
            WrongType.posts += 1
            return self._request("POST", f"{self.url}/collections/{collection}/items", retry=False,
                                 data=json.dumps(feature), headers={"Content-Type": "application/json"})

    report = _sync(pkg, client=_client(datacentre, WrongType))
    assert WrongType.posts == 1 and len(report.refused) == 1 and "HTTP 400" in report.refused[0]["reason"]


def test_headless_authcfg_unlocks_with_a_master_password_file(datacentre, tmp_path):
    """The CLI reads the QGIS auth database without a dialog: QGIS_AUTH_PASSWORD_FILE names the master
    password's file, QGIS_AUTH_DB_DIR_PATH the database's folder (README: headless credentials)."""
    auth_dir = tmp_path / "auth"
    auth_dir.mkdir()
    master = tmp_path / "master.txt"
    master.write_text("field-laptop-master\n", encoding="utf-8")
    env = dict(os.environ, QGIS_AUTH_DB_DIR_PATH=str(auth_dir), QT_QPA_PLATFORM="offscreen")
    make = subprocess.run([sys.executable, "-c", f"""
from qgis.core import QgsApplication, QgsAuthMethodConfig
app = QgsApplication([], False); app.initQgis()
m = QgsApplication.authManager(); assert m.setMasterPassword({"field-laptop-master"!r}, True)
c = QgsAuthMethodConfig("Basic"); c.setName("dc"); c.setConfig("username", "surveyor")
c.setConfig("password", "s3cret"); assert m.storeAuthenticationConfig(c)[0]; print(c.id())
"""], env=env, capture_output=True, text=True, timeout=120)
    assert make.returncode == 0, make.stderr
    authcfg = make.stdout.strip().splitlines()[-1]
    pkg = _checkout(datacentre, "auth", tmp_path)
    fid = _local_ids(pkg, 1)[0]
    set_value(pkg, fid, "BZ", "sent with a login")
    datacentre.auth_file.write_text("surveyor:s3cret")
    try:
        run = subprocess.run([sys.executable, "-m", "landoffice_plugin", "sync", "--PACKAGE_DIR", str(pkg),
                              "--AUTHCFG", authcfg, "--CHECKS", "false"],
                             env=dict(env, QGIS_AUTH_PASSWORD_FILE=str(master)), cwd=REPO,
                             capture_output=True, text=True, timeout=300)
        without = subprocess.run([sys.executable, "-m", "landoffice_plugin", "sync", "--PACKAGE_DIR", str(pkg),
                                  "--AUTHCFG", authcfg, "--CHECKS", "false"], env=env, cwd=REPO,
                                 capture_output=True, text=True, timeout=300)
    finally:
        datacentre.auth_file.unlink()
    assert run.returncode == 0, run.stderr[-2000:]
    assert _rows(datacentre, [fid])[fid][2] == "sent with a login"
    assert without.returncode != 0 and "QGIS_AUTH_PASSWORD_FILE" in without.stderr


def test_cli_overrides_file_lets_an_accepted_problem_through(datacentre, landoffice_processing, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    pkg = _checkout(datacentre, "overrides", tmp_path)
    fid = _local_ids(pkg, 1)[0]
    set_value(pkg, fid, "DLBM", "9999")  # not a GB/T 21010 code: a blocking problem
    with pytest.raises(QgsProcessingException, match="do not pass the checks"):
        processing.run("landoffice:sync", {"PACKAGE_DIR": str(pkg), "CONFLICTS": 0})
    bad = tmp_path / "bad.csv"
    bad.write_text("collection,fid,check,reason\nDLTB,x,DLBM,\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="Line 2 of the overrides file"):
        processing.run("landoffice:sync", {"PACKAGE_DIR": str(pkg), "OVERRIDES": str(bad)})
    accepted = tmp_path / "accepted.csv"
    accepted.write_text(f"collection,fid,check,reason\nDLTB,{fid},DLBM,县局批准的临时编码\n", encoding="utf-8-sig")
    result = processing.run("landoffice:sync", {"PACKAGE_DIR": str(pkg), "OVERRIDES": str(accepted)})
    assert result["CONFLICT_COUNT"] == 0 and "updated=1" in result["SUMMARY"]
    assert _rows(datacentre, [fid])[fid][1] == "9999"
    notes = datacentre.sql(f"""SELECT "NOTE" FROM evidence WHERE "TARGET_ID" = '{fid}'""")
    assert notes and "县局批准的临时编码" in notes[0][0]  # the reason travels with the edit


def test_pull_on_a_server_without_the_versions_endpoint(datacentre, tmp_path):
    """Another OGC API server has no /versions: the pull lists items without properties or geometry."""
    from landoffice_plugin.sync.client import FeatureClient

    class PlainServer(FeatureClient):
        def versions(self, *args, **kwargs):
            self.asked = True
            return None

    pkg = _checkout(datacentre, "plain", tmp_path)
    changed, moved, gone = _local_ids(pkg, 3)
    datacentre.sql(f"""UPDATE dltb SET "BZ" = 'plain server', version = version + 1 WHERE id = '{changed}'""")
    datacentre.sql(f"UPDATE dltb SET geom = ST_Translate(geom, 3000, -3000), version = version + 1 "
                   f"WHERE id = '{moved}'")
    datacentre.sql(f"DELETE FROM dltb WHERE id = '{gone}'")
    client = _client(datacentre, PlainServer)
    report = _sync(pkg, client=client)
    assert client.asked and (report.pulled, report.left_area) == (2, 1)
    local = features(pkg)
    assert local[changed]["BZ"] == "plain server" and moved not in local and gone not in local


def test_lost_create_reply_then_remote_delete_is_not_undone(datacentre, tmp_path):
    from landoffice_plugin.sync.client import ServerError

    pkg = _checkout(datacentre, "lost-create", tmp_path, "create-deleted")  # after that test, in its square

    def draw(lyr):
        new = QgsFeature(lyr.fields())
        new.setAttribute("DLBM", "0101")
        new.setAttribute("BZ", "created, then deleted by the county")
        new.setGeometry(QgsGeometry.fromWkt(_square("lost-create", 4)))
        lyr.addFeature(new)
    edit_layer(pkg, draw)
    datacentre.crash_file.write_text("1")  # the POST commits, its answer never comes back
    with pytest.raises(ServerError):
        _sync(pkg, client=_client(datacentre))
    datacentre.start()
    [(fid,)] = datacentre.sql("""SELECT id FROM dltb WHERE "BZ" = 'created, then deleted by the county'""")
    datacentre.sql(f"DELETE FROM dltb WHERE id = '{fid}'")  # another office deletes it
    report = _sync(pkg)
    assert report.created == 0 and report.conflicts == []
    assert datacentre.sql(f"SELECT count(*) FROM dltb WHERE id = '{fid}'") == [("0",)]  # not re-created
    assert fid not in features(pkg) and fid not in features(pkg, "base_DLTB")  # the remote delete reached it
    assert _sync(pkg).summary() == {k: 0 for k in report.summary()}  # and nothing is left to send


_CRASH_IN_FLUSH = """
import os, sys
from qgis.core import QgsApplication
app = QgsApplication([], False); app.initQgis()
from landoffice_plugin.sync import package
from landoffice_plugin.sync.sync import sync_package
point = sys.argv[2]
write, execute = package.PackageWriter.write, package.PackageWriter.execute

def crashing_write(self, name, upserts, deletes=(), expect=None):
    out = write(self, name, upserts, deletes, expect)
    if upserts and point == ("base" if name.startswith("base_") else "working"):
        os._exit(9)  # killed right after this layer's write, before the rest of the write-back
    return out

def crashing_execute(self, query, params=()):
    execute(self, query, params)
    if point == "journal" and query.startswith("UPDATE lo_journal") and params[0] == "done":
        os._exit(9)  # killed after the journal outcome, before the commit

package.PackageWriter.write, package.PackageWriter.execute = crashing_write, crashing_execute
sync_package(sys.argv[1], checks=False)
"""


@pytest.mark.parametrize("point", ["working", "base", "journal"])
def test_crash_inside_the_write_back_loses_and_duplicates_nothing(datacentre, tmp_path, point):
    """The laptop dies after the server confirmed the PUTs, in the middle of writing them back (after the
    working layer, after the base copy, after the journal): the package is as before the write-back, and
    the next sync adopts what the server holds — each edit there exactly once, nothing sent again."""
    pkg = _checkout(datacentre, "lock", tmp_path, f"crash-{point}")  # that test only syncs: the square is free
    index = ["working", "base", "journal"].index(point)
    ids = _local_ids(pkg, 15)[index * 5:index * 5 + 5]  # each crash point edits its own features
    before = _rows(datacentre, ids)
    wanted = {fid: f"crash {point} {i}" for i, fid in enumerate(ids)}
    _set_many(pkg, wanted)
    run = subprocess.run([sys.executable, "-c", _CRASH_IN_FLUSH, str(pkg), point], cwd=REPO, capture_output=True,
                         text=True, timeout=300, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert run.returncode == 9, run.stderr[-2000:]  # it died where it was meant to
    server = _rows(datacentre, ids)
    assert all(server[fid] == (str(int(before[fid][0]) + 1), before[fid][1], wanted[fid]) for fid in ids)
    # the write-back is all or nothing: working rows are the user's edits on the old version, the base
    # copy is untouched, the writes are still "sending"
    local, base = features(pkg), features(pkg, "base_DLTB")
    assert all((local[fid]["BZ"], local[fid]["version"]) == (wanted[fid], int(before[fid][0])) for fid in ids)
    assert all((base[fid]["BZ"], base[fid]["version"]) == (before[fid][2] or None, int(before[fid][0]))
               for fid in ids)
    with sqlite3.connect(pkg / "fieldwork.gpkg") as db:
        states = db.execute("SELECT fid, state FROM lo_journal WHERE op = 'update'").fetchall()
    assert sorted(states) == sorted((fid, "sending") for fid in ids)
    report = _sync(pkg)
    assert (report.adopted, report.updated, report.conflicts) == (5, 0, [])  # adopted, not sent again
    assert _rows(datacentre, ids) == server  # each edit exactly once
    local, base = features(pkg), features(pkg, "base_DLTB")
    assert all(local[fid]["BZ"] == base[fid]["BZ"] == wanted[fid] for fid in ids)
    assert all(local[fid]["version"] == base[fid]["version"] == int(server[fid][0]) for fid in ids)
    assert _pending(pkg) == 0
    assert _sync(pkg).summary() == {k: 0 for k in report.summary()}
