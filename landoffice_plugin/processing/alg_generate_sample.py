"""Processing algorithm ``landoffice:generatesample``: the fictional sample county."""
from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputFile,
    QgsProcessingOutputFolder,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from landoffice_plugin.i18n import tr
from landoffice_plugin.sample.dialects import DIALECTS
from landoffice_plugin.sample.schema import ORDER

from .base import LandOfficeAlgorithm

SCALES = ["small", "county"]


class GenerateSampleAlgorithm(LandOfficeAlgorithm):
    NAME = "generatesample"
    DISPLAY = "Generate sample county"
    GROUP_ID = "data"
    GROUP = "Data"
    HELP = ("Generates a fictional county (code 320299, EPSG:4549) with every layer role: townships, villages, "
            "land-use patches (an exact partition), basic farmland, ecological red line, development boundary, "
            "approvals, land supply, parcels, buildings, households and enterprises. Beside the GeoPackage it "
            "writes a 三调-style FileGDB (<name>_sandiao.gdb) and a GBK shapefile of DLTB (<name>_shp_gbk). "
            "SCALE: small (3 townships, a few seconds) or county (10 townships, ≈ 250 000 patches, a few minutes); "
            "give 0/1 or the names small/county. The same seed always gives the same data. "
            "DIALECT: standard; alias (the same county as another office delivers it: EPSG:4490, field names "
            "from the national database standards such as GNFQLX/HTQDRQ/QLR/TDZL, zone types, ownership and "
            "structures as names, text dates in mixed forms, one row per household in the population table; read "
            "without a field map); mapped (EPSG:4527, "
            "Chinese layer names, a local system's field names and codes, with <name>.fieldmap.toml beside "
            "the GeoPackage to pass as FIELD_MAP). alias and mapped write only the GeoPackage.")

    SCALE = "SCALE"
    SEED = "SEED"
    DENSIFY = "DENSIFY"
    TILES = "TILES"
    OUTPUT = "OUTPUT"
    FILEGDB = "FILEGDB"
    SHAPEFILE = "SHAPEFILE"
    DIALECT = "DIALECT"
    FIELDMAP = "FIELDMAP"

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterEnum(self.SCALE, tr("Scale"), options=SCALES, defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(self.SEED, tr("Random seed"),
                                                       type=QgsProcessingParameterNumber.Integer, defaultValue=1,
                                                       minValue=0))
        self._integer(self.DENSIFY, tr("Densify: mean vertices per land-use patch (0: off)"), 0, 0, 1000,
                      tr("Adds vertices along every boundary until the land-use patches have this mean number "
                         "of vertices, as digitised 三调 patches have (40–60). Shared boundaries get the same "
                         "vertices on both sides, so the partition stays exact."))
        self._integer(self.TILES, tr("Counties side by side (a sample city; 1: one county)"), 1, 1, 100,
                      tr("Lays the generated county out this many times in one GeoPackage, each copy with its own "
                         "county code (320299, 320298, …): a city for trying the tools on millions of patches. "
                         "Only the GeoPackage is written."))
        self.addParameter(QgsProcessingParameterEnum(self.DIALECT, tr("Dialect"), options=list(DIALECTS),
                                                     defaultValue=0, optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Output GeoPackage"), fileFilter="GeoPackage (*.gpkg *.GPKG)"))
        self.addOutput(QgsProcessingOutputFolder(self.FILEGDB, tr("三调-style FileGDB")))
        self.addOutput(QgsProcessingOutputFile(self.SHAPEFILE, tr("GBK shapefile of DLTB")))
        self.addOutput(QgsProcessingOutputFile(self.FIELDMAP, tr("Field map of the mapped dialect")))
        for role in ORDER:
            self.addOutput(QgsProcessingOutputNumber(f"{role}_COUNT", tr("Features in {layer}").format(layer=role)))

    def _integer(self, name: str, label: str, default: int, lo: int, hi: int, help_text: str) -> None:
        param = QgsProcessingParameterNumber(name, label, type=QgsProcessingParameterNumber.Integer,
                                             defaultValue=default, minValue=lo, maxValue=hi)
        param.setHelp(help_text)
        self.addParameter(param)

    def _normalised(self, parameters: dict) -> dict:
        """Accept the scale's name ('small', 'county') as well as its index."""
        parameters = dict(parameters)
        for name, choices in ((self.SCALE, SCALES), (self.DIALECT, DIALECTS)):
            value = parameters.get(name)
            if isinstance(value, str) and value.strip().lower() in choices:
                parameters[name] = choices.index(value.strip().lower())
        return parameters

    def checkParameterValues(self, parameters, context):
        return super().checkParameterValues(self._normalised(parameters), context)

    def run_algorithm(self, parameters, context, feedback):
        parameters = self._normalised(parameters)
        scale = SCALES[self.parameterAsEnum(parameters, self.SCALE, context)]
        seed = self.parameterAsInt(parameters, self.SEED, context)
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        densify = self.parameterAsInt(parameters, self.DENSIFY, context)
        from landoffice_plugin.sample.generator import generate_sample  # heavy: only when run

        dialect = DIALECTS[self.parameterAsEnum(parameters, self.DIALECT, context)]
        tiles = self.parameterAsInt(parameters, self.TILES, context) if parameters.get(self.TILES) else 1
        if tiles > 1:
            return self._city(output, tiles, scale, seed, dialect, densify, feedback)
        summary = generate_sample(output, scale=scale, seed=seed, feedback=feedback, dialect=dialect,
                                  densify=densify)
        if summary.get("cancelled"):
            return {}
        for role, count in summary["counts"].items():
            feedback.pushInfo(f"{role}: {count}")
        feedback.pushInfo(tr("Generated in {seconds} s").format(seconds=summary["seconds"]["total"]))
        result = {self.OUTPUT: summary["output"], self.FILEGDB: summary["filegdb"],
                  self.SHAPEFILE: summary["shapefile"], self.FIELDMAP: summary["fieldmap"]}
        result.update({f"{role}_COUNT": count for role, count in summary["counts"].items()})
        return result

    def _city(self, output: str, tiles: int, scale: str, seed: int, dialect: str, densify: int, feedback) -> dict:
        """The county generated beside ``output`` (then removed), laid out ``tiles`` times into ``output``."""
        import shutil
        import tempfile
        from pathlib import Path

        from landoffice_plugin.sample.generator import generate_sample
        from landoffice_plugin.sample.tiling import tile_sample

        folder = Path(tempfile.mkdtemp(prefix=".county-", dir=str(Path(output).parent)))
        try:
            summary = generate_sample(folder / "county.gpkg", scale=scale, seed=seed, feedback=feedback,
                                      dialect=dialect, densify=densify)
            if summary.get("cancelled"):
                return {}
            counts = tile_sample(summary["output"], output, tiles, feedback=feedback)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        for role, count in counts.items():
            feedback.pushInfo(f"{role}: {count}")
        result = {self.OUTPUT: str(output), self.FILEGDB: "", self.SHAPEFILE: "", self.FIELDMAP: ""}
        result.update({f"{role}_COUNT": count for role, count in counts.items()})
        return result
