#!/usr/bin/env bash
# Whole-process timings with hyperfine: `ziping check` and `score` on the seed form against two
# baselines in the same run: `true` (a process that does nothing: fork, exec, exit) and
# `ziping --version` (our start-up: the dynamic loader and static initialisers, no work).
# Each command is run once first and must give its expected output, so a broken build is never
# timed as a fast one.
set -euo pipefail
ziping=${1:-build/ziping}
root=$(cd "$(dirname "$0")/.." && pwd)
command -v hyperfine >/dev/null || { echo "hyperfine not installed (apt install hyperfine)"; exit 0; }
seed="$root/examples/tianjin-2022-dept.json"
expect() { # expect PATTERN COMMAND…: the command's output (stdout and stderr) must contain PATTERN
  local pattern=$1; shift
  local out
  out=$("$@" 2>&1 || true)
  if ! grep -q -- "$pattern" <<<"$out"; then
    echo "process_timings: '$*' did not print '$pattern'; nothing timed" >&2
    exit 1
  fi
}
expect "ziping" "$ziping" --version
expect "ZP" "$ziping" check "$seed" --rules tianjin-2022
expect '"total"' "$ziping" score "$seed" --rules tianjin-2022 --format json
hyperfine --warmup 5 --runs "${RUNS:-50}" -N \
  "true" \
  "$ziping --version" \
  "$ziping check $seed --rules tianjin-2022" \
  "$ziping score $seed --rules tianjin-2022 --format json"
