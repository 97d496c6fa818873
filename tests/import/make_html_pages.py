#!/usr/bin/env python3
"""Writes the web-page import fixtures: tests/golden/html-saved-{utf8,gbk}/input.html.

forms.ENV (the form behind tests/golden/import-dept-pipes, whose input is the "|" dump of such
a page's table) printed as a finance bureau's site serves it and a browser saves it ("网页，
全部"): a doctype, the browser's `saved from url` comment, a head full of scripts and styles,
the site's navigation, a layout table around the form, and the form's table with its merged
cells as rowspan/colspan (the goal and 一级/二级 labels over their rows, the texts over several
columns). One page in UTF-8, the same page in GBK (GB18030) with <meta charset=gbk> as older
sites serve it. Both must import to exactly the form the text dump imports to (ctest
import/html_equals_text). The golden files come from UPDATE_GOLDEN=1 and are reviewed by hand.

usage: make_html_pages.py   (standard library only)
"""
import html
import sys
from pathlib import Path

sys.dont_write_bytecode = True
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "examples" / "tools"))
import forms  # noqa: E402
from make_fixtures import num  # noqa: E402

COLUMNS = 9


def td(text, colspan=1, rowspan=1, tag="td"):
    spans = (f' colspan="{colspan}"' if colspan > 1 else "") + (f' rowspan="{rowspan}"' if rowspan > 1 else "")
    return f"<{tag}{spans}>{html.escape(str(text), quote=False)}</{tag}>"


def runs(values):
    """For each index, the rowspan of the label starting there (0 where the one above covers it)."""
    spans = [0] * len(values)
    start = 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            spans[start] = i - start
            start = i
    return spans


def form_table(f):
    b = f["budget"]
    rows = [
        [td("部门（单位）名称"), td(f["department"], COLUMNS - 1)],
        [td("年度预算执行情况（万元）", rowspan=2), td("年初预算数"), td("全年预算数"), td("全年执行数"),
         td("分值"), td("执行率"), td("得分", 3)],
        [td(num(b["initial"])), td(num(b["annual"])), td(num(b["executed"])), td(num(b["weight"])),
         td(b["rate"]), td(num(b["score"]), 3)],
        [td("偏差原因分析及改进措施"), td(b["deviation_reason"], COLUMNS - 1)],
        [td("年度绩效目标完成情况", rowspan=len(f["goals"]) + 1), td("目标序号"), td("年度绩效目标", 3),
         td("实际完成情况", 2), td("偏差原因分析及改进措施", 2)],
    ]
    for g in f["goals"]:
        rows.append([td(g["number"]), td(g["target"], 3), td(g["actual"], 2), td(g["deviation_reason"], 2)])
    rows.append([td(h, tag="th") for h in ["年度绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值",
                                          "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]])
    for g in f["goals"]:
        leaves = g["indicators"]
        l1 = runs([leaf["level1"] for leaf in leaves])
        l2 = runs([(leaf["level1"], leaf["level2"]) for leaf in leaves])
        for i, leaf in enumerate(leaves):
            row = [td("绩效目标%d" % g["number"], rowspan=len(leaves))] if i == 0 else []
            if l1[i]:
                row.append(td(leaf["level1"], rowspan=l1[i]))
            if l2[i]:
                row.append(td(leaf["level2"], rowspan=l2[i]))
            row += [td(leaf["name"]), td(leaf["target"]), td(leaf["actual"]), td(num(leaf["weight"])),
                    td(num(leaf["score"])), td(leaf["deviation_reason"])]
            rows.append(row)
    rows.append([td("总分", 6), td(num(f["total"]["weight"])), td(num(f["total"]["score"])), td("")])
    rows.append([td("自评结论"), td(f["conclusion"], COLUMNS - 1)])
    body = "\n".join("    <tr>" + "".join(r) + "</tr>" for r in rows)
    return ('  <table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" width="100%">\n'
            "   <tbody>\n" + body + "\n   </tbody>\n  </table>")


def page(f, charset):
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<!-- saved from url=(0063)http://sthjj.example.gov.cn/zwgk/czyjs/202405/t20240520_88.html -->
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{f["department"]}2023年度部门整体支出绩效自评报告</title>
<meta name="keywords" content="绩效自评,部门整体支出">
<link rel="stylesheet" href="./t20240520_88_files/style.css">
<style type="text/css">
  .MsoNormalTable td {{ border: 1px solid #000; }} /* <td>not the form</td> */
</style>
<script type="text/javascript" charset="utf-8" src="./t20240520_88_files/jquery.min.js"></script>
<script type="text/javascript">
  var _hmt = _hmt || []; document.write("<table><tr><td>分值</td><td>99</td></tr></table>");
</script>
</head>
<body>
<div class="top"><a href="http://sthjj.example.gov.cn/">首页</a> &gt; <a href="#">政务公开</a> &gt; 财政预决算</div>
<table width="1000" align="center" border="0"><tr><td class="left" width="200">
 <ul><li><a href="#">预算公开</a></li><li><a href="#">决算公开</a></li></ul>
</td><td class="content">
 <h2 style="text-align:center">部门整体支出绩效自评表</h2>
 <p align="center">（{f["year"]}年度）</p>
{form_table(f)}
 <p class="fj">附件：<a href="./t20240520_88_files/zpb.pdf">部门整体支出绩效自评表.pdf</a></p>
</td></tr></table>
<div class="footer">主办：{f["department"]}&nbsp;&nbsp;备案号：某ICP备00000000号</div>
<script>window.print && console.log("打印");</script>
</body></html>
"""


def write(name, data, description):
    folder = ROOT / "tests" / "golden" / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "input.html").write_bytes(data)
    (folder / "description").write_text(description.strip() + "\n", encoding="utf-8")
    (folder / "reader").write_text("")


def main():
    f = forms.ENV
    write("html-saved-utf8", page(f, "utf-8").encode("utf-8"), """
forms.ENV's page as a browser saves it (doctype, saved-from comment, head with scripts and
styles that print table markup, the site's navigation and a layout table around the form), the
form's merged cells as rowspan/colspan. Imports to exactly tests/golden/import-dept-pipes/form.json,
the same form from the "|" dump of its table (ctest import/html_equals_text).""")
    write("html-saved-gbk", page(f, "gbk").encode("gb18030"), """
The page of html-saved-utf8 as older government sites serve it: GBK bytes, <meta ...
charset=gbk>. Converted (note ZP0180) and imported to the same form (ctest import/html_equals_text).""")


if __name__ == "__main__":
    main()
