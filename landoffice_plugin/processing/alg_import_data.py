"""Processing algorithm ``landoffice:importdata``: survey data into one GeoPackage by layer role."""
from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputString,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
)

from landoffice_plugin.i18n import tr, zh

from .base import LandOfficeAlgorithm


class ImportDataAlgorithm(LandOfficeAlgorithm):
    NAME = "importdata"
    DISPLAY = "Import survey data"
    GROUP_ID = "data"
    GROUP = "Data"
    HELP = ("Copies a FileGDB folder (.gdb), a GeoPackage, a shapefile or a folder of shapefiles into one "
            "GeoPackage. Layers whose role is recognised (DLTB land-use patches, ZD parcels, XZQ townships …) "
            "are named by the role id and their fields renamed to the standard names; other layers keep their "
            "names. Shapefile encodings (GBK, UTF-8) are detected. Type or paste a folder path for a .gdb or a "
            "folder of shapefiles. Layers are reprojected to the target CRS, by default the most common CGCS2000 "
            "CRS of the source.")

    INPUT = "INPUT"
    TARGET_CRS = "TARGET_CRS"
    OUTPUT = "OUTPUT"
    ROLES_FOUND = "ROLES_FOUND"
    ROLES_MISSING = "ROLES_MISSING"

    def initAlgorithm(self, config=None):
        # A File parameter whose filter ends in 'All files (*)' also accepts folder paths (.gdb, shapefile folders);
        # the importer checks what the path is.
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, tr("Survey data (.gdb folder, .gpkg, .shp or a folder of shapefiles)"),
            behavior=QgsProcessingParameterFile.File,
            fileFilter=tr("Survey data") + " (*.gpkg *.GPKG *.shp *.SHP *.gdbtable gdb);;" + tr("All files") + " (*)"))
        self.addParameter(QgsProcessingParameterCrs(
            self.TARGET_CRS, tr("Target CRS (empty: the most common CGCS2000 CRS of the source)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Output GeoPackage"), fileFilter="GeoPackage (*.gpkg *.GPKG)"))
        self.addOutput(QgsProcessingOutputString(self.ROLES_FOUND, tr("Roles found (role ids, comma-separated)")))
        self.addOutput(QgsProcessingOutputString(self.ROLES_MISSING, tr("Roles missing (role ids, comma-separated)")))

    def run_algorithm(self, parameters, context, feedback):
        source = self.parameterAsFile(parameters, self.INPUT, context)
        crs = self.parameterAsCrs(parameters, self.TARGET_CRS, context)
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        from landoffice_plugin.io.importer import import_source  # only when run

        result = import_source(source, output, crs if crs.isValid() else None, feedback=feedback,
                               transform_context=context.transformContext())
        for line in result.lines(zh):
            feedback.pushInfo(line)
        if result.cancelled:
            return {}
        return {
            self.OUTPUT: result.output,
            self.ROLES_FOUND: ",".join(result.roles_found),
            self.ROLES_MISSING: ",".join(result.roles_missing),
        }
