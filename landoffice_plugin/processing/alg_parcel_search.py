"""``landoffice:parcelsearch``: the dock's search from a script, matches in rank order to CSV."""
from __future__ import annotations

import csv
from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ..i18n import tr
from .base import LandOfficeAlgorithm
from .field_map_param import add_field_map, apply_field_map, field_map_of

CSV_HEADER = ("rank", "宗地代码", "权利人", "坐落", "面积（亩）", "用途", "乡镇", "村", "红灯", "匹配方式")


class ParcelSearchAlgorithm(LandOfficeAlgorithm):
    NAME = "parcelsearch"
    DISPLAY = "Search parcels"
    GROUP_ID = "lookup"
    GROUP = "Parcel lookup"
    HELP = ("Searches the parcel layer (ZD) like the 宗地查询 panel: parcel code or any beginning of it, "
            "real-estate unit number, owner name (full or part), owner pinyin (zhangjianguo, zjg), address "
            "fragment. Writes the matches in rank order to a CSV file (UTF-8 with BOM, opens in Excel).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterVectorLayer(
            "ZD", tr("Parcel layer (ZD)"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterString("QUERY", tr("Search text")))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "XZQ", tr("Townships (XZQ), for the township names"), [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "CJDCQ", tr("Villages (CJDCQ), for the village names"), [QgsProcessing.TypeVectorPolygon],
            optional=True))
        add_field_map(self)
        self.addParameter(QgsProcessingParameterNumber(
            "LIMIT", tr("Maximum number of matches"), QgsProcessingParameterNumber.Integer, 100, minValue=1))
        self.addParameter(QgsProcessingParameterFolderDestination(
            "INDEX_DIR", tr("Search index folder (empty: the QGIS profile)"), optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT", tr("Matches (CSV)"),
                                                                tr("CSV files (*.csv)")))
        self.addOutput(QgsProcessingOutputNumber("TOTAL", tr("Number of matches")))

    def run_algorithm(self, parameters, context, feedback):
        from ..lookup.index import default_cache_dir, ensure_index
        from ..lookup.search import RANK_NAMES, search

        layer = self.parameterAsVectorLayer(parameters, "ZD", context)
        query = self.parameterAsString(parameters, "QUERY", context)
        limit = self.parameterAsInt(parameters, "LIMIT", context)
        folder = self.parameterAsString(parameters, "INDEX_DIR", context) if parameters.get("INDEX_DIR") else ""
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        regions = {r: self.parameterAsVectorLayer(parameters, r, context) for r in ("XZQ", "CJDCQ")}
        apply_field_map({"ZD": layer, **regions}, field_map_of(self, parameters, context))
        index = ensure_index(layer, folder or default_cache_dir(),
                             progress=lambda p: (feedback.setProgress(p * 0.9), not feedback.isCanceled())[1])
        from ..lookup.index_update import attach_regions

        attach_regions(index, self.parameterAsVectorLayer(parameters, "XZQ", context),
                       self.parameterAsVectorLayer(parameters, "CJDCQ", context))
        result = search(index, query, limit=limit)
        if result.message:
            feedback.pushInfo(result.message)
        with Path(output).open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_HEADER)
            for n, row in enumerate(result.rows, start=1):
                writer.writerow((n, row.code, row.owner, row.address, f"{row.area_mu:.4f}",
                                 f"{row.use_code} {row.use_name}".strip(), row.township, row.village,
                                 "是" if row.red else "", RANK_NAMES[row.rank]))
        total = f"{result.total}+" if result.capped else str(result.total)
        feedback.pushInfo(tr("{count} of {total} matches written to {path}").format(
            count=len(result.rows), total=total, path=output))
        index.close()
        return {"OUTPUT": output, "TOTAL": result.total}
