#!/usr/bin/env bash
# The baseline a user would otherwise reach for: LibreOffice turning the same form, as our HTML
# page, into a PDF (soffice --headless --convert-to pdf), against `ziping convert` writing the
# PDF itself. Whole processes, timed in the same run with hyperfine (or a plain loop).
#
# LibreOffice is not a dependency of ziping (not in scripts/deps.sh). To run this:
#   apt-get install -y --no-install-recommends libreoffice-calc libreoffice-writer
# Without it the script says so and exits 0.
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
"${lo[@]}" >/dev/null 2>&1
echo "pages: ziping $(pdfinfo "$work/ziping.pdf" | awk '/^Pages/ {print $2}')," \
     "LibreOffice $(pdfinfo "$work/lo/seed.pdf" | awk '/^Pages/ {print $2}')"
