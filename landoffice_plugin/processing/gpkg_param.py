"""The ``GPKG`` parameter of the algorithms that read role layers: a GeoPackage whose layers fill the roles not
chosen one by one (one definition)."""
from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProcessingParameterFile

from ..core.errors import LandOfficeError
from ..i18n import tr

GPKG = "GPKG"


def add_gpkg(alg) -> None:
    alg.addParameter(QgsProcessingParameterFile(
        GPKG, tr("GeoPackage with role layers (fills the layers not chosen above)"), extension="gpkg",
        optional=True))


def fill_from_gpkg(alg, parameters, context, layers: dict, keep: list) -> dict:
    """``layers`` ({role: layer or None}) with the GeoPackage's role layers where none was chosen (kept alive in
    ``keep``); the valid ones only."""
    gpkg = alg.parameterAsFile(parameters, GPKG, context) if parameters.get(GPKG) else ""
    if gpkg:
        if not Path(gpkg).is_file():
            raise LandOfficeError("GeoPackage {path} does not exist: choose an existing .gpkg file.", path=str(gpkg))
        from landoffice_plugin.io.project_builder import open_role_layers

        for item in open_role_layers(gpkg):
            if item.role_id in layers and layers[item.role_id] is None:
                layers[item.role_id] = item.layer
                keep.append(item.layer)
    return {r: lyr for r, lyr in layers.items() if lyr is not None and lyr.isValid()}
