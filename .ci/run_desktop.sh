#!/usr/bin/env bash
# make run: QGIS desktop with the plugin installed and the sample project open.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v qgis >/dev/null 2>&1; then
  echo "The QGIS desktop is not installed. Install it with: sudo apt-get install qgis" >&2
  echo "未安装 QGIS 桌面程序，请先运行：sudo apt-get install qgis" >&2
  exit 1
fi
make --no-print-directory install
mkdir -p demo-output
[ -f demo-output/sample_county.gpkg ] || .venv/bin/python -m landoffice_plugin generatesample --SCALE small --OUTPUT demo-output/sample_county.gpkg
unset QT_QPA_PLATFORM
exec qgis --code <(echo "import qgis.utils; qgis.utils.loadPlugin('landoffice_plugin'); qgis.utils.startPlugin('landoffice_plugin')") demo-output/sample_county.gpkg
