#!/usr/bin/env bash
# make bench: every benchmark script under tests/bench, with the machine's core count.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(uname -m)"
mkdir -p bench-output
for script in tests/bench/bench_*.py; do
  echo "=== $script"
  .venv/bin/python "$script"
done
