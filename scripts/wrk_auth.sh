#!/usr/bin/env bash
# scripts/wrk_auth.sh [BUILD_DIR] — what authorization adds to a request (issue 10), in one run,
# twice over. The same requests go to
#   open gate   build/bench/ziping-open-gate: `ziping serve --demo` compiled with its gate open
#               (bench/open_gate/): every request is taken as demo-head with no Host/Origin
#               check, no session or token lookup, no CSRF, no table; the route itself — the
#               save's facts and its audit entry, written as demo-head — is the same code;
#   token       build/ziping serve --demo, with demo-head's API token (Authorization: Bearer);
#   cookie      the same, with demo-head's session cookie and CSRF token (what the UI sends);
# each on a fresh SQLite file with the demo data: a save of the seed form (PUT /api/forms/2,
# 76 leaves; every save succeeds: the Lua script sends the previous answer's revision) and a
# read of it (GET /api/forms/2); then a login (POST /api/session: one argon2id hash, the
# deliberate cost, paid once per session). Loopback, one client: the p50 a person waits for.
#   WRK_ONE  default "-t1 -c1 -d5s --latency"
# Build first: cmake --build build --target ziping ziping_open_gate
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
ziping=$build/ziping
open_gate=$build/bench/ziping-open-gate
wrk_one=${WRK_ONE:-"-t1 -c1 -d5s --latency"}
command -v wrk >/dev/null || { echo "wrk_auth: wrk is not installed (scripts/deps.sh)" >&2; exit 1; }
[[ -x "$open_gate" ]] || { echo "wrk_auth: $open_gate missing: cmake --build $build --target ziping_open_gate" >&2; exit 1; }
work=$(mktemp -d /tmp/zwrkauth.XXXXXX)
server_pid=
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

cat >"$work/save.lua" <<'LUA'
local f = io.open(os.getenv("ZIPING_WRK_CONTENT"), "rb")
local content = f:read("*a")
f:close()
local base = tonumber(os.getenv("ZIPING_WRK_BASE"))
local extra = {}
for k, v in string.gmatch(os.getenv("ZIPING_WRK_HEADERS") or "", "([^:|]+):([^|]+)") do extra[k] = v end
request = function()
  local headers = {["Content-Type"] = "application/json"}
  for k, v in pairs(extra) do headers[k] = v end
  return wrk.format("PUT", "/api/forms/2", headers,
                    '{"base_revision": ' .. base .. ', "comment": "wrk", "content": ' .. content .. '}')
end
response = function(status, headers, body)
  if status == 200 then base = base + 1 end
end
LUA
cat >"$work/login.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"login": "demo-head", "password": "' .. os.getenv("ZIPING_WRK_PASSWORD") .. '"}'
LUA
cat >"$work/get.lua" <<'LUA'
for k, v in string.gmatch(os.getenv("ZIPING_WRK_HEADERS") or "", "([^:|]+):([^|]+)") do wrk.headers[k] = v end
LUA
export ZIPING_WRK_CONTENT=$root/examples/tianjin-2022-dept.json
shown="Requests/sec|^ +(50|90|99)%|Non-2xx|errors"

start() { # DB COMMAND…
  local db=$1
  shift
  "$@" >"$work/server.out" 2>&1 &
  server_pid=$!
  port=
  for _ in $(seq 300); do
    port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$work/server.out" | grep -o '[0-9]*$' || true)
    [[ -n "$port" ]] && break
    sleep 0.1
  done
  [[ -n "$port" ]] || { cat "$work/server.out" >&2; exit 1; }
  url=http://127.0.0.1:$port
}
stop() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=; }
revision() { # HEADERS…
  curl -s "$@" "$url/api/forms/2" | python3 -c 'import json,sys; print(json.load(sys.stdin)["form"]["revision"])'
}
measure() { # LABEL
  echo "== round $round, $1: PUT /api/forms/2 (save), wrk $wrk_one"
  wrk $wrk_one -s "$work/save.lua" "$url" | grep -E "$shown"
  echo "== round $round, $1: GET /api/forms/2 (read)"
  wrk $wrk_one -s "$work/get.lua" "$url/api/forms/2" | grep -E "$shown"
}

for round in 1 2; do
  db=$work/open-$round.db
  start "$db" "$open_gate" "$db" demo-head
  export ZIPING_WRK_HEADERS="" ZIPING_WRK_BASE=$(revision)
  measure "open gate (as demo-head, no authorization)"
  stop

  db=$work/token-$round.db
  start "$db" "$ziping" serve --db "$db" --demo --port 0
  token=$("$ziping" token add demo-head --db "$db" | tail -1)
  export ZIPING_WRK_HEADERS="Authorization:Bearer $token" ZIPING_WRK_BASE=$(revision -H "Authorization: Bearer $token")
  measure "API token"
  stop

  db=$work/cookie-$round.db
  start "$db" "$ziping" serve --db "$db" --demo --port 0
  password=$(grep -o 'demo-head *[^ ]*' "$work/server.out" | awk '{print $2}')
  session=$(curl -s -i -X POST -H 'Content-Type: application/json' \
    -d "{\"login\": \"demo-head\", \"password\": \"$password\"}" "$url/api/session")
  cookie=$(grep -o 'ziping_session=[^;]*' <<<"$session")
  csrf=$(grep -o '"csrf_token":"[^"]*"' <<<"$session" | cut -d'"' -f4)
  export ZIPING_WRK_HEADERS="Cookie:$cookie|X-CSRF-Token:$csrf" ZIPING_WRK_BASE=$(revision -H "Cookie: $cookie")
  measure "session cookie + CSRF token"
  export ZIPING_WRK_PASSWORD=$password
  echo "== round $round: POST /api/session (login: argon2id, t=2, 64 MiB)"
  wrk $wrk_one -s "$work/login.lua" "$url/api/session" | grep -E "$shown"
  stop
done
