"""``landoffice:sitecheck``: site compliance check (选址合规性分析) of a drawn, selected or loaded site."""
from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsWkbTypes,
)

from ..core.errors import LandOfficeError
from ..i18n import tr, tr_noop
from .base import LandOfficeAlgorithm
from .field_map_param import add_field_map, apply_field_map, field_map_of
from .gpkg_param import add_gpkg, fill_from_gpkg

ROLE_PARAMS = (
    ("XZQ", tr_noop("Townships (XZQ)")), ("DLTB", tr_noop("Land-use patches (DLTB)")),
    ("YJJBNTTB", tr_noop("Permanent basic farmland (YJJBNTTB)")),
    ("STBHHX", tr_noop("Ecological protection red line (STBHHX)")),
    ("CZKFBJ", tr_noop("Urban development boundary (CZKFBJ)")), ("PZYD", tr_noop("Approved conversions (PZYD)")),
    ("GYYD", tr_noop("Land supply (GYYD)")), ("ZD", tr_noop("Parcels (ZD)")), ("ZRZ", tr_noop("Buildings (ZRZ)")),
    ("HJ", tr_noop("Households and persons (HJ)")),
)
PAPERS = ("A4", "A3")


class SiteCheckAlgorithm(LandOfficeAlgorithm):
    NAME = "sitecheck"
    DISPLAY = "Site compliance check"
    GROUP_ID = "analysis"
    GROUP = "Analysis"
    HELP = ("Site compliance check (选址合规性分析): what a site holds in every layer — land use by the three legal "
            "categories and by class, cropland by slope grade and type, permanent basic farmland, the ecological "
            "red line, the urban development boundary zones and outside it, approvals and supply, parcels (owners "
            "masked), buildings and households, and each registered control layer (禁止/限制/提示) — in ellipsoidal "
            "亩 and share of the site, with the verdicts of the rules file. The site is AREA (a polygon layer; its "
            "selected features when 'selected only' is ticked) or AREA_FILE (GeoPackage, shapefile, DXF, KML or a "
            "界址点坐标 .txt exchange file). Writes an Excel report, a PDF (map with legend, tables, verdicts, "
            "boundary points) and a result layer (the site cut by each layer).")
    MAIN_THREAD = True  # renders a print layout

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            "AREA", tr("Site (polygon layer)"), [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "AREA_FILE", tr("Site file (GeoPackage, shapefile, DXF, KML or 界址点坐标 .txt)"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "CANDIDATES", tr("Each feature (or each parcel of a 界址点 file) is a candidate site: compare them, "
                             "best first"),
            defaultValue=False))
        self.addParameter(QgsProcessingParameterString("TITLE", tr("Site name"), optional=True))
        for role, label in ROLE_PARAMS:
            types = [QgsProcessing.TypeVector] if role == "HJ" else [QgsProcessing.TypeVectorPolygon]
            self.addParameter(QgsProcessingParameterVectorLayer(role, tr(label), types, optional=True))
        add_gpkg(self)
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "CONTROL_LAYERS", tr("Control layers of other departments (rule by layer name in the rules file or by "
                                 "a rule field)"), QgsProcessing.TypeVectorPolygon, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "RULES", tr("Site-check rules (TOML; empty: shipped rules)"), extension="toml", optional=True))
        add_field_map(self)
        self.addParameter(QgsProcessingParameterEnum("PAPER", tr("PDF paper"), options=list(PAPERS), defaultValue=0))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_XLSX", tr("Excel report"), fileFilter=tr("Excel files (*.xlsx)"), optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_PDF", tr("PDF report"), fileFilter=tr("PDF files (*.pdf)"), optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", tr("Site cut by each layer"), QgsProcessing.TypeVectorPolygon, optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("SITE_MU", tr("Site area (亩)")))
        self.addOutput(QgsProcessingOutputString("VERDICTS", tr("Verdicts")))

    def _layers(self, parameters, context) -> dict:
        layers = {role: self.parameterAsVectorLayer(parameters, role, context) for role, _l in ROLE_PARAMS}
        return fill_from_gpkg(self, parameters, context, layers, self._keep)

    def _sites(self, parameters, context) -> list:
        from landoffice_plugin.sitecheck.site import candidate_sites_from_file, site_from_file, site_from_geometries

        title = self.parameterAsString(parameters, "TITLE", context)
        path = self.parameterAsFile(parameters, "AREA_FILE", context) if parameters.get("AREA_FILE") else ""
        source = self.parameterAsSource(parameters, "AREA", context) if parameters.get("AREA") else None
        if path and source is not None:
            raise LandOfficeError("Give the site either as AREA (a layer) or as AREA_FILE (a file), not both.")
        candidates = self.parameterAsBoolean(parameters, "CANDIDATES", context)
        if path:
            crs = context.project().crs() if context.project() else None
            if candidates:
                sites = candidate_sites_from_file(path, crs)
                for site in sites:
                    site.name = f"{title} {site.name}" if title else site.name
                return sites
            site = site_from_file(path, crs)
            site.name = title or site.name
            return [site]
        if source is None:
            raise LandOfficeError("No site was given: choose a polygon layer as AREA (or its selected features), or "
                                  "a file as AREA_FILE (GeoPackage, shapefile, DXF, KML or 界址点坐标 .txt).")
        feats = [f for f in source.getFeatures() if f.hasGeometry()]
        if not feats:
            raise LandOfficeError("The site layer has no feature with a geometry (or none is selected): draw or "
                                  "select the site first.")
        name = title or tr("Site")
        if candidates:
            return [site_from_geometries([f.geometry()], source.sourceCrs(), f"{name} {k}")
                    for k, f in enumerate(feats, start=1)]
        return [site_from_geometries([f.geometry() for f in feats], source.sourceCrs(), name)]

    def run_algorithm(self, parameters, context, feedback):
        self._keep = []
        try:
            return self._run(parameters, context, feedback)
        finally:
            self._keep = []  # the GeoPackage's layers live for the run only

    def _run(self, parameters, context, feedback):
        from landoffice_plugin.sitecheck.engine import SiteInputs, check_site, control_layer
        from landoffice_plugin.sitecheck.report_xlsx import ranking, write_site_xlsx
        from landoffice_plugin.sitecheck.result_layer import result_fields, write_to_sink
        from landoffice_plugin.sitecheck.rules import load_site_rules

        sites = self._sites(parameters, context)
        field_map = field_map_of(self, parameters, context)
        layers = self._layers(parameters, context)
        apply_field_map(layers, field_map)
        if "DLTB" not in layers:
            raise LandOfficeError("The land-use patch layer (DLTB) is missing: choose it (or a GeoPackage with it); "
                                  "the site check measures the land use of the site from it.")
        rules = load_site_rules(self.parameterAsFile(parameters, "RULES", context) or None)
        controls = [control_layer(lyr, rules) for lyr in
                    self.parameterAsLayerList(parameters, "CONTROL_LAYERS", context) or []]
        inputs = SiteInputs(layers, controls, rules)
        reports = []
        for site in sites:
            report = check_site(site, inputs)
            reports.append(report)
            feedback.pushInfo(tr("{site}: {mu} 亩, checked in {s} s").format(site=report.name,
                                                                            mu=f"{report.site_mu:.4f}",
                                                                            s=f"{report.seconds:.2f}"))
            for v in report.verdicts:
                feedback.pushInfo(f"  {v.text} → {v.verdict}")
            for note in report.notes:
                feedback.pushWarning(f"  {note}")
        best = ranking(reports)
        out = {"SITE_MU": float(sum(r.site_mu for r in reports)),
               "VERDICTS": "\n".join(f"{r.name}: {v.text} → {v.verdict}" for r in best for v in r.verdicts)}
        if parameters.get("OUTPUT"):
            from qgis.core import QgsCoordinateReferenceSystem

            sink, dest_id = self.parameterAsSink(parameters, "OUTPUT", context, result_fields(),
                                                 QgsWkbTypes.MultiPolygon,
                                                 QgsCoordinateReferenceSystem(reports[0].crs_authid))
            if sink is None:
                raise LandOfficeError("The output layer could not be created: choose another output file.")
            write_to_sink(sink, reports)
            out["OUTPUT"] = dest_id
        xlsx = self.parameterAsFileOutput(parameters, "OUTPUT_XLSX", context) if parameters.get("OUTPUT_XLSX") else ""
        if xlsx:
            out["OUTPUT_XLSX"] = str(write_site_xlsx(reports, xlsx))
            feedback.pushInfo(tr("Excel report: {path}").format(path=out["OUTPUT_XLSX"]))
        pdf = self.parameterAsFileOutput(parameters, "OUTPUT_PDF", context) if parameters.get("OUTPUT_PDF") else ""
        if pdf:
            from landoffice_plugin.sitecheck.report_pdf import export_site_pdf

            paper = PAPERS[self.parameterAsEnum(parameters, "PAPER", context)]
            out["OUTPUT_PDF"] = str(export_site_pdf(best, pdf, layers, [c.layer for c in controls], paper=paper,
                                                    feedback=feedback))
            feedback.pushInfo(tr("PDF report: {path}").format(path=out["OUTPUT_PDF"]))
        return out
