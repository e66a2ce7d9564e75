"""make package: the zip QGIS installs, and the plugin finds its data when installed from it."""
import os
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_zip_layout_and_installed_plugin_finds_its_data(tmp_path):
    subprocess.run([sys.executable, str(REPO / ".ci" / "package.py"), "--out", str(tmp_path / "build")],
                   check=True, capture_output=True)
    zip_path = tmp_path / "build" / "landoffice_plugin.zip"
    with zipfile.ZipFile(zip_path) as zf:
        names = zf.namelist()
    assert all(n.startswith("landoffice_plugin/") for n in names)
    for needed in ("landoffice_plugin/__init__.py", "landoffice_plugin/metadata.txt",
                   "landoffice_plugin/i18n/landoffice_zh_CN.qm", "landoffice_plugin/resources/roles.json",
                   "landoffice_plugin/resources/icons/landoffice.svg"):
        assert needed in names, needed
    assert not any("/tests/" in n or n.endswith(".pyc") or "__pycache__" in n for n in names)

    plugins = tmp_path / "plugins"
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(plugins)
    code = (
        "import landoffice_plugin.paths as p, landoffice_plugin.i18n as i;"
        "print(p.resources_dir()); print(i.qm_path())"
    )
    env = dict(os.environ, PYTHONPATH=str(plugins), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    resources, qm = proc.stdout.split()
    assert Path(resources) == plugins / "landoffice_plugin" / "resources"
    assert Path(qm) == plugins / "landoffice_plugin" / "i18n" / "landoffice_zh_CN.qm"


def test_zip_meets_the_plugin_repository_rules(tmp_path):
    import configparser

    subprocess.run([sys.executable, str(REPO / ".ci" / "package.py"), "--out", str(tmp_path / "build")],
                   check=True, capture_output=True)
    zip_path = tmp_path / "build" / "landoffice_plugin.zip"
    assert zip_path.stat().st_size < 25 * 1024 * 1024  # the repository's upload limit
    with zipfile.ZipFile(zip_path) as zf:
        names = zf.namelist()
        assert {n.split("/")[0] for n in names} == {"landoffice_plugin"}
        assert "landoffice_plugin/LICENSE" in names
        assert "GNU GENERAL PUBLIC LICENSE" in zf.read("landoffice_plugin/LICENSE").decode()
        assert not [n for n in names if n.endswith((".pyc", ".pyo", ".so", ".dll", ".exe", ".dylib"))
                    or "__pycache__" in n or "/." in n]
        meta = configparser.ConfigParser(interpolation=None)
        meta.read_string(zf.read("landoffice_plugin/metadata.txt").decode("utf-8"))
    general = meta["general"]
    for field in ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email",
                  "repository"):
        assert general.get(field, "").strip(), field
    assert "GPL" in general["license"]
    for dep in ("shapely", "openpyxl", "requests"):
        assert dep in general["about"], dep
    changelog = general["changelog"]
    assert "CHANGELOG.md" not in changelog and len(changelog.splitlines()) > 2
