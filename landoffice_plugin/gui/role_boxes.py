"""The layer choosers of a panel, one per role, filled from the project's recognised roles."""
from __future__ import annotations

from qgis.core import QgsMapLayerProxyModel, QgsProject
from qgis.gui import QgsMapLayerComboBox

from ..i18n import tr
from ..log import get_logger

TABLE_ROLES = ("HJ",)  # roles without geometry: any vector layer


def role_boxes(form, roles, optional=()) -> dict:
    """``{role: QgsMapLayerComboBox}``, one row of ``form`` per ``(role, label)``; ``optional`` roles may be
    left empty (and start empty)."""
    boxes = {}
    for role, label in roles:
        box = QgsMapLayerComboBox()
        box.setFilters(QgsMapLayerProxyModel.VectorLayer if role in TABLE_ROLES else QgsMapLayerProxyModel.PolygonLayer)
        box.setMinimumWidth(160)
        if role in optional:
            box.setAllowEmptyLayer(True)
            box.setLayer(None)
        boxes[role] = box
        form.addRow(tr(label), box)
    return boxes


def fill_role_boxes(boxes: dict) -> dict:
    """Set each box to the project's layer for its role; returns ``{role: layer}`` found."""
    from ..core.roles import assign_roles_in_project

    try:
        found = assign_roles_in_project(QgsProject.instance())
    except Exception:  # noqa: BLE001 - a broken project must not keep the panel from opening
        get_logger().exception(tr("Layer role assignment failed"))
        found = {}
    for role, box in boxes.items():
        if role in found:
            box.setLayer(found[role])
    return found
