"""Layer roles (地类图斑, 宗地, …) as data from ``resources/roles.json``.

Recognises which role a layer plays (by name pattern, else by its fields), maps the layer's
own field names onto the standard ones (``resources/field_aliases.json``), checks a layer
for a role, and keeps the chosen layer and mapping of each role in the project's properties
(scope :data:`~landoffice_plugin.settings.PROJECT_SCOPE`, keys ``roles`` and ``fieldmap``).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional, Union

from qgis.core import QgsProject, QgsVectorLayer, QgsWkbTypes

from landoffice_plugin.i18n import tr
from landoffice_plugin.log import get_logger
from landoffice_plugin.paths import resource_path
from landoffice_plugin.settings import PROJECT_SCOPE

from .errors import LandOfficeError

ROLES_KEY = "roles"        # {role_id: layer_id}
FIELDMAP_KEY = "fieldmap"  # {role_id: {standard field: layer field}}
GEOMETRY_KINDS = ("polygon", "line", "point", "none")

NAME_SCORE = 100   # any name-pattern match scores at least this …
FIELD_SCORE = 50   # … and a field-only match stays below it
_FIELD_SCORE_MAX = NAME_SCORE - 1


@dataclass(frozen=True)
class Role:
    """One layer role: standard field names (``fields``: name → meaning) and how to spot it."""

    id: str
    name_zh: str
    name_en: str
    geometry: str
    patterns: tuple = ()
    required: tuple = ()
    fields: dict = field(default_factory=dict, hash=False)
    shapes: tuple = ()   # ((shape id, Chinese name, (fields...)), ...): the role needs one shape's fields

    def matching_pattern(self, layer_name: str) -> Optional[str]:
        for pattern in self.patterns:
            if re.search(pattern, layer_name.strip(), re.IGNORECASE):
                return pattern
        return None


def _read_json(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError) as err:
        raise LandOfficeError(
            "The data file {path} cannot be read ({error}). Reinstall the plugin or correct the file.",
            path=str(path), error=str(err)) from err


def _parse_roles(data: dict, path: Path) -> dict:
    roles = {}
    for role_id, spec in data.get("roles", {}).items():
        geometry = spec.get("geometry", "polygon")
        if geometry not in GEOMETRY_KINDS:
            raise LandOfficeError(
                "Role {role} in {path} has an unknown geometry '{geometry}'. Use one of: {kinds}.",
                role=role_id, path=str(path), geometry=geometry, kinds=", ".join(GEOMETRY_KINDS))
        roles[role_id] = Role(
            id=role_id, name_zh=spec.get("name_zh", role_id), name_en=spec.get("name_en", role_id),
            geometry=geometry, patterns=tuple(spec.get("patterns", ())),
            required=tuple(spec.get("required", ())), fields=dict(spec.get("fields", {})),
            shapes=tuple((sid, shape.get("name_zh", sid), tuple(shape.get("fields", ())))
                         for sid, shape in spec.get("shapes", {}).items() if not sid.startswith("_")))
    return roles


@lru_cache(maxsize=1)
def _default_roles() -> dict:
    path = resource_path("roles.json")
    return _parse_roles(_read_json(path), path)


def load_roles(path=None) -> dict:
    """``{role_id: Role}`` from ``path`` (default: the plugin's ``resources/roles.json``, cached)."""
    if path is None:
        return _default_roles()
    return _parse_roles(_read_json(Path(path)), Path(path))


def get_role(role: Union[str, Role]) -> Role:
    if isinstance(role, Role):
        return role
    roles = load_roles()
    if role not in roles:
        raise LandOfficeError("Unknown layer role '{role}'. Use one of: {roles}.",
                              role=str(role), roles=", ".join(roles))
    return roles[role]


def role_names_zh(role_ids) -> list:
    roles = load_roles()
    return [roles[r].name_zh if r in roles else r for r in role_ids]


@lru_cache(maxsize=1)
def _alias_table() -> dict:
    return _read_json(resource_path("field_aliases.json"))


def field_aliases(role: Union[str, Role], standard: str) -> list:
    """Other names of ``standard`` for ``role``: the role's own, the common ones, the Chinese meaning."""
    role = get_role(role)
    table = _alias_table()
    names = list(table.get(role.id, {}).get(standard, ())) + list(table.get("*", {}).get(standard, ()))
    meaning = role.fields.get(standard, "")
    short = re.split(r"[（(]", meaning, maxsplit=1)[0].strip()
    if short:
        names.append(short)
    return names


@dataclass
class FieldMapping:
    """For one role: standard field name → the layer's actual field name."""

    role_id: str
    fields: dict = field(default_factory=dict)

    def actual(self, standard: str) -> Optional[str]:
        return self.fields.get(standard)

    def renames(self) -> dict:
        """``{actual: standard}`` for the fields whose names differ."""
        return {a: s for s, a in self.fields.items() if a != s}

    def to_dict(self) -> dict:
        return dict(self.fields)

    @classmethod
    def from_dict(cls, role_id: str, data) -> FieldMapping:
        data = data or {}
        return cls(role_id, {str(k): str(v) for k, v in data.items() if v})


def auto_mapping(role: Union[str, Role], field_names) -> FieldMapping:
    """Map standard fields onto ``field_names`` (names, QgsFields or a layer): standard names,
    aliases, the Chinese meaning against names and field aliases — :func:`.fields.resolve`."""
    from .fields import resolve  # the one door; it builds on this module

    return resolve(role, field_names).mapping


def missing_required(role: Union[str, Role], mapping) -> list:
    """Required standard fields that ``mapping`` (FieldMapping or dict) does not provide. A role with shapes
    (a population table per person or per household) that matches none adds one entry ``XM / JTRKS``."""
    role = get_role(role)
    fields = mapping.fields if isinstance(mapping, FieldMapping) else dict(mapping or {})
    missing = [f for f in role.required if not fields.get(f)]
    if role.shapes and table_shape(role, fields) is None:
        missing.append(" / ".join("+".join(shape_fields) for _sid, _name, shape_fields in role.shapes))
    return missing


def table_shape(role: Union[str, Role], mapping) -> Optional[str]:
    """The id of the first shape of ``role`` whose fields ``mapping`` all provides (None: none, or no shapes)."""
    role = get_role(role)
    fields = mapping.fields if isinstance(mapping, FieldMapping) else dict(mapping or {})
    for sid, _name, shape_fields in role.shapes:
        if all(fields.get(f) for f in shape_fields):
            return sid
    return None


@dataclass
class RoleMatch:
    """A recognised role of a layer, with its score and why."""

    role_id: str
    score: int
    layer_name: str
    pattern: Optional[str]
    mapping: FieldMapping
    missing: list

    @property
    def by_name(self) -> bool:
        return self.pattern is not None

    @property
    def role(self) -> Role:
        return get_role(self.role_id)

    @property
    def reason(self) -> str:
        return self.reason_in(tr)

    def reason_in(self, tr=tr) -> str:
        """The reason in the language of ``tr`` (pass ``i18n.zh`` for Chinese)."""
        if self.by_name:
            return tr("the name '{name}' matches the pattern '{pattern}' of {role}").format(
                name=self.layer_name, pattern=self.pattern, role=self.role.name_zh)
        return tr("it has the required fields of {role}: {fields}").format(
            role=self.role.name_zh, fields=", ".join(self.mapping.actual(f) for f in self.role.required))


def _match(role: Role, layer_name: str, field_names, geometry_kind: str) -> Optional[RoleMatch]:
    if role.geometry != geometry_kind:
        return None
    mapping = auto_mapping(role, field_names)
    missing = missing_required(role, mapping)
    n_required = sum(1 for f in role.required if mapping.actual(f))
    n_other = len(mapping.fields) - n_required
    pattern = role.matching_pattern(layer_name)
    if pattern is not None:
        score = NAME_SCORE + 10 * n_required + 2 * n_other
    elif role.required and not missing:
        score = min(_FIELD_SCORE_MAX, FIELD_SCORE + 5 * n_required + 2 * n_other)
    else:
        return None
    return RoleMatch(role.id, score, layer_name, pattern, mapping, missing)


def recognise_roles(layer_name: str, field_names, geometry_kind: str) -> list:
    """Every role the layer could play, best first."""
    matches = [m for role in load_roles().values()
               if (m := _match(role, layer_name, list(field_names), geometry_kind)) is not None]
    return sorted(matches, key=lambda m: -m.score)


def recognise_role(layer_name: str, field_names, geometry_kind: str) -> Optional[RoleMatch]:
    """The best role for a layer, or None. A name-pattern match beats a field-only match."""
    matches = recognise_roles(layer_name, field_names, geometry_kind)
    return matches[0] if matches else None


def geometry_kind(layer: QgsVectorLayer) -> str:
    """'polygon', 'line', 'point', 'none' (attribute table) or 'unknown'."""
    kind = QgsWkbTypes.geometryType(layer.wkbType())
    return {
        QgsWkbTypes.PolygonGeometry: "polygon", QgsWkbTypes.LineGeometry: "line",
        QgsWkbTypes.PointGeometry: "point", QgsWkbTypes.NullGeometry: "none",
    }.get(kind, "unknown")


def missing_fields_error(layer_name: str, role: Union[str, Role], missing) -> LandOfficeError:
    return LandOfficeError(
        "Layer '{layer}' cannot be used as {role}: it has no field for {fields}. Open the field mapping "
        "of {role} and choose the layer's field for each, name them in a FIELD_MAP file ([{role_id}] FIELD = "
        "\"<layer field>\"), or add the missing fields to the layer.",
        layer=layer_name, role=get_role(role).name_zh, role_id=get_role(role).id, fields=", ".join(missing))


def check_layer_for_role(layer: QgsVectorLayer, role_id: str, mapping=None) -> FieldMapping:
    """The mapping to use ``layer`` as ``role_id``; LandOfficeError when it cannot serve."""
    role = get_role(role_id)
    if layer is None or not layer.isValid():
        raise LandOfficeError("The layer chosen for {role} cannot be read. Check that its file exists and choose "
                              "the layer again.", role=role.name_zh)
    kind = geometry_kind(layer)
    if kind != role.geometry:
        raise LandOfficeError("Layer '{layer}' has {kind} geometry but {role} needs {expected}. Choose another "
                              "layer for {role}.", layer=layer.name(), kind=kind, role=role.name_zh,
                              expected=role.geometry)
    names = layer.fields().names()
    if mapping is None or type(mapping).__name__ == "FieldMap":  # the one door: map attached or given, aliases …
        from .fields import resolve_layer

        mapping = resolve_layer(layer, role, mapping).mapping
    elif not isinstance(mapping, FieldMapping):
        mapping = FieldMapping.from_dict(role.id, mapping)
    present = {s: a for s, a in mapping.fields.items() if a in names}
    missing = missing_required(role, present)
    if missing:
        raise missing_fields_error(layer.name(), role, missing)
    return FieldMapping(role.id, present)


# ---- project storage ---------------------------------------------------------------------------

def _read_entry(project: QgsProject, key: str) -> dict:
    text, ok = project.readEntry(PROJECT_SCOPE, key, "")
    if not ok or not text:
        return {}
    try:
        data = json.loads(text)
    except ValueError:
        get_logger().warning(tr("Project property {scope}/{key} is not valid JSON; ignored").format(scope=PROJECT_SCOPE,
                                                                                                  key=key))
        return {}
    return data if isinstance(data, dict) else {}


def save_role_assignment(project: QgsProject, role_id: str, layer_id: Optional[str], mapping=None) -> None:
    """Store the layer and field mapping of ``role_id`` in the project (``layer_id`` None: forget it)."""
    get_role(role_id)
    roles, fieldmap = _read_entry(project, ROLES_KEY), _read_entry(project, FIELDMAP_KEY)
    if layer_id is None:
        roles.pop(role_id, None)
        fieldmap.pop(role_id, None)
    else:
        roles[role_id] = layer_id
        fields = mapping.to_dict() if isinstance(mapping, FieldMapping) else dict(mapping or {})
        fieldmap[role_id] = fields
    project.writeEntry(PROJECT_SCOPE, ROLES_KEY, json.dumps(roles, ensure_ascii=False, sort_keys=True))
    project.writeEntry(PROJECT_SCOPE, FIELDMAP_KEY, json.dumps(fieldmap, ensure_ascii=False, sort_keys=True))


def load_role_assignments(project: QgsProject) -> dict:
    """``{role_id: (layer_id, FieldMapping)}`` as saved in the project (unknown roles skipped)."""
    roles, fieldmap = _read_entry(project, ROLES_KEY), _read_entry(project, FIELDMAP_KEY)
    known = load_roles()
    return {rid: (str(lid), FieldMapping.from_dict(rid, fieldmap.get(rid)))
            for rid, lid in roles.items() if rid in known and lid}


def assign_roles_in_project(project: QgsProject) -> dict:
    """``{role_id: layer}``: saved assignments first, then the best recognised layer per role."""
    result, used = {}, set()
    for role_id, (layer_id, _mapping) in load_role_assignments(project).items():
        layer = project.mapLayer(layer_id)
        if isinstance(layer, QgsVectorLayer) and layer.isValid():
            result[role_id] = layer
            used.add(layer_id)
    candidates = []
    for layer in project.mapLayers().values():
        if not isinstance(layer, QgsVectorLayer) or not layer.isValid() or layer.id() in used:
            continue
        match = recognise_role(layer.name(), layer.fields().names(), geometry_kind(layer))
        if match is not None:  # only its best role: a DLTB layer must not end up as the villages layer
            candidates.append((-match.score, -max(layer.featureCount(), 0), layer.name(), layer.id(), match, layer))
    for *_key, layer_id, match, layer in sorted(candidates, key=lambda c: c[:4]):
        if match.role_id not in result and layer_id not in used:
            result[match.role_id] = layer
            used.add(layer_id)
    return result
