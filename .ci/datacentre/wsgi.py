"""The data centre's WSGI entry: pygeoapi's Flask app behind small, optional wrappers.

* Accounts with area permissions and history (``LANDOFFICE_DC_ACCOUNTS``): see ``gateway.py``.

* Authentication, like a real data centre's gateway: ``LANDOFFICE_DC_AUTH=user:password``
  requires HTTP Basic, ``LANDOFFICE_DC_APIKEY=secret`` accepts an ``X-API-KEY`` header; with
  neither set the server is open (loopback only). For tests, the file named by
  ``LANDOFFICE_DC_AUTH_FILE``, while it exists, holds a ``user:password`` that is then required.
* Column lengths in the published schema: pygeoapi's ``/collections/{c}/schema`` and
  ``/queryables`` give each property's type but not a varchar's length, so a client cannot know that
  a 300-character note will be refused. The gateway adds JSON Schema ``maxLength`` from the
  database's own column definitions (read once per collection).
* A DELETE with ``X-LandOffice-Expected-Version`` deletes only that version, else 409 (``gateway.py``), with
  or without accounts.
* Fault injection for tests: when the file named by ``LANDOFFICE_DC_CRASH_FILE`` exists and
  holds a number N, the server dies hard (master and worker, no answer sent) right after its
  N-th write request has been committed — the worst moment for a client. The count is shared
  by the workers (the file is counted down under a lock).
"""
import base64
import fcntl
import hmac
import json
import os
import re
import signal

import gateway  # accounts, area permissions, history (留痕): see gateway.py
from pygeoapi.flask_app import APP  # noqa: F401  (needs PYGEOAPI_CONFIG / PYGEOAPI_OPENAPI)

_AUTH = os.environ.get("LANDOFFICE_DC_AUTH", "")
_APIKEY = os.environ.get("LANDOFFICE_DC_APIKEY", "")
_AUTH_FILE = os.environ.get("LANDOFFICE_DC_AUTH_FILE", "")
_CRASH_FILE = os.environ.get("LANDOFFICE_DC_CRASH_FILE", "")
_WRITES = {"POST", "PUT", "DELETE", "PATCH"}


def _required_login() -> str:
    if _AUTH_FILE and os.path.exists(_AUTH_FILE):
        try:
            with open(_AUTH_FILE, encoding="utf-8") as handle:
                return handle.read().strip()
        except OSError:
            return ""
    return _AUTH


def _authorised(environ) -> bool:
    login = _required_login()
    if not login and not _APIKEY:
        return True
    if _APIKEY and hmac.compare_digest(environ.get("HTTP_X_API_KEY", ""), _APIKEY):
        return True
    header = environ.get("HTTP_AUTHORIZATION", "")
    if login and header.startswith("Basic "):
        try:
            given = base64.b64decode(header[6:]).decode("utf-8")
        except ValueError:
            return False
        return hmac.compare_digest(given.encode("utf-8"), login.encode("utf-8"))
    return False


def _crash_due() -> bool:
    """Count down the number in the crash file (shared by every worker, under a lock)."""
    if not _CRASH_FILE or not os.path.exists(_CRASH_FILE):
        return False
    try:
        with open(_CRASH_FILE, "r+", encoding="ascii") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            left = int(handle.read().strip() or "0") - 1
            if left > 0:
                handle.seek(0)
                handle.truncate()
                handle.write(str(left))
                return False
        os.remove(_CRASH_FILE)
        return True
    except (OSError, ValueError):
        return False


_SCHEMA_PATH = re.compile(r"^/collections/([^/]+)/(schema|queryables)$")
_LENGTHS: dict = {}


def _column_lengths(collection: str) -> dict:
    """Column name -> varchar length of the collection's table (from the pygeoapi config)."""
    if collection in _LENGTHS:
        return _LENGTHS[collection]
    lengths: dict = {}
    try:
        import psycopg2
        import yaml

        with open(os.environ["PYGEOAPI_CONFIG"], encoding="utf-8") as handle:
            config = yaml.safe_load(handle)
        provider = config["resources"][collection]["providers"][0]
        data = provider["data"]
        with psycopg2.connect(host=data["host"], port=data.get("port", 5432), dbname=data["dbname"],
                              user=data["user"], password=data["password"], connect_timeout=5) as db:
            with db.cursor() as cur:
                cur.execute("SELECT column_name, character_maximum_length FROM information_schema.columns "
                            "WHERE table_name = %s AND character_maximum_length IS NOT NULL",
                            (provider["table"],))
                lengths = dict(cur.fetchall())
    except Exception:  # noqa: BLE001 - the schema is then served as pygeoapi made it
        return {}
    _LENGTHS[collection] = lengths
    return lengths


def _schema_with_lengths(environ, start_response, collection: str):
    captured = {}

    def keep(status, headers, exc_info=None):
        captured["status"], captured["headers"] = status, headers
        return lambda data: None

    body = b"".join(APP(environ, keep))
    if captured.get("status", "").startswith("200"):
        try:
            schema = json.loads(body)
            for name, length in _column_lengths(collection).items():
                spec = schema.get("properties", {}).get(name)
                if isinstance(spec, dict) and spec.get("type") == "string":
                    spec["maxLength"] = int(length)
            body = json.dumps(schema, ensure_ascii=False).encode("utf-8")
        except ValueError:
            pass
    headers = [(k, v) for k, v in captured.get("headers", []) if k.lower() != "content-length"]
    start_response(captured.get("status", "500 INTERNAL SERVER ERROR"),
                   headers + [("Content-Length", str(len(body)))])
    return [body]


def _pygeoapi(environ, start_response, app=APP):
    if environ.get("REQUEST_METHOD") in _WRITES and _CRASH_FILE:
        body = list(app(environ, start_response))
        if _crash_due():
            # gunicorn --daemon runs in its own session: its process group is the master and
            # every worker, nothing else. Kill them all at once, like a power cut.
            os.killpg(os.getpgid(0), signal.SIGKILL)
            os._exit(1)
        return body
    return app(environ, start_response)


def _unauthorised(start_response):
    start_response("401 Unauthorized", [("Content-Type", "application/json"),
                                        ("WWW-Authenticate", 'Basic realm="landoffice"')])
    return [b'{"code": "Unauthorized", "description": "login required"}']


def application(environ, start_response):
    account = None
    if gateway.enabled():
        account = gateway.account_of(environ)
        if account is None:
            return _unauthorised(start_response)
    elif not _authorised(environ):
        return _unauthorised(start_response)
    path, method = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD")
    found = _SCHEMA_PATH.match(path)
    if found and method == "GET":
        return _schema_with_lengths(environ, start_response, found.group(1))
    if gateway.VERSIONS.match(path) and method == "GET":
        if account is not None:
            refused = gateway.check_read(environ, start_response, account)
            if refused is not None:
                return refused
        return gateway.versions(environ, start_response, account)
    if account is not None and gateway.ITEMS.match(path):
        if method in _WRITES:
            return gateway.handle_write(environ, start_response, account, _pygeoapi)
        if method == "GET":
            refused = gateway.check_read(environ, start_response, account)
            if refused is not None:
                return refused
    if method == "DELETE" and gateway.EXPECTED in environ and gateway.ITEMS.match(path):
        return _pygeoapi(environ, start_response, gateway.guarded_delete)  # the version guard, no accounts
    return _pygeoapi(environ, start_response)
