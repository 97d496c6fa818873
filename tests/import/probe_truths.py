#!/usr/bin/env python3
"""Writes truth.json for the hand-written import probes (tests/golden/import-probe-*/).

Unlike make_fixtures.py, the probes' input.txt files are written by hand the way published
forms look (pdftotext runs, dumps, wrapped cells, 金额单位：元, numbered headings) and are the
source; this file holds what a person reads off each of them, as forms.py data, and writes it
as truth.json beside the input. recovery_rate.py compares the import with it.

usage: probe_truths.py [GOLDEN_DIR]   (standard library only)
"""
import sys
from decimal import Decimal
from pathlib import Path

sys.dont_write_bytecode = True
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import make_fixtures as mf  # noqa: E402
from forms import P, B, S, leaf, budget, source, goal, form  # noqa: E402

GOLDEN = Path(sys.argv[1]) if len(sys.argv) > 1 else mf.ROOT / "tests" / "golden"
Q, T, X = "数量指标", "质量指标", "时效指标"
SAT = "服务对象满意度指标"
PROBES = {}


def probe(name):
    def register(function):
        PROBES[name] = function
        return function
    return register


def leaves(l1_rows):
    """[(一级, 二级, name, target, actual, weight, score[, reason])] → leaf dicts."""
    return [leaf(*row) for row in l1_rows]


# ---- the 项目资金 label on the total's row ------------------------------------------------------
def medical_aid():
    return form(
        "project", "项目支出绩效自评表", 2023, "XX市医疗保障局",
        budget("1200.00", "1350.00", "1282.50", "10", "9.50", "95.00%", sources=[
            source("当年财政拨款", "1200.00", "1350.00", "1282.50", ""),
            source("上年结转资金", "0", "0", "0", ""),
            source("其他资金", "0", "0", "0", "")]),
        [goal(None, "对符合条件的困难群众实施医疗救助，减轻其医疗负担。",
              "全年救助困难群众3.2万人次，政策范围内住院费用救助比例达到70%。", leaves([
                  (P, Q, "救助人次", "≥3万人次", "3.2万人次", 15, 15),
                  (P, Q, "资助参保人数", "≥1.5万人", "1.46万人", 15, 14, "部分救助对象已在外地参保"),
                  (P, T, "救助对象识别准确率", "≥98%", "99%", 10, 10),
                  (P, X, "救助资金拨付及时率", "100%", "100%", 10, 10),
                  (B, "社会效益指标", "政策范围内住院费用救助比例", "≥70%", "70%", 15, 15),
                  (B, "可持续影响指标", "医疗救助长效机制", "健全", "基本健全", 10, 8, "信息共享机制有待完善"),
                  (S, SAT, "救助对象满意度", "≥90%", "93%", 15, 15)]))],
        Decimal(100), Decimal("96.50"), "", "", project="城乡居民医疗救助资金",
        implementing_unit="XX市医疗保障事务中心")


probe("import-probe-funding-label-spaces")(medical_aid)
probe("import-probe-funding-label-tabs")(medical_aid)


@probe("import-probe-yuan-header")
def parks():
    """金额单位：元 above the form, amounts with thousands separators, 总分 and 自评等级 rows."""
    return form(
        "project", "项目支出绩效自评表", 2022, "某市城市管理局",
        budget("3600000.00", "3850000.00", "3712460.50", "10", "9.64", "96.43%", sources=[
            source("当年财政拨款", "3600000.00", "3600000.00", "3462460.50", "96.18%"),
            source("上年结转资金", "0.00", "250000.00", "250000.00", "100.00%"),
            source("其他资金", "0.00", "0.00", "0.00", "")]),
        [goal(None, "完成城区12座公园、86万平方米绿地日常养护，绿化养护质量达到二级标准。",
              "完成12座公园、86.4万平方米绿地养护，养护质量考核平均92分，达到二级标准。", leaves([
                  (P, Q, "公园养护数量", "12座", "12座", 10, 10),
                  (P, Q, "绿地养护面积", "≥86万平方米", "86.4万平方米", 10, 10),
                  (P, T, "养护质量考核平均分", "≥90分", "92分", 15, 15),
                  (P, X, "病虫害处置时限", "≤48小时", "36小时", 10, 10),
                  (P, "成本指标", "每平方米年养护成本", "≤4.5元", "4.3元", 5, 5),
                  (B, "社会效益指标", "市民休闲环境", "有所改善", "明显改善", 15, 15),
                  (B, "生态效益指标", "绿化覆盖率", "≥41%", "41.3%", 15, 15),
                  (S, SAT, "游园市民满意度", "≥90%", "88.5%", 10, "9.83",
                   "问卷样本集中于设施较老的公园，下一步加快设施更新。")]))],
        Decimal(100), Decimal("99.47"), "优", "", project="2022年城区公园绿地养护管理经费",
        implementing_unit="某市园林绿化服务中心", money_unit="元")


@probe("import-probe-weight-before-values")
def water():
    """A "|" dump whose indicator header puts 分值 before 年度指标值 and 得分 after 实际完成值."""
    return form(
        "project", "项目支出绩效自评表（2023年度）", 2023, "某县水利局",
        budget("860", "860", "817.86", "10", "9.51", "95.10%", sources=[
            source("当年财政拨款", "860", "860", "817.86", "95.10%")]),
        [goal(None, "新建和改造供水管网46公里，巩固提升1.2万农村人口饮水安全保障水平。",
              "完成供水管网建设47.3公里，受益人口1.23万人，水质检测合格率98%。", leaves([
                  (P, Q, "新建改造供水管网长度", "≥46公里", "47.3公里", 15, 15),
                  (P, Q, "受益人口数量", "≥1.2万人", "1.23万人", 10, 10),
                  (P, T, "水质检测合格率", "≥95%", "98%", 15, 15),
                  (P, X, "工程完工时间", "2023年11月底前", "2023年11月20日", 10, 10),
                  (B, "社会效益指标", "农村自来水普及率", "≥92%", "91.2%", 15, "14.87",
                   "部分偏远自然村入户工程受地形影响延后，2024年上半年完成。"),
                  (B, "可持续影响指标", "工程长效运行管护机制", "健全", "健全", 15, 15),
                  (S, SAT, "受益群众满意度", "≥90%", "95%", 10, 10)]))],
        Decimal(100), Decimal("99.38"), "", "", project="农村饮水安全巩固提升工程",
        implementing_unit="某县农村供水管理站")


@probe("import-probe-numbered-headings")
def elderly():
    """一级 printed "一、产出指标", 二级 "（一）数量指标"; a 三级 named like a 二级 (服务对象满意度)."""
    return form(
        "project", "2023年度项目支出绩效自评表", 2023, "某区民政局",
        budget("520", "520", "498.6", "10", "9.59", "95.88%", sources=[
            source("当年财政拨款", "520", "520", "498.6", "95.88%")]),
        [goal(None, "为辖区2600名经济困难失能、高龄老年人提供居家养老上门服务，提升老年人生活质量。",
              "全年为2648名老年人提供居家养老上门服务31.2万小时，服务对象生活质量明显提升。", leaves([
                  (P, Q, "服务老年人数", "≥2600人", "2648人", 10, 10),
                  (P, Q, "上门服务时长", "≥30万小时", "31.2万小时", 10, 10),
                  (P, T, "服务规范达标率", "≥95%", "96.5%", 10, 10),
                  (P, X, "补贴资金按月拨付", "按月拨付", "按月拨付", 10, 10),
                  (P, "成本指标", "人均年服务补贴标准", "≤2000元", "1883元", 10, 10),
                  (B, "社会效益指标", "老年人生活质量", "有所提升", "明显提升", 20, 20),
                  (B, "可持续影响指标", "居家养老服务体系", "逐步完善", "逐步完善", 10, 10),
                  (S, SAT, "服务对象满意度", "≥90%", "92.3%", 10, 10)]))],
        Decimal(100), Decimal("99.59"), "优", "本项目年度自评得分99.59分，等级为优。",
        project="社区居家养老服务补贴", implementing_unit="某区养老服务指导中心")


@probe("import-probe-fullwidth")
def schools():
    """pdftotext -layout with full-width digits (６８０, ９８．００％) and a single space between
    其中：当年财政拨款 and its first figure."""
    return form(
        "project", "项目支出绩效自评表", 2023, "某县教育局",
        budget("680", "720", "705.6", "10", "9.80", "９８．００％", sources=[
            source("当年财政拨款", "680", "720", "705.6", "９８．００％")]),
        [goal(None, "完成全县１８所中小学校舍维修改造，消除校舍安全隐患。",
              "完成１８所学校维修改造，校舍安全隐患全部消除。", leaves([
                  (P, Q, "维修改造学校数量", "≥１８所", "１８所", 15, 15),
                  (P, Q, "维修改造面积", "≥２.４万平方米", "２.５１万平方米", 10, 10),
                  (P, T, "工程验收合格率", "≥９５％", "１００％", 10, 10),
                  (P, X, "工程完工时间", "２０２３年１２月底前", "２０２３年１２月２０日", 10, 10),
                  (P, "成本指标", "项目总成本", "≤７２０万元", "７０５．６万元", 5, 5),
                  (B, "社会效益指标", "校舍安全状况", "达标", "达标", 15, 15),
                  (B, "社会效益指标", "办学条件", "有所提升", "明显提升", 15, 15),
                  (S, SAT, "师生满意度", "≥９０％", "９６％", 10, 10)]))],
        Decimal(100), Decimal("99.80"), "", "", project="中小学校舍维修改造专项资金",
        implementing_unit="某县教育后勤服务中心")


@probe("import-probe-layout-wrapped")
def shops():
    """pdftotext -layout: goal texts wrapped side by side, a 三级指标, a target and a reason
    wrapped onto following lines, single spaces between tight columns. Not yet recovered."""
    return form(
        "project", "项目支出绩效自评表", 2023, "某市商务局",
        budget("1500.00", "1500.00", "1387.20", "10", "9.25", "92.48%", sources=[
            source("当年财政拨款", "1500.00", "1500.00", "1387.20", "92.48%")]),
        [goal(None, "支持建设改造30个社区便民服务网点，引导连锁品牌企业进社区，完善社区商业服务功能，方便居民就近消费。",
              "建成改造社区便民服务网点31个，引进连锁品牌企业12家，社区居民就近消费便利度明显提升。", leaves([
                  (P, Q, "新建改造便民服务网点数量", "≥30个", "31个", 15, 15),
                  (P, Q, "引进连锁品牌企业数量", "≥10家", "12家", 10, 10),
                  (P, T, "网点验收合格率", "100%", "100%", 10, 10),
                  (P, X, "补助资金拨付时间", "2023年12月底前", "2024年1月", 10, 8,
                   "部分网点验收资料补充较晚，资金拨付延至次年1月。下一步提前组织验收。"),
                  (B, "社会效益指标", "居民就近消费便利度", "有所提升", "明显提升", 15, 15),
                  (B, "可持续影响指标", "网点持续经营率", "≥90%", "93.5%", 15, 15),
                  (S, SAT, "社区居民满意度", "≥90%", "94.2%", 15, 15)]))],
        Decimal(100), Decimal("97.25"), "", "", project="城市社区“15分钟生活圈”便民服务设施建设补助",
        implementing_unit="某市商贸流通服务中心")


@probe("import-probe-blank-level2")
def fitness():
    """满意度指标 rows with a blank 二级, and 总分 100 99.38 with 自评等级 优 on the same row."""
    return form(
        "project", "项目支出绩效自评表", 2022, "某市体育局",
        budget("450", "450", "441.9", "10", "9.82", "98.20%", sources=[
            source("当年财政拨款", "450", "450", "441.9", "98.20%")]),
        [goal(None, "新建社区多功能运动场8个、健身步道12公里，完善城市全民健身设施网络。",
              "建成社区多功能运动场8个、健身步道12.6公里，群众健身条件明显改善。", leaves([
                  (P, Q, "新建社区多功能运动场", "8个", "8个", 20, 20),
                  (P, Q, "新建健身步道长度", "≥12公里", "12.6公里", 15, 15),
                  (P, T, "工程验收合格率", "100%", "100%", 10, 10),
                  (P, X, "项目完工时间", "2022年11月底前", "2022年11月25日", 5, 5),
                  (B, "社会效益指标", "经常参加体育锻炼人数比例", "≥38%", "38.6%", 20, 20),
                  (S, "", "周边群众满意度", "≥90%", "91.3%", 10, 10),
                  (S, "", "健身爱好者满意度", "≥90%", "86%", 10, "9.56",
                   "部分步道照明不足，已列入2023年改造计划。")]))],
        Decimal(100), Decimal("99.38"), "优", "", project="全民健身设施补短板工程",
        implementing_unit="某市体育设施管理中心")


@probe("import-probe-dept-goal-wrapped")
def health():
    """部门整体 with a goal table whose 年度绩效目标 wraps onto the line where the 实际完成情况
    beside it starts."""
    return form(
        "department", "2023年度部门整体支出绩效自评表", 2023, "某区卫生健康委员会",
        budget("8650.3", "9120.8", "8847.2", "10", "9.70", "97.00%"),
        [goal(1, "做好基本公共卫生服务，规范管理高血压、糖尿病患者，提高居民健康素养水平。",
              "高血压、糖尿病患者规范管理率分别达到66.2%、65.8%，居民健康素养水平达到28.6%。", leaves([
                  (P, Q, "高血压患者规范管理率", "≥65%", "66.2%", 10, 10),
                  (P, Q, "糖尿病患者规范管理率", "≥65%", "65.8%", 10, 10),
                  (P, T, "居民健康档案规范化电子建档率", "≥90%", "92.1%", 10, 10),
                  (B, "社会效益指标", "居民健康素养水平", "≥28%", "28.6%", 10, 10),
                  (S, SAT, "居民满意度", "≥90%", "89.2%", 5, "4.96",
                   "个别社区服务站候诊时间较长，下一步优化预约服务。")])),
         goal(2, "完成辖区适龄儿童免疫规划疫苗接种，保持高接种率。", "适龄儿童免疫规划疫苗接种率达到98.6%。",
              leaves([
                  (P, Q, "免疫规划疫苗接种率", "≥95%", "98.6%", 15, 15),
                  (P, X, "疫苗冷链运转及时率", "100%", "100%", 10, 10),
                  (B, "社会效益指标", "疫苗针对传染病暴发疫情", "不发生", "未发生", 15, 15),
                  (S, SAT, "受种者家长满意度", "≥90%", "95%", 5, 5)]))],
        Decimal(100), Decimal("99.66"), "优", "本部门2023年度整体支出自评得分99.66分，自评等级为优。")


@probe("import-probe-closing-fields")
def food_safety():
    """Space-separated: three header fields on one line, 一级/二级 repeated on every row, a
    qualitative actual (达标) against a percentage target, and the closing fields."""
    f = form(
        "project", "项目支出绩效自评表", 2023, "某县农业农村局",
        budget("96", "96", "92.16", "10", "9.60", "96.00%", sources=[
            source("当年财政拨款", "96", "96", "92.16", "96.00%")]),
        [goal(None, "完成农产品定量检测1200批次、快速检测1.5万批次，主要农产品质量安全监测合格率保持在98%以上。",
              "完成定量检测1236批次、快速检测1.53万批次，监测合格率99.2%。", leaves([
                  (P, Q, "定量检测批次", "≥1200批次", "1236批次", 15, 15),
                  (P, Q, "快速检测批次", "≥1.5万批次", "1.53万批次", 10, 10),
                  (P, T, "检测结果准确率", "≥98%", "100%", 10, 10),
                  (P, X, "检测任务完成时间", "2023年12月底前", "2023年12月15日", 10, 10),
                  (P, "成本指标", "检测经费支出", "≤96万元", "92.16万元", 5, 5),
                  (B, "社会效益指标", "主要农产品质量安全监测合格率", "≥98%", "99.2%", 30, 30),
                  (S, SAT, "生产经营主体满意度", "≥90%", "达标", 10, 8,
                   "满意度调查未量化，下一步委托第三方开展问卷调查。")]))],
        Decimal(100), Decimal("97.60"), "优", "项目完成年度绩效目标，自评等级为优。",
        project="农产品质量安全监测经费", implementing_unit="某县农产品质量安全检测站",
        problems="满意度调查方式不够规范。", improvements="委托第三方开展满意度问卷调查。",
        project_leader="张立新", finance_leader="李红")
    return f


def main():
    for name, function in PROBES.items():
        d = GOLDEN / name
        if not (d / "input.txt").exists():
            print("skip", name, "(no input.txt)")
            continue
        (d / "truth.json").write_text(mf.formjson.dump(mf.canonical(function())) + "\n",
                                      encoding="utf-8")
        (d / "reader").touch()
        print("wrote", d.relative_to(mf.ROOT))


if __name__ == "__main__":
    main()
