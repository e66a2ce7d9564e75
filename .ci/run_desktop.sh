#!/usr/bin/env bash
# make run: QGIS desktop with the plugin (from the zip) and the sample project.
# A profile of its own under build/qgis-profiles keeps your own QGIS profile untouched.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v qgis >/dev/null 2>&1; then
  echo "The QGIS desktop is not installed. Install it with: sudo apt-get install qgis" >&2
  echo "未安装 QGIS 桌面程序，请先运行：sudo apt-get install qgis" >&2
  exit 1
fi
.venv/bin/python .ci/package.py --out build >/dev/null
profiles=$PWD/build/qgis-profiles
plugins=$profiles/profiles/default/python/plugins
rm -rf "$plugins/landoffice_plugin"; mkdir -p "$plugins" "$profiles/profiles/default/QGIS"
(cd "$plugins" && unzip -q -o "$OLDPWD/build/landoffice_plugin.zip")
ini=$profiles/profiles/default/QGIS/QGIS3.ini
grep -q "^landoffice_plugin=true" "$ini" 2>/dev/null || printf '[PythonPlugins]\nlandoffice_plugin=true\n' >> "$ini"
mkdir -p demo-output
[ -f demo-output/sample_county.gpkg ] || .venv/bin/python -m landoffice_plugin generatesample --SCALE small --OUTPUT demo-output/sample_county.gpkg
[ -f demo-output/sample_county.qgz ] || .venv/bin/python -m landoffice_plugin buildproject --INPUT demo-output/sample_county.gpkg --OUTPUT demo-output/sample_county.qgz
# the desktop runs Debian's Python: give it the pinned shapely/openpyxl of .venv
export PYTHONPATH="$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')${PYTHONPATH:+:$PYTHONPATH}"
unset QT_QPA_PLATFORM
exec qgis --profiles-path "$profiles" demo-output/sample_county.qgz "$@"
