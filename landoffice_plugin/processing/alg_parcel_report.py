"""``landoffice:parcelreport``: parcel reports (PDF, one page per parcel; xlsx) for a list of codes."""
from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ..core.errors import LandOfficeError
from ..core.roles import get_role
from ..i18n import tr
from .base import LandOfficeAlgorithm
from .field_map_param import add_field_map, apply_field_map, field_map_of

OTHER_ROLES = ("DLTB", "YJJBNTTB", "STBHHX", "CZKFBJ", "PZYD", "GYYD", "ZRZ", "HJ", "GYQY", "XZQ", "CJDCQ")
_TYPES = {"polygon": [QgsProcessing.TypeVectorPolygon], "point": [QgsProcessing.TypeVectorPoint],
          "none": [QgsProcessing.TypeVector]}


class ParcelReportAlgorithm(LandOfficeAlgorithm):
    NAME = "parcelreport"
    DISPLAY = "Parcel report"
    GROUP_ID = "lookup"
    GROUP = "Parcel lookup"
    HELP = ("Writes the parcel report (宗地查询报告) of each parcel code: a map of the parcel with its "
            "neighbours, its attributes, what every other role layer has on it (land classes in 亩 and share, "
            "farmland, red line, development zones, approvals, supply, buildings, households) and its red "
            "lights. PDF: one A4 page per parcel; xlsx: a summary sheet and one sheet per parcel. ID and "
            "phone numbers are masked unless you turn masking off.")
    MAIN_THREAD = True  # renders a print layout


    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterVectorLayer(
            "ZD", tr("Parcel layer (ZD)"), [QgsProcessing.TypeVectorPolygon]))
        for role in OTHER_ROLES:
            info = get_role(role)
            self.addParameter(QgsProcessingParameterVectorLayer(
                role, f"{info.name_zh} ({role})", _TYPES.get(info.geometry, [QgsProcessing.TypeVector]),
                optional=True))
        add_field_map(self)
        self.addParameter(QgsProcessingParameterString(
            "CODES", tr("Parcel codes (comma-separated)"), multiLine=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "MASK_PERSONAL", tr("Mask ID and phone numbers"), defaultValue=True))
        self.addParameter(QgsProcessingParameterString(
            "REASON", tr("Reason for full ID numbers (查询事由, logged; needed when not masked)"), optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(
            "INDEX_DIR", tr("Search index folder (empty: the QGIS profile)"), optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_PDF", tr("Report PDF"), tr("PDF files (*.pdf)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_XLSX", tr("Report workbook"), tr("Excel workbooks (*.xlsx)"), optional=True))

    def run_algorithm(self, parameters, context, feedback):
        from ..lookup.batch import fids_for_codes, prepare_index, split_codes, write_reports
        from ..lookup.index import default_cache_dir

        zd = self.parameterAsVectorLayer(parameters, "ZD", context)
        layers = {role: self.parameterAsVectorLayer(parameters, role, context) for role in OTHER_ROLES
                  if parameters.get(role)}
        apply_field_map({"ZD": zd, **layers}, field_map_of(self, parameters, context))
        codes = split_codes(self.parameterAsString(parameters, "CODES", context))
        if not codes:
            raise LandOfficeError("No parcel code given: enter one or more codes separated by commas.")
        pdf = self.parameterAsFileOutput(parameters, "OUTPUT_PDF", context) if parameters.get("OUTPUT_PDF") else ""
        xlsx = self.parameterAsFileOutput(parameters, "OUTPUT_XLSX", context) if parameters.get("OUTPUT_XLSX") else ""
        if not pdf and not xlsx:
            raise LandOfficeError("Choose at least one output: a PDF file, an xlsx file or both.")
        folder = self.parameterAsString(parameters, "INDEX_DIR", context) if parameters.get("INDEX_DIR") else ""
        mask = self.parameterAsBoolean(parameters, "MASK_PERSONAL", context)
        index = prepare_index(zd, layers, folder or default_cache_dir(),
                              progress=lambda p: (feedback.setProgress(p * 0.3), not feedback.isCanceled())[1])
        found = fids_for_codes(index, codes)
        feedback.pushInfo(tr("{count} parcels found").format(count=len(found)))
        reason = self.parameterAsString(parameters, "REASON", context)
        out = write_reports(index, [fid for _code, fid in found], pdf, xlsx, mask, feedback, reason=reason)
        index.close()
        return {"OUTPUT_PDF": out.get("pdf", ""), "OUTPUT_XLSX": out.get("xlsx", "")}
