"""Parameters and steps shared by the demolition-cost and reclamation-cost algorithms."""
from __future__ import annotations

import datetime

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ..core.errors import LandOfficeError
from ..i18n import tr, tr_noop

ROLE_PARAMS = (("DLTB", tr_noop("Land-use patches (DLTB)")), ("ZD", tr_noop("Parcels (ZD)")),
               ("ZRZ", tr_noop("Buildings (ZRZ)")), ("HJ", tr_noop("Households and persons (HJ)")))


def example_standard() -> str:
    from ..cost.standard import shipped_standards

    found = shipped_standards()
    return str(found[0]) if found else ""


def add_common_inputs(alg) -> None:
    for role, label in ROLE_PARAMS:
        types = [QgsProcessing.TypeVector] if role == "HJ" else [QgsProcessing.TypeVectorPolygon]
        alg.addParameter(QgsProcessingParameterVectorLayer(role, tr(label), types))
    from .field_map_param import add_field_map

    add_field_map(alg)


def add_standard_and_outputs(alg) -> None:
    alg.addParameter(QgsProcessingParameterFile(
        "STANDARD", tr("Compensation standard (.json or filled .xlsx template; empty: the shipped example)"),
        defaultValue=example_standard(), fileFilter=tr("Standards (*.json *.xlsx)"), optional=True))
    alg.addParameter(QgsProcessingParameterString("AS_OF", tr("Valuation date (YYYY-MM-DD, empty: today)"),
                                                  optional=True))
    alg.addParameter(QgsProcessingParameterString("TITLE", tr("Project name"), optional=True))
    alg.addParameter(QgsProcessingParameterFileDestination("OUTPUT_XLSX", tr("Excel report"),
                                                           fileFilter=tr("Excel files (*.xlsx)")))
    alg.addParameter(QgsProcessingParameterFileDestination("OUTPUT_PDF", tr("PDF report"),
                                                           fileFilter=tr("PDF files (*.pdf)"), optional=True,
                                                           createByDefault=False))
    alg.addOutput(QgsProcessingOutputNumber("TOTAL", tr("Total cost (yuan)")))


def read_inputs(alg, parameters, context):
    from ..cost.engine import CostInputs
    from ..cost.inputs import layer_input
    from .field_map_param import apply_field_map, field_map_of

    field_map = field_map_of(alg, parameters, context)
    layers = {}
    for role, _label in ROLE_PARAMS:
        layer = alg.parameterAsVectorLayer(parameters, role, context)
        if layer is None:
            raise LandOfficeError("The layer for {role} is missing: choose it.", role=role)
        apply_field_map({role: layer}, field_map)
        layers[role] = layer_input(layer, role)
    zones = None
    if "ZONES" in parameters and parameters.get("ZONES"):
        zl = alg.parameterAsVectorLayer(parameters, "ZONES", context)
        zones = layer_input(zl, "ZONES") if zl is not None else None
    return CostInputs(layers["DLTB"], layers["ZD"], layers["ZRZ"], layers["HJ"], zones), layers


def standard_of(alg, parameters, context, name: str = "STANDARD"):
    from ..cost.standard import load_standard

    path = alg.parameterAsFile(parameters, name, context) or example_standard()
    return load_standard(path)


def as_of_date(text: str) -> datetime.date:
    if not text:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError as err:
        raise LandOfficeError("The valuation date '{value}' is not a date: write it as YYYY-MM-DD.",
                              value=text) from err


def write_reports(alg, est, parameters, context, feedback, dltb_layer, other=None) -> dict:
    from ..cost.report_xlsx import write_estimate_xlsx

    xlsx = write_estimate_xlsx(est, alg.parameterAsFileOutput(parameters, "OUTPUT_XLSX", context), other)
    feedback.pushInfo(tr("Excel report: {path}").format(path=str(xlsx)))
    out = {"OUTPUT_XLSX": str(xlsx), "TOTAL": float(est.total)}
    pdf = alg.parameterAsFileOutput(parameters, "OUTPUT_PDF", context) if parameters.get("OUTPUT_PDF") else ""
    if pdf:
        from ..export.cost_report_pdf import export_cost_pdf, outline_layer

        path = export_cost_pdf(est, pdf, background=[outline_layer(dltb_layer)])
        feedback.pushInfo(tr("PDF report: {path}").format(path=str(path)))
        out["OUTPUT_PDF"] = str(path)
    for text in est.warnings:
        feedback.pushWarning(text)
    feedback.pushInfo(tr("Total: {total} yuan").format(total=f"{est.total:,.2f}"))
    return out
