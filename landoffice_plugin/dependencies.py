"""Python packages the plugin needs besides QGIS, checked once at start (without importing them).

QGIS on Windows (OSGeo4W) and some Linux builds lack them; the user gets a message that
names the package and the command to install it instead of a traceback.
"""
from __future__ import annotations

import importlib.util
import sys
from importlib import metadata

from .i18n import tr

# (module, minimum version, what it is for)
REQUIRED = (
    ("shapely", (2, 0), "vectorised geometry for the analyses"),
    ("openpyxl", (3, 0), "Excel reports"),
    ("requests", (2, 20), "sync with the data centre"),
) + ((("tomli", (1, 1), "reading the potential-land rules on Python < 3.11"),) if sys.version_info < (3, 11) else ())
# without these the plugin works, with one function off (the panel concerned says so)
OPTIONAL = (
    ("pypinyin", "pinyin search of owner names in 宗地查询"),
)


def _version_tuple(text: str) -> tuple[int, ...]:
    out = []
    for part in text.split(".")[:2]:
        digits = "".join(ch for ch in part if ch.isdigit())
        out.append(int(digits or 0))
    return tuple(out)


def missing_optional() -> list[str]:
    """Readable notes for optional packages that are absent."""
    notes = []
    for module, _purpose in OPTIONAL:
        if importlib.util.find_spec(module) is None:
            notes.append(tr("The optional Python package '{module}' is missing: pinyin search of owner names is "
                            "off. Install it (python -m pip install {module}) and restart QGIS to turn it on.")
                         .format(module=module))
    return notes


def missing_dependencies() -> list[str]:
    """Readable problems, empty when everything is there."""
    problems = []
    for module, minimum, _purpose in REQUIRED:
        if importlib.util.find_spec(module) is None:
            problems.append(tr("The Python package '{module}' is missing. Install it (OSGeo4W Shell: "
                               "python -m pip install {module}; Debian/Ubuntu: sudo apt-get install python3-{module}) "
                               "and restart QGIS.").format(module=module))
            continue
        try:  # the installed distribution's version: no import, so no start-up cost
            version = metadata.version(module)
        except metadata.PackageNotFoundError:
            version = getattr(importlib.import_module(module), "__version__", "0")
        if _version_tuple(version) < minimum:
            problems.append(tr("The Python package '{module}' is version {version}; LandOffice needs {minimum} or "
                               "newer. Upgrade it and restart QGIS.").format(
                module=module, version=version, minimum=".".join(map(str, minimum))))
    return problems
