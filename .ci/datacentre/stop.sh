#!/usr/bin/env bash
# Stop the data centre started by start.sh: stop.sh [--port N | --workdir DIR] [--drop-db NAME]
# Stops gunicorn by its PID file; PostgreSQL keeps running (pg_ctlcluster 15 main stop ends it).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
WORKDIR="" PORT="" DROP=""
while [ $# -gt 0 ]; do
  case "$1" in
    --port) PORT="$2"; shift 2 ;;
    --workdir) WORKDIR="$2"; shift 2 ;;
    --drop-db) DROP="$2"; shift 2 ;;
    *) echo "stop.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
# A process is alive when it exists and is not a zombie (a SIGKILLed daemon whose parent does
# not reap it still answers kill -0).
alive() { local state; state=$(ps -o stat= -p "$1" 2>/dev/null) || return 1; [ -n "$state" ] && [ "${state#Z}" = "$state" ]; }
stop_pidfile() {
  local pidfile="$1" pid
  [ -f "$pidfile" ] || return 0
  pid="$(cat "$pidfile")"
  if alive "$pid"; then
    kill -TERM "$pid"
    for _ in $(seq 1 40); do alive "$pid" || break; sleep 0.25; done
    alive "$pid" && kill -KILL "$pid" || true
    echo "[datacentre] stopped PID $pid" >&2
  fi
  rm -f "$pidfile"
}
if [ -n "$WORKDIR" ]; then
  stop_pidfile "$WORKDIR/gunicorn.pid"
elif [ -n "$PORT" ]; then
  stop_pidfile "$REPO/build/datacentre-$PORT/gunicorn.pid"
else
  for f in "$REPO"/build/datacentre-*/gunicorn.pid; do [ -e "$f" ] && stop_pidfile "$f"; done
fi
if [ -n "$DROP" ]; then runuser -u postgres -- dropdb --if-exists --force "$DROP"; fi
