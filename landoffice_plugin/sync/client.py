"""A small OGC API - Features client (Part 1 read, Part 4 write) built on ``requests``.

Credentials come from a QGIS authentication configuration (``authcfg``) at the moment a
session is built; they are never stored, and logged URLs carry no user information. TLS
certificates are verified. Reads (GET) are retried a bounded number of times with
backoff on 5xx answers, timeouts and dropped connections. Writes are sent once: what a failed
write did is learnt by reading the feature again (:mod:`.push`), never by sending it again blindly.
"""
from __future__ import annotations

import json
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit, urlunsplit

import requests

from ..core.errors import LandOfficeError
from ..i18n import tr, tr_noop
from ..log import get_logger

PART4 = "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete"
PART1 = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core"
GEOJSON = "application/geo+json"
TIMEOUT = (10, 60)
TOMBSTONES = "DELETED"  # the LandOffice data centre's collection of deleted features
# A DELETE carries the version it was decided on; the LandOffice data centre deletes only that version
# (else 409 Conflict). Other servers ignore the header.
EXPECTED_VERSION = "X-LandOffice-Expected-Version"


def crs_uri(epsg: int) -> str:
    return f"http://www.opengis.net/def/crs/EPSG/0/{int(epsg)}"


def _next_link(data: dict) -> str | None:
    return next((link["href"] for link in data.get("links", []) if link.get("rel") == "next"), None)


def _headers(reason: str = "", content_type: str | None = None) -> dict:
    headers = {"Content-Type": content_type} if content_type else {}
    if reason:  # HTTP headers are Latin-1: the reason goes percent-encoded UTF-8
        headers["X-LandOffice-Reason"] = quote(reason[:500], safe=" ,.:;()")
    return headers


def _refuse_forbidden(response) -> None:
    """A read the data centre forbids this account (its gateway says why in a 403)."""
    if response.status_code == 403:
        raise LandOfficeError("The data centre does not let this account read that: {reason}. Choose an area "
                              "of your own township, or ask the data centre's administrator for access.",
                              reason=_reason(response))


def _reason(response) -> str:
    """The ``description`` of a JSON error answer (a gateway's 403 says why), or ''."""
    try:
        data = response.json()
    except ValueError:
        return ""
    return str(data.get("description") or "") if isinstance(data, dict) else ""


def safe_url(url: str) -> str:
    """``url`` without user information, for logs and messages."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, parts.query, ""))


def auth_from_authcfg(authcfg: str | None) -> tuple:
    """(requests auth, extra headers) from a QGIS authcfg id: Basic or an API-key header."""
    if not authcfg:
        return None, {}
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    config = QgsAuthMethodConfig()
    if not manager.loadAuthenticationConfig(authcfg, config, True) or not config.isValid():
        if not manager.masterPasswordIsSet():
            raise LandOfficeError("The QGIS authentication database is locked: its master password was not given. "
                                  "In QGIS, enter it when asked; for a command-line run, put it in a file "
                                  "readable only by you and set the environment variable QGIS_AUTH_PASSWORD_FILE "
                                  "to that file's path (and QGIS_AUTH_DB_DIR_PATH to the folder of "
                                  "qgis-auth.db if it is not in the default profile).")
        raise LandOfficeError("The authentication configuration {authcfg} was not found in QGIS: choose "
                              "another one under Settings > Options > Authentication.", authcfg=authcfg)
    method = config.method()
    if method == "Basic":
        return (config.config("username"), config.config("password")), {}
    if method == "APIHeader":
        return None, {str(k): str(v) for k, v in config.configMap().items()}
    raise LandOfficeError("The authentication method {method} is not supported for the data centre: use "
                          "Basic (user name and password) or API header.", method=method)


@dataclass
class Collection:
    id: str
    title: str = ""
    crs: list = field(default_factory=list)
    storage_crs: str = ""


class ServerError(LandOfficeError):
    """A request failed for good (after retries); ``status`` is the HTTP code or None.

    A LandOfficeError, so the dock, the algorithms and the command line show it in Chinese and
    English with what to do; ``detail`` keeps the technical part (method, URL without secrets).
    """

    def __init__(self, detail: str, status: int | None = None):
        super().__init__(tr_noop("The data centre did not answer properly ({detail}). Nothing is lost: what was "
                                 "sent is recorded and the next sync sends the rest. Check the network connection "
                                 "or ask the data centre's administrator, then sync again."), detail=detail)
        self.detail = detail
        self.status = status


class FeatureClient:
    def __init__(self, url: str, authcfg: str | None = None, *, retries: int = 3, backoff: float = 0.5,
                 session: requests.Session | None = None):
        self.url = url.rstrip("/")
        self.retries = retries
        self.backoff = backoff
        self.session = session or requests.Session()
        if session is None:  # QGIS's trusted CAs (an office's internal CA too) and QGIS's proxy
            from .transport import ca_bundle, proxies_for

            self.session.verify = ca_bundle()
            self.session.proxies.update(proxies_for(self.url))
        auth, headers = auth_from_authcfg(authcfg)
        if auth is not None or session is None:  # a session handed in keeps its own login
            self.session.auth = auth
        self.session.headers.update(headers)
        self.session.headers.setdefault("Accept", "application/geo+json, application/json")
        self.requests_made = 0
        self.first_timestamp: str | None = None
        self._log = get_logger()

    def close(self) -> None:
        self.session.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- transport -----------------------------------------------------------------------
    def _request(self, method: str, url: str, *, retry: bool, **kwargs) -> requests.Response:
        attempts = self.retries + 1 if retry else 1
        last: Exception | None = None
        for attempt in range(attempts):
            if attempt:
                time.sleep(self.backoff * (2 ** (attempt - 1)))
            try:
                self.requests_made += 1
                # verify per request: requests lets REQUESTS_CA_BUNDLE override a session's own bundle
                response = self.session.request(method, url, timeout=TIMEOUT, verify=self.session.verify, **kwargs)
            except requests.exceptions.SSLError as err:
                raise LandOfficeError("The data centre's TLS certificate could not be verified ({url}). If it uses "
                                      "your office's own certificate authority, add that CA in QGIS (Settings > "
                                      "Options > Authentication > Certificate Manager > Authorities) and try again; "
                                      "otherwise ask the administrator for a valid certificate.",
                                      url=safe_url(url)) from err
            except (requests.ConnectionError, requests.Timeout) as err:
                last = ServerError(f"{method} {safe_url(url)}: {type(err).__name__}")
                continue
            except requests.RequestException as err:  # a broken or undecodable answer: transient too
                last = ServerError(f"{method} {safe_url(url)}: {type(err).__name__}")
                continue
            if response.status_code == 401 or (response.status_code == 403 and not _reason(response)):
                raise LandOfficeError("The data centre refused the login (HTTP {status}) at {url}: check the user "
                                      "name and password or API key of the authentication configuration.",
                                      status=response.status_code, url=safe_url(self.url))
            if response.status_code >= 500 and retry:
                last = ServerError(f"{method} {safe_url(url)}: HTTP {response.status_code}", response.status_code)
                continue
            return response
        self._log.warning(tr("Data centre request failed: {detail}").format(
            detail=last.detail if isinstance(last, ServerError) else last))
        raise last if last else ServerError(f"{method} {safe_url(url)} failed")

    def get_json(self, url: str, params: dict | None = None) -> dict:
        response = self._request("GET", url, retry=True, params=params)
        _refuse_forbidden(response)
        if response.status_code != 200:
            raise ServerError(f"GET {safe_url(response.url)}: HTTP {response.status_code}", response.status_code)
        try:
            return response.json()
        except ValueError as err:
            raise LandOfficeError("The address {url} did not answer with JSON: check that it is an OGC API - "
                                  "Features service.", url=safe_url(url)) from err

    # -- discovery -----------------------------------------------------------------------
    def conformance(self) -> list[str]:
        try:
            data = self.get_json(f"{self.url}/conformance", {"f": "json"})
        except (ServerError, requests.RequestException) as err:
            reason = err.detail if isinstance(err, ServerError) else str(err)
            raise LandOfficeError("The data centre at {url} cannot be reached ({reason}): check the address and "
                                  "the network.", url=safe_url(self.url), reason=reason) from err
        return list(data.get("conformsTo", []))

    def supports_writes(self, conformance: list[str] | None = None) -> bool:
        return PART4 in (conformance if conformance is not None else self.conformance())

    def collections(self) -> dict[str, Collection]:
        data = self.get_json(f"{self.url}/collections", {"f": "json"})
        out = {}
        for item in data.get("collections", []):
            out[item["id"]] = Collection(item["id"], item.get("title", ""), list(item.get("crs", [])),
                                         item.get("storageCrs", ""))
        return out

    def require_writes(self) -> None:
        if not self.supports_writes():
            raise LandOfficeError("The data centre at {url} does not accept edits (no OGC API - Features Part 4 "
                                  "create-replace-delete): ask its administrator to make the collections "
                                  "editable.", url=safe_url(self.url))

    # -- reading -------------------------------------------------------------------------
    def items(self, collection: str, *, epsg: int, bbox=None, limit: int = 2000, params: dict | None = None,
              parallel: int = 3):
        """Yield every feature (GeoJSON dict) of ``collection``.

        When the first page says how many features match and its ``next`` link pages by
        ``offset`` (pygeoapi does), the other pages are fetched ``parallel`` at a time; otherwise
        the ``next`` links are followed one by one.
        """
        query = {"f": "json", "limit": limit, "crs": crs_uri(epsg)}
        if bbox is not None:
            query["bbox"] = ",".join(repr(float(v)) for v in bbox)
            query["bbox-crs"] = crs_uri(epsg)
        query.update(params or {})
        base_url = f"{self.url}/collections/{collection}/items"
        data = self.get_json(base_url, query)
        self.first_timestamp = data.get("timeStamp")  # the server's clock when the read began
        yield from data.get("features", [])
        next_url = _next_link(data)
        matched, returned = data.get("numberMatched"), len(data.get("features", []))
        if next_url and isinstance(matched, int) and "offset=" in next_url and returned:
            offsets = list(range(returned, matched, returned))
            ahead = 2 * max(1, parallel)  # pages in flight while the caller reads the current one
            with ThreadPoolExecutor(max_workers=max(1, parallel)) as pool:
                pending = deque()
                for offset in offsets:
                    pending.append(pool.submit(self.get_json, base_url, {**query, "offset": offset}))
                    if len(pending) >= ahead:
                        yield from pending.popleft().result().get("features", [])
                while pending:
                    yield from pending.popleft().result().get("features", [])
            return
        while next_url:
            data = self.get_json(next_url)
            features = data.get("features", [])
            yield from features
            next_url = _next_link(data) if features else None

    def get(self, collection: str, fid: str, *, epsg: int | None = None) -> dict | None:
        """One feature, or None when the server says 404.

        A 404 is NOT a proof of deletion: pygeoapi answers 404 for every item while its database
        is down. Whoever reads None here must ask :meth:`tombstone` before believing it.
        """
        response = self._request("GET", f"{self.url}/collections/{collection}/items/{quote(fid, safe='')}",
                                 retry=True, params={"f": "json", **({"crs": crs_uri(epsg)} if epsg else {})})
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise ServerError(f"GET {collection}/{fid}: HTTP {response.status_code}", response.status_code)
        try:
            return response.json()
        except ValueError as err:
            raise ServerError(f"GET {collection}/{fid}: not JSON", response.status_code) from err

    def tombstone(self, collection: str, fid: str) -> dict | None:
        """The data centre's record that ``fid`` was deleted (``{"version": last version, ...}``), or None.

        Only a LandOffice data centre keeps tombstones (collection ``DELETED``); a 5xx, a timeout
        or a dropped connection raise :class:`ServerError` (transient: the caller stops and keeps
        everything).
        """
        key = quote(f"{collection}:{fid}", safe="")
        response = self._request("GET", f"{self.url}/collections/{TOMBSTONES}/items/{key}", retry=True,
                                 params={"f": "json", "skipGeometry": "true"})
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise ServerError(f"GET {TOMBSTONES}/{collection}:{fid}: HTTP {response.status_code}",
                              response.status_code)
        return dict(response.json().get("properties") or {})

    def listing(self, collection: str, *, epsg: int, bbox=None, params: dict | None = None,
                properties=("version",), limit: int = 10000) -> dict:
        """id → properties (only ``properties``; no geometry) of every feature of ``collection`` in ``bbox``.

        The cheap half of a pull: a few kilobytes per thousand features.
        """
        query = {"properties": ",".join(properties), "skipGeometry": "true", **(params or {})}
        return {str(item["id"]): dict(item.get("properties") or {})
                for item in self.items(collection, epsg=epsg, bbox=bbox, limit=limit, params=query)}

    def versions(self, collection: str, *, bbox=None, township: str | None = None) -> dict | None:
        """id → version of the area from the LandOffice data centre's one-query endpoint
        (``/collections/{c}/versions``), or None when the server has none (then use :meth:`listing`)."""
        if getattr(self, "_no_versions", False):
            return None
        params = {"f": "json"}
        if bbox is not None:
            params["bbox"] = ",".join(repr(float(v)) for v in bbox)
        if township:
            params["township"] = township
        response = self._request("GET", f"{self.url}/collections/{collection}/versions", retry=True, params=params)
        if response.status_code in (404, 405, 400) and not _reason(response).startswith("bbox"):
            self._no_versions = True
            return None
        _refuse_forbidden(response)
        if response.status_code != 200:
            raise ServerError(f"GET {collection}/versions: HTTP {response.status_code}", response.status_code)
        try:
            rows = response.json()["versions"]
        except (ValueError, KeyError, TypeError):
            self._no_versions = True
            return None
        return {str(fid): (int(v) if v is not None else None) for fid, v in rows}

    def healthy(self, collection: str) -> bool:
        """True when the collection can be read right now (its database answers)."""
        try:
            response = self._request("GET", f"{self.url}/collections/{collection}/items", retry=False,
                                     params={"f": "json", "limit": 1, "skipGeometry": "true"})
        except ServerError:
            return False
        return response.status_code == 200

    # -- writing (one attempt each: the caller reads the server's state to learn what happened) ------
    def post(self, collection: str, feature: dict, reason: str = "") -> requests.Response:
        """POST a feature whose ``id`` the client generated. Never retried here: a lost answer is
        resolved by reading the feature (client UUIDs make that unambiguous). ``reason`` travels in
        the ``X-LandOffice-Reason`` header (the data centre's history keeps it)."""
        body = json.dumps(feature, ensure_ascii=False).encode("utf-8")
        return self._request("POST", f"{self.url}/collections/{collection}/items", retry=False, data=body,
                             headers=_headers(reason, GEOJSON))

    def replace(self, collection: str, feature: dict, reason: str = "") -> requests.Response:
        """PUT (id in the body). Returns the answer; the caller decides what a 5xx means."""
        body = json.dumps(feature, ensure_ascii=False).encode("utf-8")
        return self._request("PUT", f"{self.url}/collections/{collection}/items/{quote(feature['id'], safe='')}",
                             retry=False, data=body, headers=_headers(reason, GEOJSON))

    def remove(self, collection: str, fid: str, reason: str = "", expected: int | None = None) -> requests.Response:
        """DELETE, one attempt. ``expected``: the version the delete was decided on; the LandOffice data
        centre deletes only that version and answers 409 when the feature moved on (a stock server ignores
        the header and deletes whatever is there)."""
        headers = _headers(reason)
        if expected is not None:
            headers[EXPECTED_VERSION] = str(int(expected))
        return self._request("DELETE", f"{self.url}/collections/{collection}/items/{quote(fid, safe='')}",
                             retry=False, headers=headers)

    def schema(self, collection: str) -> dict[str, str]:
        """Property name → JSON type ('string', 'number', 'integer') from ``/collections/{c}/schema``."""
        return {name: spec.get("type", "string") for name, spec in self.schema_details(collection).items()}

    def schema_details(self, collection: str) -> dict[str, dict]:
        """Property name → its JSON Schema (type, and ``maxLength`` when the server publishes it)."""
        data = self.get_json(f"{self.url}/collections/{collection}/schema", {"f": "json"})
        out = {}
        for name, spec in data.get("properties", {}).items():
            if spec.get("x-ogc-role") in ("primary-geometry", "id") or name == "geometry":
                continue
            out[name] = dict(spec)
        return out
