"""Python packages the plugin needs besides QGIS, checked once at start.

QGIS on Windows (OSGeo4W) and some Linux builds lack them; the user gets a message that
names the package and the command to install it instead of a traceback.
"""
from __future__ import annotations

import importlib

from .i18n import tr

# (module, minimum version, what it is for)
REQUIRED = (
    ("shapely", (2, 0), "vectorised geometry for the analyses"),
    ("openpyxl", (3, 0), "Excel reports"),
)


def _version_tuple(text: str) -> tuple[int, ...]:
    out = []
    for part in text.split(".")[:2]:
        digits = "".join(ch for ch in part if ch.isdigit())
        out.append(int(digits or 0))
    return tuple(out)


def missing_dependencies() -> list[str]:
    """Readable problems, empty when everything is there."""
    problems = []
    for module, minimum, _purpose in REQUIRED:
        try:
            mod = importlib.import_module(module)
        except ImportError:
            problems.append(tr("The Python package '{module}' is missing. Install it (OSGeo4W Shell: "
                               "python -m pip install {module}; Debian/Ubuntu: sudo apt-get install python3-{module}) "
                               "and restart QGIS.").format(module=module))
            continue
        version = getattr(mod, "__version__", "0")
        if _version_tuple(version) < minimum:
            problems.append(tr("The Python package '{module}' is version {version}; LandOffice needs {minimum} or "
                               "newer. Upgrade it and restart QGIS.").format(
                module=module, version=version, minimum=".".join(map(str, minimum))))
    return problems
