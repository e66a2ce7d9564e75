"""Accounts with area permissions and the history (留痕) of the data centre, against the real server.

A second gateway runs on the session's database with an accounts file: each account may change
the features of its own township only; every write leaves a history row with the account.
"""
from __future__ import annotations

import json

import pytest
import requests
from datacentre_fixture import free_port
from sync_cases import features, own, set_value

pytest_plugins = ["datacentre_fixture"]

ACCOUNTS = """
[accounts.chenghu]
password = "chenghu-pw"
write = ["320299101"]

[accounts.huangtang]
password = "huangtang-pw"
write = ["320299102"]
read = ["320299102"]
"""


@pytest.fixture(scope="module")
def gateway(datacentre, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("gateway")
    accounts = workdir / "accounts.toml"
    accounts.write_text(ACCOUNTS, encoding="utf-8")
    port = free_port()
    url = datacentre.start("--accounts", str(accounts), port=port, workdir=workdir)
    yield url
    datacentre.stop(workdir=workdir)


def _client(url, user, password):
    from landoffice_plugin.sync.client import FeatureClient

    session = requests.Session()
    session.auth = (user, password)
    return FeatureClient(url, session=session, retries=1, backoff=0.05)


def _border_area(dc) -> str:
    """An extent holding patches of both townships 320299101 and 320299102, clear of the areas the
    other sync modules edit (a test here must not change the features they count)."""
    from test_sync_faults import OTHERS

    points = dc.sql("""SELECT ST_X(p.geom), ST_Y(p.geom) FROM (
                         SELECT (ST_DumpPoints(ST_Intersection(a.geom, b.geom))).geom FROM xzq a, xzq b
                         WHERE a."XZQDM" = '320299101' AND b."XZQDM" = '320299102') p""")
    for x, y in points:
        box = (float(x) - 250, float(y) - 250, float(x) + 250, float(y) + 250)
        if not any(box[0] < o[2] + 100 and o[0] - 100 < box[2] and box[1] < o[3] + 100 and o[1] - 100 < box[3]
                   for o in OTHERS):
            return ",".join(f"{v:.0f}" for v in box)
    raise AssertionError("no border point of 320299101/320299102 clear of the other sync tests' areas")


def test_an_account_changes_only_its_township_and_history_keeps_who(datacentre, gateway, tmp_path):
    from landoffice_plugin.sync.checkout import checkout
    from landoffice_plugin.sync.journal import list_conflicts
    from landoffice_plugin.sync.sync import sync_package

    pkg = tmp_path / "chenghu"
    checkout(gateway, _border_area(datacentre), pkg, collections=["DLTB"],
             client=_client(gateway, "chenghu", "chenghu-pw"))
    local = features(pkg)
    inside = own(pkg)  # features no other test's extent holds
    mine = [fid for fid in inside if str(local[fid]["ZLDWDM"]).startswith("320299101")][:2]
    other = [fid for fid in inside if str(local[fid]["ZLDWDM"]).startswith("320299102")][0]
    for fid in [*mine, other]:
        set_value(pkg, fid, "BZ", "澄湖镇外业")
    report = sync_package(pkg, client=_client(gateway, "chenghu", "chenghu-pw"), checks=False)
    assert report.updated == 2 and [r["fid"] for r in report.refused] == [other]
    assert "may not change features of township 320299102" in report.refused[0]["reason"]
    assert features(pkg)[other]["BZ"] == "澄湖镇外业"  # kept on the laptop, marked
    assert [c["fid"] for c in list_conflicts(pkg / "fieldwork.gpkg") if c["field"] == "__refused__"] == [other]
    rows = {r[0]: r[1:] for r in datacentre.sql(
        f"""SELECT id, "BZ", updated_by FROM dltb WHERE id IN ('{mine[0]}', '{mine[1]}', '{other}')""")}
    assert rows[mine[0]] == ("澄湖镇外业", "chenghu") and rows[mine[1]] == ("澄湖镇外业", "chenghu")
    assert rows[other][0] != "澄湖镇外业"
    history = datacentre.sql(f"""SELECT op, account, changed_fields, reason, new_row->>'BZ' FROM history
                                  WHERE fid = '{mine[0]}' ORDER BY id""")
    assert history[-1][:3] == ("update", "chenghu", "BZ") and history[-1][4] == "澄湖镇外业"
    assert history[-1][3].startswith("LandOffice field sync")
    assert not datacentre.sql(f"SELECT 1 FROM history WHERE fid = '{other}' AND account = 'chenghu'")


def test_history_of_create_and_delete_is_readable_not_writable(datacentre, gateway, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry
    from sync_cases import edit_layer

    from landoffice_plugin.sync.checkout import checkout
    from landoffice_plugin.sync.sync import sync_package

    area = _border_area(datacentre)
    pkg = tmp_path / "county"
    checkout(gateway, area, pkg, collections=["DLTB"], client=_client(gateway, "huangtang", "huangtang-pw"))
    victim = sorted(fid for fid, f in features(pkg).items() if str(f["ZLDWDM"]).startswith("320299102"))[0]
    x0, y0 = (float(v) + 200 for v in area.split(",")[:2])

    def edits(lyr):
        new = QgsFeature(lyr.fields())
        new.setAttribute("DLBM", "0101")
        new.setAttribute("ZLDWDM", "3202991020010000000")
        new.setAttribute("BZ", "璜塘新增")
        new.setGeometry(QgsGeometry.fromWkt(f"MultiPolygon((({x0} {y0}, {x0 + 8} {y0}, {x0 + 8} {y0 + 8}, "
                                            f"{x0} {y0 + 8}, {x0} {y0})))"))
        lyr.addFeature(new)
        assert lyr.deleteFeature(next(f for f in lyr.getFeatures() if f["id"] == victim).id())
    edit_layer(pkg, edits)
    report = sync_package(pkg, client=_client(gateway, "huangtang", "huangtang-pw"), checks=False)
    assert (report.created, report.deleted, report.refused) == (1, 1, [])
    [(created,)] = datacentre.sql("""SELECT id FROM dltb WHERE "BZ" = '璜塘新增'""")
    assert datacentre.sql(f"SELECT op, account FROM history WHERE fid = '{created}'") == [("insert", "huangtang")]
    assert datacentre.sql(f"SELECT op, account, old_row->>'id' FROM history WHERE fid = '{victim}' AND op = 'delete'") \
        == [("delete", "huangtang", victim)]
    client = _client(gateway, "huangtang", "huangtang-pw")
    page = client.get_json(f"{gateway}/collections/HISTORY/items",
                           {"f": "json", "filter": f"fid = '{created}'", "filter-lang": "cql2-text"})
    assert [f["properties"]["account"] for f in page["features"]] == ["huangtang"]
    answer = client.session.post(f"{gateway}/collections/HISTORY/items", data=json.dumps(page["features"][0]),
                                 headers={"Content-Type": "application/geo+json"})
    assert answer.status_code >= 400  # read-only


def test_checkout_of_a_township_the_account_may_not_read_is_refused(datacentre, gateway, tmp_path):
    from landoffice_plugin.core.errors import LandOfficeError
    from landoffice_plugin.sync.checkout import checkout

    with pytest.raises(LandOfficeError, match="may not read township 320299101") as refused:
        checkout(gateway, "320299101", tmp_path / "no", collections=["DLTB"],
                 client=_client(gateway, "huangtang", "huangtang-pw"))
    assert "administrator" in refused.value.message_en
    assert not (tmp_path / "no" / "fieldwork.gpkg").exists()
    with pytest.raises(LandOfficeError, match="refused the login"):
        checkout(gateway, "320299102", tmp_path / "bad", collections=["DLTB"],
                 client=_client(gateway, "huangtang", "wrong"))


def test_history_algorithm_files_a_features_changes(datacentre, gateway, landoffice_processing, tmp_path):
    import openpyxl
    import processing

    [(fid, version)] = datacentre.sql("""SELECT fid, max(version) FROM history WHERE account = 'chenghu'
                                          AND op = 'update' GROUP BY fid ORDER BY fid LIMIT 1""")
    out = tmp_path / "history.xlsx"
    result = processing.run("landoffice:history", {"URL": datacentre.url, "COLLECTION": "DLTB", "FID": fid,
                                                   "OUTPUT_XLSX": str(out)})
    expected = datacentre.sql(f"SELECT count(*) FROM history WHERE fid = '{fid}'")[0][0]
    assert result["COUNT"] == int(expected) >= 1
    ws = openpyxl.load_workbook(out)["变更记录"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=3)]
    newest = rows[0]
    assert newest[2] == fid and newest[3] == "修改" and newest[4] == int(version) and newest[5] == "chenghu"
    assert "BZ" in newest[6]


def _make_ca(folder):
    """An office's own CA and a server certificate for 127.0.0.1 signed by it (openssl)."""
    import subprocess

    def run(*args):
        subprocess.run(["openssl", *args], check=True, capture_output=True, cwd=folder)
    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2",
        "-subj", "/CN=LandOffice test county CA")
    run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
        "-subj", "/CN=127.0.0.1")
    (folder / "san.ext").write_text("subjectAltName=IP:127.0.0.1\n")
    run("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
        "-out", "server.crt", "-days", "2", "-extfile", "san.ext")


def test_tls_data_centre_with_a_private_ca(datacentre, tmp_path_factory, tmp_path):
    from qgis.core import QgsApplication
    from qgis.PyQt.QtNetwork import QSslCertificate

    from landoffice_plugin.core.errors import LandOfficeError
    from landoffice_plugin.sync.checkout import checkout
    from landoffice_plugin.sync.client import FeatureClient

    workdir = tmp_path_factory.mktemp("tls")
    _make_ca(workdir)
    url = datacentre.start("--tls", str(workdir), port=free_port(), workdir=workdir)
    assert url.startswith("https://")
    manager = QgsApplication.authManager()
    [ca] = QSslCertificate.fromPath(str(workdir / "ca.crt"))
    try:
        with pytest.raises(LandOfficeError, match="Certificate Manager > Authorities"):
            FeatureClient(url, retries=0).conformance()
        if not manager.masterPasswordIsSet():
            assert manager.setMasterPassword("landoffice-test-master", True)
        assert manager.storeCertAuthority(ca)
        manager.rebuildCaCertsCache()
        manager.rebuildTrustedCaCertsCache()
        with FeatureClient(url, retries=0) as client:
            assert client.supports_writes()
        counts = checkout(url, "504000,3486000,504200,3486200", tmp_path / "tls", collections=["DLTB"])
        assert counts["DLTB"] > 0
    finally:
        manager.removeCertAuthority(ca)
        manager.rebuildCaCertsCache()
        manager.rebuildTrustedCaCertsCache()
        datacentre.stop(workdir=workdir)


def test_requests_go_through_the_proxy_set_in_qgis(datacentre):
    """QGIS's network proxy (Settings > Options > Network) is used by the data centre client."""
    import http.server
    import threading
    import urllib.request

    from qgis.core import QgsNetworkAccessManager
    from qgis.PyQt.QtNetwork import QNetworkProxy

    from landoffice_plugin.sync.client import FeatureClient

    seen = []

    class Proxy(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - a forward proxy gets absolute URIs
            seen.append(self.path)
            with urllib.request.urlopen(self.path, timeout=30) as answer:
                body = answer.read()
                self.send_response(answer.status)
                self.send_header("Content-Type", answer.headers.get("Content-Type", "application/json"))
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    manager = QgsNetworkAccessManager.instance()
    before = (manager.fallbackProxy(), manager.excludeList(), manager.noProxyList())
    try:
        manager.setFallbackProxyAndExcludes(QNetworkProxy(QNetworkProxy.HttpProxy, "127.0.0.1",
                                                          server.server_port), [], [])
        with FeatureClient(datacentre.url, retries=0) as client:
            assert client.supports_writes()
        assert seen and seen[0].startswith(datacentre.url + "/conformance")
        manager.setFallbackProxyAndExcludes(manager.fallbackProxy(), [datacentre.url], [])
        count = len(seen)
        with FeatureClient(datacentre.url, retries=0) as client:
            assert client.supports_writes()
        assert len(seen) == count  # an excluded address is reached directly
    finally:
        manager.setFallbackProxyAndExcludes(*before)
        server.shutdown()


def test_parcel_details_history_section_lists_its_changes(datacentre, gateway, tmp_path):
    from landoffice_plugin.sync.checkout import checkout
    from landoffice_plugin.sync.history import history_section
    from landoffice_plugin.sync.sync import sync_package

    pkg = tmp_path / "zd"
    client = _client(gateway, "chenghu", "chenghu-pw")
    checkout(gateway, _border_area(datacentre), pkg, collections=["ZD"], client=client)
    fid, parcel = next((fid, f) for fid, f in sorted(features(pkg, "ZD").items())
                       if str(f["ZDDM"]).startswith("320299101"))
    set_value(pkg, fid, "ZL", "澄湖镇新址 8 号", name="ZD")
    assert sync_package(pkg, client=client, checks=False).updated == 1
    section = history_section(client, parcel["ZDDM"])
    assert section.title.startswith("变更记录")
    newest = section.rows[0]
    assert (newest["op_zh"], newest["account"], newest["changed_fields"]) == ("修改", "chenghu", "ZL")
    expected = datacentre.sql(f"""SELECT count(*) FROM history WHERE code = '{parcel["ZDDM"]}'""")[0][0]
    assert len(section.rows) == int(expected)


@pytest.mark.parametrize("accounts", [False, True], ids=["open", "accounts"])
def test_a_delete_of_a_version_that_moved_on_is_409_and_deletes_nothing(datacentre, gateway, accounts):
    """The version guard of DELETE (X-LandOffice-Expected-Version), with and without the gateway's accounts."""
    fid = f"delete-guard-{'accounts' if accounts else 'open'}"
    square = "MultiPolygon(((400000 3400000, 400010 3400000, 400010 3400010, 400000 3400010, 400000 3400000)))"
    datacentre.sql(f"""INSERT INTO dltb (id, "DLBM", "ZLDWDM", "BZ", geom) VALUES ('{fid}', '0101',
                       '3202991010010000000', 'guarded', ST_GeomFromText('{square}', 4549))""")
    datacentre.sql(f"""UPDATE dltb SET "BZ" = 'changed by another laptop', version = 2 WHERE id = '{fid}'""")
    session = requests.Session()
    if accounts:
        session.auth = ("chenghu", "chenghu-pw")
    url = f"{gateway if accounts else datacentre.url}/collections/DLTB/items/{fid}"
    stale = session.delete(url, headers={"X-LandOffice-Expected-Version": "1"})
    assert stale.status_code == 409 and "version 2, not 1" in stale.json()["description"]
    assert datacentre.sql(f"""SELECT version, "BZ" FROM dltb WHERE id = '{fid}'""") \
        == [("2", "changed by another laptop")]
    assert session.delete(url, headers={"X-LandOffice-Expected-Version": "x"}).status_code == 400
    assert session.delete(url, headers={"X-LandOffice-Expected-Version": "2"}).status_code == 200
    assert datacentre.sql(f"SELECT count(*) FROM dltb WHERE id = '{fid}'") == [("0",)]
    assert datacentre.sql(f"SELECT version FROM deleted_features WHERE fid = '{fid}'") == [("2",)]
    assert datacentre.sql(f"SELECT coalesce(account, '-') FROM history WHERE fid = '{fid}' AND op = 'delete'") \
        == [("chenghu" if accounts else "-",)]
    gone = session.delete(url, headers={"X-LandOffice-Expected-Version": "2"}).status_code
    assert gone == (403 if accounts else 404)  # the gateway cannot tell a missing row's township


def test_a_listing_across_a_readable_and_an_unreadable_township_shows_only_the_readable(datacentre, gateway,
                                                                                        tmp_path):
    """huangtang may read 320299102 only: a bbox over the 101/102 border lists (items, versions, checkout)
    the 102 features and none of 101; chenghu (reads everything) sees both."""
    from landoffice_plugin.core.errors import LandOfficeError
    from landoffice_plugin.sync.checkout import checkout
    from landoffice_plugin.sync.client import crs_uri

    area = _border_area(datacentre)
    box = ",".join(area.split(","))
    everything = dict(datacentre.sql(f"""SELECT id, left("ZLDWDM", 9) FROM dltb
                                          WHERE ST_Intersects(geom, ST_MakeEnvelope({box}, 4549))"""))
    readable = {fid for fid, town in everything.items() if town == "320299102"}
    assert readable and len(readable) < len(everything)  # the area really straddles the border
    huangtang, chenghu = _client(gateway, "huangtang", "huangtang-pw"), _client(gateway, "chenghu", "chenghu-pw")
    bbox = [float(v) for v in area.split(",")]
    listed = list(huangtang.items("DLTB", epsg=4549, bbox=bbox, limit=50))  # several pages
    assert {f["id"] for f in listed} == readable
    assert {str(f["properties"]["ZLDWDM"])[:9] for f in listed} == {"320299102"}
    filtered = list(huangtang.items("DLTB", epsg=4549, bbox=bbox, params={
        "filter": "DLBM LIKE '0%' OR DLBM LIKE '1%' OR DLBM LIKE '2%'", "filter-lang": "cql2-text"}))
    assert {f["id"] for f in filtered} <= readable  # the client's own filter is kept, and narrowed
    assert set(huangtang.versions("DLTB", bbox=bbox)) == readable
    assert set(chenghu.versions("DLTB", bbox=bbox)) == set(everything)
    assert {f["id"] for f in chenghu.items("DLTB", epsg=4549, bbox=bbox)} == set(everything)
    checkout(gateway, area, tmp_path / "ht", collections=["DLTB"], client=huangtang)
    assert set(features(tmp_path / "ht")) == readable
    with pytest.raises(LandOfficeError, match="may not read EVIDENCE of townships 320299101"):
        huangtang.get_json(f"{gateway}/collections/EVIDENCE/items",
                           {"f": "json", "bbox": area, "bbox-crs": crs_uri(4549)})
