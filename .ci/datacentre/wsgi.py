"""The data centre's WSGI entry: pygeoapi's Flask app behind two small, optional wrappers.

* Authentication, like a real data centre's gateway: ``LANDOFFICE_DC_AUTH=user:password``
  requires HTTP Basic, ``LANDOFFICE_DC_APIKEY=secret`` accepts an ``X-API-KEY`` header; with
  neither set the server is open (loopback only). For tests, the file named by
  ``LANDOFFICE_DC_AUTH_FILE``, while it exists, holds a ``user:password`` that is then required.
* Fault injection for tests: when the file named by ``LANDOFFICE_DC_CRASH_FILE`` exists and
  holds a number N, the server dies hard (master and worker, no answer sent) right after its
  N-th write request has been committed — the worst moment for a client. The count is shared
  by the workers (the file is counted down under a lock).
"""
import base64
import fcntl
import hmac
import os
import signal

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


def application(environ, start_response):
    if not _authorised(environ):
        start_response("401 Unauthorized", [("Content-Type", "application/json"),
                                            ("WWW-Authenticate", 'Basic realm="landoffice"')])
        return [b'{"code": "Unauthorized", "description": "login required"}']
    if environ.get("REQUEST_METHOD") in _WRITES and _CRASH_FILE:
        body = list(APP(environ, start_response))
        if _crash_due():
            # gunicorn --daemon runs in its own session: its process group is the master and
            # every worker, nothing else. Kill them all at once, like a power cut.
            os.killpg(os.getpgid(0), signal.SIGKILL)
            os._exit(1)
        return body
    return APP(environ, start_response)
