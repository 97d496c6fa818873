#!/usr/bin/env python3
"""Write examples/county-roads-2023-proj.json, the constructed 项目支出绩效自评表 example.

Not a published form: a realistic county project written for the examples, in the national
template of 财预〔2020〕10号 附件1. Numbers are strings here so that they are written exactly
as given (formjson.dump writes Decimal as it is spelled). Check it with check_project.py.

usage: build_project.py [OUT]
"""
import sys
from decimal import Decimal as D
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
import formjson  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "county-roads-2023-proj.json"

P, E, S = "产出指标", "效益指标", "满意度指标"


def leaf(l1, l2, name, target, actual, weight, score, reason=""):
    return {"level1": l1, "level2": l2, "name": name, "target": target, "actual": actual,
            "weight": D(weight), "score": D(score), "deviation_reason": reason}


INDICATORS = [
    leaf(P, "数量指标", "县乡道日常养护里程", "≥386公里", "386公里", "6", "6"),
    leaf(P, "数量指标", "村道日常养护里程", "≥1124公里", "1124公里", "5", "5"),
    leaf(P, "数量指标", "危桥改造数量", "=4座", "4座", "6", "6"),
    leaf(P, "数量指标", "临水临崖路段波形护栏安装长度", "≥12公里", "15.8公里", "5", "4.5",
         "2023年5月县安委会组织开展农村公路安全隐患排查整治，新排查出临水临崖、急弯陡坡隐患路段"
         "3.8公里，经县政府同意利用本项目招标结余资金一并实施，完成值超出年度指标值31.7%。"
         "主要原因是年初设定指标时对隐患路段底数掌握不全。下一步，在编制绩效目标前开展全面排查，"
         "提高指标值设定精准度。"),
    leaf(P, "质量指标", "危桥改造工程交工验收合格率", "=100%", "100%", "5", "5"),
    leaf(P, "质量指标", "农村公路优良中等路率", "≥85%", "81.6%", "6", "5.76",
         "2023年7月底至8月上旬我县遭遇持续强降雨，部分村道出现路基冲刷、路面沉陷，汛后水毁修复"
         "工程年底前尚未全部完工，影响年度路况评定结果。下一步，加快水毁路段修复进度，汛前做好"
         "边沟、涵洞等排水设施疏通，加大预防性养护投入。"),
    leaf(P, "质量指标", "日常养护工程质量", "合格", "合格", "4", "4"),
    leaf(P, "时效指标", "危桥改造完工时间", "2023年10月底前", "2023年10月25日", "4", "4"),
    leaf(P, "时效指标", "水毁路段抢通时限", "≤72小时", "48小时", "3", "3"),
    leaf(P, "成本指标", "危桥改造单座平均成本", "≤95万元", "93.42万元", "3", "3"),
    leaf(P, "成本指标", "波形护栏每公里造价", "≤18万元", "17.6万元", "3", "3"),
    leaf(E, "经济效益指标", "沿线群众出行和农产品运输成本", "有所降低", "有所降低", "7", "7"),
    leaf(E, "社会效益指标", "农村公路通行安全水平", "有所提高",
         "重点路段安全防护设施进一步完善，全年未发生因路况原因导致的较大及以上交通事故",
         "8", "8"),
    leaf(E, "社会效益指标", "改造桥梁技术状况", "达标", "4座桥梁经检测均评定为一类，达标", "7", "7"),
    leaf(E, "可持续影响指标", "农村公路“路长制”管护机制", "持续有效运行",
         "县、乡、村三级路长全部落实，日常巡查和养护考核制度运行正常", "8", "8"),
    leaf(S, "服务对象满意度指标", "沿线群众满意度", "≥90%", "93.6%", "10", "10"),
]

FORM = {
    "format": "ziping-form",
    "format_version": 1,
    "kind": "project",
    "title": "项目支出绩效自评表",
    "year": 2023,
    "department": "某县交通运输局",
    "project": "2023年农村公路养护及危桥改造项目",
    "implementing_unit": "某县农村公路管理所",
    "money_unit": "万元",
    "budget": {
        "initial": D("1300"),
        "annual": D("1466.5"),
        "executed": D("1400.46"),
        "weight": D("10"),
        "score": D("9.55"),
        "rate": "95.50%",
        "deviation_reason": "其他资金中乡镇配套资金到位较晚，部分护栏工程尾款待审计结算后支付。"
                            "下一步，督促乡镇及时足额落实配套资金，加快工程结算审计和资金支付进度。",
        "sources": [
            {"label": "本年财政拨款", "initial": D("1180"), "annual": D("1260"),
             "executed": D("1215.36"), "rate": "96.46%"},
            {"label": "上年结转资金", "initial": D("0"), "annual": D("86.5"),
             "executed": D("86.5"), "rate": "100.00%"},
            {"label": "其他资金", "initial": D("120"), "annual": D("120"),
             "executed": D("98.6"), "rate": "82.17%"},
        ],
    },
    "goals": [{
        "number": None,
        "target": "完成全县386公里县乡道、1124公里村道日常养护；实施4座危桥改造，2023年10月底前"
                  "完工；在临水临崖、急弯陡坡等重点路段安装波形护栏12公里；全县农村公路优良中等"
                  "路率达到85%以上，确保农村公路安全畅通，改善群众出行条件。",
        "actual": "全年完成386公里县乡道、1124公里村道日常养护；4座危桥改造工程于2023年10月25日"
                  "全部完工并通过交工验收；结合安全隐患排查整治，完成重点路段波形护栏安装15.8公里；"
                  "受汛期持续强降雨影响，全县农村公路优良中等路率为81.6%，未达到年度目标。农村公路"
                  "通行条件和安全水平进一步改善。",
        "deviation_reason": "",
        "weight": None,
        "score": None,
        "indicators": INDICATORS,
    }],
    "total": {"weight": D("100"), "score": D("98.81")},
    "grade": "优",
    "conclusion": "本项目2023年度自评得分98.81分，自评等级为优。项目资金执行率95.50%，年度日常养护、"
                  "危桥改造和安全防护设施建设任务全部完成，农村公路通行条件和安全水平明显改善；"
                  "优良中等路率未达到年度目标，波形护栏安装长度指标值设定偏低。",
    "problems": "一是受汛期水毁影响，农村公路优良中等路率未达到年度目标，水毁路段修复进度偏慢；"
                "二是年初对安全隐患路段底数掌握不全，波形护栏安装长度指标值设定偏低；三是乡镇配套"
                "资金到位较晚，部分工程尾款未能在年内支付。",
    "improvements": "一是加快水毁路段修复，加大预防性养护投入，力争2024年优良中等路率达到85%以上；"
                    "二是编制绩效目标前开展隐患路段全面排查，科学合理设定指标值；三是加强与乡镇沟通"
                    "协调，督促配套资金及时足额到位，加快工程结算审计和资金支付进度。",
    "project_leader": "王建军",
    "finance_leader": "刘晓梅",
}


def main(argv):
    out = Path(argv[1]) if len(argv) > 1 else OUT
    out.write_text(formjson.dump(FORM) + "\n", encoding="utf-8")
    print("wrote", out, "with", len(INDICATORS), "indicators")


if __name__ == "__main__":
    main(sys.argv)
