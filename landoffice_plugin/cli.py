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


def parse_arguments(argv: list[str]) -> tuple[str | None, dict[str, str], bool, bool]:
    """(algorithm, {NAME: value}, wants_help, as_json) from the raw argument list."""
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


def describe_parameter(param) -> str:
    from qgis.core import QgsProcessingParameterEnum

    parts = [f"  --{param.name()}", f"[{param.type()}]", param.description()]
    if isinstance(param, QgsProcessingParameterEnum):
        parts.append("(" + " | ".join(param.options()) + ")")
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
        lines.append(describe_parameter(param))
    lines.append(bilingual("Outputs:"))
    for out in alg.outputDefinitions():
        lines.append(f"  {out.name()} [{out.type()}] {out.description()}")
    return "\n".join(lines)


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
    from qgis.core import QgsProcessingParameterDefinition, QgsProcessingParameterEnum

    definitions = {p.name(): p for p in alg.parameterDefinitions()}
    unknown = [n for n in raw if n not in definitions]
    if unknown:
        raise UsageError(bilingual("Unknown parameter(s) {names} for {alg}. Valid parameters: {valid}.").format(
            names=", ".join("--" + n for n in unknown), alg=alg.name(),
            valid=", ".join("--" + n for n in definitions)))
    params: dict = {}
    for name, value in raw.items():
        param = definitions[name]
        if isinstance(param, QgsProcessingParameterEnum) and not value.lstrip("-").isdigit():
            options = [o.lower() for o in param.options()]
            if value.lower() not in options:
                raise UsageError(bilingual("--{name} must be one of: {options}.").format(
                    name=name, options=", ".join(param.options())))
            value = options.index(value.lower())
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

    start_qgis(locale=locale_from_environment())
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
