"""The ``landoffice`` Processing provider.

Algorithms live one per module named ``alg_*.py`` in this package; the provider finds every
:class:`LandOfficeAlgorithm` subclass there, so adding a job is adding a module.
"""
from __future__ import annotations

import importlib
import inspect
import pkgutil

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr
from ..log import get_logger
from ..paths import resource_path
from .base import LandOfficeAlgorithm

PROVIDER_ID = "landoffice"


def algorithm_classes() -> list[type[LandOfficeAlgorithm]]:
    from . import __path__ as pkg_path

    classes = []
    for info in sorted(pkgutil.iter_modules(pkg_path), key=lambda m: m.name):
        if not info.name.startswith("alg_"):
            continue
        try:
            module = importlib.import_module(f"{__package__}.{info.name}")
        except Exception:  # noqa: BLE001 - one broken module must not take the others down
            get_logger().exception("LandOffice: cannot load algorithm module %s", info.name)
            continue
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, LandOfficeAlgorithm) and obj is not LandOfficeAlgorithm and obj.NAME \
                    and obj.__module__ == module.__name__:
                classes.append(obj)
    return classes


class LandOfficeProvider(QgsProcessingProvider):
    def id(self):
        return PROVIDER_ID

    def name(self):
        return tr("LandOffice")

    def longName(self):
        return tr("LandOffice land office tools")

    def icon(self):
        return QIcon(str(resource_path("icons", "landoffice.svg")))

    def loadAlgorithms(self):
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
