"""Start QGIS without a desktop, for the command line and for scripts on a server."""
from __future__ import annotations

import os
import sys

_APP = None
_PROVIDER = None  # the Python provider must outlive its registration


def start_qgis():
    """A running QgsApplication (offscreen) with Processing and the landoffice provider."""
    global _APP, _PROVIDER
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    if QgsApplication.instance() is None:
        _APP = QgsApplication([], False)
        _APP.initQgis()
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
