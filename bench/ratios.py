#!/usr/bin/env python3
"""Reads Google Benchmark JSON (stdin) and prints each benchmark's throughput with its ratio to
the X_Baseline measured in the same run."""
import json
import sys

runs = {b["name"]: b for b in json.load(sys.stdin)["benchmarks"] if b.get("run_type", "iteration") == "iteration"}


def rate(b):
    if "items_per_second" in b:
        return b["items_per_second"], "items/s"
    return b.get("bytes_per_second", 0) / 1e6, "MB/s"


# BM_Score shares the baseline of BM_ScoreAndCheck (the same leaves walked without scoring).
# BM_ParseValuesUnremembered shares BM_ParseValues's (copying the same strings).
BASELINE = {"BM_Score": "BM_ScoreAndCheck_Baseline",
            "BM_ParseValuesUnremembered": "BM_ParseValues_Baseline"}

for name, b in runs.items():
    if name.endswith("_Baseline"):
        continue
    value, unit = rate(b)
    line = f"{name:<26} {value:>14,.0f} {unit}"
    if "bytes_per_second" in b and "items_per_second" in b:
        line += f" ({b['bytes_per_second'] / 1e6:,.1f} MB/s)"
    base = runs.get(BASELINE.get(name, name + "_Baseline"))
    if base:
        # Compare like with like: items with items, bytes with bytes.
        key = "items_per_second" if "items_per_second" in base else "bytes_per_second"
        if b.get(key):
            scale, unit_name = (1, "items/s") if key == "items_per_second" else (1e6, "MB/s")
            line += (f"   baseline {base[key] / scale:,.0f} {unit_name}: "
                     f"{base[key] / b[key]:,.1f}x the time of the baseline")
    print(line)
