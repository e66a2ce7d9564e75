"""Apply the shipped layer style of a role (``resources/styles/<ROLE>.qml``)."""
from __future__ import annotations

import re

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
    _follow_field_names(layer, role)
    layer.triggerRepaint()
    return True


def _renamed(expression: str, renames: dict) -> str:
    """``expression`` with each standard field (bare or "quoted") replaced by the layer's own field."""
    for std, actual in renames.items():
        quoted = '"' + actual.replace('"', '""') + '"'
        expression = re.sub(rf'"{std}"|(?<![\w"]){std}(?![\w"])', lambda _m, q=quoted: q, expression)
    return expression


def _follow_field_names(layer, role: str) -> None:
    """The style names standard fields (DLBM, FQDM …): point it at the layer's fields (FIELD_MAP, aliases),
    and a style classified by a coded field at the field's codes (集中建设区 or a local 'A' draws as 11)."""
    from landoffice_plugin.core.fields import code_expression, code_table, resolve_layer

    try:
        resolution = resolve_layer(layer, role)
    except Exception:  # noqa: BLE001 - a style is cosmetic: a field map problem is reported by the job itself
        return
    renames = {s: a for s, a in resolution.mapping.fields.items() if s != a}
    renderer = layer.renderer()
    if renderer is not None and hasattr(renderer, "classAttribute"):
        attribute = renderer.classAttribute().strip().strip('"')
        actual = resolution.actual(attribute)
        if actual and (code_table(role, attribute) or resolution.values.get(attribute)):  # names or local codes
            renderer.setClassAttribute(code_expression(role, attribute, actual, resolution.values.get(attribute)))
        elif renames:
            renderer.setClassAttribute(_renamed(renderer.classAttribute(), renames))
    if not renames:
        return
    labeling = layer.labeling()
    if labeling is not None and hasattr(labeling, "settings"):
        settings = labeling.settings()
        settings.fieldName = _renamed(settings.fieldName, renames)
        labeling.setSettings(settings)
