#!/usr/bin/env python3
"""How much of each import fixture `ziping import` recovers, against its truth.json.

For every tests/golden/*/ with a truth.json: an indicator row counts as recovered when the goal
it belongs to holds an imported row with the same name, target, actual, weight and score (the
brief's measure); labels (一级/二级), reasons and the rest of the form are reported beside it.
Exits 1 when the overall rate is below --min (default 0.95).

usage: recovery_rate.py --ziping BUILD/ziping [--root REPO] [--min 0.95] [-v]
"""
import argparse
import json
import shlex
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

CORE = ("name", "target", "actual", "weight", "score")


def load(text):
    return json.loads(text, parse_float=Decimal)


def key(leaf, fields):
    return tuple(str(leaf.get(f)) if leaf.get(f) is not None else None for f in fields)


def compare(truth, got):
    rows = exact = labelled = reasons = 0
    misses = []
    for gi, goal in enumerate(truth["goals"]):
        imported = got["goals"][gi]["indicators"] if gi < len(got["goals"]) else []
        pool = [key(leaf, CORE) for leaf in imported]
        full = [key(leaf, CORE + ("level1", "level2")) for leaf in imported]
        reason_pool = [key(leaf, CORE + ("deviation_reason",)) for leaf in imported]
        for leaf in goal["indicators"]:
            rows += 1
            k = key(leaf, CORE)
            if k in pool:
                exact += 1
                pool.remove(k)
            else:
                misses.append((gi + 1, leaf["name"]))
            if key(leaf, CORE + ("level1", "level2")) in full:
                labelled += 1
            if key(leaf, CORE + ("deviation_reason",)) in reason_pool:
                reasons += 1
    rest_t = {k: v for k, v in truth.items() if k != "goals"}
    rest_g = {k: v for k, v in got.items() if k != "goals"}
    goals_t = [{k: v for k, v in g.items() if k != "indicators"} for g in truth["goals"]]
    goals_g = [{k: v for k, v in g.items() if k != "indicators"} for g in got["goals"]]
    return rows, exact, labelled, reasons, rest_t == rest_g and goals_t == goals_g, truth == got, misses


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ziping", required=True)
    parser.add_argument("--root", default=str(Path(__file__).resolve().parent.parent.parent))
    parser.add_argument("--min", type=float, default=0.95)
    parser.add_argument("-v", action="store_true")
    options = parser.parse_args()
    root = Path(options.root)
    total_rows = total_exact = total_labelled = total_reasons = 0
    print(f"{'fixture':34} {'rows':>5} {'exact':>6} {'labels':>7} {'reasons':>8}  rest  whole")
    for case in sorted((root / "tests" / "golden").glob("*/truth.json")):
        d = case.parent
        inputs = sorted(p.name for p in d.iterdir() if p.name.startswith("input."))
        cwd = d
        if (d / "source").exists():
            inputs, cwd = [(d / "source").read_text().strip()], root
        args = shlex.split((d / "args").read_text()) if (d / "args").exists() else []
        kind = []
        if "--kind" in args:
            kind = ["--kind", args[args.index("--kind") + 1]]
        proc = subprocess.run([options.ziping, "import", inputs[0], "-o", "-"] + kind, cwd=cwd,
                              capture_output=True, timeout=60)
        truth = load((d / "truth.json").read_text(encoding="utf-8"))
        if proc.returncode != 0:
            got = {"goals": []}
        else:
            got = load(proc.stdout.decode("utf-8"))
        rows, exact, labelled, reasons, rest, whole, misses = compare(truth, got)
        total_rows += rows
        total_exact += exact
        total_labelled += labelled
        total_reasons += reasons
        print(f"{d.name:34} {rows:5} {exact:6} {labelled:7} {reasons:8}  {'ok' if rest else '--':4}  "
              f"{'ok' if whole else '--'}")
        if options.v:
            for goal, name in misses:
                print(f"    missed: goal {goal} {name}")
    rate = total_exact / total_rows if total_rows else 0
    print(f"{'all':34} {total_rows:5} {total_exact:6} {total_labelled:7} {total_reasons:8}")
    print(f"indicator rows recovered exactly (name, target, actual, weight, score): "
          f"{total_exact}/{total_rows} = {rate:.1%}; with 一级/二级 too: "
          f"{total_labelled / total_rows if total_rows else 0:.1%}; with reasons: "
          f"{total_reasons / total_rows if total_rows else 0:.1%}")
    return 0 if rate >= options.min else 1


if __name__ == "__main__":
    sys.exit(main())
