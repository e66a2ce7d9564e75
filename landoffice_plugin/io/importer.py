"""Import survey data (FileGDB, GeoPackage, shapefiles) into one GeoPackage, one table per role.

:func:`inspect_source` lists what a source holds and what is wrong with it; :func:`import_source`
copies every layer into a GeoPackage (recognised layers named by role id, fields renamed to
the standard names, reprojected to one CGCS2000 CRS). It writes a temporary file beside the
output and renames it at the end, so a failed or cancelled import leaves nothing half-written.
"""
from __future__ import annotations

import os
import time
import uuid
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

from osgeo import gdal, ogr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeedback,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt

from landoffice_plugin.core.crs import is_cgcs2000 as _is_cgcs2000_code
from landoffice_plugin.core.errors import LandOfficeError
from landoffice_plugin.core.roles import geometry_kind, load_roles, missing_fields_error, recognise_role

from .encoding import check_shapefile_files, open_shapefile
from .import_report import (
    DUPLICATE_ROLE,
    MISSING_FIELDS,
    NO_CRS,
    NO_LAYERS,
    NOT_CGCS2000,
    UNREADABLE,
    ImportResult,
    Problem,
    SourceLayer,
    SourceReport,
    WrittenLayer,
)

METADATA_TABLE = "landoffice_import"
_SKIP_TABLES = {"layer_styles", METADATA_TABLE}
_DRIVERS = {"gpkg": "GPKG", "gdb": "OpenFileGDB"}


# ---- finding layers ------------------------------------------------------------------------------

def _discover(path: Path) -> list:
    """``[(kind, path)]`` with kind 'gdb', 'gpkg', 'shp' or 'dbf' (a table without .shp)."""
    if path.is_dir():
        if path.suffix.lower() == ".gdb":
            return [("gdb", path)]
        found = []
        for root, dirs, files in os.walk(path):
            dirs.sort()
            found += [("gdb", Path(root, d)) for d in dirs if d.lower().endswith(".gdb")]
            dirs[:] = [d for d in dirs if not d.lower().endswith(".gdb") and not d.startswith(".")]
            shp_stems = {Path(f).stem.lower() for f in files if f.lower().endswith(".shp")}
            for name in sorted(files):
                low = name.lower()
                if low.endswith(".gpkg") and not name.startswith("."):
                    found.append(("gpkg", Path(root, name)))
                elif low.endswith(".shp"):
                    found.append(("shp", Path(root, name)))
                elif low.endswith(".dbf") and Path(name).stem.lower() not in shp_stems:
                    found.append(("dbf", Path(root, name)))
        return found
    if path.is_file():
        suffix = path.suffix.lower()
        if path.parent.suffix.lower() == ".gdb":
            return [("gdb", path.parent)]
        if suffix in (".gpkg", ".shp", ".dbf"):
            return [(suffix[1:], path)]
        raise LandOfficeError("{path} is not a format LandOffice can import. Choose a GeoPackage (.gpkg), a FileGDB "
                              "folder (.gdb), a shapefile (.shp) or a folder of shapefiles.", path=str(path))
    raise LandOfficeError("{path} does not exist. Check the path and choose the data again.", path=str(path))


def _ogr_layer_names(path: Path, kind: str) -> list:
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        gdal.ErrorReset()
        ds = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=[_DRIVERS[kind]])
        if ds is None:
            raise LandOfficeError(
                "{file} cannot be read ({error}). The file may be damaged or incomplete: copy it again from the "
                "original source, or open it in QGIS to check it.",
                file=str(path), error=gdal.GetLastErrorMsg() or "unknown format")
        names = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
        ds = None
    finally:
        gdal.PopErrorHandler()
    return [n for n in names if n.lower() not in _SKIP_TABLES]


def _layer_options() -> QgsVectorLayer.LayerOptions:
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = False
    options.skipCrsValidation = True
    return options


def open_source_layer(layer: SourceLayer) -> QgsVectorLayer:
    """The source layer opened in QGIS (shapefiles with their detected encoding)."""
    if layer.encoding:
        return open_shapefile(layer.uri, layer.name, encoding=layer.encoding)[0]
    return QgsVectorLayer(layer.uri, layer.name, "ogr", _layer_options())


# ---- inspecting ----------------------------------------------------------------------------------

def is_cgcs2000(crs: QgsCoordinateReferenceSystem) -> bool:
    """True for CGCS2000 geographic and Gauss–Krüger CRSs (EPSG:4490–4554 or the CGCS2000 ellipsoid)."""
    if not crs.isValid():
        return False
    if _is_cgcs2000_code(crs):
        return True
    if crs.ellipsoidAcronym() == "EPSG:1024":
        return True
    wkt = crs.toWkt().upper()
    return any(k in wkt for k in ("CGCS2000", "CHINA_2000", "CHINA GEODETIC COORDINATE SYSTEM 2000"))


def _inspect_layer(report: SourceReport, file: Path, kind: str, name: str, uri: str) -> None:
    encoding = how = None
    if kind in ("shp", "dbf"):
        layer, encoding, how = open_shapefile(file, name)
    else:
        layer = QgsVectorLayer(uri, name, "ogr", _layer_options())
    if not layer.isValid():
        report.problems.append(Problem(UNREADABLE, LandOfficeError(
            "Layer '{layer}' in {file} cannot be opened. The file may be damaged: copy it again from the original "
            "source, or open it in QGIS to check it.", layer=name, file=str(file)), str(file), name))
        report.layers.append(SourceLayer(str(file), name, uri, "unknown", 0, "", readable=False))
        return
    geometry = geometry_kind(layer)
    fields = layer.fields().names()
    crs = layer.crs()
    entry = SourceLayer(str(file), name, uri, geometry, max(layer.featureCount(), 0),
                        crs.authid() if crs.isValid() else "", crs.description() if crs.isValid() else "",
                        encoding, how, fields, recognise_role(name, fields, geometry))
    report.layers.append(entry)
    if geometry != "none" and not crs.isValid():
        report.problems.append(Problem(NO_CRS, LandOfficeError(
            "Layer '{layer}' in {file} has no coordinate reference system. Add its .prj file, or set its CRS in QGIS "
            "(CGCS2000, e.g. EPSG:4549) and save it; otherwise it is imported as if it were in the target CRS.",
            layer=name, file=str(file)), str(file), name))
    elif geometry != "none" and not is_cgcs2000(crs):
        report.problems.append(Problem(NOT_CGCS2000, LandOfficeError(
            "Layer '{layer}' in {file} is in {crs}, not CGCS2000. It is reprojected with PROJ's default "
            "transformation, which can be off by metres or more for Xian 1980 and Beijing 1954; for survey work "
            "convert it with the province's official parameters first.",
            layer=name, file=str(file), crs=f"{crs.description()} ({crs.authid() or '?'})"), str(file), name))
    if entry.match is not None and entry.match.missing:
        error = missing_fields_error(name, entry.match.role_id, entry.match.missing)
        report.problems.append(Problem(MISSING_FIELDS, error, str(file), name))


def _choose_roles(report: SourceReport) -> None:
    by_role = {}
    for layer in report.layers:
        if layer.readable and layer.match is not None:
            by_role.setdefault(layer.match.role_id, []).append(layer)
    for role_id, role in load_roles().items():
        candidates = sorted(by_role.get(role_id, []), key=lambda sl: (-sl.match.score, -sl.feature_count))
        if not candidates:
            report.roles_missing.append(role_id)
            continue
        report.roles_found[role_id] = candidates[0]
        if len(candidates) > 1:
            report.problems.append(Problem(DUPLICATE_ROLE, LandOfficeError(
                "Several layers look like {role}: {layers}. {chosen} is imported as {role_id}, the others under their "
                "own names. Remove or rename the layers you do not want, or assign the role by hand.",
                role=role.name_zh, role_id=role_id, chosen=candidates[0].name,
                layers=", ".join(sl.name for sl in candidates))))


def inspect_source(path) -> SourceReport:
    """Every layer of ``path`` (.gdb folder, .gpkg, .shp, or a folder of them), roles and problems."""
    path = Path(path)
    report = SourceReport(str(path))
    for kind, file in _discover(path):
        try:
            if kind in ("shp", "dbf"):
                check_shapefile_files(file)
                entries = [(file.stem, str(file))]
            else:
                entries = [(n, f"{file}|layername={n}") for n in _ogr_layer_names(file, kind)]
        except LandOfficeError as err:
            report.problems.append(Problem(UNREADABLE, err, str(file)))
            report.layers.append(SourceLayer(str(file), file.stem, str(file), "unknown", 0, "", readable=False))
            continue
        for name, uri in entries:
            _inspect_layer(report, file, kind, name, uri)
    _choose_roles(report)
    if not any(sl.readable for sl in report.layers):
        report.problems.append(Problem(NO_LAYERS, LandOfficeError(
            "No readable layer was found in {path}. Choose a GeoPackage, a FileGDB folder (.gdb), a shapefile or a "
            "folder of shapefiles.", path=str(path)), str(path)))
    return report


# ---- importing -----------------------------------------------------------------------------------

def _target_crs(report: SourceReport, layers: list, target_crs) -> QgsCoordinateReferenceSystem:
    if target_crs:
        crs = target_crs if isinstance(target_crs, QgsCoordinateReferenceSystem) \
            else QgsCoordinateReferenceSystem(str(target_crs))
        if not crs.isValid():
            raise LandOfficeError("The target CRS '{crs}' is not a valid coordinate reference system. Give an EPSG "
                                  "code such as EPSG:4549.", crs=str(target_crs))
        return crs
    votes = Counter()
    for sl in layers:
        if sl.geometry != "none" and sl.crs and is_cgcs2000(QgsCoordinateReferenceSystem(sl.crs)):
            votes[sl.crs] += 1_000_000_000 + sl.feature_count  # layers first, features break ties
    if votes:
        return QgsCoordinateReferenceSystem(votes.most_common(1)[0][0])
    if all(sl.geometry == "none" for sl in layers):
        return QgsCoordinateReferenceSystem()
    raise LandOfficeError("None of the layers in {path} is in CGCS2000, so the target CRS cannot be chosen "
                          "automatically. Choose a target CRS, for example EPSG:4549 (CGCS2000, 3-degree zone, "
                          "central meridian 120°E).", path=report.path)


def _clean_name(name: str) -> str:
    out = "".join("_" if c in " .-/\\'\"()[]" else c for c in name.strip()) or "layer"
    return "x_" + out if out.lower().startswith(("gpkg_", "rtree_", "sqlite_")) else out


def _output_names(report: SourceReport, layers: list) -> dict:
    names = {id(sl): role_id for role_id, sl in report.roles_found.items()}
    used = {r.lower() for r in load_roles()} | {METADATA_TABLE}  # a role id always means that role
    for sl in layers:
        if id(sl) in names:
            continue
        base = name = _clean_name(sl.name)
        k = 2
        while name.lower() in used:
            name, k = f"{base}_{k}", k + 1
        used.add(name.lower())
        names[id(sl)] = name
    return names


def _renames(field_names: list, mapping) -> dict:
    """``{actual: standard}``, leaving out a rename that would collide with a field that stays."""
    renames = {a: s for a, s in mapping.renames().items() if a in field_names}
    final = [renames.get(n, n).lower() for n in field_names]
    return {a: s for a, s in renames.items() if final.count(s.lower()) == 1}


class _ChildFeedback(QgsFeedback):
    """Progress of one layer mapped onto the whole import; cancelling the parent cancels it."""

    def __init__(self, parent, index: int, total: int):
        super().__init__()
        self._parent, self._index, self._total = parent, index, total
        if parent is not None:
            self.progressChanged.connect(self._forward)
            parent.canceled.connect(self.cancel, Qt.DirectConnection)  # the parent may live in the GUI thread
            if parent.isCanceled():
                self.cancel()

    def _forward(self, progress: float) -> None:
        if self._parent.isCanceled():
            self.cancel()
        self._parent.setProgress(100.0 * (self._index + progress / 100.0) / self._total)

    def detach(self) -> None:
        if self._parent is not None:
            self._parent.canceled.disconnect(self.cancel)


def _write_layer(sl: SourceLayer, name: str, role_id: Optional[str], tmp: Path, first: bool,
                 target: QgsCoordinateReferenceSystem, context, feedback: _ChildFeedback) -> Optional[WrittenLayer]:
    layer = open_source_layer(sl)
    if not layer.isValid():
        raise LandOfficeError("Layer '{layer}' in {file} could not be opened again for the import. Check that the "
                              "file was not moved or changed, then run the import again.",
                              layer=sl.name, file=sl.source)
    renamed = _renames(layer.fields().names(), sl.match.mapping) if role_id else {}
    for index, fld in enumerate(layer.fields()):  # the writer names fields by alias (PreferAlias)
        layer.setFieldAlias(index, renamed.get(fld.name(), fld.name()))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    options.fileEncoding = "UTF-8"
    options.fieldNameSource = QgsVectorFileWriter.PreferAlias
    options.actionOnExistingFile = (QgsVectorFileWriter.CreateOrOverwriteFile if first
                                    else QgsVectorFileWriter.CreateOrOverwriteLayer)
    options.layerOptions = [f"DESCRIPTION=source layer: {sl.name}; file: {sl.source}"]
    options.feedback = feedback
    if sl.geometry != "none" and target.isValid():
        options.forceMulti = sl.geometry in ("polygon", "line")
        if not layer.crs().isValid():
            layer.setCrs(target)
        elif layer.crs() != target:
            options.ct = QgsCoordinateTransform(layer.crs(), target, context)
    error, message, _file, _layer = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(tmp), context, options)
    if error == QgsVectorFileWriter.Canceled or feedback.isCanceled():
        return None
    if error != QgsVectorFileWriter.NoError:
        raise LandOfficeError("Writing layer '{layer}' to the GeoPackage failed: {error}. Check the free disk space "
                              "and that the output folder is writable, then run the import again.",
                              layer=sl.name, error=message)
    return WrittenLayer(name, role_id, sl.source, sl.name, sl.crs, sl.feature_count, renamed)


def _write_metadata(tmp: Path, written: list, target: QgsCoordinateReferenceSystem) -> None:
    """Count what was written and record where each table came from in ``landoffice_import``."""
    ds = gdal.OpenEx(str(tmp), gdal.OF_VECTOR | gdal.OF_UPDATE)
    if ds is None:
        raise LandOfficeError("The new GeoPackage {file} cannot be reopened to finish the import. Check the free "
                              "disk space, then run the import again.", file=str(tmp))
    for w in written:
        out_layer = ds.GetLayerByName(w.name)
        w.feature_count = out_layer.GetFeatureCount() if out_layer is not None else 0
    table = ds.CreateLayer(METADATA_TABLE, geom_type=ogr.wkbNone,
                           options=["DESCRIPTION=LandOffice: source of each imported table"])
    columns = ("layer_name", "role_id", "source_path", "source_layer", "source_crs", "target_crs",
               "renamed_fields", "imported_at")
    for column in columns:
        table.CreateField(ogr.FieldDefn(column, ogr.OFTString))
    table.CreateField(ogr.FieldDefn("feature_count", ogr.OFTInteger64))
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    for w in written:
        feature = ogr.Feature(table.GetLayerDefn())
        values = (w.name, w.role_id or "", w.source, w.source_layer, w.source_crs, target.authid(),
                  ", ".join(f"{a}->{s}" for a, s in w.renamed.items()), stamp)
        for column, value in zip(columns, values):
            feature.SetField(column, value)
        feature.SetField("feature_count", w.feature_count)
        table.CreateFeature(feature)
    ds = None


def _remove(path: Path, sidecars_only: bool = False) -> None:
    for suffix in ("-wal", "-shm", "-journal") if sidecars_only else ("", "-wal", "-shm", "-journal"):
        try:
            os.remove(f"{path}{suffix}")
        except FileNotFoundError:
            pass


def import_source(path, output_gpkg, target_crs=None, feedback: Optional[QgsFeedback] = None,
                  transform_context=None) -> ImportResult:
    """Copy every layer of ``path`` into ``output_gpkg``; ``target_crs`` None keeps the most common CGCS2000 CRS."""
    start = time.perf_counter()
    output = Path(output_gpkg)
    if output.suffix.lower() != ".gpkg":
        raise LandOfficeError("The output {output} must be a GeoPackage file. Choose a file name ending in .gpkg.",
                              output=str(output))
    report = inspect_source(path)
    layers = [sl for sl in report.layers if sl.readable]
    if not layers:
        raise report.problems_of(NO_LAYERS)[0].error
    target = _target_crs(report, layers, target_crs)
    context = transform_context or QgsProject.instance().transformContext()
    result = ImportResult(report, None, target.authid())
    names = _output_names(report, layers)
    chosen = {id(sl): role_id for role_id, sl in report.roles_found.items()}
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(f".{output.stem}.{uuid.uuid4().hex[:8]}.part.gpkg")
    try:
        for index, sl in enumerate(layers):
            child = _ChildFeedback(feedback, index, len(layers))
            try:
                written = None if child.isCanceled() else _write_layer(
                    sl, names[id(sl)], chosen.get(id(sl)), tmp, index == 0, target, context, child)
            finally:
                child.detach()
            if written is None:
                _remove(tmp)
                result.cancelled = True
                result.written = []
                return result
            result.written.append(written)
        _write_metadata(tmp, result.written, target)
        _remove(output, sidecars_only=True)  # a stale -wal of an older output must not replay on the new file
        os.replace(tmp, output)
    except BaseException:
        _remove(tmp)
        raise
    result.output = str(output)
    result.seconds = time.perf_counter() - start
    if feedback is not None:
        feedback.setProgress(100.0)
    return result
