"""``landoffice:buildproject``: a QGIS project from a GeoPackage, layers styled by role."""
from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputString,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
)

from ..i18n import tr
from .base import LandOfficeAlgorithm
from .field_map_param import add_field_map, field_map_of


class BuildProjectAlgorithm(LandOfficeAlgorithm):
    NAME = "buildproject"
    DISPLAY = "Build project from GeoPackage"
    GROUP_ID = "data"
    GROUP = "Data"
    HELP = ("Opens every layer of a GeoPackage, recognises its role (DLTB, ZD, XZQ …), applies the role's "
            "style and saves a QGIS project with the roles recorded, ready for the LandOffice panels.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile("INPUT", tr("GeoPackage"), extension="gpkg"))
        self.addParameter(QgsProcessingParameterCrs("CRS", tr("Project CRS"), defaultValue="EPSG:4549", optional=True))
        add_field_map(self)
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT", tr("QGIS project"),
                                                                tr("QGIS project (*.qgz)")))
        self.addOutput(QgsProcessingOutputString("ROLES", tr("Roles found")))

    def run_algorithm(self, parameters, context, feedback):
        from ..io.project_builder import build_project

        gpkg = self.parameterAsFile(parameters, "INPUT", context)
        crs = self.parameterAsCrs(parameters, "CRS", context)
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        found = build_project(gpkg, output, crs.authid() if crs.isValid() else "EPSG:4549",
                              field_map=field_map_of(self, parameters, context))
        for role_id, name in found.items():
            feedback.pushInfo(f"{role_id}: {name}")
        return {"OUTPUT": output, "ROLES": ",".join(found)}
