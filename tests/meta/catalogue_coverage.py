#!/usr/bin/env python3
"""Every diagnostic in the catalogue must appear in some expected output under tests/ (by its
code, e.g. ZP0304) or, for unit-tested ones, by its symbolic name — unless exempted with a
reason in tests/meta/catalogue_exempt.txt."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
entries = re.findall(r"^ZP_DIAG\((\d+), (\w+),", (root / "src/ziping/diag/catalogue.def").read_text(), re.M)
exempt = {}
for line in (root / "tests/meta/catalogue_exempt.txt").read_text(encoding="utf-8").splitlines():
    if line.strip() and not line.startswith("#"):
        code, _, reason = line.partition(" ")
        exempt[code] = reason.strip()
corpus = []
for path in (root / "tests").rglob("*"):
    # diagnostics-list.case prints the whole catalogue: it would count every code as tested.
    if path.name == "diagnostics-list.case":
        continue
    if path.is_file() and path.suffix in (".case", ".txt", ".json", ".cc") and "meta" not in path.parts:
        corpus.append(path.read_text(encoding="utf-8", errors="replace"))
text = "\n".join(corpus)
missing = []
for number, name in entries:
    code = f"ZP0{number}"
    if code in exempt:
        continue
    if code not in text and f"DiagId::{name}" not in text:
        missing.append(f"{code} {name}")
for line in missing:
    print(f"untested diagnostic: {line}")
print(f"catalogue coverage: {len(entries) - len(missing)}/{len(entries)} tested, {len(exempt)} exempt")
sys.exit(1 if missing else 0)
