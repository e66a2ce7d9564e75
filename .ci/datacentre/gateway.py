"""Accounts, area permissions and history (留痕) in front of pygeoapi, like a county data centre's gateway.

Switched on by ``LANDOFFICE_DC_ACCOUNTS=/path/accounts.toml`` (example: ``accounts.example.toml``)::

    [accounts.zhangsan]            # the login (HTTP Basic)
    password = "…"
    write = ["320299101"]          # township codes (9 digits) this account may change; ["*"] = all
    read = ["320299101", "320299102"]   # optional: township codes it may check out; default all

* Every write (POST, PUT, DELETE on ``/collections/{c}/items``) is checked against the feature's
  township — its ZLDWDM (DLTB) or ZDDM (ZD) prefix, or for other collections the township its
  geometry lies in — before and after the change (a PUT cannot move a feature of another township
  into yours). Refused: ``403`` with a JSON reason; nothing is written.
* The account and the client's reason (header ``X-LandOffice-Reason``) are written into the row's
  ``updated_by`` / ``change_reason`` columns of every POST/PUT body (whatever the client sent);
  a DELETE runs in the gateway's own transaction with ``SET LOCAL landoffice.account`` so the
  history trigger (schema.sql ``lo_history``) records who deleted it, in the same transaction.
* A DELETE that carries ``X-LandOffice-Expected-Version: N`` deletes only version N, in one statement
  (``DELETE … WHERE id = … AND version = N``); when the stored version moved on (another laptop's PUT
  landed after the client decided) nothing is deleted and the answer is ``409`` with the reason. This
  guard runs with or without accounts (without: :func:`guarded_delete`, called by ``wsgi.py``).
* An item listing whose area (CQL ``LIKE 'code%'`` filter, or bbox) lies in no township the
  account may read is refused with ``403``. A listing that straddles a readable and an unreadable
  township is filtered feature by feature: DLTB/ZD items get a CQL2 filter on their township field
  (ANDed with the client's; pygeoapi runs it in SQL, so paging and ``numberMatched`` stay right), the
  ``/versions`` endpoint the same condition in its SQL — by the field, or for collections without one
  by the township the feature's geometry lies in. An EVIDENCE listing whose bbox reaches an unreadable
  township is refused with ``403`` (pygeoapi cannot filter it by township). Single-item reads are not
  checked (a feature that moved out of the checked-out area is read by id).
"""
from __future__ import annotations

import base64
import hmac
import io
import json
import os
import re
from urllib.parse import parse_qs, quote, unquote, urlencode

ACCOUNTS_FILE = os.environ.get("LANDOFFICE_DC_ACCOUNTS", "")
ITEMS = re.compile(r"^/collections/([^/]+)/items(?:/([^/]+))?$")
VERSIONS = re.compile(r"^/collections/([^/]+)/versions$")
TOWNSHIP_FIELDS = {"DLTB": "ZLDWDM", "ZD": "ZDDM", "RWTB": "XZDM"}
EXPECTED = "HTTP_X_LANDOFFICE_EXPECTED_VERSION"  # header X-LandOffice-Expected-Version
_CACHE: dict = {}


def enabled() -> bool:
    return bool(ACCOUNTS_FILE)


def _accounts() -> dict:
    if "accounts" not in _CACHE:
        import tomllib

        with open(ACCOUNTS_FILE, "rb") as handle:
            _CACHE["accounts"] = tomllib.load(handle).get("accounts", {})
    return _CACHE["accounts"]


def account_of(environ) -> str | None:
    header = environ.get("HTTP_AUTHORIZATION", "")
    if not header.startswith("Basic "):
        return None
    try:
        user, _, password = base64.b64decode(header[6:]).decode("utf-8").partition(":")
    except ValueError:
        return None
    entry = _accounts().get(user)
    if entry is None or not hmac.compare_digest(str(entry.get("password", "")).encode(), password.encode()):
        return None
    return user


def _allowed(account: str, township: str | None, kind: str) -> bool:
    areas = _accounts()[account].get(kind)
    if areas is None and kind == "read":
        return True
    areas = areas or []
    return "*" in areas or (township is not None and any(township.startswith(str(a)) for a in areas))


def _provider(collection: str) -> dict:
    import yaml

    if "config" not in _CACHE:
        with open(os.environ["PYGEOAPI_CONFIG"], encoding="utf-8") as handle:
            _CACHE["config"] = yaml.safe_load(handle)
    return _CACHE["config"]["resources"][collection]["providers"][0]


def connect(collection: str):
    import psycopg2

    data = _provider(collection)["data"]
    return psycopg2.connect(host=data["host"], port=data.get("port", 5432), dbname=data["dbname"],
                            user=data["user"], password=data["password"], connect_timeout=5)


def _township_of_row(db, collection: str, fid: str) -> tuple[bool, str | None]:
    """(row exists, its township) of a stored feature."""
    table = _provider(collection)["table"]
    field = TOWNSHIP_FIELDS.get(collection)
    with db.cursor() as cur:
        if field:
            cur.execute(f'SELECT "{field}" FROM {table} WHERE id = %s', (fid,))
            row = cur.fetchone()
            return row is not None, (str(row[0])[:9] if row and row[0] else None)
        cur.execute(f'SELECT x."XZQDM" FROM {table} t JOIN xzq x ON ST_Intersects(x.geom, ST_PointOnSurface(t.geom)) '
                    f'WHERE t.id = %s LIMIT 1', (fid,))
        row = cur.fetchone()
        cur.execute(f"SELECT 1 FROM {table} WHERE id = %s", (fid,))
        return cur.fetchone() is not None, (row[0] if row else None)


def _township_of_body(db, collection: str, feature: dict) -> str | None:
    field = TOWNSHIP_FIELDS.get(collection)
    props = feature.get("properties") or {}
    if field:
        value = props.get(field)
        return str(value)[:9] if value else None
    if not feature.get("geometry"):
        return None
    with db.cursor() as cur:
        cur.execute('SELECT "XZQDM" FROM xzq WHERE ST_Intersects(geom, ST_PointOnSurface(ST_SetSRID('
                    'ST_GeomFromGeoJSON(%s), 4549))) LIMIT 1', (json.dumps(feature["geometry"]),))
        row = cur.fetchone()
    return row[0] if row else None


def _answer(start_response, status: str, code: str, description: str):
    body = json.dumps({"code": code, "description": description}, ensure_ascii=False).encode("utf-8")
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]


def forbidden(start_response, description: str):
    return _answer(start_response, "403 FORBIDDEN", "Forbidden", description)


def handle_write(environ, start_response, account: str, app):
    """Check a write against the account's townships; stamp the account; run DELETEs ourselves."""
    collection, fid = ITEMS.match(environ["PATH_INFO"]).groups()
    fid = fid or None  # PATH_INFO is already percent-decoded
    method = environ["REQUEST_METHOD"]
    reason = unquote(environ.get("HTTP_X_LANDOFFICE_REASON", ""))[:500]
    if collection not in TOWNSHIP_FIELDS and collection != "EVIDENCE":
        if method == "DELETE" and EXPECTED in environ:
            return guarded_delete(environ, start_response, account)
        return app(environ, start_response)
    db = connect(collection)
    try:
        feature = None
        if method in ("POST", "PUT"):
            length = int(environ.get("CONTENT_LENGTH") or 0)
            raw = environ["wsgi.input"].read(length) if length else b""
            try:
                feature = json.loads(raw or b"{}")
            except ValueError:
                environ["wsgi.input"] = io.BytesIO(raw)
                return app(environ, start_response)
            fid = fid or str(feature.get("id") or "")
        exists, old = _township_of_row(db, collection, fid) if fid else (False, None)
        new = _township_of_body(db, collection, feature) if feature is not None else None
        if feature is not None and new is None and exists:
            new = old  # a PUT that leaves the township field out keeps it
        for township in {t for t in (old if exists else None, new) if t is not None} or {None}:
            if not _allowed(account, township, "write"):
                where = f"township {township}" if township else "an unknown township"
                return forbidden(start_response, f"account {account} may not change features of {where} "
                                                 f"({collection} {fid}); ask the data centre's administrator")
        if method == "DELETE":
            expected = _expected_version(environ)
            if expected == "":
                return _bad_expected(start_response)
            return _delete(db, collection, fid, account, reason, start_response, expected)
        feature.setdefault("properties", {})
        feature["properties"]["updated_by"] = account
        feature["properties"]["change_reason"] = reason or None
        body = json.dumps(feature, ensure_ascii=False).encode("utf-8")
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        return app(environ, start_response)
    finally:
        db.close()


def _expected_version(environ):
    """The version a guarded DELETE may delete (None: no guard; '' when the header is not a number)."""
    text = environ.get(EXPECTED, "").strip()
    if not text:
        return None
    return int(text) if text.isdigit() else ""


def _bad_expected(start_response):
    return _answer(start_response, "400 BAD REQUEST", "InvalidParameterValue",
                   "X-LandOffice-Expected-Version: a version number")


def _delete(db, collection, fid, account, reason, start_response, expected=None):
    """DELETE in our own transaction (the history trigger reads the account); with ``expected`` only that
    version is deleted, else nothing and 409."""
    table = _provider(collection)["table"]
    with db.cursor() as cur:
        cur.execute("SELECT set_config('landoffice.account', %s, true), set_config('landoffice.reason', %s, true)",
                    (account or "", reason))
        if expected is None:
            cur.execute(f"DELETE FROM {table} WHERE id = %s", (fid,))
        else:
            cur.execute(f"DELETE FROM {table} WHERE id = %s AND version = %s", (fid, expected))
        deleted = cur.rowcount
        stored = None
        if not deleted and expected is not None:
            cur.execute(f"SELECT version FROM {table} WHERE id = %s", (fid,))
            row = cur.fetchone()
            stored = row[0] if row else None
    db.commit()
    if stored is not None:
        return _answer(start_response, "409 CONFLICT", "Conflict",
                       f"{collection} {fid} is at version {stored}, not {expected}: it was changed after this "
                       f"delete was decided; nothing was deleted (read it again and merge)")
    if not deleted:
        return _answer(start_response, "404 NOT FOUND", "NotFound", "identifier not found")
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", "2")])
    return [b"{}"]


def guarded_delete(environ, start_response, account=None):
    """A DELETE with ``X-LandOffice-Expected-Version`` on a data centre with or without accounts."""
    collection, fid = ITEMS.match(environ["PATH_INFO"]).groups()
    expected = _expected_version(environ)
    if expected == "":
        return _bad_expected(start_response)
    try:
        editable = _provider(collection).get("editable")
    except KeyError:
        return _answer(start_response, "404 NOT FOUND", "NotFound", f"no collection {collection}")
    if not fid or not editable:
        return _answer(start_response, "405 METHOD NOT ALLOWED", "InvalidParameterValue",
                       f"{collection} items cannot be deleted")
    reason = unquote(environ.get("HTTP_X_LANDOFFICE_REASON", ""))[:500]
    db = connect(collection)
    try:
        return _delete(db, collection, fid, account, reason, start_response, expected)
    finally:
        db.close()


def _readable(account: str) -> list | None:
    """The township codes ``account`` may read (None: every township)."""
    areas = _accounts()[account].get("read")
    if areas is None or "*" in areas:
        return None
    return [re.sub(r"[^0-9]", "", str(a)) for a in areas]


def _townships_in(collection: str, bbox: str) -> list:
    values = [float(v) for v in bbox.split(",")[:4]]
    db = connect(collection)
    try:
        with db.cursor() as cur:
            cur.execute('SELECT "XZQDM" FROM xzq WHERE ST_Intersects(geom, ST_MakeEnvelope(%s, %s, %s, %s, 4549))',
                        values)
            return [r[0] for r in cur.fetchall()]
    finally:
        db.close()


def check_read(environ, start_response, account: str):
    """None when the listing may go on (narrowed to the readable townships); else the 403 answer."""
    match = ITEMS.match(environ["PATH_INFO"]) or VERSIONS.match(environ["PATH_INFO"])
    collection, fid = match.group(1), (match.group(2) if match.re is ITEMS else None)
    readable = _readable(account)
    if fid or readable is None or (collection not in TOWNSHIP_FIELDS and collection != "EVIDENCE"):
        return None
    query = parse_qs(environ.get("QUERY_STRING", ""))
    found = re.search(r"LIKE\s+'(\d{9})", " ".join(query.get("filter", []))) or re.match(
        r"(\d{9})", query.get("township", [""])[0])
    if found and not _allowed(account, found.group(1), "read"):
        return forbidden(start_response, f"account {account} may not read township {found.group(1)}")
    bbox = query.get("bbox", [""])[0]
    townships = _townships_in(collection, bbox) if bbox and not found else []
    if townships and not any(_allowed(account, t, "read") for t in townships):
        return forbidden(start_response, f"account {account} may not read this area (townships {', '.join(townships)})")
    if collection not in TOWNSHIP_FIELDS:
        hidden = [t for t in townships if not _allowed(account, t, "read")]
        if hidden:
            return forbidden(start_response, f"account {account} may not read {collection} of townships "
                                             f"{', '.join(hidden)}: choose an area inside its own townships")
        return None
    if match.re is ITEMS:  # the versions endpoint filters in its own SQL (versions())
        lang = query.get("filter-lang", ["cql2-text"])[0]
        if query.get("filter") and lang != "cql2-text":
            return forbidden(start_response, f"account {account}: a filtered listing must use filter-lang=cql2-text")
        field = TOWNSHIP_FIELDS[collection]
        mine = " OR ".join(f"{field} LIKE '{code}%'" for code in readable) or "1 = 0"
        given = " ".join(query.get("filter", []))
        query["filter"] = [f"({given}) AND ({mine})" if given else f"({mine})"]
        query["filter-lang"] = ["cql2-text"]
        environ["QUERY_STRING"] = urlencode(query, doseq=True, quote_via=quote)
    return None


def versions(environ, start_response, account: str | None = None):
    """``GET /collections/{c}/versions?bbox=…&township=…``: every ``[id, version]`` of the area in one SQL
    query — the cheap half of a pull (pygeoapi needs seconds per 10,000 features even without
    properties and geometry). A LandOffice data centre extension; clients fall back to the listing."""
    collection = VERSIONS.match(environ["PATH_INFO"]).group(1)
    try:
        table = _provider(collection)["table"]
    except KeyError:
        return _answer(start_response, "404 NOT FOUND", "NotFound", f"no collection {collection}")
    query = parse_qs(environ.get("QUERY_STRING", ""))
    where, args = ["TRUE"], []
    bbox = query.get("bbox", [""])[0]
    if bbox:
        try:
            args += [float(v) for v in bbox.split(",")[:4]]
        except ValueError:
            return _answer(start_response, "400 BAD REQUEST", "InvalidParameterValue", "bbox: four numbers")
        where.append("ST_Intersects(geom, ST_MakeEnvelope(%s, %s, %s, %s, 4549))")
    township, field = query.get("township", [""])[0], TOWNSHIP_FIELDS.get(collection)
    if township and field:
        where.append(f'"{field}" LIKE %s')
        args.append(re.sub(r"[^0-9]", "", township) + "%")
    readable = _readable(account) if account is not None else None
    if readable is not None:  # only the features of the townships the account may read
        patterns = [code + "%" for code in readable]
        if field:
            where.append(f'"{field}" LIKE ANY(%s)')
        else:
            where.append('EXISTS (SELECT 1 FROM xzq x WHERE x."XZQDM" LIKE ANY(%s) '
                         'AND ST_Intersects(x.geom, ST_PointOnSurface(t.geom)))')
        args.append(patterns)
    db = connect(collection)
    try:
        with db.cursor() as cur:
            cur.execute(f"SELECT id, version FROM {table} t WHERE {' AND '.join(where)}", args)
            rows = cur.fetchall()
    finally:
        db.close()
    body = json.dumps({"collection": collection, "versions": rows}).encode("utf-8")
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]
