#!/usr/bin/env python3
"""Writes the hand-made XLSX fixtures of the spreadsheet golden cases (tests/golden/xlsx-*)
as raw OOXML, so that each one shows exactly the feature it tests: the workbooks people make
from the templates (columns in another order, synonyms, extra columns, one sheet per goal,
spacer rows, blank cells under a merged-looking 一级, numbers typed as text, dates, rich text,
inline strings, LibreOffice's relationship ids, a namespace prefix) and broken or hostile
files (not a zip, an OLE file, a zip bomb, missing parts, bad XML, bad cells).

Run it only to change a fixture on purpose; the outputs are committed. Standard library only.
"""
import pathlib
import zipfile
from xml.sax.saxutils import escape

ROOT = pathlib.Path(__file__).resolve().parents[3]
GOLDEN = ROOT / "tests" / "golden"


class FixedZip(zipfile.ZipFile):
    """Members dated 1980-01-01, so that making the fixtures again gives the same bytes."""
    def writestr(self, name, data, compress_type=None, compresslevel=None):
        if isinstance(name, str):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = self.compression
            name = info
        super().writestr(name, data, compress_type, compresslevel)


class Num(str):
    """A number cell; the text is what <v> holds."""


class Fmt(Num):
    """A number cell with a number format: Fmt("0.873", style=3)."""
    def __new__(cls, text, style):
        obj = super().__new__(cls, text)
        obj.style = style
        return obj


class Formula:
    def __init__(self, formula, cached, style=0):
        self.formula, self.cached, self.style = formula, cached, style


class Rich:
    def __init__(self, *runs):
        self.runs = runs


class Inline(str):
    """An inline string (<is>) instead of a shared one."""


def col_name(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="0.00"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs>
</styleSheet>"""
DATE, TWO_DECIMALS, PERCENT = 1, 2, 3


def build(path, sheets, libreoffice_rels=True, prefix="", extra_members=None, raw_sheet=None, hidden=()):
    """sheets: [(name, rows, merges)], rows a list of lists of cells (None = no cell)."""
    strings, index = [], {}

    def shared(value):
        key = repr(value.runs) if isinstance(value, Rich) else value
        if key not in index:
            index[key] = len(strings)
            strings.append(value)
        return index[key]

    p = prefix + ":" if prefix else ""
    ns = f' xmlns:{prefix}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' if prefix else \
        ' xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    sheet_xml = []
    for name, rows, merges in sheets:
        out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{p}worksheet{ns}><{p}sheetData>']
        for r, row in enumerate(rows):
            if not row:
                continue
            out.append(f'<{p}row r="{r + 1}">')
            for c, value in enumerate(row):
                if value is None:
                    continue
                ref = f"{col_name(c)}{r + 1}"
                if isinstance(value, Formula):
                    out.append(f'<{p}c r="{ref}" s="{value.style}"><{p}f>{escape(value.formula)}</{p}f><{p}v>{value.cached}</{p}v></{p}c>')
                elif isinstance(value, Num):
                    style = getattr(value, "style", 0)
                    out.append(f'<{p}c r="{ref}" s="{style}"><{p}v>{value}</{p}v></{p}c>')
                elif isinstance(value, Inline):
                    out.append(f'<{p}c r="{ref}" t="inlineStr"><{p}is><{p}t>{escape(value)}</{p}t></{p}is></{p}c>')
                else:
                    out.append(f'<{p}c r="{ref}" t="s"><{p}v>{shared(value)}</{p}v></{p}c>')
            out.append(f'</{p}row>')
        out.append(f'</{p}sheetData>')
        if merges:
            out.append(f'<{p}mergeCells count="{len(merges)}">' +
                       "".join(f'<{p}mergeCell ref="{m}"/>' for m in merges) + f'</{p}mergeCells>')
        out.append(f'</{p}worksheet>')
        sheet_xml.append("".join(out))
    sst = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">']
    for value in strings:
        if isinstance(value, Rich):
            sst.append("<si>" + "".join(f'<r><rPr><b/></rPr><t xml:space="preserve">{escape(t)}</t></r>' for t in value.runs) +
                       '<rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>')
        else:
            sst.append(f'<si><t xml:space="preserve">{escape(value)}</t></si>')
    sst.append("</sst>")
    # LibreOffice numbers the styles rId1 and the sheets after it, with absolute targets.
    first_sheet_id = 3 if libreoffice_rels else 1
    rels = ['<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    if libreoffice_rels:
        rels.append('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>')
        rels.append('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/>')
    for i in range(len(sheets)):
        target = f"/xl/worksheets/data{i + 1}.xml" if libreoffice_rels else f"worksheets/sheet{i + 1}.xml"
        rels.append(f'<Relationship Id="rId{first_sheet_id + i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="{target}"/>')
    if not libreoffice_rels:
        n = len(sheets)
        rels.append(f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>')
        rels.append(f'<Relationship Id="rId{n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>')
    rels.append("</Relationships>")
    workbook = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>']
    for i, (name, _, _) in enumerate(sheets):
        state = ' state="hidden"' if name in hidden else ""
        workbook.append(f'<sheet name="{escape(name)}" sheetId="{i + 1}"{state} r:id="rId{first_sheet_id + i}"/>')
    workbook.append("</sheets></workbook>")
    path.parent.mkdir(parents=True, exist_ok=True)
    with FixedZip(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", "".join(workbook))
        z.writestr("xl/_rels/workbook.xml.rels", "".join(rels))
        z.writestr("xl/styles.xml", STYLES)
        z.writestr("xl/sharedStrings.xml", "".join(sst))
        for i, xml in enumerate(sheet_xml):
            name = f"xl/worksheets/data{i + 1}.xml" if libreoffice_rels else f"xl/worksheets/sheet{i + 1}.xml"
            z.writestr(name, raw_sheet if raw_sheet is not None and i == 0 else xml)
        for name, data in (extra_members or {}).items():
            z.writestr(name, data)


def case(name, description, args=None, reader=True):
    folder = GOLDEN / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "description").write_text(description + "\n", encoding="utf-8")
    if args:
        (folder / "args").write_text(args + "\n", encoding="utf-8")
    if reader:
        (folder / "reader").write_text("", encoding="utf-8")
    return folder / "input.xlsx"


def handmade_department():
    """One sheet, columns in another order, 权重/自评得分/指标值/全年实际值/偏差原因, extra
    指标性质 and 度量单位 columns, a 绩效目标 column merged per goal, 一级/二级 written once and
    left blank below (not merged), a spacer row, numbers typed as text, a date typed into
    实际完成值, rich text in a header, inline strings, LibreOffice's relationships."""
    N = Num
    rows = [
        ["2023年度某区数据局部门整体支出绩效自评表"],
        ["部门名称：某区数据局", None, None, None, "年度", N("2023")],
        [None],
        ["预算执行情况（单位：万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "偏差原因分析及改进措施"],
        [None, N("500"), N("520.5"), N("498.3"), N("10"), Fmt("0.95734870317002887", PERCENT), "9.57", ""],
        [],
        ["目标序号", "年度绩效目标", "实际完成情况", "偏差原因分析及改进措施"],
        [N("1"), "建成政务数据共享平台", "平台于9月上线", ""],
        [N("2"), "提升数据质量", "数据质量明显提升", ""],
        [],
        ["绩效目标", Rich("一级", "指标"), "二级指标", "三级指标", "指标性质", "度量单位", "指标值", "全年实际值", "权重", "自评得分", "偏差原因"],
        ["绩效目标1", "产出指标", "数量指标", "接入部门数量", "定量", "个", "≥30个", "32个", N("20"), N("20"), ""],
        [None, None, None, Inline("共享接口数量"), "定量", "个", "≥100个", "96个", "15", "14.4", "部分部门系统改造滞后"],
        [None, None, "时效指标", "平台上线时间", "定性", "", "2023年9月底前", Fmt("45194", DATE), N("10"), N("10"), ""],
        [],
        [None, "效益指标", "社会效益指标", "群众办事材料精简率", "定量", "%", "≥20%", "23%", N("15"), N("15"), ""],
        ["绩效目标2", "产出指标", "质量指标", "数据差错率", "定量", "%", "≤1%", "0.6%", Fmt("20", TWO_DECIMALS), N("20"), ""],
        [None, "满意度指标", "服务对象满意度指标", "使用部门满意度", "定量", "%", "≥90%", "95%", N("10"), N("10"), ""],
        ["总分", None, None, None, None, None, None, None, Formula("E5+SUM(I12:I18)", "100"), Formula("G5+SUM(J12:J18)", "98.97", TWO_DECIMALS), None],
        ["自评结论", "全年目标基本完成", None, None, None, None, None, None, "自评等级", "优"],
    ]
    merges = ["A1:K1", "A12:A16", "A17:A18", "B20:H20"]
    build(case("xlsx-handmade-dept", "hand-made department workbook: synonyms, extra columns, blank carried cells, spacer rows, text numbers, a date cell, rich text, LibreOffice relationships"),
          [("Sheet1", rows, merges)])


def sheet_per_goal():
    """A cover sheet with the labels and budget, then one sheet per goal (named 绩效目标N)
    with its goal texts above the table; elements written with an x: prefix."""
    N = Num
    cover = [
        ["部门整体支出绩效自评表"],
        ["部门名称", "某市档案馆", None, "年度", "2022年"],
        ["预算执行情况（万元）", "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"],
        [None, N("80"), N("100"), N("90"), N("10"), "90%", N("9")],
        ["整体支出绩效自评结论", "较好完成年度目标", None, "自评等级", "优"],
    ]
    goal1 = [
        ["年度绩效目标", "档案数字化"],
        ["实际完成情况", "完成数字化12万页"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "数字化页数", "≥10万页", "12万页", N("40"), N("40"), ""],
        [None, "质量指标", "数字化合格率", "≥98%", "99%", N("10"), N("10"), ""],
    ]
    goal2 = [
        ["年度绩效目标", "开放利用"],
        ["实际完成情况", "接待查档"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["效益指标", "社会效益指标", "查档利用人次", "≥5000人次", "4600人次", N("30"), N("27.6"), "疫情影响"],
        ["满意度指标", "服务对象满意度指标", "查档群众满意度", "≥90%", "96%", N("10"), N("10"), ""],
        ["小计", None, None, None, None, N("40"), N("37.6"), None],
    ]
    # A hidden sheet of option lists, as templates keep for their drop-downs: not read.
    options = [["一级指标", "二级指标", "三级指标", "分值"], ["产出指标", "数量指标", "示例", Num("1")]]
    build(case("xlsx-sheet-per-goal", "one sheet per goal (named 绩效目标N) after a cover sheet; x: namespace prefix; 小计 rows; a hidden option sheet"),
          [("封面", cover, ["A1:E1"]), ("绩效目标1", goal1, ["A4:A5"]), ("绩效目标2", goal2, []), ("选项", options, [])],
          libreoffice_rels=False, prefix="x", hidden=("选项",))


def handmade_project():
    """A project template: 主管部门/实施单位, 项目资金 rows, 年度总体目标, 年初指标值 / 实际完成值 /
    分数 / 得分 headers in another order, 评价结论 and the closing blocks."""
    N = Num
    rows = [
        ["项目支出绩效自评表"],
        ["（2023年度）"],
        ["项目名称", "老旧小区改造", None, None, None, None],
        ["主管部门", "某县住建局", None, "实施单位", "某县城建中心", None],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", N("300"), N("320"), N("310"), N("10"), "96.88%", N("9.69")],
        ["其中：本年财政拨款", N("300"), N("300"), N("295"), "—", "98.33%", "—"],
        ["上年结转资金", N("0"), N("20"), N("15"), "—", "75.00%", "—"],
        ["年度总体目标", "预期目标", None, None, "实际完成情况"],
        [None, "改造小区5个", None, None, "完成5个"],
        ["序号", "一级指标", "二级指标", "三级指标", "分数", "年初指标值", "实际完成值", "得分", "偏差原因分析及改进措施"],
        [N("1"), "产出指标", "数量指标", "改造小区数量", N("50"), "=5个", "5个", N("50"), ""],
        [N("2"), "效益指标", "社会效益指标", "居民出行条件", N("30"), "有所改善", "明显改善", N("30"), ""],
        [N("3"), "满意度指标", "服务对象满意度指标", "居民满意度", N("10"), "≥90%", "88%", N("9.78"), "个别小区施工扰民"],
        ["总分", None, None, None, Formula("E6+SUM(E12:E14)", "100"), None, None, N("99.47")],
        ["评价结论", "项目完成较好", None, None, None, "自评等级", "优"],
        ["存在问题", "施工组织有待加强"],
        ["项目负责人", "张三", None, "财务负责人", "李四"],
    ]
    merges = ["A1:H1", "A2:H2", "B9:D9", "E9:H9", "A9:A10", "B10:D10", "E10:H10"]
    notes = [["填表说明"], ["1. 金额单位为万元。"], ["2. 偏差原因须逐项说明。"]]
    build(case("xlsx-handmade-project", "hand-made project template after a sheet of instructions: 主管部门/实施单位, funding rows, 年度总体目标, a 序号 column, headers in another order, closing blocks"),
          [("填表说明", notes, []), ("项目自评", rows, merges)])


def two_row_header():
    """The published department layout's two-row indicator header: 绩效指标 over 一级/二级/三级,
    年度指标值 … 得分 merged down over both rows, a 年度指标完成情况 block label down column A."""
    N = Num
    rows = [
        ["部门整体支出绩效自评表"],
        ["部门名称", "某区司法局", None, None, None, "年度", N("2024")],
        ["预算执行情况（万元）", "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"],
        [None, N("60"), N("60"), N("57"), N("10"), "95%", N("9.5")],
        ["绩效目标", "绩效指标", None, None, "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [None, "一级指标", "二级指标", "三级指标"],
        ["绩效目标1：深入开展普法宣传", "产出指标", "数量指标", "普法宣传活动场次", "≥40场", "46场", N("45"), N("45"), ""],
        [None, "效益指标", "社会效益指标", "群众法治意识", "逐步提高", "明显提高", N("35"), N("35"), ""],
        [None, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "91%", N("10"), N("10"), ""],
        ["总分", None, None, None, None, None, N("100"), N("99.5"), None],
        ["整体支出绩效自评结论", "完成年度目标", None, None, None, None, "自评等级", "优"],
    ]
    merges = ["A1:I1", "A3:A4", "A5:A6", "B5:D5", "E5:E6", "F5:F6", "G5:G6", "H5:H6", "I5:I6", "A7:A9", "A10:F10"]
    build(case("xlsx-two-row-header", "the published two-row indicator header (绩效指标 over 一级/二级/三级, the rest merged down); the goal's text after 绩效目标1："),
          [("Sheet1", rows, merges)])


def bad_cells():
    """Problems at cells: text in number cells, a missing 得分 column, an unknown and a
    misspelt header, a merge across two indicators' 分值, overlapping merges, a shared string
    index out of range, a bad cell reference, an invalid 是否核心指标."""
    N = Num
    rows = [
        ["部门名称", "某单位", None, None, "年度", N("2022")],
        ["目标序号", "年度绩效目标", "实际完成情况"],
        [N("1"), "目标一", "完成"],
        [N("2"), "目标二", "完成"],
        ["三级指标", "一级指标", "二级指标", "年度指标直", "实际完成值", "分值", "备注", "是否核心指标"],
        ["甲", "产出指标", "数量指标", "≥5次", "6次", "两分", "", "也许"],
        ["乙", "产出指标", "数量指标", "≥5次", "6次", N("3"), "", "是"],
        ["丙", "产出指标", "质量指标", "合格", "合格", None, "", "否"],
    ]
    build(case("xlsx-bad-cells", "Sheet!Cell diagnostics: text in a number cell, missing and unknown columns, odd and overlapping merges, a bad shared string index, a table whose goal is not in the goals block"),
          [("表", rows, ["F7:F8", "A1:B1", "B1:C1"])])
    # A shared string index out of range and an impossible reference, spliced into the XML.
    path = GOLDEN / "xlsx-bad-cells" / "input.xlsx"
    with zipfile.ZipFile(path) as z:
        members = {name: z.read(name) for name in z.namelist()}
    sheet = members["xl/worksheets/data1.xml"].decode()
    sheet = sheet.replace('<row r="8">', '<row r="8"><c r="I8" t="s"><v>99999</v></c><c r="XFE8"><v>1</v></c>', 1)
    members["xl/worksheets/data1.xml"] = sheet.encode()
    with FixedZip(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)


def refusals():
    simple = [["三级指标", "分值", "得分"], ["甲", Num("1"), Num("1")]]
    (case("xlsx-not-a-zip", "a text file named .xlsx: refused (exit 2)", reader=False)).write_text("三级指标,分值\n甲,1\n", encoding="utf-8")
    case("xlsx-ole", "an OLE compound file (legacy .xls or encrypted .xlsx): refused with advice", reader=False).write_bytes(
        bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
    # 40 MiB of zeros deflate to ~40 kB: beyond the 32 MiB a part may unpack to.
    path = case("xlsx-zip-bomb", "a sheet that unpacks to 40 MiB (a zip bomb): refused at the part", reader=False)
    build(path, [("Sheet1", simple, [])], raw_sheet="<" + " " * (40 << 20) + "/>")
    path = case("xlsx-missing-workbook", "a zip without xl/workbook.xml: refused", reader=False)
    with FixedZip(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    path = case("xlsx-bad-xml", "a sheet whose XML is broken: refused", reader=False)
    build(path, [("Sheet1", simple, [])], raw_sheet='<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></row>')
    path = case("xlsx-no-form", "a workbook without an indicator table: refused", reader=False)
    build(path, [("Sheet1", [["姓名", "电话"], ["张三", Num("123")]], [])])
    path = case("xlsx-too-many-members", "an archive of 1100 members: refused", reader=False)
    build(path, [("Sheet1", simple, [])], extra_members={f"j{i}": "" for i in range(1100)})


if __name__ == "__main__":
    handmade_department()
    sheet_per_goal()
    handmade_project()
    two_row_header()
    bad_cells()
    refusals()
