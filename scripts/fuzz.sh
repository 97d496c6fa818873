#!/usr/bin/env bash
# Runs libFuzzer targets for a bounded time each and fails when any of them finds something.
#
# `make fuzz` calls this after building the targets; it can also be run on its own:
#
#   scripts/fuzz.sh                         every tests/fuzz/fuzz_*.cc target, FUZZ_SECONDS each
#   FUZZ_TARGETS="json csv" scripts/fuzz.sh  only these (names with or without the fuzz_ prefix)
#   FUZZ_JOBS=2 scripts/fuzz.sh              two targets at a time (one per core)
#
# Environment (defaults in brackets):
#   FUZZ_BUILD    the clang build with -DZIPING_FUZZ=ON                         [build-fuzz]
#   FUZZ_BIN_DIR  where the fuzz_<name> binaries are                             [$FUZZ_BUILD/tests]
#   FUZZ_SEEDS    the committed seed corpora, one folder <name>/ per target      [tests/fuzz/corpus]
#   FUZZ_WORK     working corpora (corpus/<name>), findings (artifacts/<name>/) and
#                 logs (fuzz-logs/<name>.log); the corpora grow from run to run  [$FUZZ_BUILD]
#   FUZZ_SECONDS  time per target [60; a day when FUZZ_RUNS is set]
#   FUZZ_RUNS     executions per target: a target stops at this count or at FUZZ_SECONDS,
#                 whichever comes first (the long run: FUZZ_RUNS=10000000) [no limit]
#   FUZZ_JOBS     targets run at once [1]
#   FUZZ_TIMEOUT  seconds one input may take before it counts as a hang [10]
#   FUZZ_RSS_MB   memory limit per target, also the largest single allocation [2048]
#   FUZZ_MAX_LEN  longest input libFuzzer makes (-max_len); empty = each target's own below,
#                 0 = libFuzzer's choice (the largest seed, at least 4096) [per target]
#   FUZZ_RARE     entropic's -entropic_feature_frequency_threshold (a feature hit more often
#                 than this is no longer "rare"); empty = each target's own below, 0 =
#                 libFuzzer's default (255) [per target]
#   FUZZ_FLAGS    more libFuzzer flags, e.g. "-seed=1 -dict=…"
#   FUZZ_TARGETS  space- or comma-separated target names; empty = all
#
# A finding is any crash, sanitizer report (ASan, UBSan, LeakSanitizer), timeout or
# out-of-memory stop, and also a target that exits non-zero for any other reason or cannot be
# started. Each finding is printed with the target, the kind, the artifact file libFuzzer wrote
# (the input that reproduces it) and the command that replays it; the exit status is then 1.
# A clean run prints one line per target: executions, exec/s, coverage (cov: edges, ft:
# features) and corpus size, from libFuzzer's final statistics (-print_final_stats=1).
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${FUZZ_BUILD:-$root/build-fuzz}
bin_dir=${FUZZ_BIN_DIR:-$build/tests}
seeds=${FUZZ_SEEDS:-$root/tests/fuzz/corpus}
work=${FUZZ_WORK:-$build}
runs=${FUZZ_RUNS:-}
if [[ -n $runs ]]; then seconds=${FUZZ_SECONDS:-86400}; else seconds=${FUZZ_SECONDS:-60}; fi
jobs=${FUZZ_JOBS:-1}
timeout=${FUZZ_TIMEOUT:-10}
rss_mb=${FUZZ_RSS_MB:-2048}
extra_flags=${FUZZ_FLAGS:-}
max_len_override=${FUZZ_MAX_LEN:-}
rare_override=${FUZZ_RARE:-}

# The longest input each reader's fuzzer makes. Without it libFuzzer takes the largest seed:
# 38 KB for csv, 28 KB for html, 22 KB for xlsx, 16 KB for text, so that every mutation of a
# large seed reads a whole big form and the fuzzer ran at a few hundred inputs per second.
# 8 KB holds a complete small form in each of these formats (the small-* seeds: six
# indicators, every section) and the committed large seeds are cut to their first 8 KB; the
# whole seeds are still replayed by `make test`. docs/fuzzing.md has what it changed.
max_len_of() {
  case $1 in
  csv | text | html | xlsx) echo 8192 ;;
  pdf_table) echo 4096 ;; # word boxes: about 450 words, a dense page
  *) ;;
  esac
}

# Entropic's rare-feature threshold. libFuzzer keeps every feature seen at most 255 times in a
# list it searches linearly for each feature of each execution; the readers hit 20-40 k
# features an input, so in the first hours of a run that search was a third of the text
# fuzzer's time. At 8 the list stays short: the readers ran 1.3-2.6 times the executions per
# CPU second with as many features found (docs/fuzzing.md, "Sixth pass"). csv gained nothing
# measurable, so it keeps libFuzzer's default.
rare_threshold_of() {
  case $1 in
  text | html | pdf_table | xlsx) echo 8 ;;
  *) ;;
  esac
}

# UBSan only prints and carries on unless told to stop; a report must be a finding.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}

# The target list: FUZZ_TARGETS, else every tests/fuzz/fuzz_*.cc (so a target that was not
# built is a failure, not a silent omission).
targets=()
if [[ -n ${FUZZ_TARGETS:-} ]]; then
  for name in ${FUZZ_TARGETS//,/ }; do targets+=("fuzz_${name#fuzz_}"); done
else
  for source in "$root"/tests/fuzz/fuzz_*.cc; do targets+=("$(basename "$source" .cc)"); done
fi
if ((${#targets[@]} == 0)); then
  echo "fuzz: no targets" >&2
  exit 1
fi

mkdir -p "$work/fuzz-logs" "$work/corpus" "$work/artifacts"
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

# What a log says was found, from its first report (a slow stack trace can be followed by a
# timeout report for the same input): crash, timeout, out-of-memory, leak, ubsan,
# asan-<what>, or the words of another libFuzzer error; empty when the log names none.
finding_kind() {
  local first
  first=$(grep -m1 -E 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)|runtime error:' "$1")
  case $first in
  '') ;;
  *'runtime error:'*) echo ubsan ;;
  *'LeakSanitizer'*) echo leak ;;
  *'AddressSanitizer: '[a-z]*) echo "asan-$(grep -o 'AddressSanitizer: [a-z-]*' <<<"$first" | cut -d' ' -f2)" ;;
  *'libFuzzer: deadly signal'*) echo crash ;;
  *'libFuzzer: timeout'*) echo timeout ;;
  *'libFuzzer: out-of-memory'*) echo out-of-memory ;;
  *'libFuzzer: '*) grep -o 'libFuzzer: [a-z -]*' <<<"$first" | cut -d' ' -f2- | sed 's/ *$//; s/ /-/g' ;;
  *) echo sanitizer ;;
  esac
}

# Runs one target; writes "<status> <fields…>" to $results/<target> for the summary.
run_target() {
  local target=$1 name=${1#fuzz_}
  local binary=$bin_dir/$target corpus=$work/corpus/$name artifacts=$work/artifacts/$name/
  local log=$work/fuzz-logs/$name.log
  if [[ ! -x $binary ]]; then
    echo "FAIL missing - - - - - $binary is not built" >"$results/$target"
    return
  fi
  local max_len=${max_len_override:-$(max_len_of "$name")}
  [[ $max_len == 0 ]] && max_len=
  local rare=${rare_override:-$(rare_threshold_of "$name")}
  [[ $rare == 0 ]] && rare=
  mkdir -p "$corpus" "$artifacts"
  if [[ -d $seeds/$name ]]; then cp -n "$seeds/$name"/* "$corpus"/ 2>/dev/null; fi
  local before
  before=$(find "$artifacts" -type f | sort)
  # shellcheck disable=SC2086 # FUZZ_FLAGS is a list of flags
  # The watchdog: a fuzzer wedged inside its own crash handler (seen with UBSan's report and a
  # timeout alarm at once) never reaches -max_total_time.
  timeout -k 10 $((seconds + 4 * timeout + 120)) \
    "$binary" -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb="$rss_mb" \
    -print_final_stats=1 -artifact_prefix="$artifacts" ${runs:+-runs=$runs} ${max_len:+-max_len=$max_len} \
    ${rare:+-entropic_feature_frequency_threshold=$rare} $extra_flags \
    "$corpus" >"$log" 2>&1
  local status=$?
  if ((status == 124 || status == 137)); then
    echo "fuzz.sh: $target killed by the watchdog after $((seconds + 4 * timeout + 120))s" >>"$log"
  fi
  # The last status line ("#123 DONE cov: 456 ft: 789 corp: 12/3Kb … exec/s: 99 …") and the
  # final statistics.
  local execs rate cov ft corp
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  corp=$(grep -o 'corp: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  local artifact
  artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | head -1)
  if [[ -z $artifact ]]; then
    artifact=$(comm -13 <(echo "$before") <(find "$artifacts" -type f | sort) | tail -1)
  fi
  if ((status == 0)) && [[ -z $artifact ]]; then
    echo "ok - ${execs:--} ${rate:--} ${cov:--} ${ft:--} ${corp:--}" >"$results/$target"
    return
  fi
  local kind
  kind=$(finding_kind "$log")
  if [[ -z $kind ]] && ((status == 124 || status == 137)); then kind=wedged; fi
  echo "FAIL ${kind:-exit-status-$status} ${execs:--} ${rate:--} ${cov:--} ${ft:--} ${artifact:-no-artifact}" >"$results/$target"
}

echo "fuzz: ${#targets[@]} target(s), ${seconds}s${runs:+ or $runs executions} each, $jobs at a time; logs in $work/fuzz-logs/"
running=0
for target in "${targets[@]}"; do
  if ((running >= jobs)); then
    wait -n
    running=$((running - 1))
  fi
  run_target "$target" &
  running=$((running + 1))
done
wait

findings=0
printf '%-18s %-6s %12s %9s %7s %7s  %s\n' target result executions exec/s cov ft "corpus / finding"
for target in "${targets[@]}"; do
  read -r result kind execs rate cov ft last <"$results/$target"
  if [[ $result == ok ]]; then
    printf '%-18s %-6s %12s %9s %7s %7s  %s inputs\n' "$target" ok "$execs" "$rate" "$cov" "$ft" "$last"
  else
    findings=$((findings + 1))
    printf '%-18s %-6s %12s %9s %7s %7s  %s\n' "$target" FAIL "$execs" "$rate" "$cov" "$ft" "$kind"
  fi
done
for target in "${targets[@]}"; do
  read -r result kind execs rate cov ft last <"$results/$target"
  [[ $result == ok ]] && continue
  name=${target#fuzz_}
  echo
  echo "FAIL $target: $kind"
  if [[ $kind == missing ]]; then
    echo "  $bin_dir/$target is not built"
    continue
  fi
  echo "  artifact: $last"
  echo "  log:      $work/fuzz-logs/$name.log"
  [[ $last != no-artifact ]] && echo "  replay:   $bin_dir/$target $last"
  grep -m1 -B2 -A12 -E 'ERROR: |runtime error' "$work/fuzz-logs/$name.log" | sed 's/^/  | /'
done
if ((findings > 0)); then
  echo
  echo "fuzz: $findings of ${#targets[@]} target(s) FAILED"
  exit 1
fi
echo "fuzz: all ${#targets[@]} target(s) ran clean"
