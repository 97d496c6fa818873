#!/usr/bin/env bash
# scripts/wrk_api.sh [BUILD_DIR] — the load figures of docs/api.md: requests per second and
# latency percentiles for reading a stored form (GET /api/forms/2, the seed form, 76 leaves)
# and for the live check of a draft (POST /api/check with the seed form), on SQLite and on
# PostgreSQL (a throwaway cluster, scripts/pg_throwaway.sh). Loopback only; wrk and the server
# share the machine's cores, so compare figures from the same machine. Each is measured under
# load (WRK_ARGS) and with one client (what one person editing a form waits for).
#   WRK_ARGS   default "-t2 -c50 -d10s --latency"
#   WRK_ONE    default "-t1 -c1 -d5s --latency"
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
ziping=$build/ziping
wrk_args=${WRK_ARGS:-"-t2 -c50 -d10s --latency"}
wrk_one=${WRK_ONE:-"-t1 -c1 -d5s --latency"}
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
  local shown="Requests/sec|^ +(50|90|99)%|Non-2xx|errors"
  local check_bytes
  check_bytes=$(curl -s -X POST -H 'Content-Type: application/json' --data-binary @"$ZIPING_WRK_BODY" \
    "$base/api/check?rules=tianjin-2022" | wc -c)
  for args in "$wrk_args" "$wrk_one"; do
    echo "== $name: GET /api/forms/2 ($(curl -s "$base/api/forms/2" | wc -c) bytes), wrk $args"
    # shellcheck disable=SC2086
    wrk $args "$base/api/forms/2" | grep -E "$shown"
    echo "== $name: POST /api/check?rules=tianjin-2022 ($check_bytes bytes), wrk $args"
    # shellcheck disable=SC2086
    wrk $args -s "$work/check.lua" "$base/api/check?rules=tianjin-2022" | grep -E "$shown"
  done
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
