#!/usr/bin/env bash
# Whole-process conversions against LibreOffice headless, the tool a user would otherwise
# reach for, on the same forms (both examples, COPIES copies each):
#   write: ziping convert FORM.json FORM.xlsx     vs  soffice --convert-to xlsx FORM.csv
#   read:  ziping convert FORM.xlsx FORM.json     vs  soffice --convert-to csv FORM.xlsx
# ziping runs once per form (a process each); soffice gets all files in one call, which is
# its best case (start-up paid once). Prints forms per second and the ratio. Skips cleanly
# when soffice is absent; checks that every timed run wrote all its files (soffice without
# libreoffice-calc writes none and exits 0) before printing a rate.
set -euo pipefail
ziping=${1:-build/ziping}
copies=${COPIES:-20}
command -v soffice >/dev/null || { echo "libreoffice_baseline: soffice not installed; skipped"; exit 0; }
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work
mkdir -p "$work/json" "$work/csv" "$work/xlsx" "$work/lo-xlsx" "$work/lo-csv" "$work/back"
n=0
for example in tianjin-2022-dept county-roads-2023-proj; do
  for i in $(seq 1 "$copies"); do
    cp "$root/examples/$example.json" "$work/json/$example-$i.json"
    "$ziping" convert "$work/json/$example-$i.json" "$work/csv/$example-$i.csv"
    n=$((n + 1))
  done
done
now() { date +%s.%N; }
rate() { python3 -c "import sys; n, t = float(sys.argv[1]), float(sys.argv[2]); print(f'{n / t:8.1f} forms/s  ({t:.2f} s for {int(n)} forms)')" "$@"; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.0f}x')" "$@"; }

start=$(now)
for f in "$work"/json/*.json; do "$ziping" convert "$f" "$work/xlsx/$(basename "${f%.json}").xlsx"; done
ziping_write=$(python3 -c "print($(now) - $start)")
start=$(now)
soffice -env:UserInstallation=file://$work/profile --headless --convert-to xlsx --outdir "$work/lo-xlsx" "$work"/csv/*.csv >/dev/null 2>&1
lo_write=$(python3 -c "print($(now) - $start)")
start=$(now)
for f in "$work"/xlsx/*.xlsx; do "$ziping" convert "$f" "$work/back/$(basename "${f%.xlsx}").json"; done
ziping_read=$(python3 -c "print($(now) - $start)")
start=$(now)
soffice -env:UserInstallation=file://$work/profile --headless --convert-to csv --outdir "$work/lo-csv" "$work"/xlsx/*.xlsx >/dev/null 2>&1
lo_read=$(python3 -c "print($(now) - $start)")

# A rate is printed only for a run that wrote every file it was timed for.
count() { find "$1" -maxdepth 1 -type f -name "*.$2" | wc -l; }
for check in "xlsx ziping-write:xlsx" "lo-xlsx LibreOffice-write:xlsx" "back ziping-read:json" \
             "lo-csv LibreOffice-read:csv"; do
  dir=${check%% *}; what=${check#* }; label=${what%%:*}; ext=${what#*:}
  got=$(count "$work/$dir" "$ext")
  if [[ "$got" -ne "$n" ]]; then
    echo "libreoffice_baseline: $label wrote $got of $n files; nothing reported" \
         "(LibreOffice: is libreoffice-calc installed?)" >&2
    exit 1
  fi
done

echo "write XLSX  ziping      $(rate "$n" "$ziping_write")"
echo "write XLSX  LibreOffice $(rate "$n" "$lo_write")   ziping is $(ratio "$lo_write" "$ziping_write") faster"
echo "read XLSX   ziping      $(rate "$n" "$ziping_read")"
echo "read XLSX   LibreOffice $(rate "$n" "$lo_read")   ziping is $(ratio "$lo_read" "$ziping_read") faster"
same=0
for f in "$work"/back/*.json; do
  name=$(basename "$f"); cmp -s "$f" "$root/examples/${name%-*}.json" && same=$((same + 1))
done
echo "round trip: $same of $n forms read back byte for byte"
