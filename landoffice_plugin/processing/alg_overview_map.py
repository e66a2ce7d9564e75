"""Processing algorithm: print an overview map (land use + boundaries) of a GeoPackage to PDF."""
from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsVectorLayer,
)

from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.i18n import tr

from .base import LandOfficeAlgorithm

# top first: boundaries above the constraint zones above the land-use patches
DRAW_ORDER = ("XZQ", "CJDCQ", "CZKFBJ", "STBHHX", "YJJBNTTB", "DLTB")
PAPERS = (("A4", "landscape"), ("A4", "portrait"), ("A3", "landscape"))


def gpkg_layer_names(path: str) -> list[str]:
    from osgeo import ogr

    ds = ogr.Open(str(path))
    if ds is None:
        raise LandOfficeError("{path} is not a readable GeoPackage: choose a .gpkg file.", path=str(path))
    return [ds.GetLayerByIndex(i).GetName() for i in range(ds.GetLayerCount())]


def find_role_layers(layer_names) -> dict:
    """{role: layer name} for the roles of the overview map, matched by name (case-insensitive)."""
    by_upper = {name.upper(): name for name in layer_names}
    return {role: by_upper[role] for role in DRAW_ORDER if role in by_upper}


def _legend_name(role: str) -> str:
    try:
        from landoffice_plugin.core.roles import get_role

        return get_role(role).name_zh
    except Exception:  # the role table is optional here: fall back to the id
        return role


class OverviewMapAlgorithm(LandOfficeAlgorithm):
    NAME = "overviewmap"
    DISPLAY = "Print overview map"
    GROUP_ID = "export"
    GROUP = "Maps and reports"
    HELP = ("Prints a PDF overview map of a GeoPackage: land-use patches (DLTB) at the bottom, then "
            "permanent basic farmland, ecological red line, urban development boundary, village and "
            "township boundaries, each in the LandOffice style.")

    INPUT, TITLE, OFFICE, PAPER, OUTPUT_PDF = "INPUT", "TITLE", "OFFICE", "PAPER", "OUTPUT_PDF"

    def flags(self):
        # layout rendering uses fonts and painters: run on the main thread
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, tr("GeoPackage"), extension="gpkg"))
        self.addParameter(QgsProcessingParameterString(
            self.TITLE, tr("Map title"), defaultValue="土地利用现状概览图"))
        self.addParameter(QgsProcessingParameterString(
            self.OFFICE, tr("Mapping office"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.PAPER, tr("Paper"), options=[tr("A4 landscape"), tr("A4 portrait"), tr("A3 landscape")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_PDF, tr("PDF map"), fileFilter=tr("PDF files (*.pdf)")))

    def run_algorithm(self, parameters, context, feedback):
        from landoffice_plugin.export.pdf_map import MapSpec, export_map_pdf
        from landoffice_plugin.export.styles import apply_role_style

        gpkg = self.parameterAsFile(parameters, self.INPUT, context)
        title = self.parameterAsString(parameters, self.TITLE, context)
        office = self.parameterAsString(parameters, self.OFFICE, context) or None
        paper, orientation = PAPERS[self.parameterAsEnum(parameters, self.PAPER, context)]
        output = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        if not gpkg or not Path(gpkg).is_file():
            raise LandOfficeError("GeoPackage {path} does not exist: choose an existing .gpkg file.", path=str(gpkg))

        found = find_role_layers(gpkg_layer_names(gpkg))
        if not found:
            raise LandOfficeError("{path} has none of the layers DLTB, XZQ, CJDCQ, YJJBNTTB, STBHHX, CZKFBJ: "
                                  "choose a GeoPackage with land-survey layers.", path=str(gpkg))
        layers = []
        for role in DRAW_ORDER:
            if role not in found:
                continue
            layer = QgsVectorLayer(f"{gpkg}|layername={found[role]}", _legend_name(role), "ogr")
            if not layer.isValid():
                raise LandOfficeError("Layer {name} in {path} cannot be opened: check the GeoPackage.",
                                      name=found[role], path=str(gpkg))
            if not apply_role_style(layer, role):
                feedback.pushInfo(tr("No style for {role}; the default style is used.").format(role=role))
            layers.append(layer)
        feedback.pushInfo(tr("Printing layers: {names}").format(names=", ".join(found[r] for r in found)))
        spec = MapSpec(title=title, layers=layers, paper=paper, orientation=orientation, office=office)
        path = export_map_pdf(spec, output, feedback=feedback)
        return {self.OUTPUT_PDF: str(path)}
