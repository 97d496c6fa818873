#!/usr/bin/env bash
# Re-saves ziping's own XLSX of both examples with LibreOffice (as a user who opens the file
# in Calc and saves it would), into the golden cases xlsx-lo-seed and xlsx-lo-project. Needs
# a built ziping and LibreOffice Calc (developer machines only: CI reads the committed files).
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
ziping=${1:-$root/build/ziping}
command -v soffice >/dev/null || { echo "soffice not installed (apt-get install --no-install-recommends libreoffice-calc)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work
for pair in "seed:tianjin-2022-dept:tianjin-2022" "project:county-roads-2023-proj:cn-2020"; do
  IFS=: read -r name example rules <<<"$pair"
  mkdir -p "$work/in" "$work/out"
  "$ziping" convert "$root/examples/$example.json" "$work/in/$example.xlsx" --rules "$rules" 2>/dev/null
  soffice -env:UserInstallation=file://$work/profile --headless --convert-to xlsx:"Calc MS Excel 2007 XML" \
    --outdir "$work/out" "$work/in/$example.xlsx" >/dev/null 2>&1
  case_dir=$root/tests/golden/xlsx-lo-$name
  mkdir -p "$case_dir"
  cp "$work/out/$example.xlsx" "$case_dir/input.xlsx"
  echo "--rules $rules" >"$case_dir/args"
  echo "examples/$example.json written by ziping, re-saved by LibreOffice Calc: reads back as the example" >"$case_dir/description"
  : >"$case_dir/reader"
done
