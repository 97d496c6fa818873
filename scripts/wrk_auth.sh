#!/usr/bin/env bash
# scripts/wrk_auth.sh BASE_BINARY [BUILD_DIR] — what accounts cost a request (issue 10), in one
# run: a save (PUT /api/forms/2, the seed form, 76 leaves) on BASE_BINARY (a build without
# accounts, e.g. main's) against the same save on this build with an API token and with a session
# cookie + CSRF token (authorization: the token or session lookup, the form's unit chain, the
# table); GET /api/forms/2 likewise; and a login (POST /api/session: one argon2id hash, the
# deliberate cost, reported apart). SQLite, loopback, one client (-t1 -c1): the p50 a person
# waits for. Every save succeeds: the Lua script sends base_revision = the previous answer's.
#   WRK_ONE  default "-t1 -c1 -d5s --latency"
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
base_binary=${1:?usage: wrk_auth.sh BASE_BINARY [BUILD_DIR]}
build=${2:-$root/build}
ziping=$build/ziping
wrk_one=${WRK_ONE:-"-t1 -c1 -d5s --latency"}
command -v wrk >/dev/null || { echo "wrk_auth: wrk is not installed (scripts/deps.sh)" >&2; exit 1; }
work=$(mktemp -d /tmp/zwrkauth.XXXXXX)
server_pid=
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

python3 - "$root/examples/tianjin-2022-dept.json" "$work/content.json" <<'PY'
import sys; open(sys.argv[2], "w").write(open(sys.argv[1]).read())
PY

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
export ZIPING_WRK_CONTENT=$work/content.json
shown="Requests/sec|^ +(50|90|99)%|Non-2xx|errors"

start() { # BINARY DB
  "$1" serve --db "$2" --demo --port 0 >"$work/server.out" 2>&1 &
  server_pid=$!
  port=
  for _ in $(seq 100); do
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

for round in 1 2; do
  start "$base_binary" "$work/base-$round.db"
  export ZIPING_WRK_HEADERS="" ZIPING_WRK_BASE=$(revision)
  echo "== round $round, base build (no accounts): PUT /api/forms/2, wrk $wrk_one"
  wrk $wrk_one -s "$work/save.lua" "$url" | grep -E "$shown"
  echo "== round $round, base build: GET /api/forms/2"
  wrk $wrk_one -s "$work/get.lua" "$url/api/forms/2" | grep -E "$shown"
  stop

  start "$ziping" "$work/auth-$round.db"
  token=$("$ziping" token add demo-head --db "$work/auth-$round.db" | tail -1)
  export ZIPING_WRK_HEADERS="Authorization:Bearer $token" ZIPING_WRK_BASE=$(revision -H "Authorization: Bearer $token")
  echo "== round $round, accounts: PUT /api/forms/2 with an API token"
  wrk $wrk_one -s "$work/save.lua" "$url" | grep -E "$shown"
  echo "== round $round, accounts: GET /api/forms/2 with an API token"
  wrk $wrk_one -s "$work/get.lua" "$url/api/forms/2" | grep -E "$shown"
  password=$(grep -o 'demo-head *[^ ]*' "$work/server.out" | awk '{print $2}')
  session=$(curl -s -i -X POST -H 'Content-Type: application/json' \
    -d "{\"login\": \"demo-head\", \"password\": \"$password\"}" "$url/api/session")
  cookie=$(grep -o 'ziping_session=[^;]*' <<<"$session")
  csrf=$(grep -o '"csrf_token":"[^"]*"' <<<"$session" | cut -d'"' -f4)
  export ZIPING_WRK_HEADERS="Cookie:$cookie|X-CSRF-Token:$csrf" ZIPING_WRK_BASE=$(revision -H "Cookie: $cookie")
  echo "== round $round, accounts: PUT /api/forms/2 with a session cookie and CSRF token"
  wrk $wrk_one -s "$work/save.lua" "$url" | grep -E "$shown"
  export ZIPING_WRK_PASSWORD=$password
  echo "== round $round, accounts: POST /api/session (login: argon2id, t=2, 64 MiB)"
  wrk $wrk_one -s "$work/login.lua" "$url/api/session" | grep -E "$shown"
  stop
done
