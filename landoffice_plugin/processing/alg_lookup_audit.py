"""``landoffice:lookupaudit``: the owner-lookup log of this computer (查询留痕) as xlsx."""
from __future__ import annotations

from qgis.core import QgsProcessingOutputNumber, QgsProcessingParameterFileDestination

from ..i18n import tr
from .base import LandOfficeAlgorithm


class LookupAuditAlgorithm(LandOfficeAlgorithm):
    NAME = "lookupaudit"
    DISPLAY = "Owner-lookup log (查询留痕)"
    GROUP_ID = "lookup"
    GROUP = "Parcel lookup"
    HELP = ("Writes the log of owner searches (by name or pinyin) and of every view of full ID numbers made on this "
            "computer — when, which user, what was asked (ID numbers masked), how many results, the reason — to "
            "an xlsx an office can file.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_XLSX", tr("Log workbook"),
                                                                fileFilter="Excel (*.xlsx)"))
        self.addOutput(QgsProcessingOutputNumber("COUNT", tr("Entries")))

    def run_algorithm(self, parameters, context, feedback):
        from ..lookup.audit import export_xlsx, rows

        out = self.parameterAsFileOutput(parameters, "OUTPUT_XLSX", context)
        export_xlsx(out)
        return {"OUTPUT_XLSX": out, "COUNT": len(rows())}
