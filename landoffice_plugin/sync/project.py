"""The QGIS project a checkout writes for the laptop: styled layers and edit forms.

DLBM and QSXZ are value maps (GB/T 21010 from ``core.landuse``; QSXZ from
``resources/fieldwork/qsxz.json``), required fields are not-null constraints, ``id`` gets a
UUID by default and is read-only like ``version``, and the EVIDENCE form has the photo as an
attachment stored under ``photos/``, the direction, the time and a note.
"""
from __future__ import annotations

import json
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDefaultValue,
    QgsEditorWidgetSetup,
    QgsFieldConstraints,
    QgsProject,
    QgsVectorLayer,
)

from ..core.errors import LandOfficeError
from ..core.landuse import default_codes
from ..export.styles import apply_role_style
from ..paths import resource_path
from .checks import REQUIRED
from .package import BASE_PREFIX, PHOTO_DIR, package_path

PROJECT_FILE = "fieldwork.qgz"
NAMES_ZH = {"DLTB": "地类图斑", "ZD": "宗地", "EVIDENCE": "外业举证照片"}


def _value_map(pairs) -> QgsEditorWidgetSetup:
    return QgsEditorWidgetSetup("ValueMap", {"map": [{f"{code} {name}": code} for code, name in pairs]})


def landuse_pairs() -> list[tuple[str, str]]:
    return [(e.code, e.name) for e in default_codes().entries() if len(e.code) >= 4]


def qsxz_pairs() -> list[tuple[str, str]]:
    data = json.loads(resource_path("fieldwork", "qsxz.json").read_text(encoding="utf-8"))
    return list(data["values"].items())


def _set_widget(layer: QgsVectorLayer, field: str, setup: QgsEditorWidgetSetup) -> None:
    index = layer.fields().indexOf(field)
    if index >= 0:
        layer.setEditorWidgetSetup(index, setup)


def configure_form(layer: QgsVectorLayer, collection: str) -> None:
    fields = layer.fields()
    config = layer.editFormConfig()
    for name in ("id", "version"):
        if fields.indexOf(name) >= 0:
            config.setReadOnly(fields.indexOf(name), True)
    layer.setEditFormConfig(config)
    if fields.indexOf("id") >= 0:
        layer.setDefaultValueDefinition(fields.indexOf("id"), QgsDefaultValue("regexp_replace(uuid(), '[{}]', '')"))
    for name in REQUIRED.get(collection, ()):
        if fields.indexOf(name) >= 0:
            layer.setFieldConstraint(fields.indexOf(name), QgsFieldConstraints.ConstraintNotNull,
                                     QgsFieldConstraints.ConstraintStrengthHard)
    if collection == "DLTB":
        _set_widget(layer, "DLBM", _value_map(landuse_pairs()))
        _set_widget(layer, "QSXZ", _value_map(qsxz_pairs()))
    if collection == "ZD":
        _set_widget(layer, "YT", _value_map(landuse_pairs()))
    if collection == "EVIDENCE":
        _set_widget(layer, "PHOTO_NAME", QgsEditorWidgetSetup("ExternalResource", {
            "DocumentViewer": 1, "RelativeStorage": 1, "StorageMode": 0, "FileWidget": True,
            "FileWidgetButton": True, "DefaultRoot": f"@project_folder/{PHOTO_DIR}",
            "FileWidgetFilter": "JPEG (*.jpg *.jpeg)"}))
        _set_widget(layer, "DIRECTION", QgsEditorWidgetSetup("Range", {"Min": 0, "Max": 359, "Step": 1,
                                                                       "Style": "Dial"}))
        _set_widget(layer, "NOTE", QgsEditorWidgetSetup("TextEdit", {"IsMultiline": True}))
        _set_widget(layer, "PHOTO_B64", QgsEditorWidgetSetup("Hidden", {}))
        index = fields.indexOf("TAKEN_AT")
        if index >= 0:
            layer.setDefaultValueDefinition(index, QgsDefaultValue("format_date(now(), 'yyyy-MM-ddThh:mm:ss')"))


def write_project(directory, collections, epsg: int = 4549) -> Path:
    """``<directory>/fieldwork.qgz`` with the working layers (base copies are not shown)."""
    gpkg = package_path(directory)
    project = QgsProject()
    project.setCrs(QgsCoordinateReferenceSystem(f"EPSG:{epsg}"))
    project.setTitle("外业核查 fieldwork")
    root = project.layerTreeRoot()
    for collection in collections:
        if collection.startswith(BASE_PREFIX):
            continue
        layer = QgsVectorLayer(f"{gpkg}|layername={collection}", f"{NAMES_ZH.get(collection, collection)} "
                               f"{collection}", "ogr")
        if not layer.isValid():
            continue
        apply_role_style(layer, collection)
        configure_form(layer, collection)
        project.addMapLayer(layer, False)
        root.insertLayer(0, layer)
    target = Path(directory) / PROJECT_FILE
    project.writeEntryBool("Paths", "/Absolute", False)
    if not project.write(str(target)):
        raise LandOfficeError("Cannot write the project '{path}': {error}. Check that the folder is writable.",
                              path=str(target), error=project.error())
    project.clear()
    return target
