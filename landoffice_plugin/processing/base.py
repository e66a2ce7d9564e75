"""Common base of LandOffice Processing algorithms."""
from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException

from ..core.errors import LandOfficeError
from ..i18n import tr


class LandOfficeAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set NAME, DISPLAY (English, translated through tr), GROUP_ID, GROUP, HELP.

    They implement ``initAlgorithm`` and ``run_algorithm(parameters, context, feedback)``;
    a :class:`LandOfficeError` raised there becomes a ``QgsProcessingException`` whose text is
    Chinese and English, so batch runs and ``qgis_process`` show it too.
    """

    NAME = ""
    DISPLAY = ""
    GROUP_ID = "data"
    GROUP = "Data"
    HELP = ""
    MAIN_THREAD = False  # True for jobs that render print layouts (fonts and painters need the main thread)

    def name(self):
        return self.NAME

    def displayName(self):
        return tr(self.DISPLAY)

    def group(self):
        return tr(self.GROUP)

    def groupId(self):
        return self.GROUP_ID

    def shortHelpString(self):
        text = tr(self.HELP) if self.HELP else ""
        if self.parameterDefinition("FIELD_MAP") is not None:
            from .field_map_param import field_map_help

            text = f"{text}\n\n{field_map_help()}" if text else field_map_help()
        return text

    def flags(self):
        flags = super().flags()
        return flags | QgsProcessingAlgorithm.FlagNoThreading if self.MAIN_THREAD else flags

    def createInstance(self):
        return type(self)()

    def processAlgorithm(self, parameters, context, feedback):
        try:
            return self.run_algorithm(parameters, context, feedback)
        except LandOfficeError as err:
            raise QgsProcessingException(err.bilingual()) from err

    def run_algorithm(self, parameters, context, feedback):  # pragma: no cover - abstract
        raise NotImplementedError
