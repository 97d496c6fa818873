#!/usr/bin/env bash
# Whole-process timings with hyperfine: `ziping check` on the seed form against the process
# start-up baseline (`ziping --version`) measured in the same run.
set -euo pipefail
ziping=${1:-build/ziping}
command -v hyperfine >/dev/null || { echo "hyperfine not installed (apt install hyperfine)"; exit 0; }
hyperfine --warmup 5 --runs 50 -N \
  "$ziping --version" \
  "$ziping check examples/tianjin-2022-dept.json --rules tianjin-2022" \
  "$ziping score examples/tianjin-2022-dept.json --rules tianjin-2022 --format json"
