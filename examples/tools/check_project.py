#!/usr/bin/env python3
"""Check the constructed project example (Python 3 standard library only).

Checks the canonical layout (docs/form-json.md) and that the declared figures are
arithmetically consistent under the national rules (rules/cn-2020.toml): the funding rows add
up to 年度资金总额, printed rates match B/A, the execution score is round(min(B/A, 1) × 10, 2),
一级 weights are 产出 50 / 效益 30 / 满意度 10, every quantitative leaf's declared score is what
the rules allow, the total is the execution score plus the leaf scores, and the grade follows
优 ≥ 90 / 良 ≥ 80 / 中 ≥ 60 / 差. Exit status 0 when every check passes.

usage: check_project.py [JSON]
"""
import re
import sys
from decimal import Decimal as D, ROUND_HALF_UP
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
import formjson  # noqa: E402

DEFAULT_JSON = Path(__file__).resolve().parent.parent / "county-roads-2023-proj.json"
FRAMEWORK = {
    "产出指标": {"数量指标", "质量指标", "时效指标", "成本指标"},
    "效益指标": {"经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"},
    "满意度指标": {"服务对象满意度指标"},
}
LEVEL1_WEIGHTS = {"产出指标": D(50), "效益指标": D(30), "满意度指标": D(10)}
SOURCE_LABELS = ["本年财政拨款", "上年结转资金", "其他资金"]
QUANT = re.compile(r"^(≥|≤|=)?([0-9]+(?:\.[0-9]+)?)(%|[^0-9%]*)$")
failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)
    return cond


def r2(x):
    return x.quantize(D("0.01"), ROUND_HALF_UP)


def pct(s):
    m = re.fullmatch(r"([0-9]+(?:\.[0-9]+)?)%", s)
    return D(m.group(1)) if m else None


def grade_of(total):
    return "优" if total >= 90 else "良" if total >= 80 else "中" if total >= 60 else "差"


def main(argv):
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_JSON
    raw = path.read_bytes()
    for msg in formjson.check_canonical(raw):
        failures.append("format: " + msg)
    f = formjson.load(raw)

    check(f["kind"] == "project" and f["title"] == "项目支出绩效自评表", "kind / title")
    check(f["year"] == 2023, "year")
    for k in ("project", "department", "implementing_unit", "conclusion", "problems",
              "improvements", "project_leader", "finance_leader"):
        check(f.get(k, "") != "", "%s is empty" % k)
    check(f["money_unit"] == "万元", "money_unit")

    # --- 项目资金 -----------------------------------------------------------------------------
    b = f["budget"]
    src = b["sources"]
    check([s["label"] for s in src] == SOURCE_LABELS, "source labels")
    for k in ("initial", "annual", "executed"):
        total = sum((s[k] for s in src), D(0))
        check(total == b[k], "sources' %s add up to %s, not %s" % (k, total, b[k]))
    for s in src + [dict(b, label="年度资金总额")]:
        if s["annual"]:
            exact = s["executed"] / s["annual"] * 100
            check(pct(s["rate"]) is not None and abs(pct(s["rate"]) - exact) <= D("0.05"),
                  "%s: rate %s vs %s%%" % (s["label"], s["rate"], r2(exact)))
    A, B = b["annual"], b["executed"]
    exec_score = r2(min(B / A, D(1)) * b["weight"])
    check(b["weight"] == 10, "budget weight")
    check(exec_score == b["score"], "execution score %s, declared %s" % (exec_score, b["score"]))
    check(B / A >= D("0.9") or b["deviation_reason"], "rate below 90% needs a reason")
    print("execution: B/A = %s%%, score %s (declared %s)" % (r2(B / A * 100), exec_score,
                                                             b["score"]))

    # --- the one goal ------------------------------------------------------------------------
    check(len(f["goals"]) == 1, "exactly one goal")
    g = f["goals"][0]
    check(g["number"] is None and g["weight"] is None and g["score"] is None, "goal fields")
    check(g["target"] != "" and g["actual"] != "", "goal texts")
    leaves = g["indicators"]
    check(12 <= len(leaves) <= 18, "12-18 indicators, got %d" % len(leaves))
    print("indicators:", len(leaves))

    # --- indicators ---------------------------------------------------------------------------
    by_l1 = {}
    seen = set()
    for ind in leaves:
        n = ind["name"]
        check(ind["level2"] in FRAMEWORK.get(ind["level1"], ()), n + ": level pair")
        by_l1[ind["level1"]] = by_l1.get(ind["level1"], D(0)) + ind["weight"]
        w, s, t, a = ind["weight"], ind["score"], ind["target"], ind["actual"]
        check(D(0) <= s <= w, n + ": score outside [0, weight]")
        check(s == w or ind["deviation_reason"], n + ": points lost without a reason")
        mt, ma = QUANT.match(t), QUANT.match(a)
        if mt and ma and mt.group(3) == ma.group(3) and not ma.group(1):
            op, tv, av = mt.group(1) or "=", D(mt.group(2)), D(ma.group(2))
            if op == "≤":
                check(av > tv or s == w, n + ": reverse target met but not full")
                kind = "ceiling"
            elif av >= tv:
                if tv and av > tv * D("1.2"):
                    check(ind["deviation_reason"] != "", n + ": >20% above target, no reason")
                    check(w * D("0.5") <= s <= w, n + ": over-achievement deduction > 50%")
                    kind = "over (+%s%%)" % r2((av / tv - 1) * 100)
                else:
                    check(s == w, n + ": target met, score %s of %s" % (s, w))
                    kind = "met"
                    seen.add("count met" if mt.group(3) not in ("%", "") else "rate met")
            else:
                check(s == r2(av / tv * w), n + ": missed, declared %s, formula %s"
                      % (s, r2(av / tv * w)))
                check(ind["deviation_reason"] != "", n + ": missed without reason")
                kind = "missed (%s × %s = %s)" % (r2(av / tv), w, r2(av / tv * w))
            if kind.startswith("over") and mt.group(3) != "%":
                seen.add("count over >20%")
            if kind.startswith("missed") and mt.group(3) == "%":
                seen.add("rate missed")
            if kind == "ceiling" and mt.group(3).endswith("万元"):
                seen.add("cost ceiling")
            if ind["level1"] == "满意度指标" and op == "≥" and mt.group(3) == "%" and tv >= 90:
                seen.add("satisfaction ≥90%")
        else:
            kind = "qualitative / text"
            if re.search(r"年.*月底前$", t):
                seen.add("deadline")
                kind = "deadline"
            elif t in ("合格", "合格以上", "达标", "有所提高", "有所降低"):
                seen.add("qualitative")
            check(s >= w * D("0.8") or ind["deviation_reason"], n + ": qualitative tier")
        print("  %-6s %-10s %-28s %-12s %-12s %4s %5s  %s"
              % (ind["level1"], ind["level2"], n, t, a[:12], w, s, kind))
    for l1, w in LEVEL1_WEIGHTS.items():
        check(by_l1.get(l1) == w, "%s weights add up to %s, not %s" % (l1, by_l1.get(l1), w))
    need = {"count met", "count over >20%", "rate missed", "cost ceiling", "deadline",
            "qualitative", "satisfaction ≥90%"}
    check(need <= seen, "missing cases: %s" % sorted(need - seen))

    # --- totals and grade --------------------------------------------------------------------
    wsum = sum((i["weight"] for i in leaves), D(0))
    ssum = sum((i["score"] for i in leaves), D(0))
    check(wsum + b["weight"] == f["total"]["weight"] == 100, "total weight")
    check(exec_score + ssum == f["total"]["score"],
          "total %s + %s = %s, declared %s" % (exec_score, ssum, exec_score + ssum,
                                              f["total"]["score"]))
    check(f["grade"] == grade_of(f["total"]["score"]), "grade %s for %s"
          % (f["grade"], f["total"]["score"]))
    print("total: %s + %s = %s (declared %s), grade %s"
          % (exec_score, ssum, exec_score + ssum, f["total"]["score"], f["grade"]))

    if failures:
        print("\nFAILED (%d):" % len(failures))
        for m in failures:
            print("  " + m)
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
