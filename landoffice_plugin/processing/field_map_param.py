"""The ``FIELD_MAP`` parameter of every algorithm that reads role layers (one definition)."""
from __future__ import annotations

from qgis.core import QgsProcessingParameterFile

from ..core.fields import FIELD_MAP_EXAMPLE, FieldMap, attach_field_map, load_field_map, resolve_layer
from ..i18n import tr

FIELD_MAP = "FIELD_MAP"


def add_field_map(alg) -> None:
    alg.addParameter(QgsProcessingParameterFile(
        FIELD_MAP, tr("Field map (TOML: the layers' own field names and values; empty: standard names and "
                      "aliases)"), extension="toml", optional=True))


def field_map_help() -> str:
    """The help text's FIELD_MAP paragraph, with an example file."""
    return tr("FIELD_MAP: a TOML file naming, per role, the layer field of each standard field and, if needed, "
              "the layer's values of a coded field. Example:") + "\n" + FIELD_MAP_EXAMPLE


def field_map_of(alg, parameters, context) -> FieldMap:
    """The FIELD_MAP given (empty map when none); LandOfficeError for a missing or malformed file."""
    path = alg.parameterAsFile(parameters, FIELD_MAP, context) if parameters.get(FIELD_MAP) else ""
    return load_field_map(path)


def apply_field_map(layers: dict, field_map: FieldMap) -> None:
    """Check ``field_map`` against each role layer (``{role: layer}``; a field it names that the layer lacks is a
    LandOfficeError listing the layer's fields) and let each layer carry it for the code that reads it."""
    for role, layer in layers.items():
        if layer is None:
            continue
        if field_map:
            resolve_layer(layer, role, field_map)
        if field_map:  # a layer keeps a map it carries already (e.g. from buildproject)
            attach_field_map(layer, field_map)
