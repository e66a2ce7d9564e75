"""The start-up check names a missing or too old package and says how to install it."""
import importlib.util

from landoffice_plugin import dependencies


def test_all_present_here():
    assert dependencies.missing_dependencies() == []
    assert dependencies.missing_optional() == []


def test_missing_package_is_named_with_the_fix(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(dependencies.importlib.util, "find_spec",
                        lambda name, *a: None if name in ("openpyxl", "pypinyin") else real(name, *a))
    problems = dependencies.missing_dependencies()
    assert len(problems) == 1 and "openpyxl" in problems[0] and "pip install openpyxl" in problems[0]
    notes = dependencies.missing_optional()
    assert len(notes) == 1 and "pypinyin" in notes[0]


def test_old_version_is_reported(monkeypatch):
    real = dependencies.metadata.version
    monkeypatch.setattr(dependencies.metadata, "version", lambda name: "1.8.5" if name == "shapely" else real(name))
    problems = dependencies.missing_dependencies()
    assert len(problems) == 1 and "1.8.5" in problems[0] and "2.0" in problems[0]


def test_the_check_imports_nothing_heavy():
    import subprocess
    import sys

    code = ("import sys; from landoffice_plugin import dependencies as d; d.missing_dependencies(); "
            "d.missing_optional(); print(sorted(m for m in ('openpyxl', 'pypinyin', 'shapely') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
                         cwd=str(__import__("pathlib").Path(__file__).resolve().parents[1]))
    assert out.stdout.strip() == "[]"
