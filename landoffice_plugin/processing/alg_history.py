"""``landoffice:history``: the data centre's record of who changed what, when and why (留痕), as xlsx."""
from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..i18n import tr
from .base import LandOfficeAlgorithm


class HistoryAlgorithm(LandOfficeAlgorithm):
    NAME = "history"
    DISPLAY = "History of changes (留痕)"
    GROUP_ID = "fieldwork"
    GROUP = "Field work"
    HELP = ("Reads the data centre's history of changes — for one feature (its id), or for a layer in an area "
            "(a 9-digit township code or an extent xmin,ymin,xmax,ymax in the storage CRS) — and writes it to an "
            "xlsx: when, which feature, insert/update/delete, version, account, changed fields and reason.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterString("URL", tr("Data centre address")))
        self.addParameter(QgsProcessingParameterAuthConfig("AUTHCFG", tr("Authentication"), optional=True))
        self.addParameter(QgsProcessingParameterString("COLLECTION", tr("Layer (collection)"), defaultValue="DLTB"))
        self.addParameter(QgsProcessingParameterString("FID", tr("Feature id (empty: the whole area)"), optional=True))
        self.addParameter(QgsProcessingParameterString("AREA", tr("Township code or extent"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_XLSX", tr("History workbook"),
                                                                fileFilter="Excel (*.xlsx)"))
        self.addOutput(QgsProcessingOutputNumber("COUNT", tr("Changes")))

    def run_algorithm(self, parameters, context, feedback):
        from ..sync.area import resolve_area
        from ..sync.client import FeatureClient
        from ..sync.history import read_history, write_history_xlsx

        url = self.parameterAsString(parameters, "URL", context)
        authcfg = self.parameterAsString(parameters, "AUTHCFG", context) or None
        collection = self.parameterAsString(parameters, "COLLECTION", context).strip() or None
        fid = self.parameterAsString(parameters, "FID", context).strip() or None
        area = self.parameterAsString(parameters, "AREA", context).strip()
        out = self.parameterAsFileOutput(parameters, "OUTPUT_XLSX", context)
        with FeatureClient(url, authcfg) as client:
            bbox = resolve_area(client, area, 4549)["bbox"] if area and not fid else None
            rows = read_history(client, collection, fid, bbox)
        write_history_xlsx(rows, out, f"变更记录 · {collection or ''} {fid or area or ''}".strip())
        feedback.pushInfo(tr("{count} changes written to {path}").format(count=len(rows), path=out))
        return {"OUTPUT_XLSX": out, "COUNT": len(rows)}
