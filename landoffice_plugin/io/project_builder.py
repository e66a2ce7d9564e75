"""Open a GeoPackage's layers with their roles recognised and styled, and write a QGIS project.

Used by ``landoffice:buildproject`` (the sample project ``make run`` opens), by the overview map
and by any job that starts from a GeoPackage rather than from the open project.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from osgeo import ogr
from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsReferencedRectangle, QgsVectorLayer

from ..core.errors import LandOfficeError
from ..core.fields import attach_field_map, layer_mapping, resolve_layer
from ..core.roles import geometry_kind, load_roles, recognise_role, save_role_assignment
from ..export.styles import apply_role_style

# bottom to top; layers without a role go between the land-use patches and the boundaries
COUNTY_MARGIN = 0.03  # of the county's size, around it when the project opens
DRAW_ORDER = ("DLTB", "YJJBNTTB", "STBHHX", "CZKFBJ", "PZYD", "GYYD", "ZD", "ZRZ", "CJDCQ", "XZQ", "GYQY", "HJ")


@dataclass
class RoleLayer:
    role_id: str | None
    layer: QgsVectorLayer


def gpkg_layer_names(path: Path) -> list[str]:
    dataset = ogr.Open(str(path))
    if dataset is None:
        raise LandOfficeError("Cannot open '{path}' as a GeoPackage. Check that the file exists and is not damaged.",
                              path=str(path))
    return [dataset.GetLayerByIndex(i).GetName() for i in range(dataset.GetLayerCount())]


def open_role_layers(path: Path | str) -> list[RoleLayer]:
    """Every layer of the GeoPackage, each with its recognised role (best match per role), in draw order."""
    path = Path(path)
    opened = []
    for name in gpkg_layer_names(path):
        layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
        if layer.isValid():
            opened.append(layer)
    matches = []
    for layer in opened:
        match = recognise_role(layer.name(), layer.fields().names(), geometry_kind(layer))
        if match is not None:
            matches.append((-match.score, layer.name(), match.role_id, layer))
    taken: dict[str, QgsVectorLayer] = {}
    for _score, _name, role_id, layer in sorted(matches, key=lambda m: m[:2]):
        if role_id not in taken and layer not in taken.values():
            taken[role_id] = layer
    role_of = {id(layer): role_id for role_id, layer in taken.items()}
    result = [RoleLayer(role_of.get(id(layer)), layer) for layer in opened]

    def order(item: RoleLayer) -> int:
        if item.role_id in DRAW_ORDER:
            return DRAW_ORDER.index(item.role_id)
        return DRAW_ORDER.index("ZRZ")

    return sorted(result, key=order)


def _open_on_the_county(project: QgsProject, items: list[RoleLayer]) -> None:
    """The project opens on the county (the townships' extent, else all layers'), not at 1:1."""
    from ..export.pdf_map import combined_extent

    xzq = [item.layer for item in items if item.role_id == "XZQ" and item.layer.featureCount()]
    layers = xzq or [item.layer for item in items if item.layer.isSpatial()]
    try:
        extent = combined_extent(layers, project.crs(), project.transformContext(), COUNTY_MARGIN)
    except LandOfficeError:  # no features anywhere: QGIS's own default
        return
    project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(extent, project.crs()))


def build_project(gpkg: Path | str, project_path: Path | str, crs: str = "EPSG:4549",
                  title: str = "", field_map=None) -> dict[str, str]:
    """Write a .qgz with every layer of ``gpkg`` styled by role and the roles saved; returns {role: layer name}.

    ``field_map`` (a FIELD_MAP, :class:`~landoffice_plugin.core.fields.FieldMap`): checked against each role
    layer, saved as the project's field mapping and carried by each layer (its value maps too)."""
    roles = load_roles()
    project = QgsProject()
    project.setCrs(QgsCoordinateReferenceSystem(crs))
    if title:
        project.setTitle(title)
    found = {}
    items = open_role_layers(gpkg)
    if not items:
        raise LandOfficeError("'{path}' holds no readable layer; nothing to put in a project.", path=str(gpkg))
    root = project.layerTreeRoot()
    for item in items:  # bottom first: insert each at the top
        layer = item.layer
        if item.role_id:
            if field_map:
                resolve_layer(layer, item.role_id, field_map)  # a field the map names must exist
                attach_field_map(layer, field_map)
            layer.setName(f"{roles[item.role_id].name_zh} {item.role_id}")
            apply_role_style(layer, item.role_id)
        project.addMapLayer(layer, False)
        root.insertLayer(0, layer)
    for item in items:
        if item.role_id:
            mapping = layer_mapping(item.layer, item.role_id)
            save_role_assignment(project, item.role_id, item.layer.id(), mapping)
            found[item.role_id] = item.layer.name()
    _open_on_the_county(project, items)
    target = Path(project_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.stem + ".part" + target.suffix)
    if not project.write(str(tmp)):
        raise LandOfficeError("Cannot write the project '{path}': {error}. Check that the folder is writable.",
                              path=str(target), error=project.error())
    tmp.replace(target)
    project.clear()
    return found
