#!/usr/bin/env bash
# make setup: idempotent environment for LandOffice on Debian/Ubuntu.
#  1. apt packages that are missing (says which and why);
#  2. .venv from Debian's /usr/bin/python3 with --system-site-packages (PyQGIS lives there);
#  3. pinned Python dependencies from .ci/requirements.txt (re-run only when that file changes).
set -euo pipefail
cd "$(dirname "$0")/.."

# package  reason
APT_PACKAGES=(
  "python3-qgis|PyQGIS, the QGIS Python API the plugin is written against"
  "qgis-providers|QGIS data providers (GeoPackage, PostGIS, OGC API) for headless runs"
  "python3-venv|to make the project's .venv"
  "gdal-bin|ogr2ogr/ogrinfo to read and write FileGDB and shapefiles"
  "libgeos-dev|to build shapely against the same GEOS library QGIS uses"
  "build-essential|C compiler for building shapely"
  "fonts-noto-cjk|Noto Sans CJK SC, the Chinese font of every PDF report"
  "poppler-utils|pdftotext/pdftoppm, used by tests to read the PDFs back"
  "qttools5-dev-tools|lrelease, compiles the zh_CN translation"
  "zip|make package"
  "libreoffice-calc-nogui|tests recompute the cost report's Excel formulas in LibreOffice"
  "openssl|tests make a private CA for the TLS data centre"
  "curl|the data centre's start script waits for the server with it"
)

missing=()
for entry in "${APT_PACKAGES[@]}"; do
  pkg=${entry%%|*}
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$entry")
  fi
done

if ((${#missing[@]})); then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "ERROR: these system packages are missing and apt-get is not available:" >&2
    for entry in "${missing[@]}"; do echo "  - ${entry%%|*}: ${entry#*|}" >&2; done
    echo "LandOffice needs Debian/Ubuntu (QGIS >= 3.22 from the distribution). Install them by hand, then run 'make setup' again." >&2
    echo "错误：缺少上述系统软件包，且本机没有 apt-get。请手动安装后重新运行 make setup。" >&2
    exit 1
  fi
  echo "make setup: installing missing Debian packages:"
  names=()
  for entry in "${missing[@]}"; do echo "  - ${entry%%|*}: ${entry#*|}"; names+=("${entry%%|*}"); done
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${names[@]}"
else
  echo "make setup: all Debian packages present."
fi

if ! /usr/bin/python3 -c "import qgis.core" 2>/dev/null; then
  echo "ERROR: /usr/bin/python3 cannot import qgis.core although python3-qgis is installed." >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  echo "make setup: creating .venv from /usr/bin/python3 (with system site-packages, for PyQGIS)"
  /usr/bin/python3 -m venv --system-site-packages .venv
fi

stamp=.venv/.requirements.sha256
want=$(sha256sum .ci/requirements.txt | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "make setup: installing pinned Python packages (.ci/requirements.txt)"
  .venv/bin/python -m pip install -q --disable-pip-version-check -r .ci/requirements.txt
  echo "$want" > "$stamp"
else
  echo "make setup: Python packages up to date."
fi
# shapely must use the GEOS library QGIS uses (see .ci/requirements.txt); a wheel bundles its own.
system_geos=$(geos-config --version)
venv_geos=$(.venv/bin/python -c "import shapely; print('.'.join(map(str, shapely.geos_version)))")
if [ "$system_geos" != "$venv_geos" ]; then
  echo "make setup: rebuilding shapely against Debian's GEOS $system_geos (it had GEOS $venv_geos)"
  shapely_pin=$(grep -E '^shapely==' .ci/requirements.txt)
  .venv/bin/python -m pip install -q --disable-pip-version-check --force-reinstall --no-deps \
      --no-binary shapely "$shapely_pin"
fi
# The data centre the sync tests and the demo run on loopback: PostgreSQL 15 + PostGIS (apt) and
# pygeoapi in its own venv (.venv-datacentre, Python >= 3.12). Idempotent; says what it installs.
if ! bash .ci/datacentre/start.sh --install-only; then
  echo "WARNING: the data centre could not be installed (message above). Everything else works; the" >&2
  echo "field-work sync tests will fail and make demo skips the sync step until it is." >&2
  echo "警告：数据中心未能安装（见上方信息）。其余功能正常；外业同步测试将失败，make demo 会跳过同步步骤。" >&2
fi

# numpy must stay Debian's: its compiled modules (GDAL, QGIS) break with numpy 2.
.venv/bin/python - <<'PY'
import numpy, sys
if int(numpy.__version__.split(".")[0]) >= 2:
    sys.exit("ERROR: numpy %s in .venv breaks Debian's GDAL/QGIS modules; remove .venv and run make setup" % numpy.__version__)
PY
