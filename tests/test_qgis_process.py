"""Once the zip is installed and enabled, QGIS's own ``qgis_process`` runs our algorithms."""
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# Debian's /usr/bin/qgis_process wrapper passes --noversioncheck, which 3.22's runner rejects.
QGIS_PROCESS = shutil.which("qgis_process.bin") or shutil.which("qgis_process")

pytestmark = pytest.mark.skipif(QGIS_PROCESS is None,
                                reason="qgis_process comes with Debian's 'qgis' package (apt-get install qgis)")


def test_qgis_process_runs_installed_plugin(tmp_path):
    subprocess.run([sys.executable, str(REPO / ".ci" / "package.py"), "--out", str(tmp_path / "build")],
                   check=True, capture_output=True)
    plugins = tmp_path / "config" / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(tmp_path / "build" / "landoffice_plugin.zip") as zf:
        zf.extractall(plugins)
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "config"), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=sysconfig.get_paths()["purelib"])

    def qp(*args):
        return subprocess.run([QGIS_PROCESS, *args], env=env, cwd=tmp_path, capture_output=True, text=True,
                              timeout=300)

    assert qp("plugins", "enable", "landoffice_plugin").returncode == 0
    listing = qp("list").stdout
    assert "landoffice:generatesample" in listing
    out = tmp_path / "qp.gpkg"
    proc = qp("run", "landoffice:generatesample", "--", "SCALE=0", "SEED=2", f"OUTPUT={out}")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert out.is_file()
