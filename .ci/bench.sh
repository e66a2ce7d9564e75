#!/usr/bin/env bash
# make bench: every benchmark script under tests/bench, with the machine's core count.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(uname -m)"
mkdir -p bench-output
# the county sample once, before the scripts that share it
.venv/bin/python -c "import sys; sys.path.insert(0, 'tests/bench'); import common; common.start(); common.county_gpkg(); common.county_gpkg(densify=common.DENSE)"
for script in tests/bench/bench_*.py; do
  [ -n "${BENCH:-}" ] && [[ "$script" != *"$BENCH"* ]] && continue
  echo "=== $script"
  .venv/bin/python "$script"
done
