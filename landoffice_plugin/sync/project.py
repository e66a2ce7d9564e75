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
NAMES_ZH = {"DLTB": "地类图斑", "ZD": "宗地", "EVIDENCE": "外业举证照片", "RWTB": "核查任务"}
FIRST = ("RWTB", "EVIDENCE")  # the tasks and their photos on top of the layer list: what the field visit is for


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
        _set_widget(layer, "POS_SOURCE", QgsEditorWidgetSetup("ValueMap", {"map": [{"照片 EXIF": "exif"},
                                                                                   {"手工录入": "entered"}]}))
        _read_only(layer, ("PHOTO_SHA256",))
        index = fields.indexOf("TAKEN_AT")
        if index >= 0:
            layer.setDefaultValueDefinition(index, QgsDefaultValue("format_date(now(), 'yyyy-MM-ddThh:mm:ss')"))


    if collection == "RWTB":
        _task_form(layer)
        _task_style(layer)


def _read_only(layer: QgsVectorLayer, names) -> None:
    config = layer.editFormConfig()
    for name in names:
        if layer.fields().indexOf(name) >= 0:
            config.setReadOnly(layer.fields().indexOf(name), True)
    layer.setEditFormConfig(config)


def _task_style(layer: QgsVectorLayer) -> None:
    """Open tasks red, checked orange, fixed green, each labelled with its number."""
    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsFillSymbol,
        QgsPalLayerSettings,
        QgsRendererCategory,
        QgsVectorLayerSimpleLabeling,
    )

    from ..tasks.model import CHECKED, FIXED, OPEN

    categories = []
    for status, colour in ((OPEN, "230,0,0"), (CHECKED, "255,150,0"), (FIXED, "0,160,60")):
        symbol = QgsFillSymbol.createSimple({"color": f"{colour},60", "outline_color": f"{colour},255",
                                             "outline_width": "0.8"})
        categories.append(QgsRendererCategory(status, symbol, status))
    layer.setRenderer(QgsCategorizedSymbolRenderer("ZT", categories))
    labels = QgsPalLayerSettings()
    labels.fieldName = "RWBH"
    layer.setLabeling(QgsVectorLayerSimpleLabeling(labels))
    layer.setLabelsEnabled(True)


def _task_form(layer: QgsVectorLayer) -> None:
    """What the office set is read-only; the field records the status, the result, who and when."""
    from ..tasks.model import ALIASES, READ_ONLY, STATUSES

    for name, alias in ALIASES.items():
        if layer.fields().indexOf(name) >= 0:
            layer.setFieldAlias(layer.fields().indexOf(name), alias)
    _read_only(layer, READ_ONLY)
    _set_widget(layer, "ZT", QgsEditorWidgetSetup("ValueMap", {"map": [{s: s} for s in STATUSES]}))
    _set_widget(layer, "HCJG", QgsEditorWidgetSetup("TextEdit", {"IsMultiline": True}))
    for name, expression in (("HCRY", "@user_full_name"), ("HCRQ", "format_date(now(), 'yyyy-MM-dd')")):
        index = layer.fields().indexOf(name)
        if index >= 0:
            layer.setDefaultValueDefinition(index, QgsDefaultValue(f"coalesce(\"{name}\", {expression})", True))


def write_project(directory, collections=None, epsg: int = 4549) -> Path:
    """``<directory>/fieldwork.qgz`` with the working layers (base copies are not shown); ``collections``
    None: the package's own. The field tasks and their photos come first in the layer list."""
    gpkg = package_path(directory)
    if collections is None:
        from .package import read_meta

        meta = read_meta(gpkg)
        collections, epsg = meta.get("collections", []), int(meta.get("epsg", epsg))
    collections = sorted(collections, key=lambda c: len(FIRST) - FIRST.index(c) if c in FIRST else 0)  # last = top
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
