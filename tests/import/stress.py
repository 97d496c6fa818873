#!/usr/bin/env python3
"""Generality check: the forms of the fixtures printed in every layout they were not written
for (the seed's real content as a "|" dump, one cell per line, spaces, runs; the project forms
as tabs, lines, runs …), imported, and the indicator rows recovered exactly counted. Nothing
is written to the repository; this measures, it does not pin.

usage: stress.py --ziping BUILD/ziping [-v]
"""
import argparse
import json
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

sys.dont_write_bytecode = True
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import make_fixtures as mf  # noqa: E402
import forms  # noqa: E402
from recovery_rate import compare, load  # noqa: E402


def normalise(form):
    """The form with every number a Decimal, as recovery_rate.load reads JSON."""
    truth = json.loads(json.dumps(form, default=str), parse_float=Decimal)
    for g in truth["goals"]:
        for leaf in g["indicators"]:
            for k in ("weight", "score"):
                if leaf[k] is not None:
                    leaf[k] = Decimal(str(leaf[k]))
    return truth


def dept_rows(f, header_first="年度指标完成情况"):
    head = mf.env_head(f)
    rows = head + [[header_first] + mf.DEPT_INDICATOR_HEADER[1:]]
    for g in f["goals"]:
        rows += mf.indicator_rows(g["indicators"], goal_label="绩效目标%d" % g["number"])
    rows += mf.env_closing(f)
    return rows


def pipes(rows):
    out = []
    for r in rows:
        if isinstance(r, list) and len(r) > 1:
            r = mf.drop_leading_empty(r)
        out.append(r)
    return mf.render(out, "pipes")


def cases():
    seed = mf.load_example("tianjin-2022-dept.json")
    roads = mf.load_example("county-roads-2023-proj.json")
    for name, f, rows in [("seed", seed, dept_rows(seed)), ("env", forms.ENV, dept_rows(forms.ENV)),
                          ("roads", roads, mf.national_project_rows(roads) +
                           mf.indicator_rows(roads["goals"][0]["indicators"]) + mf.closing_rows(roads)),
                          ("hb", forms.HB, mf.hb_rows(forms.HB, headings=False, amounts_with_units=False))]:
        for layout in ("tabs", "pipes", "spaces", "lines", "runs"):
            text = pipes(rows) if layout == "pipes" else mf.render(rows, layout)
            yield f"{name}-{layout}", text, f
        for layout in ("tabs", "spaces"):
            yield f"{name}-centred-{layout}", mf.render(mf.centred(rows), layout), f


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ziping", required=True)
    parser.add_argument("-v", action="store_true")
    parser.add_argument("--min", type=float, default=0.0)
    options = parser.parse_args()
    total = exact = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, text, truth in cases():
            path = Path(tmp) / (name + ".txt")
            path.write_text(text, encoding="utf-8")
            proc = subprocess.run([options.ziping, "import", str(path), "-o", "-"], capture_output=True,
                                  timeout=60)
            got = load(proc.stdout.decode()) if proc.returncode == 0 else {"goals": []}
            truth = normalise(truth)
            rows, ok, labelled, reasons, rest, whole, misses = compare(truth, got)
            total += rows
            exact += ok
            print(f"{name:14} {ok:3}/{rows:3} labels {labelled:3} reasons {reasons:3}")
            if options.v:
                for goal, leaf in misses[:8]:
                    print(f"    missed: goal {goal} {leaf}")
    print(f"stress: {exact}/{total} = {exact / total:.1%}")
    return 0 if exact / total >= options.min else 1


if __name__ == "__main__":
    sys.exit(main())
