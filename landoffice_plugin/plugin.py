"""The plugin object QGIS loads: menu 国土所工具, toolbar, translator, logging, provider.

``unload`` undoes everything ``initGui`` did, in reverse order (tested by
``initGui → unload → initGui``). ``initProcessing`` alone is what ``qgis_process`` calls.
"""
from __future__ import annotations

import time

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication

from . import log
from .dependencies import missing_dependencies, missing_optional
from .i18n import load_translator, tr
from .processing.provider import LandOfficeProvider


def qgis_locale() -> str:
    """The locale QGIS runs in (``zh-Hans``, ``zh_CN``, ``en_US`` …)."""
    from qgis.core import QgsSettings

    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        value = settings.value("locale/userLocale", "", type=str)
        if value:
            return value
    try:
        return QgsApplication.locale()
    except AttributeError:  # pragma: no cover - very old QGIS
        return settings.value("locale/userLocale", "", type=str)


class LandOfficePlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider: LandOfficeProvider | None = None
        self.translator = None
        self.log_handler = None
        self.ui = None  # landoffice_plugin.gui.main_ui.MainUi
        self.init_gui_ms: float | None = None

    # -- Processing (also called alone by qgis_process) -------------------------------------
    def initProcessing(self):  # noqa: N802 - QGIS API name
        if self.provider is None:
            self.provider = LandOfficeProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    # -- GUI -------------------------------------------------------------------------------
    def initGui(self):  # noqa: N802 - QGIS API name
        started = time.perf_counter()
        self.translator = load_translator(qgis_locale())
        if self.translator is not None:
            QCoreApplication.installTranslator(self.translator)
        self.log_handler = log.install_handler()
        problems = missing_dependencies()
        for problem in problems:
            log.get_logger().error(problem)
            self.iface.messageBar().pushWarning(tr("LandOffice"), problem)
        for note in missing_optional():
            log.get_logger().info(note)
        self.initProcessing()

        from .gui.main_ui import MainUi

        self.ui = MainUi(self.iface)
        self.ui.build()
        self.init_gui_ms = (time.perf_counter() - started) * 1000.0
        log.get_logger().info(tr("LandOffice loaded in {ms:.0f} ms").format(ms=self.init_gui_ms))

    def unload(self):
        if self.ui is not None:
            self.ui.teardown()
            self.ui = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        log.remove_handler(self.log_handler)
        self.log_handler = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
