#!/usr/bin/env bash
# Checks that scripts/fuzz.sh (what `make fuzz` runs) fails on a finding and names the target
# and the artifact: builds tests/fuzz/planted/fuzz_planted.cc with one planted fault and runs
# it through the script with a 5-second budget. Usage: planted_test.sh KIND, where KIND is
#   crash timeout leak oom ubsan   the script must fail, naming the target, the kind and an
#                                  artifact that holds the planted input ("FUZ…")
#   clean                          no fault: the script must pass and report executions
#   parallel                       crash and clean at once (FUZZ_JOBS=2): fails, names only crash
#   missing                        a target that was never built: fails, names it
# Without clang and libFuzzer this test fails (scripts/deps.sh installs them); it never skips.
set -uo pipefail
kind=${1:?usage: planted_test.sh KIND}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() {
  echo "FAIL ($kind): $*" >&2
  [[ -f $tmp/out ]] && sed 's/^/  > /' "$tmp/out" >&2
  exit 1
}

CXX=${CXX_FUZZ:-clang++}
command -v "$CXX" >/dev/null || fail "$CXX not found (scripts/deps.sh installs clang and libclang-rt-14-dev)"

build() { # build KIND: bin/fuzz_planted_KIND with a seed corpus that does not hold the fault
  mkdir -p "$tmp/bin" "$tmp/seeds/planted_$1"
  printf 'A' >"$tmp/seeds/planted_$1/seed"
  "$CXX" -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -DPLANTED_"${1^^}" \
    "$root/tests/fuzz/planted/fuzz_planted.cc" -o "$tmp/bin/fuzz_planted_$1" 2>"$tmp/cc.log" ||
    fail "cannot build a libFuzzer target with $CXX: $(head -5 "$tmp/cc.log")"
}

run() { # run TARGETS…: the script on these targets; sets $status, output in $tmp/out
  # A short -timeout only for the planted hang: a report's stack trace on a loaded machine can
  # take seconds and would race it.
  local timeout=10
  [[ $kind == timeout ]] && timeout=2
  FUZZ_BIN_DIR=$tmp/bin FUZZ_SEEDS=$tmp/seeds FUZZ_WORK=$tmp/work FUZZ_SECONDS=5 FUZZ_JOBS=2 \
    FUZZ_TIMEOUT=$timeout FUZZ_RSS_MB=256 FUZZ_FLAGS=-seed=1 FUZZ_TARGETS="$*" \
    "$root/scripts/fuzz.sh" >"$tmp/out" 2>&1
  status=$?
}

expect_finding() { # expect_finding TARGET KIND: failed, named, with a real artifact
  ((status != 0)) || fail "the script passed although fuzz_$1 has a planted $2"
  grep -q "^FAIL fuzz_$1: $2" "$tmp/out" || fail "no line 'FAIL fuzz_$1: $2'"
  local artifact
  artifact=$(grep -A1 "^FAIL fuzz_$1:" "$tmp/out" | sed -n 's/^  artifact: //p')
  [[ -f $artifact ]] || fail "artifact '$artifact' is not a file"
  [[ $(head -c3 "$artifact") == FUZ ]] || fail "artifact $artifact does not hold the planted input"
  grep -q "^fuzz: .* FAILED" "$tmp/out" || fail "no failure summary"
}

expect_clean() { # expect_clean TARGET: a summary line with executions, exec/s and coverage
  grep -qE "^fuzz_$1 +ok +[1-9][0-9]* +[0-9]+ +[1-9][0-9]* +[1-9][0-9]* " "$tmp/out" ||
    fail "no clean summary line for fuzz_$1 with executions and coverage"
}

case $kind in
crash | timeout | leak | oom | ubsan)
  build "$kind"
  run "planted_$kind"
  case $kind in
  crash) expected="crash" ;;
  timeout) expected="timeout" ;;
  leak) expected="leak" ;;
  oom) expected="out-of-memory" ;;
  ubsan) expected="ubsan" ;;
  esac
  expect_finding "planted_$kind" "$expected"
  ;;
clean)
  build clean
  run planted_clean
  ((status == 0)) || fail "the script failed on a target without a fault"
  expect_clean planted_clean
  grep -q "^fuzz: all 1 target(s) ran clean" "$tmp/out" || fail "no clean summary"
  ;;
parallel)
  build crash
  build clean
  run planted_crash planted_clean
  expect_finding planted_crash crash
  expect_clean planted_clean
  grep -q "^FAIL fuzz_planted_clean" "$tmp/out" && fail "the clean target was reported as failing"
  ;;
missing)
  run planted_never_built
  ((status != 0)) || fail "the script passed although the target does not exist"
  grep -q "^FAIL fuzz_planted_never_built: missing" "$tmp/out" || fail "the missing target is not named"
  ;;
*) fail "unknown kind" ;;
esac
echo "ok ($kind)"
sed 's/^/  > /' "$tmp/out"
