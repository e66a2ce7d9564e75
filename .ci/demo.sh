#!/usr/bin/env bash
# make demo: generate the sample county and run the main jobs headless into demo-output/.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-demo-output}; scale=${2:-small}
mkdir -p "$out"
PY=.venv/bin/python
run() { echo "+ python -m landoffice_plugin $*"; $PY -m landoffice_plugin "$@"; }

run generatesample --SCALE "$scale" --SEED 1 --OUTPUT "$out/sample_county.gpkg"
run buildproject --INPUT "$out/sample_county.gpkg" --OUTPUT "$out/sample_county.qgz"
run importdata --INPUT "$out/sample_county_sandiao.gdb" --OUTPUT "$out/imported_from_filegdb.gpkg"
run overviewmap --INPUT "$out/sample_county.gpkg" --TITLE "示范县土地利用现状概览图" --OUTPUT_PDF "$out/overview_map.pdf"

echo
echo "Demo outputs in $(cd "$out" && pwd):"
ls -1 "$out" | sed 's/^/  /'
