#!/usr/bin/env bash
# scripts/wrk_api.sh [BUILD_DIR] — the load figures of docs/api.md: requests per second and
# latency percentiles for reading a stored form (GET /api/forms/2, the seed form, 76 leaves)
# and for the live check of a draft (POST /api/check with the seed form), on SQLite and on
# PostgreSQL (a throwaway cluster, scripts/pg_throwaway.sh). Loopback only; wrk and the server
# share the machine's cores, so compare figures from the same machine.
#   WRK_ARGS   default "-t2 -c50 -d10s --latency"
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
ziping=$build/ziping
wrk_args=${WRK_ARGS:-"-t2 -c50 -d10s --latency"}
command -v wrk >/dev/null || { echo "wrk_api: wrk is not installed (scripts/deps.sh)" >&2; exit 1; }

work=$(mktemp -d /tmp/zwrk.XXXXXX)
server_pid=
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

cat >"$work/check.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open(os.getenv("ZIPING_WRK_BODY"), "rb")
wrk.body = f:read("*a")
f:close()
LUA
export ZIPING_WRK_BODY=$root/examples/tianjin-2022-dept.json

# measure NAME DB_URL
measure() {
  local name=$1 db=$2
  "$ziping" serve --db "$db" --demo --port 0 >"$work/server.out" 2>&1 &
  server_pid=$!
  local port=
  for _ in $(seq 100); do
    port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$work/server.out" | grep -o '[0-9]*$' || true)
    [[ -n "$port" ]] && break
    sleep 0.1
  done
  [[ -n "$port" ]] || { cat "$work/server.out" >&2; exit 1; }
  local base=http://127.0.0.1:$port
  curl -sf "$base/api/forms/2" >/dev/null
  echo "== $name: GET /api/forms/2 ($(curl -s "$base/api/forms/2" | wc -c) bytes)"
  # shellcheck disable=SC2086
  wrk $wrk_args "$base/api/forms/2" | grep -E "Requests/sec|Latency|50%|90%|99%|Non-2xx|errors"
  echo "== $name: POST /api/check?rules=tianjin-2022 ($(curl -s -X POST -H 'Content-Type: application/json' --data-binary @"$ZIPING_WRK_BODY" "$base/api/check?rules=tianjin-2022" | wc -c) bytes)"
  # shellcheck disable=SC2086
  wrk $wrk_args -s "$work/check.lua" "$base/api/check?rules=tianjin-2022" |
    grep -E "Requests/sec|Latency|50%|90%|99%|Non-2xx|errors"
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}

if [[ "${ZIPING_WRK_INNER:-}" != postgresql ]]; then
  measure sqlite "$work/wrk.db"
  ZIPING_WRK_INNER=postgresql "$root/scripts/pg_throwaway.sh" "$0" "$build"
else
  measure postgresql "$ZIPING_TEST_PG_URL"
fi
