"""Dialog 图层角色与字段对应: which project layer plays which role, and its field mapping.

Recognition and storage are the engine's (:mod:`landoffice_plugin.core.roles`); this dialog
only shows them and lets the user correct them. Saved into the project's properties.
"""
from __future__ import annotations

from pathlib import Path

from qgis.core import QgsMapLayerProxyModel, QgsProject, QgsVectorLayer
from qgis.gui import QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..core import roles as core_roles
from ..core.errors import LandOfficeError
from ..core.fields import attach_field_map, dialog_field_map, layer_mapping, load_field_map, resolve_layer
from ..i18n import tr

LAYER_COLUMN_MIN = 240  # px: the 图层 column shows a layer's name, not only its icon
LAYER_BOX_EXTRA = 60    # icon, arrow and frame of a layer box beside the name
_FILTERS = {
    "polygon": QgsMapLayerProxyModel.PolygonLayer,
    "point": QgsMapLayerProxyModel.PointLayer,
    "line": QgsMapLayerProxyModel.LineLayer,
    "none": QgsMapLayerProxyModel.NoGeometry,
}


class RolesDialog(QDialog):
    def __init__(self, project: QgsProject | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("LandOfficeRolesDialog")
        self.setWindowTitle(tr("Layer roles and field mapping"))
        self.project = project or QgsProject.instance()
        self.roles = core_roles.load_roles()
        self.mappings: dict[str, core_roles.FieldMapping] = {}
        self.layer_boxes: dict[str, QgsMapLayerComboBox] = {}

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Choose the layer that plays each role. Roles left empty disable "
                                   "only the functions that need them.")))
        self.role_table = QTableWidget(len(self.roles), 3, self)
        self.role_table.setHorizontalHeaderLabels([tr("Role"), tr("Layer"), tr("Status")])
        self.role_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.role_table.verticalHeader().setVisible(False)
        layout.addWidget(self.role_table)

        self.field_label = QLabel()
        layout.addWidget(self.field_label)
        self.field_table = QTableWidget(0, 3, self)
        self.field_table.setHorizontalHeaderLabels([tr("Standard field"), tr("Meaning"), tr("Layer field")])
        self.field_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.field_table.verticalHeader().setVisible(False)
        layout.addWidget(self.field_table)

        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.recognise_button = QPushButton(tr("Recognise automatically"), self)
        buttons.addButton(self.recognise_button, QDialogButtonBox.ActionRole)
        self.export_button = QPushButton(tr("Export field map…"), self)
        self.export_button.setToolTip(tr("Save the field mapping as a FIELD_MAP file (TOML) for the Processing "
                                         "algorithms and the command line"))
        buttons.addButton(self.export_button, QDialogButtonBox.ActionRole)
        self.export_button.clicked.connect(self._ask_export)
        self.import_button = QPushButton(tr("Import field map…"), self)
        self.import_button.setToolTip(tr("Take the field names and value tables of a FIELD_MAP file (TOML) for the "
                                         "layers chosen above"))
        buttons.addButton(self.import_button, QDialogButtonBox.ActionRole)
        self.import_button.clicked.connect(self._ask_import)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.recognise_button.clicked.connect(self.recognise)
        layout.addWidget(buttons)

        self._fill_roles()
        self.role_table.currentCellChanged.connect(lambda row, *_: self._show_fields(row))
        self.role_table.setCurrentCell(0, 0)
        self.resize(760, 640)

    # -- roles ------------------------------------------------------------------------------
    def _fill_roles(self) -> None:
        saved = core_roles.load_role_assignments(self.project)
        current = core_roles.assign_roles_in_project(self.project)
        for row, (role_id, role) in enumerate(self.roles.items()):
            item = QTableWidgetItem(f"{role.name_zh} ({role_id})")
            item.setFlags(item.flags() & ~Qt.ItemIsEditable)
            self.role_table.setItem(row, 0, item)
            box = QgsMapLayerComboBox(self.role_table)
            box.setFilters(_FILTERS.get(role.geometry, QgsMapLayerProxyModel.VectorLayer))
            box.setAllowEmptyLayer(True)
            if hasattr(box, "setProject"):  # QGIS >= 3.24; older boxes list QgsProject.instance()
                box.setProject(self.project)
            box.setLayer(current.get(role_id))
            box.layerChanged.connect(lambda layer, r=role_id: self._layer_changed(r, layer))
            self.role_table.setCellWidget(row, 1, box)
            self.layer_boxes[role_id] = box
            if role_id in saved and current.get(role_id) is not None \
                    and saved[role_id][0] == current[role_id].id():
                self.mappings[role_id] = saved[role_id][1]
            else:
                self._layer_changed(role_id, current.get(role_id), refresh=False)
            self._update_status(role_id)
        self.role_table.resizeColumnsToContents()
        # a cell widget does not size its column: make room for the longest layer name and the arrow
        names = [layer.name() for layer in self.project.mapLayers().values()]
        metrics = self.role_table.fontMetrics()
        widest = max([metrics.horizontalAdvance(n) for n in names] + [0]) + LAYER_BOX_EXTRA
        self.role_table.setColumnWidth(1, max(LAYER_COLUMN_MIN, widest,
                                              *(b.sizeHint().width() for b in self.layer_boxes.values())))

    def recognise(self) -> None:
        """Forget the choices shown and take what the engine recognises."""
        found = core_roles.assign_roles_in_project(self.project)
        for role_id, box in self.layer_boxes.items():
            box.setLayer(found.get(role_id))

    def _layer_changed(self, role_id: str, layer, refresh: bool = True) -> None:
        if isinstance(layer, QgsVectorLayer):
            self.mappings[role_id] = layer_mapping(layer, role_id)  # aliases, field aliases, a carried FIELD_MAP
        else:
            self.mappings.pop(role_id, None)
        if refresh:
            self._update_status(role_id)
            self._show_fields(self.role_table.currentRow())

    def _update_status(self, role_id: str) -> None:
        row = list(self.roles).index(role_id)
        layer = self.layer_boxes[role_id].currentLayer()
        if layer is None:
            text = tr("not set")
        else:
            missing = core_roles.missing_required(role_id, self.mappings.get(role_id))
            text = tr("missing fields: {fields}").format(fields=", ".join(missing)) if missing else tr("ready")
        item = QTableWidgetItem(text)
        item.setFlags(item.flags() & ~Qt.ItemIsEditable)
        self.role_table.setItem(row, 2, item)

    # -- fields -----------------------------------------------------------------------------
    def _show_fields(self, row: int) -> None:
        if row < 0:
            return
        role_id = list(self.roles)[row]
        role = self.roles[role_id]
        layer = self.layer_boxes[role_id].currentLayer()
        self.field_label.setText(tr("Fields of {role}").format(role=role.name_zh))
        self.field_table.setRowCount(len(role.fields))
        mapping = self.mappings.get(role_id)
        for i, (standard, meaning) in enumerate(role.fields.items()):
            label = standard + (" *" if standard in role.required else "")
            for col, text in ((0, label), (1, meaning)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                self.field_table.setItem(i, col, item)
            box = QgsFieldComboBox(self.field_table)
            box.setAllowEmptyFieldName(True)
            box.setLayer(layer)
            box.setField((mapping.actual(standard) if mapping else None) or "")
            box.fieldChanged.connect(lambda name, r=role_id, s=standard: self._field_changed(r, s, name))
            self.field_table.setCellWidget(i, 2, box)

    def _field_changed(self, role_id: str, standard: str, name: str) -> None:
        mapping = self.mappings.setdefault(role_id, core_roles.FieldMapping(role_id))
        if name:
            mapping.fields[standard] = name
        else:
            mapping.fields.pop(standard, None)
        self._update_status(role_id)

    def select_role(self, role_id: str) -> None:
        """Open on one role (e.g. when a panel found a field missing)."""
        self.role_table.setCurrentCell(list(self.roles).index(role_id), 1)

    # -- export ---------------------------------------------------------------------------
    def field_map(self):
        """What the dialog would save, as a FIELD_MAP (:class:`~landoffice_plugin.core.fields.FieldMap`)."""
        layers = {r: b.currentLayer() for r, b in self.layer_boxes.items() if b.currentLayer() is not None}
        return dialog_field_map({r: m for r, m in self.mappings.items() if r in layers}, layers)

    def export_field_map(self, path) -> str:
        """Write :meth:`field_map` to ``path`` (UTF-8 TOML); returns the path written."""
        text = self.field_map().to_toml(tr("LandOffice field map (FIELD_MAP), exported from the roles dialog"))
        Path(path).write_text(text, encoding="utf-8")
        return str(path)

    def import_field_map(self, path) -> list:
        """Apply the FIELD_MAP at ``path`` to the chosen layers: their mappings, and the value tables they carry
        (saved with the project). Returns the roles it changed; LandOfficeError for a bad file or a field it
        names that a layer lacks (nothing is changed then)."""
        field_map = load_field_map(path)
        chosen = {r: b.currentLayer() for r, b in self.layer_boxes.items() if b.currentLayer() is not None}
        roles = [r for r in chosen if r in field_map.fields or r in field_map.values]
        resolved = {r: resolve_layer(chosen[r], r, field_map) for r in roles}  # all checked before any change
        for role_id, resolution in resolved.items():
            attach_field_map(chosen[role_id], field_map)
            self.mappings[role_id] = resolution.mapping
            self._update_status(role_id)
        self._show_fields(self.role_table.currentRow())
        return roles

    def _ask_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, tr("Import field map"), "", tr("Field maps (*.toml)"))
        if not path:
            return
        try:
            self.import_field_map(path)
        except LandOfficeError as err:
            QMessageBox.warning(self, tr("Import field map"), err.bilingual())

    def _ask_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, tr("Export field map"), "fieldmap.toml",
                                                    tr("Field maps (*.toml)"))
        if path:
            self.export_field_map(path)

    # -- result -----------------------------------------------------------------------------
    def accept(self) -> None:
        for role_id, box in self.layer_boxes.items():
            layer = box.currentLayer()
            core_roles.save_role_assignment(self.project, role_id, layer.id() if layer else None,
                                            self.mappings.get(role_id))
        super().accept()
