#!/usr/bin/env bash
# Start the LandOffice data centre on loopback: PostgreSQL 15 + PostGIS 3 and pygeoapi 0.24.0
# (OGC API - Features Part 1 + 4) under gunicorn. Idempotent; prints the URL when ready.
#
#   start.sh [--port N] [--db NAME] [--gpkg SAMPLE.gpkg] [--fresh] [--workdir DIR]
#            [--auth user:password] [--apikey KEY] [--accounts accounts.toml] [--tls DIR] [--install-only]
#
# --tls DIR serves HTTPS with DIR/server.crt and DIR/server.key (DIR/ca.crt: the CA that signed it,
# used for the readiness check), like a data centre behind an office's internal CA.
#
# --gpkg loads XZQ, DLTB and ZD of a LandOffice GeoPackage when the database is new (or --fresh).
# Environment passed to the server: LANDOFFICE_DC_CRASH_FILE (fault injection, see wsgi.py).
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
PORT="" DB="landoffice_dc" GPKG="" FRESH=0 WORKDIR="" AUTH="" APIKEY="" INSTALL_ONLY=0 ACCOUNTS="" TLS=""
DB_USER="landoffice_dc" DB_PASSWORD="landoffice_dc"
VENV="${LANDOFFICE_DC_VENV:-$REPO/.venv-datacentre}"
while [ $# -gt 0 ]; do
  case "$1" in
    --port) PORT="$2"; shift 2 ;;
    --db) DB="$2"; shift 2 ;;
    --gpkg) GPKG="$2"; shift 2 ;;
    --fresh) FRESH=1; shift ;;
    --workdir) WORKDIR="$2"; shift 2 ;;
    --auth) AUTH="$2"; shift 2 ;;
    --apikey) APIKEY="$2"; shift 2 ;;
    --tls) TLS="$(cd "$2" && pwd)"; shift 2 ;;
    --accounts) ACCOUNTS="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    --install-only) INSTALL_ONLY=1; shift ;;
    *) echo "start.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
# A process is alive when it exists and is not a zombie (a SIGKILLed daemon whose parent does
# not reap it still answers kill -0).
alive() { local state; state=$(ps -o stat= -p "$1" 2>/dev/null) || return 1; [ -n "$state" ] && [ "${state#Z}" = "$state" ]; }
say() { echo "[datacentre] $*" >&2; }
as_postgres() { runuser -u postgres -- "$@"; }

# 1. PostgreSQL 15 + PostGIS 3 (Debian packages), installed only when missing.
if ! dpkg -s postgresql-15-postgis-3 >/dev/null 2>&1 || ! dpkg -s postgresql-15 >/dev/null 2>&1; then
  say "installing postgresql-15 postgresql-15-postgis-3 (apt)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q postgresql-15 postgresql-15-postgis-3 >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && apt-get install -y -q postgresql-15 postgresql-15-postgis-3 >/dev/null; }
fi
command -v ogr2ogr >/dev/null || { say "ogr2ogr missing: apt-get install gdal-bin"; exit 1; }

# 2. The server's own venv: pygeoapi >= 0.22 needs Python >= 3.12 (Debian's 3.11 stays for QGIS).
if [ ! -x "$VENV/bin/gunicorn" ] || ! "$VENV/bin/python" -c "import pygeoapi, geoalchemy2, psycopg2" 2>/dev/null; then
  PY=""
  for cand in ${LANDOFFICE_DC_PYTHON:-} /root/.pyenv/versions/3.12.*/bin/python3 /root/.pyenv/versions/3.13.*/bin/python3 \
              /usr/bin/python3.13 /usr/bin/python3.12; do
    if [ -x "$cand" ] && "$cand" -c 'import sys, venv; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then PY="$cand"; break; fi
  done
  if [ -z "$PY" ]; then
    say "no Python >= 3.12 found: the data centre (pygeoapi 0.24) needs one, e.g. /root/.pyenv/versions/3.12.x/bin/python3"
    say "(install it with pyenv, or set LANDOFFICE_DC_PYTHON=/path/to/python3.12)"
    exit 1
  fi
  say "creating $VENV with $PY"
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check -r "$HERE/requirements.txt"
fi
[ "$INSTALL_ONLY" = 1 ] && { say "installed"; exit 0; }

# 3. The cluster, role and database.
pg_ctlcluster 15 main status >/dev/null 2>&1 || pg_ctlcluster 15 main start
for _ in $(seq 1 30); do as_postgres pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
as_postgres psql -qtA -v ON_ERROR_STOP=1 -c "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'; END IF; END \$\$;" >/dev/null
EXISTS=$(as_postgres psql -qtA -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")
if [ "$FRESH" = 1 ] && [ "$EXISTS" = 1 ]; then
  as_postgres dropdb --force "$DB"; EXISTS=""
fi
if [ "$EXISTS" != 1 ]; then
  say "creating database $DB"
  as_postgres createdb -O "$DB_USER" "$DB"
  as_postgres psql -q -d "$DB" -c "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null
  PGPASSWORD="$DB_PASSWORD" psql -q -h 127.0.0.1 -U "$DB_USER" -d "$DB" -v ON_ERROR_STOP=1 -f "$HERE/schema.sql" >/dev/null
  if [ -n "$GPKG" ]; then
    say "loading $GPKG"
    PG="PG:host=127.0.0.1 port=5432 dbname=$DB user=$DB_USER password=$DB_PASSWORD"
    PGPASSWORD="$DB_PASSWORD" psql -q -h 127.0.0.1 -U "$DB_USER" -d "$DB" -c "CREATE SCHEMA lo_stage" >/dev/null
    for layer in XZQ DLTB ZD; do
      ogr2ogr -f PostgreSQL "$PG" "$GPKG" "$layer" -nln "lo_stage.$(echo $layer | tr A-Z a-z)" \
        -lco LAUNDER=NO -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=NONE -nlt PROMOTE_TO_MULTI
    done
    PGPASSWORD="$DB_PASSWORD" psql -q -h 127.0.0.1 -U "$DB_USER" -d "$DB" -v ON_ERROR_STOP=1 -f "$HERE/load_sample.sql" >/dev/null
  fi
fi

# 4. pygeoapi config, OpenAPI document, gunicorn.
if [ -z "$PORT" ]; then
  PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
fi
WORKDIR="${WORKDIR:-$REPO/build/datacentre-$PORT}"
mkdir -p "$WORKDIR"
PIDFILE="$WORKDIR/gunicorn.pid"
if [ -f "$PIDFILE" ] && alive "$(cat "$PIDFILE")"; then
  say "already running (PID $(cat "$PIDFILE"))"; echo "http://127.0.0.1:$PORT"; exit 0
fi
rm -f "$PIDFILE"  # stale (gunicorn refuses to start while its PID, even a zombie's, exists)
RESFILE="$WORKDIR/resources.yml"; : >"$RESFILE"
for spec in "DLTB:dltb:true:updated_at:Land-use patches (DLTB)" "ZD:zd:true:updated_at:Parcels (ZD)" \
            "EVIDENCE:evidence:true:updated_at:Field evidence (photos)" \
            "RWTB:rwtb:true:updated_at:Field tasks (RWTB)" "XZQ:xzq:false::Townships (XZQ)" \
            "DELETED:deleted_features:false:deleted_at:Deleted features (tombstones)" \
            "HISTORY:history:false:changed_at:History of changes"; do
  IFS=: read -r cid table editable timefield title <<<"$spec"
  TIME=""; [ -n "$timefield" ] && TIME="        time_field: $timefield"
  sed -e "s|@ID@|$cid|; s|@TITLE@|$title|g; s|@EDITABLE@|$editable|; s|@TABLE@|$table|; s|@TIME@|$TIME|" \
      -e "s|@DB@|$DB|; s|@USER@|$DB_USER|; s|@PASSWORD@|$DB_PASSWORD|" "$HERE/resource.template.yml" >>"$RESFILE"
done
sed -e "s|@PORT@|$PORT|g; s|@WORKDIR@|$WORKDIR|g" -e "/@RESOURCES@/{r $RESFILE" -e "d}" \
    "$HERE/config.template.yml" >"$WORKDIR/config.new.yml"
export PYGEOAPI_CONFIG="$WORKDIR/config.yml" PYGEOAPI_OPENAPI="$WORKDIR/openapi.yml"
if [ -s "$PYGEOAPI_OPENAPI" ] && cmp -s "$WORKDIR/config.new.yml" "$PYGEOAPI_CONFIG"; then
  rm -f "$WORKDIR/config.new.yml"   # a restart: the OpenAPI document is still right
else
  mv "$WORKDIR/config.new.yml" "$PYGEOAPI_CONFIG"
  "$VENV/bin/pygeoapi" openapi generate "$PYGEOAPI_CONFIG" --output-file "$PYGEOAPI_OPENAPI" >/dev/null
fi
export LANDOFFICE_DC_AUTH="$AUTH" LANDOFFICE_DC_APIKEY="$APIKEY" LANDOFFICE_DC_ACCOUNTS="$ACCOUNTS"
LOG="$WORKDIR/gunicorn.log"
"$VENV/bin/gunicorn" --chdir "$HERE" --bind "127.0.0.1:$PORT" --workers 2 --threads 4 \
  --worker-class gthread --timeout 120 --pid "$PIDFILE" --daemon --error-logfile "$LOG" \
  --capture-output ${TLS:+--certfile "$TLS/server.crt" --keyfile "$TLS/server.key"} wsgi:application
URL="http${TLS:+s}://127.0.0.1:$PORT"
for _ in $(seq 1 120); do
  code=$(curl -sS -o /dev/null -w '%{http_code}' ${AUTH:+-u "$AUTH"} ${APIKEY:+-H "X-API-KEY: $APIKEY"} \
         ${TLS:+--cacert "$TLS/ca.crt"} \
         "$URL/conformance?f=json" 2>/dev/null || true)
  # 401: up, with accounts (--accounts): every request needs a login
  if [ "$code" = 200 ] || { [ -n "$ACCOUNTS" ] && [ "$code" = 401 ]; }; then
    say "ready at $URL (PID $(cat "$PIDFILE"), log $LOG)"
    echo "$URL"
    exit 0
  fi
  sleep 0.25
done
say "the server did not answer $URL/conformance within 30 s; its log:"
tail -n 60 "$LOG" >&2 || true
exit 1
