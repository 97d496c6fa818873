#!/usr/bin/env python3
"""Writes the import fixtures: tests/golden/import-*/input.txt and truth.json.

Each fixture prints a form of forms.py (or an example) the way published forms are printed:
the layout (tab text out of a PDF, a dump of an HTML table, one cell per line, spaces, no
separators) and the slips of real publications (page breaks with repeated headers, rows that
lose their leading columns, labels on the wrong row, page numbers, wrapped cells, traditional
characters, points in 一级 headings, units in amount cells, a truncated end). truth.json is the
form as printed, written by a person's reading of the fixture; tests/import/recovery_rate.py
compares what `ziping import` recovers with it. The golden files (form.json, check.txt,
score.json, exit) come from UPDATE_GOLDEN=1 and are reviewed by hand.

usage: make_fixtures.py [GOLDEN_DIR]   (standard library only)
"""
import copy
import json
import sys
from decimal import Decimal
from pathlib import Path

sys.dont_write_bytecode = True
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "examples" / "tools"))
import formjson  # noqa: E402
import forms  # noqa: E402
from forms import P, B, S  # noqa: E402

GOLDEN = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "golden"

KEYS = {
    "top": formjson.TOP, "top_optional": formjson.TOP_OPTIONAL, "budget": formjson.BUDGET,
    "source": formjson.SOURCE, "goal": formjson.GOAL, "indicator": formjson.INDICATOR,
    "indicator_optional": formjson.INDICATOR_OPTIONAL,
}


def canonical(form):
    """The form with its keys in the canonical order (docs/form-json.md)."""
    def order(obj, core, optional=()):
        return {k: obj[k] for k in list(core) + [k for k in optional if k in obj]}
    out = order(form, KEYS["top"], KEYS["top_optional"])
    out["budget"] = order(form["budget"], KEYS["budget"])
    out["budget"]["sources"] = [order(s, KEYS["source"]) for s in form["budget"]["sources"]]
    out["total"] = order(form["total"], formjson.TOTAL)
    goals = []
    for g in form["goals"]:
        goal = order(g, KEYS["goal"])
        goal["indicators"] = [order(i, KEYS["indicator"], KEYS["indicator_optional"])
                              for i in g["indicators"]]
        goals.append(goal)
    out["goals"] = goals
    return out


def num(value):
    return "" if value is None else str(value)


def load_example(name):
    return formjson.load((ROOT / "examples" / name).read_bytes())


# ---- table rows -------------------------------------------------------------------------------
# A table is a list of rows; a row is a list of cells (strings). Layouts render them.

def render(rows, layout):
    lines = []
    for row in rows:
        if row is None:              # a blank line
            lines.append("")
            continue
        if isinstance(row, str):     # a literal line (page numbers, titles)
            lines.append(row)
            continue
        if layout == "tabs":
            lines.append("\t".join(row))
        elif layout == "pipes":
            lines.append("| " + " | ".join(row) + " |")
        elif layout == "spaces":
            lines.append(" ".join(c for c in row if c))
        elif layout == "lines":
            lines.extend(c for c in row if c)
        elif layout == "runs":
            lines.append("".join(c for c in row if c))
        else:
            raise ValueError(layout)
    return "\n".join(lines) + "\n"


def indicator_rows(leaves, first=(), goal_label=None, columns=None, repeat=False):
    """One row per leaf: [first-column cell, 一级, 二级, 三级, …]. Row-spanning labels are printed
    on the first row of their span only, unless `repeat` (a dump that expands merged cells)."""
    columns = columns or ["name", "target", "actual", "weight", "score", "deviation_reason"]
    rows = []
    prev1 = prev2 = None
    for i, leaf in enumerate(leaves):
        l1 = leaf["level1"] if repeat or leaf["level1"] != prev1 else ""
        l2 = leaf["level2"] if repeat or leaf["level1"] != prev1 or leaf["level2"] != prev2 else ""
        prev1, prev2 = leaf["level1"], leaf["level2"]
        head = goal_label if (i == 0 or repeat) and goal_label else ""
        rows.append([head, l1, l2] + [num(leaf.get(c, "")) if c in ("weight", "score")
                                      else leaf.get(c, "") for c in columns])
    return rows


NATIONAL_INDICATOR_HEADER = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
                             "分值", "得分", "偏差原因分析及改进措施"]


def national_project_rows(f, dash="—"):
    """财预〔2020〕10号 附件1, 项目支出绩效自评表, as text out of a PDF."""
    b = f["budget"]
    g = f["goals"][0]
    rows = [["项目支出绩效自评表"], ["（%d年度）" % f["year"]], None,
            ["项目名称", "", f["project"], "", "", "", "", ""],
            ["主管部门", "", f["department"], "", "实施单位", f["implementing_unit"], "", ""],
            ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["", "年度资金总额", num(b["initial"]), num(b["annual"]), num(b["executed"]),
             num(b["weight"]), b["rate"], num(b["score"])]]
    for i, s in enumerate(b["sources"]):
        label = ("其中：" if i == 0 else "") + s["label"]
        rows.append(["", label, num(s["initial"]), num(s["annual"]), num(s["executed"]), dash,
                     s["rate"] or dash, dash])
    if b["deviation_reason"]:
        rows.append(["偏差原因分析及改进措施", "", b["deviation_reason"], "", "", "", "", ""])
    rows += [["年度总体目标", "预期目标", "", "", "实际完成情况", "", "", ""],
             ["", g["target"], "", "", g["actual"], "", "", ""],
             NATIONAL_INDICATOR_HEADER]
    return rows


def closing_rows(f, total_label="总分", cells=9):
    pad = [""] * (cells - 3)
    rows = [[total_label] + pad + [num(f["total"]["weight"]), num(f["total"]["score"])]]
    rows.append(["评价结论", f["conclusion"]])
    if f.get("problems"):
        rows.append(["存在问题", f["problems"]])
    if f.get("improvements"):
        rows.append(["改进措施", f["improvements"]])
    if f.get("project_leader"):
        rows.append(["项目负责人", f["project_leader"], "", "财务负责人", f["finance_leader"]])
    return rows


def centred(rows):
    """Merged labels printed in the middle of the rows they span, as text copied from a PDF in
    reading order has them: on the middle row of an odd span, on a line of their own between the
    two middle rows of an even one (columns 0-2: 绩效目标, 一级, 二级)."""
    rows = [list(r) if isinstance(r, list) else r for r in rows]
    start = next(i for i, r in enumerate(rows) if isinstance(r, list) and "三级指标" in r) + 1
    end = next(i for i in range(start, len(rows)) if isinstance(rows[i], list) and rows[i][0] == "总分")
    original = [list(r) for r in rows[start:end]]
    body = [list(r) for r in original]
    between = {}  # row index -> a labels-only line printed before it
    for column in (0, 1, 2):
        marks = [i for i, r in enumerate(original) if r[column]] + [len(original)]
        left = sorted(set(i for c in range(column) for i, r in enumerate(original) if r[c]) | set(marks))
        for i in marks[:-1]:
            nxt = min(j for j in left if j > i)
            length = nxt - i
            body[i][column] = ""
            if length % 2:
                body[i + length // 2][column] = original[i][column]
            else:
                line = between.setdefault(i + length // 2, [""] * len(original[i]))
                line[column] = original[i][column]
    out = []
    for i, row in enumerate(body):
        if i in between:
            out.append(between[i])
        out.append(row)
    rows[start:end] = out
    return rows


FIXTURES = []


def fixture(function):
    FIXTURES.append(function)
    return function


def write(name, text, truth, description, args=""):
    d = GOLDEN / name
    d.mkdir(parents=True, exist_ok=True)
    (d / "input.txt").write_bytes(text.encode("utf-8"))
    (d / "truth.json").write_text(formjson.dump(canonical(truth)) + "\n", encoding="utf-8")
    (d / "description").write_text(description.strip() + "\n", encoding="utf-8")
    (d / "reader").write_text("", encoding="utf-8")
    if args:
        (d / "args").write_text(args + "\n", encoding="utf-8")
    elif (d / "args").exists():
        (d / "args").unlink()
    print("wrote", d.relative_to(ROOT))


# ---- 项目支出 (national template), the constructed county-roads example ------------------------

def roads_rows(f, layout):
    leaves = f["goals"][0]["indicators"]
    rows = national_project_rows(f)
    body = indicator_rows(leaves)
    return rows, body


@fixture
def proj_national_tabs():
    """Tab text out of a PDF: a page break repeats the header and the rows after it lose their
    leading columns; 执行率/分值 of the source rows printed as "—"."""
    f = load_example("county-roads-2023-proj.json")
    rows, body = roads_rows(f, "tabs")
    # Page 2 starts at leaf 6: its row prints its labels again, the two after it lost columns.
    body[6] = ["", P, "质量指标"] + body[6][3:]
    for k in (7, 8):
        while body[k] and body[k][0] == "":
            body[k] = body[k][1:]
        body[k] = body[k] + ["", ""]
    text = render(rows + body[:6] + [None, NATIONAL_INDICATOR_HEADER] + body[6:] +
                  closing_rows(f), "tabs")
    write("import-proj-national-tabs", text, f, """
项目支出绩效自评表 in the national template (财预〔2020〕10号 附件1), as tab-separated text out
of a PDF: funding rows with "—" under 分值/得分, a page break that repeats the indicator header,
the first row of page 2 printing its labels again and the two after it losing their leading
columns. The form is examples/county-roads-2023-proj.json (constructed).""")


@fixture
def proj_national_lines():
    """One cell per line, as copied from a web page: empty cells leave nothing behind."""
    f = load_example("county-roads-2023-proj.json")
    rows, body = roads_rows(f, "lines")
    text = render(rows + body + closing_rows(f), "lines")
    write("import-proj-national-lines", text, f, """
The national 项目支出绩效自评表 copied from a web page: one cell per line, empty cells gone, so rows
must be rebuilt from what the cells hold (a value, a weight and a score end each indicator row;
a reason may follow). The form is examples/county-roads-2023-proj.json (constructed).""")


@fixture
def proj_national_runs():
    """No separators at all: every row's cells run together, numbers too (6次 + 2 + 2 → 6次22)."""
    f = load_example("county-roads-2023-proj.json")
    rows, body = roads_rows(f, "runs")
    text = render(rows + body + closing_rows(f), "runs")
    write("import-proj-national-runs", text, f, """
The national 项目支出绩效自评表 as text with no separators at all (a PDF whose text layer lost its
spacing): each row's cells run together and 分值/得分 run into the value before them
("≥386公里386公里66"). The importer splits rows by their labels, value notation and a split
of the trailing digits, and reports every split of run-together numbers as a guess.""")


# ---- 部门整体 with numbered goals (广东-style), forms.ENV ----------------------------------------

DEPT_INDICATOR_HEADER = ["年度绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
                         "分值", "得分", "偏差原因分析及改进措施"]


def env_head(f):
    b = f["budget"]
    rows = [["部门整体支出绩效自评表"], ["（%d年度）" % f["year"]],
            ["部门（单位）名称", f["department"], "", "", "", "", ""],
            ["年度预算执行情况（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["", num(b["initial"]), num(b["annual"]), num(b["executed"]), num(b["weight"]), b["rate"],
             num(b["score"])],
            ["偏差原因分析及改进措施", b["deviation_reason"], "", "", "", "", ""],
            ["年度绩效目标完成情况", "目标序号", "年度绩效目标", "实际完成情况", "偏差原因分析及改进措施"]]
    for g in f["goals"]:
        rows.append(["", str(g["number"]), g["target"], g["actual"], g["deviation_reason"]])
    return rows


def env_goal_rows(f):
    out = []
    for g in f["goals"]:
        out.append(indicator_rows(g["indicators"], goal_label="绩效目标%d" % g["number"]))
    return out


def env_closing(f):
    return [["总分", "", "", "", "", "", num(f["total"]["weight"]), num(f["total"]["score"]), ""],
            ["自评结论", f["conclusion"]]]


def drop_leading_empty(row):
    while row and row[0] == "":
        row = row[1:]
    return row


@fixture
def dept_pipes():
    """A dump of the HTML table: merged cells are written once, so the rows under a rowspan lose
    their leading cells; a Markdown rule under the first line."""
    f = forms.ENV
    head = env_head(f)
    rows = [head[0], head[1], head[2], "|---|---|---|---|---|---|---|", head[3],
            drop_leading_empty(head[4]), head[5], head[6]]
    rows += [drop_leading_empty(r) for r in head[7:]]
    rows.append(DEPT_INDICATOR_HEADER)
    for block in env_goal_rows(f):
        rows += [drop_leading_empty(r) for r in block]
    rows += env_closing(f)
    write("import-dept-pipes", render(rows, "pipes"), f, """
部门整体支出绩效自评表 with three numbered goals, as a "|"-separated dump of its HTML table (the
web page a finance bureau publishes): merged cells are printed once, so every row under a
rowspan starts with fewer cells (the goal table's 序号 rows, the budget figures, the indicator
rows after a block's first). The form is constructed (forms.ENV).""")


def wrap(text, at):
    return text[:at], text[at:]


@fixture
def dept_spaces():
    """Cells joined by single spaces, one row per line, long texts wrapped onto the next line."""
    f = forms.ENV
    head = env_head(f)
    rows = head[:7]
    for g in f["goals"]:
        first, rest = wrap(g["actual"], 30)
        rows.append(["", str(g["number"]), g["target"], first])
        rows.append(rest)
    rows.append(DEPT_INDICATOR_HEADER)
    for block in env_goal_rows(f):
        for row in block:
            if row[-1]:
                first, rest = wrap(row[-1], 24)
                rows.append(row[:-1] + [first])
                rows.append(rest)
            else:
                rows.append(row)
    rows += env_closing(f)
    write("import-dept-spaces", render(rows, "spaces"), f, """
部门整体支出绩效自评表 with three goals as text whose cells are joined by single spaces (copied
out of a PDF viewer), one table row per line; every goal's 实际完成情况 and every indicator's
偏差原因 wraps onto a second line, which the importer joins back to the cell above.""")


@fixture
def dept_truncated():
    """A file that ends in the middle of goal 2's indicators."""
    f = copy.deepcopy(forms.ENV)
    rows = env_head(f) + [DEPT_INDICATOR_HEADER]
    blocks = env_goal_rows(f)
    rows += blocks[0] + blocks[1][:3]
    cut = blocks[1][3][:5]          # 成本指标 | 水环境治理项目支出 | ≤1250万元, then nothing
    text = render(rows, "tabs") + "\t".join(cut)
    partial = f["goals"][1]["indicators"][3]
    f["goals"][1]["indicators"] = f["goals"][1]["indicators"][:3] + [
        {"level1": partial["level1"], "level2": partial["level2"], "name": partial["name"],
         "target": partial["target"], "actual": "", "weight": None, "score": None,
         "deviation_reason": ""}]
    f["goals"][2]["indicators"] = []
    f["total"] = {"weight": None, "score": None}
    f["grade"] = ""
    f["conclusion"] = ""
    write("import-dept-truncated", text, f, """
A 部门整体支出绩效自评表 whose text stops in the middle of goal 2's indicator rows (the file
ends after "≤1250万元", with no newline): what is there is recovered, the unfinished row keeps
only what it prints, and the missing goal rows and 总分 are reported.""")


@fixture
def dept_wrong_block():
    """Goal 2's satisfaction row printed under goal 3's label; goal 3 continues after a page
    break under its label printed again."""
    f = forms.ENV
    rows = env_head(f) + [DEPT_INDICATOR_HEADER]
    blocks = env_goal_rows(f)
    g2, g3 = blocks[1], blocks[2]
    moved = g2[-1]
    rows += blocks[0] + g2[:-1]
    rows.append(["绩效目标3"] + moved[1:])
    g3 = [list(r) for r in g3]
    g3[0][0] = ""
    rows += g3[:4] + [None, DEPT_INDICATOR_HEADER]
    g3[4][0] = "绩效目标3"
    g3[4][1] = B
    rows += g3[4:]
    rows += env_closing(f)
    write("import-dept-wrong-block", render(rows, "tabs"), f, """
Labels on the wrong block, as PDF text has them: goal 2's satisfaction row (沿河群众满意度) is
printed on the row that carries goal 3's label, before goal 3's 产出 rows; the importer files it
under goal 2 by the 一级 order (a block does not open with 满意度) and says so. Goal 3 then
continues after a page break under its label printed again, which is not a new goal.""")


@fixture
def dept_page_numbers():
    """Page numbers on their own lines and spliced into a wrapped cell."""
    f = forms.ENV
    rows = env_head(f)
    rows += [None, "- 1 -", None, DEPT_INDICATOR_HEADER]
    blocks = env_goal_rows(f)
    reason = f["goals"][0]["indicators"][5]["deviation_reason"]
    block1 = [list(r) for r in blocks[0]]
    cut = reason.index("下一步")
    block1[5][-1] = reason[:cut] + " - 2 - " + reason[cut:]
    rows += block1 + blocks[1][:4]
    rows += ["第 2 页 共 3 页", None, DEPT_INDICATOR_HEADER]
    rest = [list(r) for r in blocks[1][4:]]
    rest[0][0] = "绩效目标2"
    rows += rest + blocks[2] + env_closing(f) + ["3"]
    write("import-dept-page-numbers", render(rows, "tabs"), f, """
Page numbers where PDF text puts them: "- 1 -" and "第 2 页 共 3 页" on lines of their own before
a repeated header, a bare "3" after the conclusion, and "- 2 -" spliced into the middle of a
deviation reason that runs over a page break. All are removed and reported; no cell keeps them.""")


@fixture
def dept_national():
    """财预〔2020〕10号 附件2: one 年度总体目标, no numbered goals, a budget split by source and use."""
    f = copy.deepcopy(forms.ENV)
    leaves = [leaf for g in f["goals"] for leaf in g["indicators"]]
    target = "".join(g["target"] for g in f["goals"])
    actual = "".join(g["actual"] for g in f["goals"])
    f["goals"] = [forms.goal(1, target, actual, leaves)]
    b = f["budget"]
    rows = [["部门整体支出绩效自评表"], ["（2023年度）"],
            ["部门（单位）名称", "", f["department"], "", "", "", "", ""],
            ["年度预算申请", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["", "年度资金总额：", num(b["initial"]), num(b["annual"]), num(b["executed"]), "10",
             b["rate"], num(b["score"])],
            ["", "按收入性质分：", "", "", "按支出性质分：", "", "", ""],
            ["", "其中：一般公共预算：", "5388.3", "", "其中：基本支出：", "3120.6", "", ""],
            ["", "政府性基金预算：", "0", "", "项目支出：", "2267.7", "", ""],
            ["偏差原因分析及改进措施", "", b["deviation_reason"], "", "", "", "", ""],
            ["年度总体目标", "预期目标", "", "", "实际完成情况", "", "", ""],
            ["", target, "", "", actual, "", "", ""],
            NATIONAL_INDICATOR_HEADER]
    rows += indicator_rows(leaves)
    rows += env_closing(f)
    write("import-dept-national", render(rows, "tabs"), f, """
部门整体支出绩效自评表 in the national template (财预〔2020〕10号 附件2): one 年度总体目标 with
预期目标/实际完成情况 instead of numbered goals (read as goal 1, with a note), and the budget's
按收入性质分/按支出性质分 breakdown, which the form model does not hold (those rows are reported).""")


# ---- 项目支出 with 指标性质 / 度量单位 / 权重 (重庆-style), forms.MED ----------------------------

@fixture
def proj_nature_unit():
    f = copy.deepcopy(forms.MED)
    f["title"] = "%d年度项目支出绩效自评表" % f["year"]
    b = f["budget"]
    g = f["goals"][0]
    rows = [["%d年度项目支出绩效自评表" % f["year"]],
            ["项目名称", f["project"], "", "", "", "", "", "", "", ""],
            ["主管部门", f["department"], "", "", "", "实施单位", f["implementing_unit"], "", "", ""],
            ["项目资金（万元）", "资金来源", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["", "年度资金总额", num(b["initial"]), num(b["annual"]), num(b["executed"]), "10", b["rate"],
             num(b["score"])]]
    for s in b["sources"]:
        rows.append(["", s["label"], num(s["initial"]), num(s["annual"]), num(s["executed"]), "/",
                     s["rate"] or "/", "/"])
    rows += [["年度总体目标", "预期目标", "", "", "", "实际完成情况"],
             ["", g["target"], "", "", "", g["actual"]],
             ["绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "度量单位", "实际完成值",
              "权重", "得分", "偏差原因分析及改进措施"]]
    rows += indicator_rows(g["indicators"], columns=["name", "nature", "target", "unit", "actual",
                                                     "weight", "score", "deviation_reason"])
    rows += [["合计", "", "", "", "", "", "", "", num(f["total"]["weight"]), num(f["total"]["score"]), ""],
             ["自评结论", f["conclusion"]]]
    write("import-proj-nature-unit", render(rows, "tabs"), f, """
项目支出绩效自评表 of a local template with 指标性质 and 度量单位 columns and 权重 instead of 分值
(the 重庆 style): targets print bare numbers ("≥52000") with the unit in its own column, the
source rows print "/" where they have no score, a source without money prints 0 and no rate,
and the total row says 合计. The title carries the year. The form is constructed (forms.MED).""")


# ---- 项目支出 with points in its 一级 headings and units in amount cells (湖北-style), forms.HB ----

def hb_rows(f, headings=True, amounts_with_units=True, dash="—"):
    b = f["budget"]
    g = f["goals"][0]
    money = (lambda v: "%s万元" % num(v)) if amounts_with_units else num
    rows = [["项目支出绩效自评表"], ["（2023年度）"],
            ["项目名称", "", f["project"], "", "", "", "", "", ""],
            ["主管部门", "", f["department"], "", "", "实施单位", f["implementing_unit"], "", ""],
            ["项目资金", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["", "年度资金总额", money(b["initial"]), "3,840万元" if amounts_with_units else num(b["annual"]),
             money(b["executed"]), num(b["weight"]), b["rate"], num(b["score"])]]
    for i, s in enumerate(b["sources"]):
        rows.append(["", ("其中：" if i == 0 else "") + s["label"], money(s["initial"]),
                     money(s["annual"]), money(s["executed"]), dash, s["rate"], dash])
    rows += [["年度总体目标", "预期目标", "", "", "实际完成情况"], ["", g["target"], "", "", g["actual"]],
             NATIONAL_INDICATOR_HEADER]
    body = indicator_rows(g["indicators"])
    if headings:
        points = {P: "40", B: "30", S: "10"}
        for row in body:
            if row[1] in points:
                row[1] = "%s（%s分）" % (row[1], points[row[1]])
    rows += body
    rows += [["总分", "", "", "", "", "", num(f["total"]["weight"]), num(f["total"]["score"]), ""],
             ["评价结论", f["conclusion"]], ["自评等级", f["grade"]]]
    return rows


@fixture
def proj_points():
    f = forms.HB
    write("import-proj-points", render(hb_rows(f), "tabs"), f, """
项目支出绩效自评表 in the 湖北 style: 预算执行 weighs 20, the 一级 cells print their points
("产出指标（40分）"), read as the label with a note and checked against the leaves' weights,
amounts carry their unit ("3750万元", "3,840万元"), and a separate 自评等级 row gives the grade.
The form is constructed (forms.HB).""", args="--rules hubei")


@fixture
def proj_repeated_scores():
    """A dump that expands merged cells: labels repeat on every row, and one 分值/得分 cell that
    spans two 三级 rows is printed on both."""
    f = copy.deepcopy(forms.HB)
    leaves = f["goals"][0]["indicators"]
    # The two 数量指标 rows share one merged 分值/得分 cell of 18.
    leaves[0]["weight"] = leaves[0]["score"] = Decimal(18)
    rows = hb_rows(f, headings=False, amounts_with_units=False)
    body_start = next(i for i, r in enumerate(rows) if r == NATIONAL_INDICATOR_HEADER) + 1
    body = indicator_rows(leaves, repeat=True)
    body[1][6] = body[1][7] = "18"
    rows[body_start:body_start + len(body)] = body
    rows = [drop_leading_empty(r) if isinstance(r, list) and len(r) > 1 and r[0] == "" and r[1] in ("年度资金总额",)
            else r for r in rows]
    leaves[1]["weight"] = leaves[1]["score"] = None
    write("import-proj-repeated-scores", render(rows, "pipes"), f, """
A "|" dump of an HTML table whose converter expanded merged cells: the 一级/二级 labels repeat on
every row, and the 分值/得分 cell that spans the two 数量指标 rows (18 points for both) is printed
on each of them. Counting it twice would make the weights add up to 98, not 80; the importer
keeps it on the first row only and says so. The form is constructed (forms.HB, merged).""",
          args="--rules hubei")


@fixture
def proj_traditional():
    """Traditional characters and look-alike operators (≧ ═ ﹦)."""
    f = formjson.load((HERE / "hb_traditional.json").read_bytes())
    b = f["budget"]
    g = f["goals"][0]
    rows = [["項目支出績效自評表"], ["（2023年度）"],
            ["項目名稱", f["project"]], ["主管部門", f["department"], "實施單位", f["implementing_unit"]],
            ["項目資金（萬元）", "年初預算數", "全年預算數", "全年執行數", "分值", "執行率", "得分"],
            ["年度資金總額", num(b["initial"]), num(b["annual"]), num(b["executed"]), num(b["weight"]),
             b["rate"], num(b["score"])]]
    for s in b["sources"]:
        rows.append(["其中：" + s["label"], num(s["initial"]), num(s["annual"]), num(s["executed"]),
                     "—", s["rate"], "—"])
    rows += [["年度總體目標", "預期目標", "實際完成情況"], [g["target"], g["actual"]],
             ["績效指標", "一級指標", "二級指標", "三級指標", "年度指標值", "實際完成值", "分值", "得分",
              "偏差原因分析及改進措施"]]
    rows += [drop_leading_empty(r) for r in indicator_rows(g["indicators"])]
    rows += [["總分", num(f["total"]["weight"]), num(f["total"]["score"])], ["評價結論", f["conclusion"]]]
    write("import-proj-traditional", render(rows, "pipes"), f, """
A 項目支出績效自評表 in traditional characters ("|" dump): headers and labels are recognised through
their simplified forms, every text is kept as printed (產出指標, ≧2.5萬畝), and the look-alike
operators ≧ ═ ﹦ stay in the values for the value parser to read. Generated from forms.HB with
ICU's Hans-Hant and committed as tests/import/hb_traditional.json.""", args="--rules hubei")


@fixture
def proj_kind_flag():
    """A title that does not say which kind of form it is: --kind proj."""
    f = copy.deepcopy(forms.HB)
    f["title"] = "绩效自评表"
    rows = hb_rows(f, headings=False, amounts_with_units=False)
    rows[0] = ["绩效自评表"]
    write("import-proj-kind-flag", render(rows, "spaces"), f, """
A form whose title ("绩效自评表") does not say whether it is a project or a department form,
imported with --kind proj; cells joined by single spaces. Without --kind the importer would
guess from the 项目名称 and funding rows and warn (ZP0134).""", args="--kind proj --rules hubei")


@fixture
def dept_centred():
    """Text copied from a PDF in reading order: merged labels in the middle of their rows."""
    f = forms.ENV
    rows = env_head(f) + [["年度指标完成情况"] + DEPT_INDICATOR_HEADER[1:]]
    for block in env_goal_rows(f):
        rows += block
    rows += env_closing(f)
    write("import-dept-centred", render(centred(rows), "tabs"), f, """
A 部门整体支出绩效自评表 copied out of a PDF in reading order: every merged 绩效目标/一级/二级 label
is printed where it stands on the page, in the middle of the rows it spans (on a middle row, or
on a line of its own between the two middle rows of an even span). The importer sees that the
table's first row prints no 一级 label, places each label on the first row of its span by
position (ZP0154), and reads the rows as usual. The form is constructed (forms.ENV).""")


def main():
    for function in FIXTURES:
        function()


if __name__ == "__main__":
    main()
