"""``landoffice:checkout``: copy an area of the data centre into a field package for the laptop."""
from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputFile,
    QgsProcessingOutputString,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.errors import LandOfficeError
from ..i18n import tr
from .base import LandOfficeAlgorithm


class CheckoutAlgorithm(LandOfficeAlgorithm):
    NAME = "checkout"
    DISPLAY = "Check out an area for field work"
    GROUP_ID = "fieldwork"
    GROUP = "Field work"
    HELP = ("Copies the land-use patches, parcels and evidence of one township (9-digit code) or an extent "
            "(xmin,ymin,xmax,ymax in EPSG:4549) from the data centre (OGC API - Features) into one GeoPackage "
            "with a pristine base copy, and writes a QGIS project with edit forms for the laptop.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterString("URL", tr("Data centre address")))
        self.addParameter(QgsProcessingParameterAuthConfig("AUTHCFG", tr("Authentication"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            "COLLECTIONS", tr("Collections (comma separated; empty: DLTB, ZD, EVIDENCE and the field tasks RWTB)"),
            defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterString("AREA", tr("Township code or extent"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "AREA_LAYER", tr("Or: the extent of a polygon layer (any CRS)"), [QgsProcessing.TypeVectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "AROUND_TASKS", tr("Only around the open field tasks, within (m; 0: the whole area)"),
            QgsProcessingParameterNumber.Double, defaultValue=0.0, minValue=0.0, optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT_DIR", tr("Field package folder")))
        self.addParameter(QgsProcessingParameterBoolean(
            "REPLACE", tr("Replace a package already in the folder (it is kept as a dated copy)"), defaultValue=False))
        self.addOutput(QgsProcessingOutputFile("PROJECT", tr("QGIS project")))
        self.addOutput(QgsProcessingOutputString("COUNTS", tr("Features checked out")))

    def run_algorithm(self, parameters, context, feedback):
        from ..sync.checkout import checkout
        from ..sync.project import write_project

        url = self.parameterAsString(parameters, "URL", context)
        authcfg = self.parameterAsString(parameters, "AUTHCFG", context) or None
        collections = [c.strip() for c in self.parameterAsString(parameters, "COLLECTIONS", context).split(",")
                       if c.strip()] or None
        area = self.parameterAsString(parameters, "AREA", context)
        source = self.parameterAsSource(parameters, "AREA_LAYER", context)
        if source is not None:
            from ..sync.area import extent_in_storage_crs

            box, crs = source.sourceExtent(), source.sourceCrs().authid()

            def area(epsg, box=box, crs=crs):
                return extent_in_storage_crs(box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum(), crs, epsg)
        elif not area.strip():
            raise LandOfficeError("Give the area to check out: a 9-digit township code, an extent "
                                  "xmin,ymin,xmax,ymax, or a polygon layer.")
        out_dir = self.parameterAsString(parameters, "OUTPUT_DIR", context)
        replace = self.parameterAsBoolean(parameters, "REPLACE", context)
        around = self.parameterAsDouble(parameters, "AROUND_TASKS", context) or None
        counts = checkout(url, area, out_dir, collections, authcfg, feedback=feedback, replace=replace,
                          around_tasks=around)
        for name, count in counts.items():
            feedback.pushInfo(f"{name}: {count}")
        project = write_project(out_dir)
        return {"OUTPUT_DIR": out_dir, "PROJECT": str(project),
                "COUNTS": ",".join(f"{k}={v}" for k, v in counts.items())}
