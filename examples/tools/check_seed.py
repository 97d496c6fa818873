#!/usr/bin/env python3
"""Check examples/tianjin-2022-dept.json against the seed text (Python 3 standard library only).

Independent of build_seed.py: it reads the JSON file as written and the seed as published and
checks the transcription, the arithmetic and the canonical layout. Exit status 0 when every
check passes, 1 otherwise.

usage: check_seed.py [JSON] [SEED]
"""
import json
import sys
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
import formjson  # noqa: E402

HERE = Path(__file__).resolve().parent
DEFAULT_JSON = HERE.parent / "tianjin-2022-dept.json"
DEFAULT_SEED = Path(__file__).resolve().parent.parent / "tianjin-2022-dept.txt"

EXPECTED_COUNTS = [6, 6, 5, 9, 8, 5, 7, 7, 13, 10]

failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)
    return cond


def seed_cells(line):
    return [c.strip() for c in line.split("\t") if c.strip()]


def main(argv):
    jpath = Path(argv[1]) if len(argv) > 1 else DEFAULT_JSON
    spath = Path(argv[2]) if len(argv) > 2 else DEFAULT_SEED
    raw = jpath.read_bytes()
    seed = spath.read_text(encoding="utf-8")
    lines = seed.split("\n")

    # --- the format (docs/form-json.md) -------------------------------------------------
    for msg in formjson.check_canonical(raw):
        failures.append("format: " + msg)
    form = formjson.load(raw)

    # every complete cell of the seed, and every line as its list of non-empty cells
    all_cells = set()
    rows = []
    for i, ln in enumerate(lines, 1):
        c = seed_cells(ln)
        all_cells.update(c)
        rows.append((i, c))

    # --- header and budget ------------------------------------------------------------------
    check(form["kind"] == "department", "kind")
    check(form["title"] == "整体支出绩效自评表", "title")
    check("# " + form["title"] in all_cells, "title not printed")
    check(form["year"] == 2022 and "(2022年度)" in all_cells, "year")
    check(form["department"] == "天津市人民政府政务服务办公室"
          and form["department"] in all_cells, "department")
    check(form["project"] == "" and form["implementing_unit"] == "", "project fields not empty")
    check(form["money_unit"] == "万元" and "部门预算金额(万元)" in all_cells, "money_unit")
    b = form["budget"]
    brow = [str(b[k]) for k in ("initial", "annual", "executed", "weight", "score")] + [b["rate"]]
    check(brow == ["22230.8", "22681.6", "19792.2", "10", "8.7", "87.3%"], "budget %r" % brow)
    check(any(c == brow for _, c in rows), "budget row not a seed row")
    check(b["deviation_reason"] in all_cells and b["deviation_reason"].startswith("主要原因："),
          "budget deviation_reason")
    check(b["sources"] == [], "sources")

    # --- goals ------------------------------------------------------------------------------
    goals = form["goals"]
    check([g["number"] for g in goals] == list(range(1, 11)), "goal numbers")
    for g in goals:
        n = g["number"]
        for k in ("target", "actual"):
            check(g[k] != "" and g[k] in all_cells, "goal %s %s not a seed cell" % (n, k))
        check(g["deviation_reason"] == "" or g["deviation_reason"] in all_cells,
              "goal %s deviation_reason not a seed cell" % n)
        check(g["weight"] is None and g["score"] is None, "goal %s subtotals" % n)
        # the goal's printed row: [number, target, actual, (reason)] at the end of a seed line
        want = [str(n), g["target"], g["actual"]] + (
            [g["deviation_reason"]] if g["deviation_reason"] else [])
        check(any(c[-len(want):] == want for _, c in rows), "goal %s row not found" % n)
    check(goals[1]["deviation_reason"].startswith("年度目标4中："), "goal 2 reason (printed there)")
    check(all(g["deviation_reason"] == "" for g in goals if g["number"] != 2),
          "only goal 2 prints a goal-level reason")
    check(goals[4]["target"].startswith("目标："), "goal 5 target keeps 目标：")

    # --- leaves -----------------------------------------------------------------------------
    counts = [len(g["indicators"]) for g in goals]
    print("per-goal leaf counts:", ", ".join("%d:%d" % (i + 1, c) for i, c in enumerate(counts)))
    print("leaves:", sum(counts))
    check(sum(counts) == 76, "76 leaves, got %d" % sum(counts))
    check(counts == EXPECTED_COUNTS, "per-goal counts %r" % counts)

    allowed = {
        "产出指标": {"数量指标", "质量指标", "时效指标", "成本指标"},
        "效益指标": {"经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"},
        "满意度指标": {"服务对象满意度", "服务对象满意度指标"},
    }
    used_lines = {}
    indicator_lines = range(24, 109)   # the 年度指标完成情况 section
    for g in goals:
        for j, ind in enumerate(g["indicators"]):
            where = "goal %d leaf %d (%s)" % (g["number"], j + 1, ind["name"])
            check(ind["level2"] in allowed.get(ind["level1"], ()), where + ": level pair")
            for k in ("name", "target", "actual"):
                check(ind[k] != "" and ind[k] in all_cells, where + ": %s not a seed cell" % k)
            check(ind["deviation_reason"] == "" or ind["deviation_reason"] in all_cells,
                  where + ": reason not a seed cell")
            check(ind["level1"] in all_cells and ind["level2"] in all_cells, where + ": labels")
            for k in ("weight", "score"):
                check(isinstance(ind[k], (int, Decimal)), where + ": %s not a number" % k)
            # the printed row: its non-empty cells end with exactly these cells, in this order
            want = [ind["name"], ind["target"], ind["actual"], str(ind["weight"]),
                    str(ind["score"])] + ([ind["deviation_reason"]] if ind["deviation_reason"] else [])
            hits = [i for i, c in rows if i in indicator_lines and c[-len(want):] == want
                    and i not in used_lines]
            if check(len(hits) >= 1, where + ": no seed row ends with its cells"):
                used_lines[hits[0]] = (g["number"], ind)
    # every seed row of the indicator section that carries a weight and a score is used once
    leaf_rows = [i for i, c in rows if i in indicator_lines and "三级指标" not in c
                 and "总分" not in c and len(c) >= 5]
    check(sorted(used_lines) == leaf_rows,
          "seed rows not transcribed: %r" % sorted(set(leaf_rows) - set(used_lines)))
    # printed order: within a goal, seed lines increase
    for g in goals:
        ls = [i for i, (n, _) in sorted(used_lines.items()) if n == g["number"]]
        mine = [i for i, (n, ind) in used_lines.items() if n == g["number"]]
        check(ls == sorted(mine), "goal %d order" % g["number"])
    order = [(n, ind["name"]) for _, (n, ind) in sorted(used_lines.items())]
    check(order == [(g["number"], i["name"]) for g in goals for i in g["indicators"]],
          "leaves not in printed order")

    # 一级/二级 labels: what is printed on a leaf's row, else what the rows above carry down
    # (a printed 二级 alone keeps the 一级 above it). Line 74 is slip (b): it prints
    # "产出指标 满意度指标 服务对象满意度" under 绩效目标8; its leaf is goal 7's 满意度指标 /
    # 服务对象满意度 row and the 产出指标 cell opens goal 8's block, carried to line 75.
    carry1 = carry2 = None
    for i, (n, ind) in sorted(used_lines.items()):
        c = rows[i - 1][1]
        want_len = 5 + (1 if ind["deviation_reason"] else 0)
        labels = [x for x in c[:-want_len] if not x.startswith("绩效目标")]
        if i == 74:
            check(labels == ["产出指标", "满意度指标", "服务对象满意度"], "line 74 labels")
            exp = ("满意度指标", "服务对象满意度")
            carry1, carry2 = "产出指标", None
        else:
            if len(labels) == 2:
                carry1, carry2 = labels
            elif len(labels) == 1:
                if labels[0] in allowed:
                    carry1, carry2 = labels[0], None
                else:
                    carry2 = labels[0]
            else:
                check(labels == [], "line %d: labels %r" % (i, labels))
            exp = (carry1, carry2)
        check((ind["level1"], ind["level2"]) == exp,
              "line %d (%s): levels %s/%s, printed or carried %r"
              % (i, ind["name"], ind["level1"], ind["level2"], exp))

    # where the printed 绩效目标 label disagrees with the goal we assign (the undone slips)
    for i, (n, ind) in sorted(used_lines.items()):
        labels = [c for c in rows[i - 1][1] if c.startswith("绩效目标")]
        if labels and labels != ["绩效目标%d" % n]:
            print("slip undone: seed line %d printed %s, assigned to goal %d (%s)"
                  % (i, labels[0], n, ind["name"]))

    # --- arithmetic -------------------------------------------------------------------------
    D = Decimal
    wsum = D(0)
    ssum = D(0)
    for g in goals:
        gw = sum((D(str(i["weight"])) for i in g["indicators"]), D(0))
        gs = sum((D(str(i["score"])) for i in g["indicators"]), D(0))
        check(gw == 9, "goal %d weights add up to %s, not 9" % (g["number"], gw))
        if gs != gw:
            print("goal %d: weight %s, declared %s, lost %s" % (g["number"], gw, gs, gw - gs))
        wsum += gw
        ssum += gs
    print("indicator weights:", wsum, " declared indicator scores:", ssum)
    check(wsum == 90, "weights add up to %s, not 90" % wsum)
    check(ssum == D("88.70"), "declared scores add up to %s, not 88.70" % ssum)
    A, B = D(str(b["annual"])), D(str(b["executed"]))
    exec_score = (min(B / A, D(1)) * 10).quantize(D("0.01"), ROUND_HALF_UP)
    rate = (B / A * 100).quantize(D("0.1"), ROUND_HALF_UP)
    print("execution: B/A = %s%% (printed %s), score %s (printed %s)"
          % ((B / A * 100).quantize(D("0.0001")), b["rate"], exec_score, b["score"]))
    check(exec_score == D("8.73"), "execution score %s" % exec_score)
    check("%s%%" % rate == b["rate"], "printed rate %s vs %s%%" % (b["rate"], rate))
    check(D(str(b["weight"])) + wsum == D(str(form["total"]["weight"])) == 100, "total weight")
    check(exec_score + ssum == D(str(form["total"]["score"])) == D("97.43"),
          "8.73 + 88.70 = %s vs total %s" % (exec_score + ssum, form["total"]["score"]))
    print("total: %s + %s = %s (declared %s)"
          % (exec_score, ssum, exec_score + ssum, form["total"]["score"]))

    # --- grade and conclusion ---------------------------------------------------------------
    check(form["grade"] == "优", "grade")
    check(form["conclusion"] in all_cells and form["conclusion"].startswith("本次自评等级为优。"),
          "conclusion")

    if failures:
        print("\nFAILED (%d):" % len(failures))
        for f in failures:
            print("  " + f)
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
