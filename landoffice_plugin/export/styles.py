"""Apply the shipped layer style of a role (``resources/styles/<ROLE>.qml``)."""
from __future__ import annotations

from qgis.core import QgsMapLayer

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
        get_logger().warning(f"Style {path.name} could not be applied to layer {layer.name()}: {message}")
        return False
    _use_layer_field_names(layer, role)
    layer.triggerRepaint()
    return True


def _use_layer_field_names(layer, role: str) -> None:
    """The style classifies by a standard field (DLBM, or an expression such as ``left("DLBM", 2)``): point it at
    the layer's own name for that field (an alias such as 地类编码), else every feature would be drawn in the
    fallback grey."""
    from qgis.core import QgsExpression

    from landoffice_plugin.core.roles import auto_mapping, load_roles

    names = layer.fields().names()
    renderer = layer.renderer()
    attr = renderer.classAttribute() if hasattr(renderer, "classAttribute") else None
    if not attr or attr in names or role not in load_roles():  # a result layer's style: its own fields
        return
    expression = QgsExpression(attr)
    columns = [attr] if expression.isField() or expression.hasParserError() else sorted(expression.referencedColumns())
    mapping = auto_mapping(role, names)
    for column in columns:
        if column in names:
            continue
        actual = mapping.actual(column)
        if not actual:
            get_logger().warning(f"Layer {layer.name()} has no field {column} for its {role} style: drawn unclassified")
            return
        attr = actual if attr == column else attr.replace(QgsExpression.quotedColumnRef(column),
                                                          QgsExpression.quotedColumnRef(actual))
    renderer.setClassAttribute(attr)
