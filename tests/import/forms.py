"""The forms behind the import fixtures, as data (Python 3 standard library only).

Each form is written once here, in the canonical form JSON's shape; make_fixtures.py prints it
the way published forms come (tab text out of a PDF, a dump of an HTML table, one cell per
line, spaces, no separators), with the slips real publications have, and writes the form it
printed as truth.json beside the fixture. county-roads is examples/county-roads-2023-proj.json.

Everything here is constructed for the tests: the units, people and figures are invented.
"""
from decimal import Decimal, ROUND_HALF_UP

P, B, S, C = "产出指标", "效益指标", "满意度指标", "成本指标"


def leaf(l1, l2, name, target, actual, weight, score, reason="", **extra):
    out = {"level1": l1, "level2": l2, "name": name, "target": target, "actual": actual,
           "weight": Decimal(weight), "score": Decimal(score), "deviation_reason": reason}
    for key in ("adjusted_target", "nature", "unit", "score_coefficient", "core",
                "scoring_standard"):
        if key in extra:
            out[key] = extra[key]
    return out


def rate(executed, annual, places=2):
    value = (Decimal(executed) / Decimal(annual) * 100).quantize(Decimal(1).scaleb(-places),
                                                                   ROUND_HALF_UP)
    return f"{value}%"


def execution_score(executed, annual, weight=10):
    ratio = min(Decimal(executed) / Decimal(annual), Decimal(1))
    return (ratio * weight).quantize(Decimal("0.01"), ROUND_HALF_UP)


def form(kind, title, year, department, budget, goals, total_weight, total_score, grade,
         conclusion, project="", implementing_unit="", money_unit="万元", **closing):
    out = {"format": "ziping-form", "format_version": 1, "kind": kind, "title": title,
           "year": year, "department": department, "project": project,
           "implementing_unit": implementing_unit, "money_unit": money_unit, "budget": budget,
           "goals": goals,
           "total": {"weight": total_weight, "score": total_score},
           "grade": grade, "conclusion": conclusion}
    for key in ("problems", "improvements", "project_leader", "finance_leader"):
        if closing.get(key):
            out[key] = closing[key]
    return out


def budget(initial, annual, executed, weight, score, rate_text, reason="", sources=()):
    return {"initial": Decimal(initial), "annual": Decimal(annual), "executed": Decimal(executed),
            "weight": Decimal(weight), "score": Decimal(score), "rate": rate_text,
            "deviation_reason": reason, "sources": list(sources)}


def source(label, initial, annual, executed, rate_text):
    return {"label": label, "initial": Decimal(initial), "annual": Decimal(annual),
            "executed": Decimal(executed), "rate": rate_text}


def goal(number, target, actual, indicators, reason="", weight=None, score=None):
    return {"number": number, "target": target, "actual": actual, "deviation_reason": reason,
            "weight": weight, "score": score, "indicators": indicators}


def leaf_sum(goals, key):
    return sum((leaf[key] for g in goals for leaf in g["indicators"]), Decimal(0))


# ---------------------------------------------------------------------------------------------
# A department form with three goals (广东-style layout in the fixtures).

ENV_GOALS = [
    goal(1, "持续开展大气污染防治，做好空气质量自动监测站运维和重污染天气应对，推动全市空气质量持续改善。",
         "完成32个空气质量自动监测站点运维，监测数据有效率95.6%，及时发布重污染天气预警信息，PM2.5年均浓度降至33微克/立方米。",
         [leaf(P, "数量指标", "空气质量自动监测站点运维数量", "≥32个", "32个", 5, 5),
          leaf(P, "质量指标", "监测数据有效率", "≥90%", "95.6%", 5, 5),
          leaf(P, "时效指标", "重污染天气预警信息发布及时率", "=100%", "100%", 4, 4),
          leaf(P, "成本指标", "大气监测运维经费", "≤680万元", "652.4万元", 4, 4),
          leaf(B, "社会效益指标", "PM2.5年均浓度", "≤35微克/立方米", "33微克/立方米", 4, 4),
          leaf(B, "生态效益指标", "空气质量优良天数比率", "≥85%", "82.7%", 4, "3.89",
               "受夏季臭氧污染和不利气象条件影响，优良天数比率未达目标。下一步将加强臭氧前体物协同管控，提升污染天气应对能力。"),
          leaf(S, "服务对象满意度指标", "公众对空气质量改善满意度", "≥85%", "88.2%", 4, 4)]),
    goal(2, "推进水环境综合治理，开展入河排污口排查整治，保障国控断面和饮用水水源地水质稳定达标。",
         "完成136个入河排污口排查整治，国控断面水质达标率88.9%，集中式饮用水水源地水质达标率保持100%。",
         [leaf(P, "数量指标", "完成入河排污口排查整治数量", "≥120个", "136个", 5, 5),
          leaf(P, "质量指标", "国控断面水质达标率", "≥90%", "88.9%", 5, "4.94",
               "汛期上游来水水质波动，1个断面个别月份超标。下一步将加强上下游联防联控。"),
          leaf(P, "时效指标", "整治任务完成时间", "2023年11月底前", "2023年11月20日", 4, 4),
          leaf(P, "成本指标", "水环境治理项目支出", "≤1250万元", "1198.6万元", 4, 4),
          leaf(B, "社会效益指标", "集中式饮用水水源地水质达标率", "=100%", "100%", 4, 4),
          leaf(B, "可持续影响指标", "河长制管护机制", "持续有效运行", "持续有效运行", 4, 4),
          leaf(S, "服务对象满意度指标", "沿河群众满意度", "≥90%", "93%", 4, 4)]),
    goal(3, "加强环境执法监管，严厉查处环境违法行为，及时办理群众信访投诉。",
         "全年开展环境执法检查1682次，行政处罚案件办理合规率100%，信访投诉按期办结率99.2%。",
         [leaf(P, "数量指标", "开展环境执法检查次数", "≥1500次", "1682次", 6, 6),
          leaf(P, "质量指标", "行政处罚案件办理合规率", "=100%", "100%", 5, 5),
          leaf(P, "时效指标", "信访投诉按期办结率", "≥98%", "99.2%", 4, 4),
          leaf(P, "成本指标", "执法装备购置及运维费用", "≤210万元", "205.3万元", 5, 5),
          leaf(B, "社会效益指标", "环境违法案件查处率", "=100%", "100%", 6, 6),
          leaf(S, "服务对象满意度指标", "信访投诉人满意度", "≥85%", "91.5%", 4, 4)]),
]
ENV_BUDGET = budget("5230.5", "5612.8", "5388.3", 10, execution_score("5388.3", "5612.8"),
                    rate("5388.3", "5612.8"),
                    "部分执法装备采购项目年底完成验收，尾款于次年支付。下一步将加快项目实施和资金支付进度。")
ENV = form("department", "部门整体支出绩效自评表", 2023, "某市生态环境局", ENV_BUDGET, ENV_GOALS,
           Decimal(100), ENV_BUDGET["score"] + leaf_sum(ENV_GOALS, "score"), "优",
           "本部门2023年度整体支出绩效自评得分%s分，自评等级为优。年度绩效目标基本完成，空气质量优良天数比率和国控断面水质达标率未达目标，已分析原因并提出改进措施。"
           % (ENV_BUDGET["score"] + leaf_sum(ENV_GOALS, "score")))

# ---------------------------------------------------------------------------------------------
# A project form with 指标性质 / 度量单位 / 权重 columns (重庆-style layout in the fixtures).

MED_LEAVES = [
    leaf(P, "数量指标", "资助困难群众参加基本医疗保险人数", "≥52000", "53816", 10, 10, nature="定量", unit="人"),
    leaf(P, "数量指标", "住院救助人次", "≥18000", "19642", 10, 10, nature="定量", unit="人次"),
    leaf(P, "质量指标", "救助对象政策范围内住院费用救助比例", "≥70", "72.5", 10, 10, nature="定量", unit="%"),
    leaf(P, "时效指标", "救助资金结算时限", "≤30", "25", 10, 10, nature="定量", unit="天"),
    leaf(P, "成本指标", "人均住院救助标准", "≤3500", "3312", 10, 10, nature="定量", unit="元"),
    leaf(B, "社会效益指标", "因病致贫返贫发生情况", "有效遏制", "有效遏制", 15, 15, nature="定性"),
    leaf(B, "可持续影响指标", "医疗救助与基本医保、大病保险衔接机制", "持续完善", "持续完善", 10, 9,
         "部分区县“一站式”结算系统对接进度偏慢。下一步将督促加快系统对接。", nature="定性"),
    leaf(S, "服务对象满意度指标", "救助对象满意度", "≥90", "94.3", 15, 15, nature="定量", unit="%"),
]
MED_BUDGET = budget("8600", "9250", "9018.6", 10, execution_score("9018.6", "9250"),
                    rate("9018.6", "9250"), "",
                    [source("本年财政拨款", "8600", "9050", "8818.6", rate("8818.6", "9050")),
                     source("上年结转资金", "0", "200", "200", rate("200", "200")),
                     source("其他资金", "0", "0", "0", "")])
MED_GOALS = [goal(None, "按规定资助困难群众参加城乡居民基本医疗保险，对住院救助对象政策范围内自付费用按比例救助，防范因病致贫返贫。",
                  "全年资助53816名困难群众参保，住院救助19642人次，政策范围内住院费用救助比例72.5%，救助资金平均25天内结算。",
                  MED_LEAVES)]
MED = form("project", "项目支出绩效自评表", 2023, "某区医疗保障局", MED_BUDGET, MED_GOALS, Decimal(100),
           MED_BUDGET["score"] + leaf_sum(MED_GOALS, "score"), "优",
           "项目自评得分%s分，等级为优。" % (MED_BUDGET["score"] + leaf_sum(MED_GOALS, "score")),
           project="2023年城乡居民医疗救助项目", implementing_unit="某区医疗保障事务中心")

# ---------------------------------------------------------------------------------------------
# A project form with points in its 一级 headings and units in its amount cells (湖北-style).

HB_LEAVES = [
    leaf(P, "数量指标", "新建高标准农田面积", "≥2.5万亩", "2.56万亩", 10, 10),
    leaf(P, "数量指标", "新建改造灌排渠道长度", "≥86公里", "88.4公里", 8, 8),
    leaf(P, "质量指标", "项目工程验收合格率", "=100%", "100%", 8, 8),
    leaf(P, "时效指标", "项目完工时间", "2023年12月底前", "2023年12月25日", 7, 7),
    leaf(P, "成本指标", "亩均财政投入", "≤1500元", "1478元", 7, 7),
    leaf(B, "经济效益指标", "项目区粮食亩产增加", "≥50公斤", "46公斤", 10, "9.2",
         "部分地块当年完工未赶上早稻种植。下一步做好建后管护，确保项目区稳产增产。"),
    leaf(B, "社会效益指标", "受益农户数", "≥8000户", "8320户", 10, 10),
    leaf(B, "可持续影响指标", "工程设施正常使用年限", "≥15年", "15年", 10, 10),
    leaf(S, "服务对象满意度指标", "项目区群众满意度", "≥90%", "95%", 10, 10),
]
HB_BUDGET = budget("3750", "3840", "3702.7", 20, execution_score("3702.7", "3840", 20),
                   rate("3702.7", "3840"), "",
                   [source("本年财政拨款", "3750", "3840", "3702.7", rate("3702.7", "3840"))])
HB_GOALS = [goal(None, "新建高标准农田2.5万亩，配套建设灌排渠道86公里，提升项目区农业综合生产能力。",
                 "建成高标准农田2.56万亩、灌排渠道88.4公里，工程全部通过验收，受益农户8320户。",
                 HB_LEAVES)]
HB = form("project", "项目支出绩效自评表", 2023, "某县农业农村局", HB_BUDGET, HB_GOALS, Decimal(100),
          HB_BUDGET["score"] + leaf_sum(HB_GOALS, "score"), "优",
          "本项目自评得分%s分，评价等级为“优”。" % (HB_BUDGET["score"] + leaf_sum(HB_GOALS, "score")),
          project="2023年高标准农田建设项目", implementing_unit="某县农业农村局")
