"""Processing algorithm: print an overview map (land use + boundaries) of a GeoPackage to PDF."""
from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.i18n import tr

from .base import LandOfficeAlgorithm
from .field_map_param import add_field_map, apply_field_map, field_map_of

# top first: boundaries above the constraint zones above the land-use patches
DRAW_ORDER = ("XZQ", "CJDCQ", "CZKFBJ", "STBHHX", "YJJBNTTB", "DLTB")
PAPERS = (("A4", "landscape"), ("A4", "portrait"), ("A3", "landscape"))


def _legend_name(role: str) -> str:
    from landoffice_plugin.core.roles import get_role

    return get_role(role).name_zh


class OverviewMapAlgorithm(LandOfficeAlgorithm):
    NAME = "overviewmap"
    DISPLAY = "Print overview map"
    GROUP_ID = "export"
    GROUP = "Maps and reports"
    HELP = ("Prints a PDF overview map of a GeoPackage: land-use patches (DLTB) at the bottom, then "
            "permanent basic farmland, ecological red line, urban development boundary, village and "
            "township boundaries, each in the LandOffice style.")
    MAIN_THREAD = True  # renders a print layout

    INPUT, TITLE, OFFICE, PAPER, OUTPUT_PDF = "INPUT", "TITLE", "OFFICE", "PAPER", "OUTPUT_PDF"


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
        add_field_map(self)
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

        from landoffice_plugin.io.project_builder import open_role_layers

        by_role = {item.role_id: item.layer for item in open_role_layers(gpkg) if item.role_id in DRAW_ORDER}
        if not by_role:
            raise LandOfficeError("{path} has none of the layers DLTB, XZQ, CJDCQ, YJJBNTTB, STBHHX, CZKFBJ: "
                                  "choose a GeoPackage with land-survey layers.", path=str(gpkg))
        apply_field_map(by_role, field_map_of(self, parameters, context))  # the styles follow the layer's fields
        layers = []
        for role in DRAW_ORDER:
            layer = by_role.get(role)
            if layer is None:
                continue
            source_name = layer.name()
            layer.setName(_legend_name(role))
            if not apply_role_style(layer, role):
                feedback.pushInfo(tr("No style for {role}; the default style is used.").format(role=role))
            layers.append(layer)
            feedback.pushInfo(tr("{role}: layer {name}").format(role=layer.name(), name=source_name))
        from landoffice_plugin.core.crs import working_crs_of_layer
        from landoffice_plugin.core.roles import auto_mapping

        main = by_role.get("DLTB") or layers[-1]
        crs = working_crs_of_layer(main)  # a projected CGCS2000 zone, also for geographic data
        dltb = by_role.get("DLTB")
        if dltb is not None and not auto_mapping("DLTB", dltb.fields().names()).actual("DLBM"):
            feedback.pushWarning(tr("The land-use patches (DLTB) have no land-use code field (DLBM 地类编码): they are "
                                    "drawn without classes. Add or map the field DLBM to colour them by class."))
        feedback.pushInfo(tr("Map CRS: {crs}").format(crs=crs.authid()))
        spec = MapSpec(title=title, layers=layers, paper=paper, orientation=orientation, office=office, crs=crs)
        path = export_map_pdf(spec, output, feedback=feedback)
        return {self.OUTPUT_PDF: str(path)}
