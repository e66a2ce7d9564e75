#!/usr/bin/env bash
# Qt6 readiness: Qt only through qgis.PyQt, exec() not exec_().
set -euo pipefail
cd "$(dirname "$0")/.."
bad=$(grep -rnE '^\s*(from|import) PyQt[56]|\.exec_\(' landoffice_plugin --include=*.py || true)
if [ -n "$bad" ]; then
  echo "Qt6 readiness problems (import through qgis.PyQt, use exec()):"; echo "$bad"; exit 1
fi
echo "Qt6 readiness: ok"
