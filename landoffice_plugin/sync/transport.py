"""TLS trust and proxy for the data centre client, taken from QGIS's own settings.

``requests`` knows neither QGIS's certificate manager nor its proxy settings, so an office whose
data centre uses an internal CA (added under Settings > Options > Authentication > Certificate
Manager > Authorities, or as QGIS's extra CA file) or that reaches it through a proxy
(Settings > Options > Network) would fail. This module hands ``requests``:

* ``verify``: a PEM bundle of every CA QGIS trusts (system roots, the auth database's CAs, the
  extra file CAs — ``QgsAuthManager.trustedCaCertsPemText()``), written to a file beside the QGIS
  profile's cache and refreshed when it changes; certificates are always verified;
* ``proxies``: QGIS's fallback proxy (HTTP/HTTPS types) unless the URL is in QGIS's exclude list.

Without QGIS (a plain Python run) nothing changes: ``requests``' own defaults apply.
"""
from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path
from urllib.parse import quote


def ca_bundle() -> str | bool:
    """Path of a PEM file with every CA QGIS trusts, or True (requests' defaults) without QGIS."""
    try:
        from qgis.core import QgsApplication
    except ImportError:
        return True
    manager = QgsApplication.authManager()
    if manager is None:
        return True
    try:
        pem = bytes(manager.trustedCaCertsPemText())
    except Exception:  # noqa: BLE001 - an auth system that is not initialised: requests' defaults
        return True
    if not pem.strip():
        return True
    folder = Path(QgsApplication.qgisSettingsDirPath() or tempfile.gettempdir()) / "cache"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"landoffice-ca-{hashlib.sha256(pem).hexdigest()[:16]}.pem"
    if not path.exists():
        temp = path.with_suffix(".part")
        temp.write_bytes(pem)
        temp.replace(path)
    return str(path)


def proxies_for(url: str) -> dict:
    """``requests`` proxies from QGIS's network settings for ``url`` (empty: connect directly)."""
    try:
        from qgis.core import QgsNetworkAccessManager
        from qgis.PyQt.QtNetwork import QNetworkProxy
    except ImportError:
        return {}
    manager = QgsNetworkAccessManager.instance()
    if any(url.startswith(prefix) for prefix in manager.excludeList() if prefix):
        return {}
    proxy = manager.fallbackProxy()
    if proxy.type() not in (QNetworkProxy.HttpProxy, QNetworkProxy.HttpCachingProxy) or not proxy.hostName():
        return {}
    login = ""
    if proxy.user():
        secret = ":" + quote(proxy.password(), safe="") if proxy.password() else ""
        login = quote(proxy.user(), safe="") + secret + "@"
    address = f"http://{login}{proxy.hostName()}:{proxy.port()}"
    return {"http": address, "https": address}
