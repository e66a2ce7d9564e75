"""``python -m landoffice_plugin ALGORITHM [--NAME VALUE ...]``: run any LandOffice algorithm.

Messages follow ``LANDOFFICE_LANG`` (e.g. ``zh_CN``) or the POSIX locale; errors are always
Chinese and English. Exit codes: 0 success, 1 the algorithm failed, 2 wrong command line (unknown algorithm or
parameter, missing or invalid value). Messages are Chinese and English.
"""
from __future__ import annotations

import json
import sys
import time

from .i18n import bilingual, locale_from_environment, tr

USAGE = "usage: python -m landoffice_plugin ALGORITHM [--NAME VALUE ...] | --help | ALGORITHM --help"


class UsageError(Exception):
    pass


def parse_arguments(argv: list[str]) -> tuple[str | None, dict, bool, bool]:
    """(algorithm, {NAME: value}, wants_help, as_json) from the raw argument list; a flag given twice
    (``--CATEGORIES 0 --CATEGORIES 5``) collects its values in a list."""
    algorithm, params, wants_help, as_json = None, {}, False, False
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("-h", "--help"):
            wants_help = True
        elif arg == "--json":
            as_json = True
        elif arg.startswith("--"):
            name, eq, value = arg[2:].partition("=")
            if not eq:
                if i + 1 >= len(argv):
                    raise UsageError(bilingual("Parameter --{name} has no value.").format(name=name))
                i += 1
                value = argv[i]
            if name in params:
                previous = params[name]
                params[name] = (previous if isinstance(previous, list) else [previous]) + [value]
            else:
                params[name] = value
        elif algorithm is None:
            algorithm = arg
        else:
            raise UsageError(bilingual("Unexpected argument '{arg}': parameters are written --NAME VALUE.")
                             .format(arg=arg))
        i += 1
    return algorithm, params, wants_help, as_json


def _algorithms():
    from qgis.core import QgsApplication

    from .processing.provider import PROVIDER_ID

    provider = QgsApplication.processingRegistry().providerById(PROVIDER_ID)
    return sorted(provider.algorithms(), key=lambda a: a.name())


def enum_ids(alg, name: str) -> tuple:
    """The ids an algorithm gives the options of its enum parameter ``name`` (``ENUM_IDS``), or ()."""
    return tuple(getattr(alg, "ENUM_IDS", {}).get(name, ()))


def _option_list(options, ids=()) -> str:
    """``0 unsupplied Approved but not supplied, 1 …``: number, id (when there are ids) and name of each option."""
    return ", ".join(f"{i} {ids[i]} {o}" if i < len(ids) else f"{i} {o}" for i, o in enumerate(options))


def describe_parameter(param, ids=()) -> str:
    from qgis.core import QgsProcessingParameterEnum

    parts = [f"  --{param.name()}", f"[{param.type()}]", param.description()]
    if isinstance(param, QgsProcessingParameterEnum):
        parts.append("(" + " | ".join(f"{ids[i]} {o}" if i < len(ids) else o
                                      for i, o in enumerate(param.options())) + ")")
    if param.defaultValue() is not None:
        parts.append(tr("default: {value}").format(value=param.defaultValue()))
    from qgis.core import QgsProcessingParameterDefinition

    if param.flags() & QgsProcessingParameterDefinition.FlagOptional:
        parts.append(tr("(optional)"))
    return " ".join(str(p) for p in parts)


def general_help() -> str:
    lines = [USAGE, "", bilingual("Algorithms:")]
    for alg in _algorithms():
        lines.append(f"  {alg.name():<18} {alg.displayName()}")
    lines.append("")
    lines.append(bilingual("Run 'python -m landoffice_plugin ALGORITHM --help' for its parameters."))
    return "\n".join(lines)


def algorithm_help(alg) -> str:
    lines = [f"{alg.id()}: {alg.displayName()}", ""]
    if alg.shortHelpString():
        lines += [alg.shortHelpString(), ""]
    lines.append(bilingual("Parameters:"))
    for param in alg.parameterDefinitions():
        lines.append(describe_parameter(param, enum_ids(alg, param.name())))
    if any(p.type() in LAYER_TYPES for p in alg.parameterDefinitions()):
        lines.append(bilingual("A layer is a file (a GeoPackage, a shapefile, a FileGDB folder) or one layer of it: "
                               "\"file.gpkg|layername=ZD\" (quote the | in a shell)."))
    lines.append(bilingual("Several options: --NAME 0,5 or --NAME 0 --NAME 5; options by number or by name, "
                           "in English or Chinese."))
    lines.append(bilingual("Outputs:"))
    for out in alg.outputDefinitions():
        lines.append(f"  {out.name()} [{out.type()}] {out.description()}")
    return "\n".join(lines + example_text(alg.name()))


def examples() -> dict:
    """The worked examples of ``resources/cli_examples.json``: {algorithm: {"args": [...], "before": str}}."""
    from .paths import resource_path

    data = json.loads(resource_path("cli_examples.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def example_text(name: str) -> list[str]:
    example = examples().get(name)
    if not example:
        return []
    import shlex

    lines = [bilingual("Example (on the sample county of the generatesample example):")]
    if example.get("before"):
        lines.append(f"  {example['before']}")
    lines.append("  " + shlex.join(["python", "-m", "landoffice_plugin", name, *example["args"]]))
    return lines


def find_algorithm(name: str):
    short = name.split(":", 1)[1] if name.startswith("landoffice:") else name
    for alg in _algorithms():
        if alg.name() == short:
            return alg
    known = ", ".join(a.name() for a in _algorithms())
    raise UsageError(bilingual("Unknown algorithm '{name}'. Known algorithms: {known}.")
                     .format(name=name, known=known))


def build_parameters(alg, raw: dict[str, str], context) -> dict:
    """Check names, map enum option names to indexes, and validate values."""
    from qgis.core import (
        QgsProcessingParameterDefinition,
        QgsProcessingParameterEnum,
        QgsProcessingParameterMultipleLayers,
    )

    definitions = {p.name(): p for p in alg.parameterDefinitions()}
    unknown = [n for n in raw if n not in definitions]
    if unknown:
        raise UsageError(bilingual("Unknown parameter(s) {names} for {alg}. Valid parameters: {valid}.").format(
            names=", ".join("--" + n for n in unknown), alg=alg.name(),
            valid=", ".join("--" + n for n in definitions)))
    params: dict = {}
    for name, value in raw.items():
        param = definitions[name]
        if isinstance(param, QgsProcessingParameterEnum):
            value = enum_value(name, param, value, enum_ids(alg, name))
        elif isinstance(param, QgsProcessingParameterMultipleLayers):  # repeated flags, or comma separated
            value = [v.strip() for item in (value if isinstance(value, list) else [value])
                     for v in str(item).split(",") if v.strip()]
            for item in value:
                check_layer_source(name, param, item)
        elif isinstance(value, list):
            raise UsageError(bilingual("--{name} takes one value, not several.").format(name=name))
        else:
            check_layer_source(name, param, value)
            make_output_folder(param, value)
        params[name] = value
    missing = [p.name() for p in alg.parameterDefinitions()
               if not (p.flags() & QgsProcessingParameterDefinition.FlagOptional)
               and p.name() not in params and p.defaultValue() is None]
    if missing:
        raise UsageError(bilingual("Missing required parameter(s): {names}.").format(
            names=", ".join("--" + n for n in missing)))
    for name, value in params.items():
        if not definitions[name].checkValueIsAcceptable(value, context):
            raise UsageError(bilingual("Invalid value '{value}' for --{name}.").format(value=value, name=name))
    ok, message = alg.checkParameterValues(params, context)
    if not ok:
        raise UsageError(message)
    return params


def enum_value(name: str, param, value, ids=()):
    """Option indexes from ``2``, ``0,5``, repeated flags, option ids (``ids``, e.g. ``boundary``) or option
    names in English or Chinese."""
    from .i18n import zh

    values = value if isinstance(value, list) else [value]
    parts = [v.strip() for item in values for v in str(item).split(",") if v.strip()]
    if len(parts) > 1 and not param.allowMultiple():
        raise UsageError(bilingual("--{name} takes one value, not several.").format(name=name))
    options = param.options()
    shown = [o.lower() for o in options]
    chinese = [zh(o).lower() for o in options]
    by_id = [str(i).lower() for i in ids]
    indexes = []
    for part in parts:
        low = part.lower()
        if part.isdigit() and int(part) < len(options):
            indexes.append(int(part))
        elif low in by_id:
            indexes.append(by_id.index(low))
        elif low in shown:
            indexes.append(shown.index(low))
        elif low in chinese:
            indexes.append(chinese.index(low))
        elif zh(part).lower() in shown:  # English typed while the options are shown in Chinese
            indexes.append(shown.index(zh(part).lower()))
        else:
            raise UsageError(bilingual("--{name} must be one of: {options}.").format(
                name=name, options=_option_list(options, ids)) + f" ('{part}')")
    if not indexes:
        raise UsageError(bilingual("Parameter --{name} has no value.").format(name=name))
    return indexes if param.allowMultiple() else indexes[0]


LAYER_TYPES = ("vector", "source", "layer", "raster", "multilayer")


def check_layer_source(name: str, param, value: str) -> None:
    """A layer given as ``file.gpkg`` or ``file.gpkg|layername=ZD`` that cannot be read: say why."""
    if param.type() not in LAYER_TYPES or not isinstance(value, str) or not value:
        return
    from pathlib import Path

    path, _bar, options = value.partition("|")
    file = Path(path)
    if not file.suffix or "://" in path or path.lower().startswith(("dbname=", "pg:", "service=")):
        return  # a project layer name or a database connection: QGIS resolves it
    if not file.exists():
        raise UsageError(bilingual("--{name}: the file {path} does not exist. Check the path (write a layer "
                                   "of a GeoPackage as file.gpkg|layername=ZD).").format(name=name, path=path))
    wanted = dict(kv.split("=", 1) for kv in options.split("|") if "=" in kv).get("layername")
    from osgeo import gdal

    gdal.ErrorReset()
    with _quiet_gdal():  # GDAL's own exception mode stays as the rest of the process set it
        ds = gdal.OpenEx(str(file), gdal.OF_VECTOR)
    if ds is None:  # not a dataset, truncated, locked: GDAL's last message says which
        raise UsageError(bilingual("--{name}: {path} cannot be read as a layer file ({error}). Check that it "
                                   "is a complete GeoPackage, shapefile or FileGDB.").format(
            name=name, path=path, error=gdal.GetLastErrorMsg().strip() or "GDAL"))
    layers = [ds.GetLayerByIndex(i).GetName() for i in range(ds.GetLayerCount())]
    if wanted is not None and wanted not in layers:
        raise UsageError(bilingual("--{name}: {path} has no layer '{layer}'. Its layers: {layers}. Write "
                                   "file.gpkg|layername=NAME.").format(
            name=name, path=path, layer=wanted, layers=", ".join(layers) or "—"))


class _quiet_gdal:  # noqa: N801 - used as a context manager
    """GDAL errors collected (GetLastErrorMsg) instead of printed or raised, for one call."""

    def __enter__(self):
        from osgeo import gdal

        gdal.PushErrorHandler("CPLQuietErrorHandler")
        self._raise = gdal.GetUseExceptions()
        gdal.DontUseExceptions()

    def __exit__(self, *exc):
        from osgeo import gdal

        if self._raise:
            gdal.UseExceptions()
        gdal.PopErrorHandler()
        return False


def make_output_folder(param, value) -> None:
    """Create the folder of an output file (``--OUTPUT out/county.gpkg`` in a fresh checkout)."""
    if not isinstance(value, str) or not value or "://" in value:
        return
    if param.isDestination() or param.type() in ("fileDestination", "folderDestination", "vectorDestination"):
        from pathlib import Path

        target = Path(value.split("|", 1)[0])
        folder = target if param.type() == "folderDestination" else target.parent
        if str(folder) not in ("", "."):
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise UsageError(bilingual("Cannot create the folder {folder} for the output: {error}.").format(
                    folder=str(folder), error=err.strerror or str(err))) from err


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        algorithm, raw, wants_help, as_json = parse_arguments(argv)
    except UsageError as err:
        print(f"{err}\n{USAGE}", file=sys.stderr)
        return 2

    from qgis.core import QgsProcessingContext, QgsProject

    from .headless import start_qgis
    from .processing.feedback import ConsoleFeedback

    start_qgis(locale=locale_from_environment(), processing=False)  # only the landoffice algorithms run
    if algorithm is None:
        print(general_help(), file=sys.stdout if wants_help else sys.stderr)
        return 0 if wants_help else 2
    try:
        alg = find_algorithm(algorithm)
    except UsageError as err:
        print(err, file=sys.stderr)
        return 2
    if wants_help:
        print(algorithm_help(alg))
        return 0

    alg = alg.create()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = ConsoleFeedback()
    try:
        params = build_parameters(alg, raw, context)
    except UsageError as err:
        print(f"{err}\n\n{algorithm_help(alg)}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    results, ok = alg.run(params, context, feedback)
    if not ok:
        print(bilingual("Algorithm {name} failed.").format(name=alg.id()), file=sys.stderr)
        return 1
    results = {k: v for k, v in results.items() if not k.startswith("CHILD_")}
    if as_json:
        print(json.dumps(results, ensure_ascii=False, default=str, indent=2))
    else:
        for key, value in results.items():
            print(f"{key}: {value}")
        print(bilingual("Finished in {seconds:.1f} s.").format(seconds=time.perf_counter() - started),
              file=sys.stderr)
    return 0
