#!/usr/bin/env python3
"""Writes the PDF import fixtures: an HTML page per form (a table with merged cells, the way
finance bureaus publish them) in tests/import/pdf/, printed to PDF by headless Chromium into
tests/golden/import-pdf-*/input.pdf, with the form as truth.json.

Chromium is needed only to make the fixtures (they are committed); CI reads the committed PDFs.
usage: make_pdf_fixtures.py [--chromium /usr/bin/chromium] [--html-only]
"""
import argparse
import copy
import html
import subprocess
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "examples" / "tools"))
import formjson  # noqa: E402
import forms  # noqa: E402
import make_fixtures as mf  # noqa: E402

STYLE = """
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 9pt; }
h1 { text-align: center; font-size: 16pt; margin: 0 0 2pt 0; }
p.year { text-align: center; margin: 0 0 6pt 0; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 0.6pt solid #000; padding: 3pt 4pt; text-align: center; vertical-align: middle; }
td.text { text-align: left; }
"""


def esc(value):
    return html.escape("" if value is None else str(value))


def td(value, rowspan=1, colspan=1, cls=""):
    attrs = ""
    if rowspan > 1:
        attrs += f' rowspan="{rowspan}"'
    if colspan > 1:
        attrs += f' colspan="{colspan}"'
    if cls:
        attrs += f' class="{cls}"'
    return f"<td{attrs}>{esc(value)}</td>"


def spans(leaves, key, parent=None):
    """Row spans of a label column: {first row index: (label, rows)}."""
    out = {}
    i = 0
    while i < len(leaves):
        j = i + 1
        while j < len(leaves) and leaves[j][key] == leaves[i][key] and \
                (parent is None or leaves[j][parent] == leaves[i][parent]):
            j += 1
        out[i] = (leaves[i][key], j - i)
        i = j
    return out


def indicator_rows_html(leaves, first_cell=None):
    """<tr>s of an indicator table: 一级/二级 merged over their rows."""
    l1 = spans(leaves, "level1")
    l2 = spans(leaves, "level2", "level1")
    rows = []
    for i, leaf in enumerate(leaves):
        cells = []
        if i == 0 and first_cell:
            cells.append(first_cell)
        if i in l1:
            cells.append(td(l1[i][0], l1[i][1]))
        if i in l2:
            cells.append(td(l2[i][0], l2[i][1]))
        cells += [td(leaf["name"], cls="text"), td(leaf["target"]), td(leaf["actual"]), td(leaf["weight"]),
                  td(leaf["score"]), td(leaf["deviation_reason"], cls="text")]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return rows


def page(title, year, rows):
    return ("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><style>" + STYLE +
            "</style></head><body>" + f"<h1>{esc(title)}</h1><p class=\"year\">（{year}年度）</p>"
            "<table>" + "\n".join(rows) + "</table></body></html>\n")


def project_html(f):
    b = f["budget"]
    g = f["goals"][0]
    leaves = g["indicators"]
    n = len(b["sources"]) + 2
    rows = [
        "<tr>" + td("项目名称", colspan=2) + td(f["project"], colspan=7, cls="text") + "</tr>",
        "<tr>" + td("主管部门", colspan=2) + td(f["department"], colspan=3, cls="text") + td("实施单位") +
        td(f["implementing_unit"], colspan=3, cls="text") + "</tr>",
        "<tr>" + td("项目资金（万元）", rowspan=n) + td("") + td("年初预算数") + td("全年预算数") +
        td("全年执行数") + td("分值") + td("执行率") + td("得分", colspan=2) + "</tr>",
        "<tr>" + td("年度资金总额") + td(b["initial"]) + td(b["annual"]) + td(b["executed"]) + td(b["weight"]) +
        td(b["rate"]) + td(b["score"], colspan=2) + "</tr>"]
    for i, s in enumerate(b["sources"]):
        rows.append("<tr>" + td(("其中：" if i == 0 else "") + s["label"]) + td(s["initial"]) + td(s["annual"]) +
                    td(s["executed"]) + td("—") + td(s["rate"] or "—") + td("—", colspan=2) + "</tr>")
    if b["deviation_reason"]:
        rows.append("<tr>" + td("偏差原因分析及改进措施", colspan=2) + td(b["deviation_reason"], colspan=7, cls="text") + "</tr>")
    rows += ["<tr>" + td("年度总体目标", rowspan=2) + td("预期目标", colspan=4) + td("实际完成情况", colspan=4) + "</tr>",
             "<tr>" + td(g["target"], colspan=4, cls="text") + td(g["actual"], colspan=4, cls="text") + "</tr>",
             "<tr>" + td("绩效指标", rowspan=len(leaves) + 1) + td("一级指标") + td("二级指标") + td("三级指标") +
             td("年度指标值") + td("实际完成值") + td("分值") + td("得分") + td("偏差原因分析及改进措施") + "</tr>"]
    rows += indicator_rows_html(leaves)
    rows.append("<tr>" + td("总分", colspan=6) + td(f["total"]["weight"]) + td(f["total"]["score"]) + td("") + "</tr>")
    for label, key in (("评价结论", "conclusion"), ("存在问题", "problems"), ("改进措施", "improvements")):
        if f.get(key):
            rows.append("<tr>" + td(label, colspan=2) + td(f[key], colspan=7, cls="text") + "</tr>")
    if f.get("project_leader"):
        rows.append("<tr>" + td("项目负责人", colspan=2) + td(f["project_leader"], colspan=3) + td("财务负责人", colspan=2) +
                    td(f["finance_leader"], colspan=2) + "</tr>")
    return page(f["title"], f["year"], rows)


def department_html(f):
    b = f["budget"]
    goals = f["goals"]
    rows = [
        "<tr>" + td("部门（单位）名称", colspan=2) + td(f["department"], colspan=7, cls="text") + "</tr>",
        "<tr>" + td("年度预算执行情况（万元）", rowspan=2, colspan=2) + td("年初预算数") + td("全年预算数") +
        td("全年执行数") + td("分值") + td("执行率") + td("得分", colspan=2) + "</tr>",
        "<tr>" + td(b["initial"]) + td(b["annual"]) + td(b["executed"]) + td(b["weight"]) + td(b["rate"]) +
        td(b["score"], colspan=2) + "</tr>",
        "<tr>" + td("偏差原因分析及改进措施", colspan=2) + td(b["deviation_reason"], colspan=7, cls="text") + "</tr>",
        "<tr>" + td("年度绩效目标完成情况", rowspan=len(goals) + 1) + td("目标序号") + td("年度绩效目标", colspan=3) +
        td("实际完成情况", colspan=3) + td("偏差原因分析及改进措施") + "</tr>"]
    for g in goals:
        rows.append("<tr>" + td(g["number"]) + td(g["target"], colspan=3, cls="text") +
                    td(g["actual"], colspan=3, cls="text") + td(g["deviation_reason"], cls="text") + "</tr>")
    rows.append("<tr>" + td("年度绩效指标") + td("一级指标") + td("二级指标") + td("三级指标") + td("年度指标值") +
                td("实际完成值") + td("分值") + td("得分") + td("偏差原因分析及改进措施") + "</tr>")
    for g in goals:
        leaves = g["indicators"]
        rows += indicator_rows_html(leaves, first_cell=td("绩效目标%d" % g["number"], rowspan=len(leaves)))
    rows.append("<tr>" + td("总分", colspan=6) + td(f["total"]["weight"]) + td(f["total"]["score"]) + td("") + "</tr>")
    rows.append("<tr>" + td("自评结论", colspan=2) + td(f["conclusion"], colspan=7, cls="text") + "</tr>")
    return page(f["title"], f["year"], rows)


FIXTURES = [
    ("import-pdf-proj", lambda: mf.load_example("county-roads-2023-proj.json"), project_html, """
The national 项目支出绩效自评表 as a finance bureau's web page printed to PDF by Chromium
(tests/import/pdf/import-pdf-proj.html, made by tests/import/make_pdf_fixtures.py): merged 一级/二级
cells centred over their rows, wrapped texts, the funding block under one merged 项目资金 cell. The
PDF reader rebuilds the table from poppler's word boxes. Form: examples/county-roads-2023-proj.json."""),
    ("import-pdf-dept", lambda: copy.deepcopy(forms.ENV), department_html, """
A 部门整体支出绩效自评表 with three goals printed to PDF by Chromium from an HTML table
(tests/import/pdf/import-pdf-dept.html): 绩效目标N cells merged over each goal's rows, long goal texts
and reasons wrapped within their cells, two pages. Form: forms.ENV (constructed)."""),
]


CAIRO = ("import-pdf-cairo", "import-pdf-proj", """
The PDF of import-pdf-proj drawn again by cairo (`pdftocairo -pdf`, another producer): its
fonts map many characters to Kangxi radicals (⾏ for 行, ⽬ for 目), which the reader turns back
into the ordinary characters (ZP0155), and digits get boxes of another height than Chinese
text, so rows are found from baselines. Same form as import-pdf-proj.""")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--html-only", action="store_true")
    options = parser.parse_args()
    for name, load, render, description in FIXTURES:
        f = load()
        html_path = HERE / "pdf" / f"{name}.html"
        html_path.write_text(render(f), encoding="utf-8")
        d = ROOT / "tests" / "golden" / name
        d.mkdir(parents=True, exist_ok=True)
        (d / "truth.json").write_text(formjson.dump(mf.canonical(f)) + "\n", encoding="utf-8")
        (d / "description").write_text(description.strip() + "\n", encoding="utf-8")
        (d / "reader").write_text("", encoding="utf-8")
        if options.html_only:
            continue
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run([options.chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            f"--user-data-dir={profile}", "--no-pdf-header-footer",
                            f"--print-to-pdf={d / 'input.pdf'}", html_path.as_uri()],
                           check=True, capture_output=True, timeout=120)
        print("wrote", (d / "input.pdf").relative_to(ROOT), (d / "input.pdf").stat().st_size, "bytes")
    if options.html_only:
        return
    name, source, description = CAIRO
    d = ROOT / "tests" / "golden" / name
    d.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftocairo", "-pdf", str(ROOT / "tests" / "golden" / source / "input.pdf"),
                    str(d / "input.pdf")], check=True, timeout=120)
    (d / "truth.json").write_bytes((ROOT / "tests" / "golden" / source / "truth.json").read_bytes())
    (d / "description").write_text(description.strip() + "\n", encoding="utf-8")
    (d / "reader").write_text("", encoding="utf-8")
    print("wrote", (d / "input.pdf").relative_to(ROOT), (d / "input.pdf").stat().st_size, "bytes")


if __name__ == "__main__":
    main()
