"""The data contract's one door: role → layer → each standard field and its values.

Every engine asks here which of a layer's fields plays a standard field of its role, and
gets the values as standard codes and dates. A standard field is resolved, in this order, by

(a) an explicit field map — a ``FIELD_MAP`` TOML file (:func:`load_field_map`), or the
    project's field mapping (roles dialog) — ``[ROLE] STANDARD = "layer field"``;
(b) the standard name itself (any case);
(c) an alias from ``resources/field_aliases.json`` (names from the national database
    standards, each with its source);
(d) the Chinese meaning in ``resources/roles.json`` matched against the layer's field
    names *and* its field aliases / comments (a FileGDB's alias ``地类编码``).

Values: a coded field (``resources/codes/value_codes.json``: zone type, 权属性质, 房屋结构)
accepts its codes or their names, and a field map's ``[ROLE.values.STANDARD]`` table maps
an office's own values (``"A" = "11"``); a date field accepts DATE/DATETIME and the text
forms offices use (``2019-05-01``, ``2019/5/1``, ``20190501``, ``2019年5月1日``).

Headless: no widget, no iface. The layer's field map travels with it as a custom property
(:func:`attach_field_map`), so code handed only the layer resolves it the same way.
"""
from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional, Union

import numpy as np

from landoffice_plugin.paths import resource_path

from . import toml_text
from .errors import LandOfficeError
from .roles import FieldMapping, Role, field_aliases, get_role, load_roles

LAYER_PROPERTY = "landoffice/fieldmap"  # a layer's FIELD_MAP content (JSON of FieldMap.to_dict)
HOW_MAP, HOW_STANDARD, HOW_ALIAS, HOW_MEANING = "map", "standard", "alias", "meaning"

FIELD_MAP_EXAMPLE = '''# FIELD_MAP: the layer's own field names and values for the standard ones (UTF-8 TOML)
[CZKFBJ]                 # role (DLTB, ZD, ZRZ, HJ, CZKFBJ, PZYD, GYYD, …)
FQDM = "ZONE_TYPE"       # standard field = "layer field"
[CZKFBJ.values.FQDM]     # the layer's values = standard codes
"A" = "11"
"B" = "12"
[GYYD]
GYRQ = "SIGN_DATE"
YDKGRQ = "PLAN_START"'''


# ---- layer fields -------------------------------------------------------------------------------

@dataclass(frozen=True)
class LayerField:
    """A layer field's name with the alias and comment QGIS knows for it."""

    name: str
    alias: str = ""
    comment: str = ""


def layer_fields(fields) -> list:
    """``[LayerField]`` of a QgsFields, a QgsVectorLayer, or a list of names / LayerFields."""
    if hasattr(fields, "fields") and callable(fields.fields):
        fields = fields.fields()
    out = []
    for f in fields:
        if isinstance(f, LayerField):
            out.append(f)
        elif isinstance(f, str):
            out.append(LayerField(f))
        else:  # QgsField
            out.append(LayerField(f.name(), f.alias() or "", f.comment() or ""))
    return out


def _short(text: str) -> str:
    """The meaning before its explanation in brackets: 图斑面积（平方米） → 图斑面积."""
    return re.split(r"[（(]", text or "", maxsplit=1)[0].strip()


# ---- the field map file -------------------------------------------------------------------------

@dataclass
class FieldMap:
    """An explicit field map: ``fields[role][standard] = layer field``,
    ``values[role][standard][layer value] = standard code``."""

    fields: dict = field(default_factory=dict)
    values: dict = field(default_factory=dict)
    path: str = ""

    def __bool__(self) -> bool:
        return bool(self.fields or self.values)

    def role_fields(self, role: str) -> dict:
        return dict(self.fields.get(role, {}))

    def role_values(self, role: str) -> dict:
        return {s: dict(v) for s, v in self.values.get(role, {}).items()}

    def to_dict(self) -> dict:
        return {"fields": self.fields, "values": self.values, "path": self.path}

    @classmethod
    def from_dict(cls, data) -> FieldMap:
        data = data if isinstance(data, dict) else {}
        return cls({r: dict(v) for r, v in (data.get("fields") or {}).items()},
                   {r: {s: dict(m) for s, m in v.items()} for r, v in (data.get("values") or {}).items()},
                   str(data.get("path") or ""))

    def to_toml(self, header: str = "") -> str:
        """The map as a FIELD_MAP file (what :func:`parse_field_map` reads back)."""
        lines = [f"# {line}" for line in header.splitlines()] if header else []
        for role in sorted(set(self.fields) | set(self.values)):
            lines += ["", f"[{role}]"]
            for std, actual in sorted(self.fields.get(role, {}).items()):
                lines.append(f"{toml_text.key(std)} = {toml_text.quote(actual)}")
            for std, mapping in sorted(self.values.get(role, {}).items()):
                lines += ["", f"[{role}.values.{toml_text.key(std)}]"]
                lines += [f"{toml_text.quote(v)} = {toml_text.quote(c)}" for v, c in mapping.items()]
        return "\n".join(lines).lstrip("\n") + "\n"


def parse_field_map(text: str, path="fieldmap.toml") -> FieldMap:
    """Validate the TOML ``text`` of a FIELD_MAP file; LandOfficeError saying what is wrong."""
    try:
        data = toml_text.loads(text)
    except toml_text.TOMLDecodeError as err:
        raise LandOfficeError("Field map {path} is not valid TOML: {reason}. Correct that line; an example:\n"
                              "{example}", path=str(path), reason=str(err), example=FIELD_MAP_EXAMPLE) from err
    roles = load_roles()
    out = FieldMap(path=str(path))
    ex = {"path": str(path), "example": FIELD_MAP_EXAMPLE}
    for role_id, table in data.items():
        if role_id not in roles or not isinstance(table, dict):
            raise LandOfficeError("Field map {path}: '{role}' is not a layer role. Use [ROLE] tables with one of: "
                                  "{roles}. An example:\n{example}", role=role_id, roles=", ".join(roles), **ex)
        role = roles[role_id]
        for std, actual in table.items():
            if std == "values":
                if not isinstance(actual, dict):
                    raise LandOfficeError("Field map {path}: [{role}.values] must hold tables "
                                          "[{role}.values.FIELD]. An example:\n{example}", role=role_id, **ex)
                for vstd, mapping in actual.items():
                    _check_standard(path, role, vstd)
                    if not isinstance(mapping, dict) or not mapping or \
                            not all(isinstance(c, (str, int)) for c in mapping.values()):
                        raise LandOfficeError("Field map {path}: [{role}.values.{field}] must map the layer's "
                                              "values to standard codes, e.g. \"A\" = \"11\". An example:\n"
                                              "{example}", role=role_id, field=vstd, **ex)
                    out.values.setdefault(role_id, {})[vstd] = {str(v): str(c) for v, c in mapping.items()}
                continue
            _check_standard(path, role, std)
            if not isinstance(actual, str) or not actual.strip():
                raise LandOfficeError("Field map {path}: {role}.{field} must be the name of a layer field in "
                                      "quotes, not {value}. An example:\n{example}", role=role_id, field=std,
                                      value=repr(actual), **ex)
            out.fields.setdefault(role_id, {})[std] = actual.strip()
    return out


def _check_standard(path, role: Role, std: str) -> None:
    if std not in role.fields:
        raise LandOfficeError("Field map {path}: {role} has no standard field '{field}'. Its standard fields: "
                              "{fields}. An example:\n{example}", path=str(path), example=FIELD_MAP_EXAMPLE,
                              role=role.id, field=std, fields=", ".join(role.fields))


def load_field_map(path) -> FieldMap:
    """The FIELD_MAP file at ``path`` (empty path: an empty map)."""
    if not path:
        return FieldMap()
    path = Path(path)
    if not path.is_file():
        raise LandOfficeError("Field map {path} does not exist: choose an existing .toml file or leave FIELD_MAP "
                              "empty.", path=str(path))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise LandOfficeError("Field map {path} is not UTF-8 text: save it as UTF-8.", path=str(path)) from err
    return parse_field_map(text, path)


def attach_field_map(layer, field_map: Optional[FieldMap]) -> None:
    """Let ``layer`` carry ``field_map`` (read back by :func:`resolve_layer`); None or empty: remove it."""
    if field_map:
        layer.setCustomProperty(LAYER_PROPERTY, json.dumps(field_map.to_dict(), ensure_ascii=False))
    else:
        layer.removeCustomProperty(LAYER_PROPERTY)


def attached_field_map(layer) -> FieldMap:
    text = layer.customProperty(LAYER_PROPERTY, "") if layer is not None else ""
    if not text:
        return FieldMap()
    try:
        return FieldMap.from_dict(json.loads(str(text)))
    except ValueError:
        return FieldMap()


def dialog_field_map(mappings: dict, layers: dict) -> FieldMap:
    """The FIELD_MAP of a roles dialog / project: ``mappings`` {role: FieldMapping or dict} (standard → layer
    field), with the value maps the role layers (``layers`` {role: layer}) carry. Fields under their standard
    name are left out (a map names only what differs)."""
    out = FieldMap()
    for role, mapping in mappings.items():
        fields = mapping.fields if isinstance(mapping, FieldMapping) else dict(mapping or {})
        renamed = {s: a for s, a in fields.items() if a and a != s}
        if renamed:
            out.fields[role] = renamed
        layer = layers.get(role)
        values = attached_field_map(layer).role_values(role) if layer is not None else {}
        if values:
            out.values[role] = values
    return out


# ---- resolution ---------------------------------------------------------------------------------

@dataclass
class Resolution:
    """How each standard field of ``role`` was found on a layer, and the value maps to apply."""

    role: str
    layer: str
    mapping: FieldMapping
    how: dict = field(default_factory=dict)      # standard -> HOW_* (and for aliases/meaning: the name matched)
    values: dict = field(default_factory=dict)   # standard -> {layer value: code}
    field_names: list = field(default_factory=list)

    def actual(self, standard: str) -> Optional[str]:
        return self.mapping.actual(standard)

    def has(self, standard: str) -> bool:
        return self.mapping.actual(standard) is not None

    def described(self, standard: str) -> str:
        """'map', 'standard', 'alias HTQDRQ', 'meaning 签订日期' or '' (not resolved)."""
        return self.how.get(standard, "")


def resolve(role: Union[str, Role], fields, field_map: Optional[Union[FieldMap, dict]] = None,
            layer_name: str = "", values: Optional[dict] = None) -> Resolution:
    """Resolve every standard field of ``role`` on ``fields`` (names, QgsFields, layer).

    ``field_map``: a FieldMap (its ``role`` table is used) or ``{standard: layer field}``
    (e.g. the project's mapping). A field it names that the layer does not have is a
    LandOfficeError listing the layer's fields. ``values``: extra value maps by standard field.
    """
    role = get_role(role)
    infos = layer_fields(fields)
    names = [f.name for f in infos]
    by_lower: dict = {}
    for name in names:
        by_lower.setdefault(name.lower(), name)
    if isinstance(field_map, FieldMap):
        explicit, value_maps = field_map.role_fields(role.id), field_map.role_values(role.id)
    else:
        explicit, value_maps = {str(k): str(v) for k, v in (field_map or {}).items() if v}, {}
    for std, mapping in (values or {}).items():
        value_maps.setdefault(std, {}).update(mapping)
    mapping, how, used = {}, {}, set()

    def take(std, actual, kind):
        mapping[std] = actual
        how[std] = kind
        used.add(actual)

    for std, actual in explicit.items():  # (a) the explicit map
        found = actual if actual in names else by_lower.get(actual.lower())
        if found is None:
            raise LandOfficeError(
                "The field map names the field '{field}' for {role}.{standard} ({meaning}), but layer '{layer}' has "
                "no such field. The layer's fields: {fields}. Correct the field map.", field=actual, role=role.id,
                standard=std, meaning=role.fields.get(std, std), layer=layer_name or role.name_zh,
                fields=", ".join(names) or "—")
        take(std, found, HOW_MAP)
    order = list(role.required) + [f for f in role.fields if f not in role.required]
    for std in order:  # (b) the standard name
        actual = by_lower.get(std.lower())
        if std not in mapping and actual is not None and actual not in used:
            take(std, actual, HOW_STANDARD)
    for std in order:  # (c) aliases, the role's own first (the Chinese meaning is the last one)
        if std in mapping:
            continue
        for alias in field_aliases(role, std):
            actual = by_lower.get(alias.lower())
            if actual is not None and actual not in used:
                take(std, actual, f"{HOW_ALIAS} {alias}")
                break
    for std in order:  # (d) the meaning (or a Chinese alias) against field aliases and comments
        if std in mapping:
            continue
        wanted = {_short(role.fields.get(std, ""))} | {a for a in field_aliases(role, std) if not a.isascii()}
        wanted.discard("")
        for info in infos:
            if info.name in used:
                continue
            labels = {_short(info.alias), _short(info.comment)} - {""}
            hit = labels & wanted
            if hit:
                take(std, info.name, f"{HOW_MEANING} {sorted(hit)[0]}")
                break
    return Resolution(role.id, layer_name, FieldMapping(role.id, mapping), how,
                      {s: m for s, m in value_maps.items() if s in mapping}, names)


def resolve_layer(layer, role: Union[str, Role], field_map=None) -> Resolution:
    """:func:`resolve` for a QgsVectorLayer; without ``field_map`` the map attached to the layer
    (:func:`attach_field_map`) is used; with a plain ``{standard: field}`` mapping (the project's, from the
    roles dialog) the attached map's value tables still apply."""
    attached = attached_field_map(layer)
    if field_map is None:
        field_map = attached if attached else None
    elif not isinstance(field_map, FieldMap) and attached:  # a project's field mapping: the value maps still apply
        return resolve(role, layer.fields(), field_map, layer_name=layer.name(), values=attached.role_values(
            get_role(role).id))
    return resolve(role, layer.fields(), field_map, layer_name=layer.name())


def layer_mapping(layer, role: Union[str, Role], field_map=None) -> FieldMapping:
    """The standard → layer field mapping of ``layer`` as ``role`` (see :func:`resolve_layer`)."""
    return resolve_layer(layer, role, field_map).mapping


# ---- values -------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _value_table() -> dict:
    path = resource_path("codes", "value_codes.json")
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError) as err:
        raise LandOfficeError("The data file {path} cannot be read ({error}). Reinstall the plugin or correct the "
                              "file.", path=str(path), error=str(err)) from err


def code_table(role: str, standard: str) -> dict:
    """``{code: [names]}`` of a coded standard field ({} when the field is not coded)."""
    codes = _value_table().get("codes", {})
    return dict(codes.get(f"{role}.{standard}") or codes.get(f"*.{standard}") or {})


def is_date_field(role: str, standard: str) -> bool:
    return f"{role}.{standard}" in _value_table().get("dates", ())


def _plain(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value == value and value == int(value):
        value = int(value)
    text = str(value).strip()
    if text.endswith(".0") and text[:-2].isdigit():  # a numeric field read as text of a float
        text = text[:-2]
    return "" if text == "NULL" else text


def code_resolver(role: str, standard: str, value_map: Optional[dict] = None):
    """A function value → standard code (or the value's text when it is neither a code nor a name)."""
    table = code_table(role, standard)
    lookup = {c.lower(): c for c in table}
    for code, names in table.items():
        for name in names:
            lookup.setdefault(name.lower(), code)
    explicit = {str(k).strip(): str(v) for k, v in (value_map or {}).items()}

    def to_code(value) -> str:
        text = _plain(value)
        if text in explicit:
            return explicit[text]
        return lookup.get(text.lower(), text)

    return to_code


def _sql_text(value: str) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def code_expression(role: str, standard: str, field_name: str, value_map: Optional[dict] = None) -> str:
    """A QGIS expression giving the standard code of ``field_name``'s value, as :func:`code_resolver` does
    (the value map, then codes, then names; anything else as it is) — for styles and filters."""
    column = '"' + field_name.replace('"', '""') + '"'
    plain = f"trim(to_string({column}))"
    whens = [f"WHEN {plain} = {_sql_text(v)} THEN {_sql_text(c)}"
             for v, c in {str(k).strip(): str(c) for k, c in (value_map or {}).items()}.items()]
    for code, names in code_table(role, standard).items():
        spelled = sorted({code.lower(), *(n.lower() for n in names)})
        whens.append(f"WHEN lower({plain}) IN ({', '.join(_sql_text(n) for n in spelled)}) THEN {_sql_text(code)}")
    if not whens:
        return column
    return f"CASE {' '.join(whens)} ELSE {plain} END"


def resolve_codes(role: str, standard: str, column, value_map: Optional[dict] = None) -> np.ndarray:
    """``column`` as standard codes (object array of str, '' for NULL); each distinct value looked up once."""
    col = np.asarray(column, dtype=object)
    if len(col) == 0:
        return np.zeros(0, dtype=object)
    to_code = code_resolver(role, standard, value_map)
    keys = [_plain(v) for v in col.tolist()]
    uniq = {k: to_code(k) for k in dict.fromkeys(keys)}
    out = np.empty(len(col), dtype=object)
    out[:] = [uniq[k] for k in keys]
    return out


def unmatched(role: str, standard: str, column, value_map: Optional[dict] = None) -> list:
    """Distinct non-empty values of ``column`` that are no code of a coded field (sorted)."""
    table = code_table(role, standard)
    codes = set(table) | set((value_map or {}).values())
    return sorted({c for c in resolve_codes(role, standard, column, value_map).tolist() if c and c not in codes})


_SEP_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:\d{4,6})?$")


def parse_date(value) -> Optional[datetime.date]:
    """A date from DATE/DATETIME (Python or Qt), or text ``2019-05-01``, ``2019/5/1``, ``2019.5.1``,
    ``20190501``, ``2019年5月1日`` (a time after it is ignored); None when it is no date."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    name = type(value).__name__
    if name in ("QDate", "QDateTime", "QVariant"):
        from .qt_values import python_value

        return parse_date(python_value(value))
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        value = str(int(value))
    if isinstance(value, np.datetime64):
        return None if np.isnat(value) else value.astype("datetime64[D]").astype(datetime.date)
    if not isinstance(value, str):
        return None
    text = value.strip()
    m = _SEP_DATE.match(text) or _COMPACT_DATE.match(text)
    if not m:
        return None
    try:
        return datetime.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def parse_dates(column) -> np.ndarray:
    """``column`` as datetime64[D] (NaT where :func:`parse_date` finds no date); distinct values parsed once."""
    col = np.asarray(column, dtype=object)
    out = np.full(len(col), np.datetime64("NaT"), dtype="datetime64[D]")
    seen: dict = {}
    for i, v in enumerate(col.tolist()):
        try:
            day = seen[v]
        except KeyError:
            day = parse_date(v)
            day = seen.setdefault(v, np.datetime64(day, "D") if day is not None else None)
        except TypeError:  # unhashable
            day = parse_date(v)
            day = np.datetime64(day, "D") if day is not None else None
        if day is not None:
            out[i] = day
    return out


def check_dates(role: str, standard: str, column, layer_name: str = "", actual: str = "") -> None:
    """A date field whose values are there but none of which is a date: LandOfficeError listing the values
    (a job would otherwise find nothing due and report 0 without saying why)."""
    col = np.asarray(column, dtype=object)
    present = sorted({str(v).strip() for v in col.tolist()
                      if v is not None and str(v).strip() not in ("", "NULL")})
    if not present or not np.isnat(parse_dates(col)).all():
        return
    info = get_role(role)
    raise LandOfficeError(
        "None of the values of {role}.{standard} ({meaning}) in the {role_name} layer '{layer}' (field {field}) is "
        "a date: it has {values}. Write the dates as 2019-05-01, 2019/5/1, 20190501 or 2019年5月1日, or store them "
        "in a DATE field, then run again.", role=role, standard=standard,
        meaning=_short(info.fields.get(standard, "")) or standard, role_name=info.name_zh,
        layer=layer_name or role, field=actual or standard,
        values=", ".join(f"'{v}'" for v in present[:10]) + (" …" if len(present) > 10 else ""))


def standard_values(role: str, standard: str, column, value_map: Optional[dict] = None) -> np.ndarray:
    """The standard form of one column: codes for a coded field, ``datetime.date`` for a date field
    (a value that is no date kept as it is), else the column as it is (the field map's value map applied)."""
    col = np.asarray(column, dtype=object)
    if code_table(role, standard):
        return resolve_codes(role, standard, col, value_map)
    if is_date_field(role, standard):
        days = parse_dates(col)
        out = np.empty(len(col), dtype=object)  # a value that is no date stays as given (its reader decides)
        out[:] = [v if np.isnat(d) else d.astype(datetime.date) for v, d in zip(col.tolist(), days)]
        return out
    if value_map:
        return resolve_codes(role, standard, col, value_map)
    return col


def check_value_map(role: str, standard: str, column, value_map: Optional[dict], layer_name: str = "",
                    actual: str = "") -> None:
    """A field map's value table none of whose values occurs in ``column``: LandOfficeError listing the values
    found (a value map that maps nothing would turn every value into 'not one of the codes' silently)."""
    if not value_map:
        return
    found = {_plain(v) for v in np.asarray(column, dtype=object).tolist()} - {""}
    if found and not found & {str(k).strip() for k in value_map}:
        shown = sorted(found)[:20]
        raise LandOfficeError(
            "The field map's values for {role}.{standard} ({keys}) match none of the values of the {role_name} layer "
            "'{layer}' (field {field}): it has {values}. Write the layer's own values on the left of "
            "[{role}.values.{standard}], e.g. \"{example}\" = \"<standard code>\".", role=role, standard=standard,
            keys=", ".join(f"'{k}'" for k in list(value_map)[:10]), layer=layer_name or role, field=actual or standard,
            role_name=get_role(role).name_zh,
            values=", ".join(f"'{v}'" for v in shown) + (" …" if len(found) > 20 else ""), example=shown[0])


def standardise(role: str, columns: dict, values: Optional[dict] = None, layer_name: str = "",
                actual: Optional[dict] = None) -> dict:
    """Every column of ``columns`` (standard name → array) in its standard form (see :func:`standard_values`).

    ``values``: the field map's value tables; one that matches none of its column's values is an error
    (naming the layer's own field from ``actual``, standard → layer field)."""
    values = values or {}
    out = {}
    for std, col in columns.items():
        if values.get(std) or code_table(role, std) or is_date_field(role, std):
            check_value_map(role, std, col, values.get(std), layer_name, (actual or {}).get(std, ""))
            out[std] = standard_values(role, std, col, values.get(std))
        else:
            out[std] = col
    return out
