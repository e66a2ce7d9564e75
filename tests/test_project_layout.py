"""House rules that keep the plugin healthy: engine without widgets, Qt6-ready imports,
every visible string translated."""
import ast
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "landoffice_plugin"
ENGINE_DIRS = ("core", "io", "export", "sample", "processing", "sync", "analysis", "cost", "lookup", "datacheck")
FORBIDDEN_IN_ENGINE = ("qgis.gui", "qgis.utils", "qgis.PyQt.QtWidgets", "PyQt5.QtWidgets")


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_engine_imports_no_widgets():
    offenders = []
    for sub in ENGINE_DIRS:
        for path in (PACKAGE / sub).rglob("*.py") if (PACKAGE / sub).is_dir() else []:
            for name in _imports(path):
                if name.startswith(FORBIDDEN_IN_ENGINE):
                    offenders.append(f"{path.relative_to(REPO)} imports {name}")
            if "iface" in path.read_text(encoding="utf-8").split():
                offenders.append(f"{path.relative_to(REPO)} mentions iface")
    assert not offenders, offenders


def test_qt_only_through_qgis_pyqt():
    offenders = [f"{p.relative_to(REPO)}: {n}" for p in PACKAGE.rglob("*.py") for n in _imports(p)
                 if n.startswith(("PyQt5", "PyQt6", "sip"))]
    assert not offenders, offenders


def test_every_string_is_translated():
    proc = subprocess.run([sys.executable, str(REPO / ".ci" / "i18n_tool.py"), "check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, "run 'make translations' and translate:\n" + proc.stdout


def test_metadata_declares_processing_and_minimum_version():
    text = (REPO / "metadata.txt").read_text(encoding="utf-8")
    assert "qgisMinimumVersion=3.22" in text
    assert "hasProcessingProvider=yes" in text
