#!/usr/bin/env bash
# The baseline a user would otherwise reach for: LibreOffice turning the same form, as our HTML
# page, into a PDF (soffice --headless --convert-to pdf), against `ziping convert` writing the
# PDF itself. Whole processes, timed in the same run with hyperfine (or a plain loop).
#
# LibreOffice is not a dependency of ziping (not in scripts/deps.sh). To run this:
#   apt-get install -y --no-install-recommends libreoffice-calc libreoffice-writer
# Without it the script says so and exits 0. A soffice that runs but writes no PDF (no
# libreoffice-writer: "no export filter") is caught by a probe conversion before anything is
# timed, and the script says so instead of timing a failure (exit 0, nothing timed).
set -euo pipefail
ziping=$(realpath "${1:-build/ziping}")
root=$(cd "$(dirname "$0")/.." && pwd)
soffice=$(command -v soffice || command -v libreoffice || true)
if [[ -z "$soffice" ]]; then
  echo "libreoffice_print_baseline: soffice not installed; skipped (see the comment at the top)"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
form="$root/examples/tianjin-2022-dept.json"
"$ziping" convert "$form" "$work/seed.html" --rules tianjin-2022
profile="file://$work/profile" # a private LibreOffice profile, created by the warm-up run
lo=("$soffice" --headless --norestore "-env:UserInstallation=$profile" --convert-to pdf
    --outdir "$work/lo" "$work/seed.html")
zp=("$ziping" convert "$form" "$work/ziping.pdf" --rules tianjin-2022)

# Both sides must produce their PDF before either is timed (this also creates the profile).
"${zp[@]}"
"${lo[@]}" >"$work/probe.log" 2>&1 || true
if [[ ! -s "$work/ziping.pdf" ]]; then
  echo "libreoffice_print_baseline: ziping wrote no PDF; nothing timed" >&2
  exit 1
fi
if [[ ! -s "$work/lo/seed.pdf" ]]; then
  echo "libreoffice_print_baseline: soffice wrote no PDF (is libreoffice-writer installed?);" \
       "skipped, nothing timed. soffice said: $(tr '\n' ' ' <"$work/probe.log")"
  exit 0
fi

if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs "${RUNS:-5}" -N \
    -n "ziping convert seed.json → PDF" "${zp[*]}" \
    -n "soffice --convert-to pdf seed.html" "${lo[*]}"
else
  "${lo[@]}" >/dev/null 2>&1 # warm-up: creates the profile
  for name in zp lo; do
    declare -n command=$name
    start=$(date +%s%N)
    for _ in $(seq "${RUNS:-5}"); do "${command[@]}" >/dev/null 2>&1; done
    end=$(date +%s%N)
    echo "$name: $(( (end - start) / ${RUNS:-5} / 1000000 )) ms per form"
  done
fi
rm -f "$work/lo/seed.pdf" "$work/ziping.pdf"
"${lo[@]}" >/dev/null 2>&1
"${zp[@]}"
if [[ ! -s "$work/lo/seed.pdf" || ! -s "$work/ziping.pdf" ]]; then
  echo "libreoffice_print_baseline: a timed run stopped writing its PDF; the timings above are void" >&2
  exit 1
fi
echo "pages: ziping $(pdfinfo "$work/ziping.pdf" | awk '/^Pages/ {print $2}')," \
     "LibreOffice $(pdfinfo "$work/lo/seed.pdf" | awk '/^Pages/ {print $2}')"
