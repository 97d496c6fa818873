#!/usr/bin/env python3
"""Writes the CSV golden inputs (tests/golden/csv-*): what people's tools produce — a GBK
file saved by Chinese Excel with a title line and the template's own headers, a semicolon
file, a broken file — and ziping's own CSV of the project example (its format, pinned).
Run it only to change a fixture on purpose; the outputs are committed."""
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[3]
GOLDEN = ROOT / "tests" / "golden"


def case(name, description, data, args=None, reader=True):
    folder = GOLDEN / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "description").write_text(description + "\n", encoding="utf-8")
    (folder / "input.csv").write_bytes(data)
    if args:
        (folder / "args").write_text(args + "\n", encoding="utf-8")
    if reader:
        (folder / "reader").write_text("", encoding="utf-8")


HANDMADE = """某县教育局2023年度部门整体支出绩效自评表,,,,,,,,,
绩效目标,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施,部门名称
绩效目标1,产出指标,数量指标,资助学生人数,≥1200人,1260人,30,30,,某县教育局
绩效目标1,产出指标,时效指标,资金发放及时率,=100%,100%,20,20,,某县教育局
绩效目标1,效益指标,社会效益指标,因贫辍学率,=0,0,20,20,,某县教育局
绩效目标2,产出指标,质量指标,校舍安全达标率,≥95%,"92,5%",15,abc,"受施工周期影响，
两所学校未完工",某县教育局
绩效目标2,满意度指标,服务对象满意度指标,家长满意度,≥90%,94%,5,5,,某县教育局
"""

if __name__ == "__main__":
    case("csv-handmade-gbk", "a hand-made GBK CSV (Chinese Excel's default): title line, 绩效目标 column, a quoted line break, text in a number cell",
         HANDMADE.replace("\n", "\r\n").encode("gb18030"))
    case("csv-semicolon", "a semicolon-separated CSV with synonyms (权重, 自评得分, 指标值, 全年实际值) and no kind: read as a department form with a warning",
         "指标名称;指标值;全年实际值;权重;自评得分\n培训次数;≥5次;6次;50;50\n满意度;≥90%;92%;40;40\n".encode("utf-8"))
    case("csv-unterminated", "a quote never closed: refused at the line and column where the field starts",
         '\ufeff三级指标,分值,得分\n"培训次数,2,2\n'.encode("utf-8"), reader=False)
    ziping = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "build" / "ziping")
    data = subprocess.run([ziping, "convert", str(ROOT / "examples" / "county-roads-2023-proj.json"), "-", "--to", "csv"],
                          check=True, capture_output=True).stdout
    case("csv-project", "ziping's own CSV of the project example (the format, pinned): reads back as the example", data)
