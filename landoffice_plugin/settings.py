"""Every global setting of the plugin, under one prefix ``landoffice/``.

Project-scoped values (layer roles, field mappings) live in the project's properties under
the scope ``landoffice`` (see :mod:`landoffice_plugin.core.roles`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from qgis.core import QgsSettings

PREFIX = "landoffice"
PROJECT_SCOPE = "landoffice"


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    type: type

    def value(self):
        return QgsSettings().value(f"{PREFIX}/{self.key}", self.default, type=self.type)

    def set(self, value) -> None:
        QgsSettings().setValue(f"{PREFIX}/{self.key}", value)

    def reset(self) -> None:
        QgsSettings().remove(f"{PREFIX}/{self.key}")


OFFICE_NAME = Setting("office_name", "", str)               # 制图单位 on printed maps
REPORT_FONT = Setting("report_font", "Noto Sans CJK SC", str)
MASK_PERSONAL_DATA = Setting("mask_personal_data", True, bool)
AREA_TOLERANCE_PCT = Setting("area_tolerance_pct", 1.0, float)  # recorded vs ellipsoidal area

ALL = (OFFICE_NAME, REPORT_FONT, MASK_PERSONAL_DATA, AREA_TOLERANCE_PCT)
