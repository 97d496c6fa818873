#!/usr/bin/env python3
"""Writes the seed department's made-up 2022 绩效目标申报表 and 绩效运行监控表
(examples/chain/), derived from the published 自评表 (examples/tianjin-2022-dept.json).

MADE UP: 天津市政务服务办 published its 2022 自评表, not these two forms. They are plausible
reconstructions for demonstrating `ziping chain check`, with a story written in on purpose:
  * 坐席电话接通率 was declared ≥95% and the 自评表 scores it against ≥90% (a lowered target,
    no adjustment recorded);
  * 营商环境政策解读覆盖率 was declared (goal 4) and monitored as 完全不可能, then dropped
    from the 自评表; its point went to 年内改革工作完成率 (declared 2, evaluated 3);
  * the monitoring form records the budget's in-year adjustment (调整后预算数 22681.6 = the
    自评表's 全年预算数), but its 1–7月 execution is behind time progress with no 纠偏措施.
The output is canonical (ziping's writer gives the same bytes; tests/unit/io_json/plan_json_test.cc).
"""
import json
import pathlib
import re
from decimal import Decimal

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEED = json.loads((ROOT / "examples/tianjin-2022-dept.json").read_text(encoding="utf-8"),
                  parse_float=Decimal, parse_int=Decimal)
NOTE = "（演示数据：据2022年自评表编造，非公开原件）"
LOWERED = {"坐席电话接通率": "≥95%"}
DROPPED_GOAL = 4
DROPPED = {"level1": "效益指标", "level2": "社会效益指标", "name": "营商环境政策解读覆盖率",
           "target": "≥95%", "weight": Decimal("1")}
MOVED_WEIGHT = ("年内改革工作完成率", Decimal("2"))


def emit(value, indent=0):
    pad = "  " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f'{pad}  {json.dumps(k, ensure_ascii=False)}: {emit(v, indent + 1)}' for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(pad + "  " + emit(v, indent + 1) for v in value) + "\n" + pad + "]"
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


QUANTITY = re.compile(r"^[=≥≤]?(\d+(?:\.\d+)?)(\D*)$")


def progress_of(actual, level2):
    """The 1–7月 figure: counts and amounts pro rata, rates and texts as they stood."""
    m = QUANTITY.match(actual)
    if not m:
        return "按计划推进"
    number, unit = Decimal(m.group(1)), m.group(2)
    if unit in ("%", "") or "满意" in level2 or "质量" in level2:
        return actual.lstrip("=")
    share = (number * 7 / 12).quantize(Decimal("0.1") if "元" in unit else Decimal("1"))
    return f"{share}{unit}"


def declaration():
    goals = []
    for g in SEED["goals"]:
        leaves = []
        for i in g["indicators"]:
            weight = i["weight"]
            if i["name"] == MOVED_WEIGHT[0]:
                weight = MOVED_WEIGHT[1]
            leaves.append({"level1": i["level1"], "level2": i["level2"], "name": i["name"],
                           "target": LOWERED.get(i["name"], i["target"]), "weight": weight,
                           "scoring_standard": "完成指标值得满分，未完成按完成比例计分",
                           "core": not leaves})
            if g["number"] == DROPPED_GOAL and i["name"] == "营商环境宣传费用支出":
                leaves.append({"level1": DROPPED["level1"], "level2": DROPPED["level2"],
                               "name": DROPPED["name"], "target": DROPPED["target"],
                               "weight": DROPPED["weight"],
                               "scoring_standard": "达到指标值得满分，每低1个百分点扣0.1分",
                               "core": False})
        goals.append({"number": g["number"], "medium_target": "", "target": g["target"],
                      "indicators": leaves})
    return {"format": "ziping-form", "format_version": Decimal(1), "kind": "declaration",
            "scope": "department", "title": "部门整体支出绩效目标申报表" + NOTE,
            "year": Decimal(2022), "department": SEED["department"], "project": "",
            "implementing_unit": "", "money_unit": "万元",
            "funding": [{"label": "资金总额", "medium": None, "annual": Decimal("22230.8")},
                        {"label": "财政拨款", "medium": None, "annual": Decimal("21980.8")},
                        {"label": "其他资金", "medium": None, "annual": Decimal("250")}],
            "goals": goals}


def monitoring(declared):
    actual = {(g["number"], i["name"]): i for g in SEED["goals"] for i in g["indicators"]}
    goals = []
    for g in declared["goals"]:
        leaves = []
        for leaf in g["indicators"]:
            seed = actual.get((g["number"], leaf["name"]))
            row = {"level1": leaf["level1"], "level2": leaf["level2"], "name": leaf["name"],
                   "target": leaf["target"], "progress": "", "forecast": "",
                   "cause_funding": "", "cause_rules": "", "cause_staff": "",
                   "cause_hardware": "", "cause_other": "", "likelihood": "确定能",
                   "measures": ""}
            if seed is None:  # the indicator the 自评表 later dropped
                row.update(progress="61%", forecast="80%", cause_other="√",
                           likelihood="完全不可能",
                           measures="督促各区政府、各市级部门落实政策解读宣传，下半年开展专项督查")
            elif leaf["name"] == "坐席电话接通率":
                row.update(progress="72.3%", forecast="75%", cause_staff="√",
                           likelihood="有可能",
                           measures="扩充话务员队伍，优化坐席排班，高峰时段启用备用坐席")
            else:
                row["progress"] = progress_of(seed["actual"], leaf["level2"])
                m = QUANTITY.match(seed["actual"])
                row["forecast"] = seed["actual"].lstrip("=") if m else "全年可完成"
            leaves.append(row)
        goals.append({"number": g["number"], "target": g["target"],
                      "progress": "按年度计划推进，1-7月各项工作有序开展。", "indicators": leaves})
    return {"format": "ziping-form", "format_version": Decimal(1), "kind": "monitoring",
            "scope": "department", "title": "部门整体支出绩效运行监控表" + NOTE,
            "year": Decimal(2022), "month": Decimal(7), "department": SEED["department"],
            "project": "", "implementing_unit": "", "money_unit": "万元", "measures": "",
            "funding": [
                {"label": "资金总额", "initial": Decimal("22230.8"), "adjusted": Decimal("22681.6"),
                 "executed": Decimal("10450.3"), "rate": "46.07%", "forecast": Decimal("20100")},
                {"label": "财政拨款", "initial": Decimal("21980.8"), "adjusted": Decimal("22431.6"),
                 "executed": Decimal("10330.3"), "rate": "46.05%", "forecast": Decimal("19880")},
                {"label": "其他资金", "initial": Decimal("250"), "adjusted": Decimal("250"),
                 "executed": Decimal("120"), "rate": "48.00%", "forecast": Decimal("220")}],
            "goals": goals}


def main():
    declared = declaration()
    out = ROOT / "examples/chain"
    out.mkdir(exist_ok=True)
    (out / "tianjin-2022-dept-declaration.json").write_text(emit(declared) + "\n", encoding="utf-8")
    (out / "tianjin-2022-dept-monitoring.json").write_text(emit(monitoring(declared)) + "\n",
                                                           encoding="utf-8")


if __name__ == "__main__":
    main()
