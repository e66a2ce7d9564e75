"""The ``landoffice`` Processing provider.

Algorithms live one per module named ``alg_*.py`` in this package; the provider finds every
:class:`LandOfficeAlgorithm` subclass there, so adding a job is adding a module.
"""
from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..discovery import subclasses_in_modules
from ..i18n import tr
from ..paths import resource_path
from .base import LandOfficeAlgorithm

PROVIDER_ID = "landoffice"


def algorithm_classes() -> list[type[LandOfficeAlgorithm]]:
    from . import __path__ as pkg_path

    return subclasses_in_modules(__package__, pkg_path, "alg_", LandOfficeAlgorithm, "NAME")


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
