"""Start QGIS without a desktop, for the command line and for scripts on a server."""
from __future__ import annotations

import os
import sys

_APP = None
_PROVIDER = None  # the Python provider must outlive its registration
_TRANSLATOR = None


def _runtime_dir() -> None:
    """Qt wants XDG_RUNTIME_DIR (a private folder) and says so on stderr when a server session has none:
    give it one of ours, owner-only, so a command-line run prints only what the user needs."""
    if os.environ.get("XDG_RUNTIME_DIR") or not hasattr(os, "getuid"):
        return
    import tempfile
    from pathlib import Path

    path = Path(tempfile.gettempdir()) / f"landoffice-runtime-{os.getuid()}"
    try:
        path.mkdir(mode=0o700, exist_ok=True)
        if path.stat().st_uid != os.getuid():
            return
        path.chmod(0o700)
    except OSError:
        return
    os.environ["XDG_RUNTIME_DIR"] = str(path)


def start_qgis(locale: str | None = None, processing: bool = True):
    """A running QgsApplication (offscreen) with Processing and the landoffice provider.

    ``locale`` (e.g. ``zh_CN``) installs that translation before the algorithms are created, so
    their parameter names are translated too. ``processing=False`` leaves QGIS's own providers
    (native, GDAL, scripts: ~0.35 s to load) out: the landoffice algorithms use none of them, and the
    command line runs only those.
    """
    global _APP, _PROVIDER, _TRANSLATOR
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _runtime_dir()
    from qgis.core import QgsApplication

    if QgsApplication.instance() is None:
        _APP = QgsApplication([], False)
        _APP.initQgis()
    if locale and _TRANSLATOR is None:
        from qgis.PyQt.QtCore import QCoreApplication

        from .i18n import load_translator

        _TRANSLATOR = load_translator(locale)
        if _TRANSLATOR is not None:
            QCoreApplication.installTranslator(_TRANSLATOR)
    if processing:
        for path in ("/usr/share/qgis/python/plugins", "/usr/lib/qgis/python/plugins"):
            if os.path.isdir(path) and path not in sys.path:
                sys.path.append(path)
        from processing.core.Processing import Processing

        Processing.initialize()
    from .processing.provider import PROVIDER_ID, LandOfficeProvider

    registry = QgsApplication.processingRegistry()
    if registry.providerById(PROVIDER_ID) is None:
        _PROVIDER = LandOfficeProvider()
        registry.addProvider(_PROVIDER)
    return QgsApplication.instance()
