#!/usr/bin/env bash
# make demo: generate the sample county and run the main jobs headless into demo-output/.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-demo-output}; scale=${2:-small}
mkdir -p "$out"
PY=.venv/bin/python
export LANDOFFICE_LANG=${LANDOFFICE_LANG:-zh_CN}  # the demo talks Chinese, like the plugin in a Chinese QGIS
run() { echo "+ python -m landoffice_plugin $1 ..."; $PY -m landoffice_plugin "$@"; }

run generatesample --SCALE "$scale" --SEED 1 --OUTPUT "$out/sample_county.gpkg"
run buildproject --INPUT "$out/sample_county.gpkg" --OUTPUT "$out/sample_county.qgz"
run importdata --INPUT "$out/sample_county_sandiao.gdb" --OUTPUT "$out/imported_from_filegdb.gpkg"
run overviewmap --INPUT "$out/sample_county.gpkg" --TITLE "示范县土地利用现状概览图" --OUTPUT_PDF "$out/overview_map.pdf"

G="$out/sample_county.gpkg"
run parcelsearch --ZD "$G|layername=ZD" --XZQ "$G|layername=XZQ" --CJDCQ "$G|layername=CJDCQ" --QUERY zjg --LIMIT 20 --INDEX_DIR "$out/lookup_index" --OUTPUT "$out/parcel_search_zjg.csv"
run parcelreport --ZD "$G|layername=ZD" --DLTB "$G|layername=DLTB" --YJJBNTTB "$G|layername=YJJBNTTB" \
    --STBHHX "$G|layername=STBHHX" --CZKFBJ "$G|layername=CZKFBJ" --PZYD "$G|layername=PZYD" --GYYD "$G|layername=GYYD" \
    --ZRZ "$G|layername=ZRZ" --HJ "$G|layername=HJ" --XZQ "$G|layername=XZQ" --CJDCQ "$G|layername=CJDCQ" \
    --CODES "$(awk -F, 'NR>1 && NR<=3 {print $2}' "$out/parcel_search_zjg.csv" | paste -sd,)" --INDEX_DIR "$out/lookup_index" \
    --OUTPUT_PDF "$out/parcel_report.pdf" --OUTPUT_XLSX "$out/parcel_report.xlsx"
run potentialland --GPKG "$G" --OUTPUT "$out/potential.gpkg" \
    --REPORT_XLSX "$out/potential.xlsx" --REPORT_PDF "$out/potential.pdf"
echo "+ python -m landoffice_plugin.cost.sample_redline (a project red line over ~150 homesteads)"
$PY -m landoffice_plugin.cost.sample_redline "$G" "$out/cost_redline.gpkg" --homesteads 150
run demolitioncost --DLTB "$G|layername=DLTB" --ZD "$G|layername=ZD" --ZRZ "$G|layername=ZRZ" --HJ "$G|layername=HJ" \
    --REDLINE "$out/cost_redline.gpkg" --TITLE 示范项目 --OUTPUT_XLSX "$out/cost_estimate.xlsx" --OUTPUT_PDF "$out/cost_report.pdf"
run reclamationcost --DLTB "$G|layername=DLTB" --ZD "$G|layername=ZD" --ZRZ "$G|layername=ZRZ" --HJ "$G|layername=HJ" \
    --VILLAGES 320299102208,320299102203 --OUTPUT_XLSX "$out/reclamation_cost.xlsx"
# 质检 and 年度变更: red lights and clues of unlawful use, the field tasks' sources
run qualitycheck --GPKG "$G" --OUTPUT "$out/red_lights.gpkg" --REPORT_XLSX "$out/quality.xlsx"
echo "+ python -m landoffice_plugin.sample.next_year (the next survey year, with known changes)"
$PY -m landoffice_plugin.sample.next_year "$G" "$out/sample_county_next.gpkg"
run landusechange --OLD "$G|layername=DLTB" --NEW "$out/sample_county_next.gpkg|layername=DLTB" --GPKG "$G" \
    --OUTPUT "$out/change.gpkg" --CLUES "$out/clues.gpkg" --REPORT_XLSX "$out/change.xlsx"

# field work: a data centre on loopback, tasks published, checkout of a township, sync back
port=${DATACENTRE_PORT:-5080}
if bash .ci/datacentre/start.sh --port "$port" --db landoffice_demo --fresh --gpkg "$G"; then
  rm -rf "$out/fieldwork"
  run fieldtasks --INPUTS "$out/red_lights.gpkg" --INPUTS "$out/clues.gpkg" --SEVERITIES error --URL "http://127.0.0.1:$port" \
      --OUTPUT "$out/field_tasks.gpkg"
  run checkout --URL "http://127.0.0.1:$port" --AREA 320299101 --OUTPUT_DIR "$out/fieldwork"
  run sync --PACKAGE_DIR "$out/fieldwork" --URL "http://127.0.0.1:$port" --CONFLICTS stop
  # the same database behind the accounts gateway (accounts.example.toml): area permissions and history
  gport=$((port + 1))
  bash .ci/datacentre/start.sh --port "$gport" --db landoffice_demo --accounts .ci/datacentre/accounts.example.toml
  echo "+ python -m landoffice_plugin.sync.demo_round (edits on this laptop and on a second one, one refused, history)"
  $PY -m landoffice_plugin.sync.demo_round "$out/fieldwork" "http://127.0.0.1:$gport"
  echo "+ python -m landoffice_plugin.tasks.demo_round (two tasks checked in the field with photos, synced back)"
  $PY -m landoffice_plugin.tasks.demo_round "$out/fieldwork" "$out" "http://127.0.0.1:$gport"
  bash .ci/datacentre/stop.sh --port "$gport"
  bash .ci/datacentre/stop.sh --port "$port"
else
  echo "SKIPPED field work: the data centre could not start (see the message above)." >&2
fi

echo
echo "Demo outputs in $(cd "$out" && pwd):"
ls -1 "$out" | sed 's/^/  /'
