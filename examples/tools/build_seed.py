#!/usr/bin/env python3
"""Build examples/tianjin-2022-dept.json from the seed text (Python 3 standard library only).

The seed is the text extracted from the published PDF of the Tianjin 政务服务办 2022
整体支出绩效自评表: one table row per line, cells separated by tabs. Every text and number
in the output is cut out of a seed cell (cell separators and the cell's surrounding whitespace
stripped, nothing else touched). The only things this script decides are written out in ROWS
below: which seed line is which leaf, the goal it belongs to and its 一级/二级 labels.

usage: build_seed.py [SEED] [OUT]
"""
import re
import sys
from decimal import Decimal
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
import formjson  # noqa: E402

HERE = Path(__file__).resolve().parent
DEFAULT_SEED = Path(__file__).resolve().parent.parent / "tianjin-2022-dept.txt"
DEFAULT_OUT = HERE.parent / "tianjin-2022-dept.json"

P, B, S = "产出指标", "效益指标", "满意度指标"

# (seed line, goal, level1, level2, label cells printed before the name on that line)
# The label cells are the non-empty cells in front of the 三级指标 name (绩效目标N, 一级, 二级
# as printed). Where they are printed they must agree with the labels given here, except on
# the rows listed in SLIPS.
ROWS = [
    # 绩效目标1
    (25, 1, P, "数量指标", 3), (26, 1, P, "质量指标", 1), (27, 1, P, "时效指标", 1),
    (28, 1, P, "成本指标", 1), (29, 1, B, "社会效益指标", 2), (30, 1, S, "服务对象满意度", 2),
    # 绩效目标2
    (31, 2, P, "数量指标", 3), (32, 2, P, "数量指标", 0), (33, 2, P, "质量指标", 1),
    (34, 2, P, "时效指标", 1), (35, 2, P, "成本指标", 1), (36, 2, B, "社会效益指标", 2),
    # 绩效目标3
    (37, 3, P, "数量指标", 3), (38, 3, P, "质量指标", 1), (39, 3, P, "时效指标", 1),
    (40, 3, P, "成本指标", 1), (41, 3, B, "社会效益指标", 2),
    # 绩效目标4 (page 2)
    (44, 4, P, "数量指标", 3), (45, 4, P, "数量指标", 0), (46, 4, P, "数量指标", 0),
    (47, 4, P, "质量指标", 1), (48, 4, P, "时效指标", 1), (49, 4, P, "时效指标", 0),
    (50, 4, P, "成本指标", 1), (51, 4, P, "成本指标", 0),
    (52, 4, B, "社会效益指标", 2),   # printed one column to the right
    # 绩效目标5: line 53 shifted two columns right; 54-58 lost their leading columns
    (53, 5, P, "数量指标", 3), (54, 5, P, "数量指标", 0), (55, 5, P, "质量指标", 1),
    (56, 5, P, "时效指标", 1), (57, 5, P, "成本指标", 1), (58, 5, P, "成本指标", 0),
    # 绩效目标5 continued after the page break (page 3)
    (61, 5, B, "社会效益指标", 3), (62, 5, S, "服务对象满意度", 2),
    # 绩效目标6
    (63, 6, P, "数量指标", 3), (64, 6, P, "质量指标", 1), (65, 6, P, "时效指标", 1),
    (66, 6, P, "成本指标", 1), (67, 6, B, "社会效益指标", 2),
    # 绩效目标7
    (68, 7, P, "数量指标", 3), (69, 7, P, "质量指标", 1), (70, 7, P, "质量指标", 0),
    (71, 7, P, "时效指标", 1),
    (72, 7, P, "成本指标", 1),       # printed "成本指标 | 建设成本" one column to the left
    (73, 7, B, "社会效益指标", 2),
    (74, 7, S, "服务对象满意度", 4),  # printed under 绩效目标8 as "产出指标 满意度指标 服务对象满意度"
    # 绩效目标8
    (75, 8, P, "数量指标", 1), (76, 8, P, "质量指标", 1), (77, 8, P, "时效指标", 1),
    (78, 8, P, "成本指标", 1), (79, 8, P, "成本指标", 0),   # 79 lost its leading columns
    # 绩效目标8 continued after the page break (page 4)
    (82, 8, B, "社会效益指标", 3), (83, 8, S, "服务对象满意度", 2),
    # 绩效目标9 (12345 hotline)
    (84, 9, P, "数量指标", 3), (85, 9, P, "数量指标", 0), (86, 9, P, "数量指标", 0),
    (87, 9, P, "质量指标", 1), (88, 9, P, "质量指标", 0),
    (89, 9, P, "时效指标", 1), (90, 9, P, "时效指标", 0), (91, 9, P, "时效指标", 0),
    (92, 9, P, "成本指标", 1),       # printed one column to the left
    (93, 9, P, "成本指标", 0), (94, 9, P, "成本指标", 0),
    (95, 9, B, "社会效益指标", 2), (96, 9, S, "服务对象满意度", 2),
    # 绩效目标10 (公共资源交易中心), printed under a second "绩效目标9" label (page 5)
    (99, 10, P, "数量指标", 3), (100, 10, P, "数量指标", 0),
    (101, 10, P, "质量指标", 1), (102, 10, P, "质量指标", 0),
    (103, 10, P, "时效指标", 1), (104, 10, P, "时效指标", 0),
    (105, 10, P, "成本指标", 1),
    (106, 10, B, "经济效益指标", 2), (107, 10, B, "经济效益指标", 0),
    (108, 10, S, "服务对象满意度", 2),
]

# Rows whose printed labels are known to be wrong (DOMAIN.md §5): line -> printed label cells.
SLIPS = {
    74: ["绩效目标8", "产出指标", "满意度指标", "服务对象满意度"],
    99: ["绩效目标9", "产出指标", "数量指标"],
}


def cells(line):
    """Non-empty cells of a seed line, each stripped of its surrounding whitespace."""
    return [c.strip() for c in line.split("\t") if c.strip()]


def all_cells(line):
    return [c.strip() for c in line.split("\t")]


def num(s):
    """A printed number, kept with exactly its printed digits."""
    assert re.fullmatch(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?", s), s
    return Decimal(s)


def build(seed_text):
    lines = seed_text.split("\n")
    L = lambda n: lines[n - 1]  # 1-based, as `cat -n` shows them

    # header
    assert cells(L(3)) == ["# 整体支出绩效自评表"]
    dept = cells(L(7))
    assert dept[0] == "部门名称"
    b = cells(L(9))
    assert len(b) == 6
    dev = cells(L(10))
    assert dev[0] == "偏差原因分析及改进措施" and len(dev) == 2

    # goals: lines 12-15 (page 1) and 17-22 (page 2)
    goal_lines = [12, 13, 14, 15, 17, 18, 19, 20, 21, 22]
    goals = []
    for n, ln in enumerate(goal_lines, 1):
        c = cells(L(ln))
        if ln == 17:
            assert c[0] == "年度 绩效 目标 完成 情况"
            c = c[1:]
        assert c[0] == str(n), (ln, c)
        assert len(c) in (3, 4), (ln, c)
        goals.append({
            "number": n,
            "target": c[1],
            "actual": c[2],
            "deviation_reason": c[3] if len(c) == 4 else "",
            "weight": None,
            "score": None,
            "indicators": [],
        })

    # indicator leaves
    seen = set()
    for ln, g, l1, l2, nlab in ROWS:
        assert ln not in seen
        seen.add(ln)
        c = cells(L(ln))
        labels, rest = c[:nlab], c[nlab:]
        expected = [x for x in labels if not x.startswith("绩效目标")]
        if ln in SLIPS:
            assert labels == SLIPS[ln], (ln, labels)
        else:
            goal_lab = [x for x in labels if x.startswith("绩效目标")]
            assert goal_lab in ([], ["绩效目标%d" % g]), (ln, labels)
            # printed 一级/二级 labels must be the ones we assign
            if len(expected) == 2:
                assert expected == [l1, l2], (ln, labels)
            elif len(expected) == 1:
                assert expected[0] == l2, (ln, labels)
        assert len(rest) in (5, 6), (ln, rest)
        name, target, actual, weight, score = rest[:5]
        reason = rest[5] if len(rest) == 6 else ""
        goals[g - 1]["indicators"].append({
            "level1": l1,
            "level2": l2,
            "name": name,
            "target": target,
            "actual": actual,
            "weight": num(weight),
            "score": num(score),
            "deviation_reason": reason,
        })

    total = cells(L(109))
    assert total == ["总分", "100", "97.43"], total
    concl = cells(L(110))
    assert concl[0] == "整体支出绩效自评结论" and len(concl) == 2
    assert concl[1].startswith("本次自评等级为优。")

    return {
        "format": "ziping-form",
        "format_version": 1,
        "kind": "department",
        "title": "整体支出绩效自评表",
        "year": 2022,
        "department": dept[1],
        "project": "",
        "implementing_unit": "",
        "money_unit": "万元",
        "budget": {
            "initial": num(b[0]),
            "annual": num(b[1]),
            "executed": num(b[2]),
            "weight": num(b[3]),
            "score": num(b[4]),
            "rate": b[5],
            "deviation_reason": dev[1],
            "sources": [],
        },
        "goals": goals,
        "total": {"weight": num(total[1]), "score": num(total[2])},
        "grade": "优",
        "conclusion": concl[1],
    }


def main(argv):
    seed = Path(argv[1]) if len(argv) > 1 else DEFAULT_SEED
    out = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUT
    form = build(seed.read_text(encoding="utf-8"))
    out.write_text(formjson.dump(form) + "\n", encoding="utf-8")
    print("wrote", out, "with", sum(len(g["indicators"]) for g in form["goals"]), "leaves")


if __name__ == "__main__":
    main(sys.argv)
