"""One logger, ``landoffice``, forwarded to QGIS's message log under the plugin's tag.

Personal data never reaches the log in clear: :class:`MaskingFilter` masks ID numbers and
mobile phone numbers in every record.
"""
from __future__ import annotations

import logging

from qgis.core import Qgis, QgsMessageLog

TAG = "LandOffice"
LOGGER_NAME = "landoffice"

_LEVELS = (
    (logging.ERROR, Qgis.MessageLevel.Critical),
    (logging.WARNING, Qgis.MessageLevel.Warning),
    (logging.INFO, Qgis.MessageLevel.Info),
)


class QgisMessageLogHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        try:
            msg = self.format(record)
        except Exception:  # pragma: no cover - formatting errors must not break QGIS
            msg = record.getMessage()
        level = Qgis.MessageLevel.Info
        for threshold, qlevel in _LEVELS:
            if record.levelno >= threshold:
                level = qlevel
                break
        QgsMessageLog.logMessage(msg, TAG, level, notifyUser=False)


class MaskingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        from .core.personal import mask_personal_text

        record.msg = mask_personal_text(record.getMessage())
        record.args = None
        return True


def get_logger() -> logging.Logger:
    return logging.getLogger(LOGGER_NAME)


def install_handler() -> QgisMessageLogHandler:
    """Attach the QGIS handler (idempotent); returns it so ``unload`` can remove it."""
    logger = get_logger()
    for handler in logger.handlers:
        if isinstance(handler, QgisMessageLogHandler):
            return handler
    handler = QgisMessageLogHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.addFilter(MaskingFilter())
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handler


def remove_handler(handler: logging.Handler | None) -> None:
    if handler is not None:
        get_logger().removeHandler(handler)
