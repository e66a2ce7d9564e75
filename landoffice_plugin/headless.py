"""Start QGIS without a desktop, for the command line and for scripts on a server."""
from __future__ import annotations

import os
import sys

_APP = None
_PROVIDER = None  # the Python provider must outlive its registration
_TRANSLATOR = None


def start_qgis(locale: str | None = None):
    """A running QgsApplication (offscreen) with Processing and the landoffice provider.

    ``locale`` (e.g. ``zh_CN``) installs that translation before the algorithms are created, so
    their parameter names are translated too.
    """
    global _APP, _PROVIDER, _TRANSLATOR
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
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
