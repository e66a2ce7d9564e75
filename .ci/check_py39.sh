#!/usr/bin/env bash
# QGIS 3.22-3.28 on Windows (OSGeo4W) run Python 3.9: the plugin's code must at least parse there.
set -euo pipefail
cd "$(dirname "$0")/.."
py=$(ls /root/.pyenv/versions/3.9.*/bin/python 2>/dev/null | head -1 || true)
[ -n "$py" ] || py=$(command -v python3.9 || true)
if [ -z "$py" ]; then echo "Python 3.9 syntax check: skipped (no Python 3.9 here)"; exit 0; fi
"$py" - <<'PY'
import pathlib, sys
bad = []
for path in pathlib.Path("landoffice_plugin").rglob("*.py"):
    try:
        compile(path.read_text(encoding="utf-8"), str(path), "exec")
    except SyntaxError as err:
        bad.append(f"{path}: {err}")
print("\n".join(bad) if bad else "Python 3.9 syntax check: ok")
sys.exit(1 if bad else 0)
PY
