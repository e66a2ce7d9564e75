"""Apply the shipped layer style of a role (``resources/styles/<ROLE>.qml``)."""
from __future__ import annotations

from qgis.core import QgsMapLayer

from landoffice_plugin.i18n import tr
from landoffice_plugin.log import get_logger
from landoffice_plugin.paths import resource_path

STYLE_CATEGORIES = QgsMapLayer.Symbology | QgsMapLayer.Labeling | QgsMapLayer.Rendering


def style_path(role: str):
    return resource_path("styles", f"{(role or '').strip().upper()}.qml")


def apply_role_style(layer, role: str) -> bool:
    """Load the role's symbology and labels onto ``layer``; False if there is no style or it fails."""
    path = style_path(role)
    if layer is None or not role or not path.is_file():
        return False
    message, ok = layer.loadNamedStyle(str(path), STYLE_CATEGORIES)
    if not ok:
        get_logger().warning(tr("Style {style} could not be applied to layer {layer}: {message}").format(
            style=path.name, layer=layer.name(), message=message))
        return False
    layer.triggerRepaint()
    return True
