#!/usr/bin/env python3
"""Writes the input.json (and args, description) of the generated golden cases: a small,
clean department form and variants that each break one family of rules. The expected
outputs (check.txt, score.json, exit) are produced by `UPDATE_GOLDEN=1 ctest -L golden` and
reviewed by reading the diff. Run this script only when you change a case on purpose.

Numbers are kept as strings here and written unquoted, so that the JSON holds exactly the
digits a person would type (no binary floating point on the way)."""
import copy
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent


class Num(str):
    """A decimal written as a JSON number, digits exactly as given."""


def encode(value, indent=0):
    pad = "  " * indent
    inner = "  " * (indent + 1)
    if isinstance(value, Num):
        return str(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(inner + encode(v, indent + 1) for v in value) + "\n" + pad + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [inner + json.dumps(k, ensure_ascii=False) + ": " + encode(v, indent + 1) for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    raise TypeError(value)


def leaf(level1, level2, name, target, actual, weight, score, reason=""):
    return {"level1": level1, "level2": level2, "name": name, "target": target, "actual": actual,
            "weight": Num(weight), "score": Num(score) if score is not None else None,
            "deviation_reason": reason}


def base_form():
    return {
        "format": "ziping-form",
        "format_version": 1,
        "kind": "department",
        "title": "部门整体支出绩效自评表",
        "year": 2023,
        "department": "某区文化和旅游局",
        "project": "",
        "implementing_unit": "",
        "money_unit": "万元",
        "budget": {"initial": Num("1150"), "annual": Num("1200"), "executed": Num("1140"),
                   "weight": Num("10"), "score": Num("9.5"), "rate": "95%",
                   "deviation_reason": "", "sources": []},
        "goals": [
            {"number": 1, "target": "开展群众文化活动，保障文物安全。", "actual": "全年举办活动136场，文物安全检查全覆盖。",
             "deviation_reason": "", "weight": None, "score": None, "indicators": [
                 leaf("产出指标", "数量指标", "举办群众文化活动场次", "≥120场", "136场", "10", "10"),
                 leaf("产出指标", "质量指标", "文物安全检查覆盖率", "=100%", "100%", "10", "10"),
                 leaf("产出指标", "时效指标", "活动完成时间", "2023年12月底前", "2023年11月底", "5", "5"),
                 leaf("产出指标", "成本指标", "活动经费支出", "≤260万元", "251.4万元", "10", "10"),
                 leaf("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95.6%", "10", "10"),
             ]},
            {"number": 2, "target": "完善公共文化服务体系，提升图书馆服务能力。", "actual": "新增藏书21500册，设施开放率98%。",
             "deviation_reason": "", "weight": None, "score": None, "indicators": [
                 leaf("产出指标", "数量指标", "图书馆新增藏书", "≥20000册", "21500册", "10", "10"),
                 leaf("产出指标", "质量指标", "公共文化设施开放率", "≥95%", "98%", "10", "10"),
                 leaf("效益指标", "社会效益指标", "年度接待游客人次", "≥300万人次", "312万人次", "15", "15"),
                 leaf("效益指标", "可持续影响指标", "公共文化服务体系", "持续完善", "持续完善", "10", "10"),
             ]},
        ],
        "total": {"weight": Num("100"), "score": Num("99.5")},
        "grade": "优",
        "conclusion": "本次自评等级为优。",
    }


def indicator(form, goal, index):
    return form["goals"][goal]["indicators"][index]


CASES = {}


def case(name, description, args=""):
    def register(mutate):
        CASES[name] = (description, args, mutate)
        return mutate
    return register


@case("clean-dept", "a small consistent department form: no errors, no warnings")
def _(f):
    pass


@case("structure", "family 08: weights over 100, a 二级 under the wrong 一级, an unknown 一级, "
      "an unknown 二级, an empty 一级, a negative weight, a score above its weight, an empty name")
def _(f):
    indicator(f, 0, 0)["weight"] = Num("25")
    indicator(f, 0, 0)["score"] = Num("25")
    indicator(f, 1, 1)["level1"] = "效益指标"
    indicator(f, 1, 3)["level1"] = "管理指标"
    indicator(f, 0, 2)["weight"] = Num("-5")
    indicator(f, 0, 2)["score"] = Num("0")
    indicator(f, 0, 4)["score"] = Num("12")
    indicator(f, 1, 0)["name"] = ""
    indicator(f, 1, 2)["level2"] = "文化效益指标"
    indicator(f, 0, 1)["level1"] = ""


@case("goal-numbers", "family 08: goal numbers 1, 1, 4 — one used twice, one out of sequence")
def _(f):
    third = copy.deepcopy(f["goals"][1])
    third["indicators"] = [leaf("产出指标", "数量指标", "送戏下乡场次", "≥10场", "12场", "5", "5")]
    f["goals"][1]["number"] = 1
    third["number"] = 4
    f["goals"].append(third)
    indicator(f, 1, 2)["weight"] = Num("10")
    indicator(f, 1, 2)["score"] = Num("10")


@case("totals", "family 09: declared total 100 against 99.50, grade 良 against 优, total weight 110")
def _(f):
    f["total"] = {"weight": Num("110"), "score": Num("100")}
    f["grade"] = "良"


@case("budget-zero", "family 05: 全年预算数 A = 0 — no execution rate can be computed")
def _(f):
    f["budget"]["annual"] = Num("0")
    f["budget"]["rate"] = ""


@case("budget-figures", "family 05: the printed rate, the execution score and the execution weight "
      "(printed as 100) disagree with B/A")
def _(f):
    f["budget"]["rate"] = "96.5%"
    f["budget"]["score"] = Num("9")
    f["budget"]["weight"] = Num("100")


@case("budget-negative", "family 05: a negative 全年执行数 — no rate is computed from it")
def _(f):
    f["budget"]["executed"] = Num("-1140")
    f["budget"]["rate"] = ""


@case("granularity", "tianjin-2022 publishes scores in steps of 0.05: a score of 9.97 is noted "
      "(and, being below full for a met target, judged too)", "--rules tianjin-2022")
def _(f):
    indicator(f, 1, 1)["score"] = Num("9.97")
    indicator(f, 1, 1)["deviation_reason"] = "个别场馆检修。"
    f["total"]["score"] = Num("99.47")


@case("rate-truncated", "family 05: 1139 ÷ 1200 = 94.9166…% printed as 94.91% (truncated, not rounded)")
def _(f):
    f["budget"]["executed"] = Num("1139")
    f["budget"]["rate"] = "94.91%"
    f["budget"]["score"] = Num("9.49")
    f["total"]["score"] = Num("99.49")


@case("explanations", "family 03/05: a score below its weight without a reason; execution 85% "
      "without a reason")
def _(f):
    indicator(f, 0, 1)["actual"] = "96%"
    indicator(f, 0, 1)["score"] = Num("9.6")
    f["budget"]["executed"] = Num("1020")
    f["budget"]["rate"] = "85%"
    f["budget"]["score"] = Num("8.5")
    f["total"]["score"] = Num("98.1")


@case("review-judgement", "family 03 under tianjin-2022: a missed target scored full, a deduction "
      "beyond what the rules allow, a large deviation neither deducted nor explained, one deducted "
      "without a reason, one explained but not deducted", "--rules tianjin-2022")
def _(f):
    indicator(f, 0, 0)["actual"] = "100场"           # missed ≥120, scored full 10
    indicator(f, 0, 4)["actual"] = "99%"             # met; deducted 10 → 5, below [w, w]
    indicator(f, 0, 4)["score"] = Num("5")
    indicator(f, 0, 4)["deviation_reason"] = "群众反映活动形式单一。"
    indicator(f, 1, 0)["actual"] = "30000册"         # +50%: full, no reason
    indicator(f, 1, 2)["actual"] = "420万人次"       # +40%: deducted without reason
    indicator(f, 1, 2)["score"] = Num("14")
    indicator(f, 0, 3)["actual"] = "150万元"         # −42% on a cost ceiling: explained, not deducted
    indicator(f, 0, 3)["deviation_reason"] = "部分活动改为线上举办，节约经费。"
    f["total"]["score"] = Num("93.5")


@case("plausibility", "family 04: a 率 measured in hours, amounts in 元 under a 万元 header, spending "
      "over a cost ceiling scored full, execution over budget")
def _(f):
    indicator(f, 1, 1)["name"] = "系统故障修复率"
    indicator(f, 1, 1)["target"] = "≤4小时"
    indicator(f, 1, 1)["actual"] = "3小时"
    f["budget"]["initial"] = Num("11500000")
    f["budget"]["annual"] = Num("12000000")
    f["budget"]["executed"] = Num("12600000")
    f["budget"]["rate"] = "105%"
    f["budget"]["score"] = Num("10")
    indicator(f, 0, 3)["target"] = "≤2600万元"
    indicator(f, 0, 3)["actual"] = "2800万元"
    f["total"]["score"] = Num("100")


@case("cost-vs-budget", "family 04: one cost ceiling larger than the whole budget, and cost "
      "ceilings adding up to more than the budget")
def _(f):
    indicator(f, 0, 3)["target"] = "≤1500万元"
    indicator(f, 0, 3)["actual"] = "1100万元"


@case("consistency", "family 04: execution 70% (below 80%) while indicators score in full "
      "(achievement outruns execution)")
def _(f):
    f["budget"]["executed"] = Num("840")
    f["budget"]["rate"] = "70%"
    f["budget"]["score"] = Num("7")
    f["budget"]["deviation_reason"] = "部分项目因工期调整未完成支付。"
    f["total"]["score"] = Num("97")


@case("values", "family 02: an empty target, an empty actual, 场 against 个, 元 against 万元 "
      "(converted), an unknown unit, conflicting comparators")
def _(f):
    indicator(f, 0, 0)["target"] = ""
    indicator(f, 0, 2)["actual"] = ""
    indicator(f, 1, 0)["actual"] = "21500个"
    indicator(f, 0, 3)["actual"] = "2514000元"
    indicator(f, 1, 1)["target"] = "≥95巴"
    indicator(f, 1, 1)["actual"] = "98巴"
    indicator(f, 1, 2)["target"] = "≥≤300万人次"


@case("auto-mode", "auto mode: declared scores that differ from the formulas, and a large deviation "
      "without a reason", "--mode auto")
def _(f):
    indicator(f, 0, 0)["actual"] = "100场"
    indicator(f, 1, 0)["actual"] = "30000册"
    indicator(f, 1, 0)["score"] = Num("9")
    f["total"]["score"] = Num("98.5")


@case("guangxi", "guangxi: reaching 130% of a target requires an explanation, with no deduction",
      "--rules guangxi")
def _(f):
    indicator(f, 0, 0)["actual"] = "156场"


@case("missing-figures", "family 08/09: a weight and a score left empty, no total, no grade")
def _(f):
    indicator(f, 0, 1)["weight"] = None
    indicator(f, 1, 3)["score"] = None
    f["total"] = {"weight": Num("100"), "score": None}
    f["grade"] = ""


@case("goal-subtotals", "family 08/09: a goal declaring subtotals that its leaves do not add up to")
def _(f):
    f["goals"][0]["weight"] = Num("50")
    f["goals"][0]["score"] = Num("44")


@case("qualitative", "qualitative tiers: a partial tier and a not-achieved tier scored inside their "
      "bands, an ordinal one step short scored above its band")
def _(f):
    indicator(f, 1, 3)["actual"] = "部分达成年度指标并具有一定效果"
    indicator(f, 1, 3)["score"] = Num("7")
    indicator(f, 1, 3)["deviation_reason"] = "个别乡镇综合文化站建设滞后。"
    indicator(f, 0, 1)["target"] = "优秀"
    indicator(f, 0, 1)["actual"] = "良好"
    indicator(f, 0, 1)["score"] = Num("9")
    indicator(f, 0, 1)["deviation_reason"] = "年度考核为良好。"
    indicator(f, 0, 2)["actual"] = "未完成"
    indicator(f, 0, 2)["score"] = Num("2")
    indicator(f, 0, 2)["deviation_reason"] = "受天气影响延期。"
    f["total"]["score"] = Num("92.5")


@case("no-indicators", "family 08: a form without any indicator")
def _(f):
    for goal in f["goals"]:
        goal["indicators"] = []
    f["total"]["score"] = Num("9.5")
    f["grade"] = "差"


def project_form():
    return {
        "format": "ziping-form",
        "format_version": 1,
        "kind": "project",
        "title": "项目支出绩效自评表",
        "year": 2023,
        "department": "某县农业农村局",
        "project": "高标准农田建设项目",
        "implementing_unit": "某县农田建设服务中心",
        "money_unit": "万元",
        "budget": {"initial": Num("800"), "annual": Num("800"), "executed": Num("760"),
                   "weight": Num("10"), "score": Num("9.5"), "rate": "95%", "deviation_reason": "",
                   "sources": [
                       {"label": "本年财政拨款", "initial": Num("600"), "annual": Num("600"), "executed": Num("580"), "rate": "96.67%"},
                       {"label": "上年结转资金", "initial": Num("200"), "annual": Num("200"), "executed": Num("180"), "rate": "90%"},
                       {"label": "其他资金", "initial": Num("0"), "annual": Num("0"), "executed": Num("0"), "rate": ""},
                   ]},
        "goals": [{"number": None, "target": "建成高标准农田1万亩。", "actual": "建成高标准农田1.02万亩。",
                   "deviation_reason": "", "weight": None, "score": None, "indicators": [
                       leaf("产出指标", "数量指标", "建成高标准农田面积", "≥10000亩", "10200亩", "20", "20"),
                       leaf("产出指标", "质量指标", "工程验收合格率", "=100%", "100%", "15", "15"),
                       leaf("产出指标", "时效指标", "项目完工时间", "2023年11月底前", "2023年11月20日", "5", "5"),
                       leaf("产出指标", "成本指标", "亩均建设成本", "≤0.08万元", "0.075万元", "10", "10"),
                       leaf("效益指标", "经济效益指标", "亩均增产粮食", "≥50公斤", "56公斤", "15", "15"),
                       leaf("效益指标", "可持续影响指标", "工程设计使用年限", "≥15年", "15年", "15", "15"),
                       leaf("满意度指标", "服务对象满意度指标", "受益农户满意度", "≥90%", "96%", "10", "10"),
                   ]}],
        "total": {"weight": Num("100"), "score": Num("99.5")},
        "grade": "优",
        "conclusion": "项目按期完成，绩效目标全部实现。",
    }


PROJECT_CASES = {}


def project_case(name, description, args=""):
    def register(mutate):
        PROJECT_CASES[name] = (description, args, mutate)
        return mutate
    return register


@project_case("project-clean", "a small consistent project form with funding rows")
def _(f):
    pass


@project_case("project-structure", "project forms: funding rows not adding up, two overall goals, "
              "产出 weighing 60 instead of 50")
def _(f):
    f["budget"]["sources"][0]["annual"] = Num("650")
    second = copy.deepcopy(f["goals"][0])
    second["indicators"] = [leaf("产出指标", "数量指标", "新建灌溉渠道", "≥5公里", "5.2公里", "10", "10")]
    f["goals"].append(second)
    indicator(f, 0, 5)["weight"] = Num("5")
    indicator(f, 0, 5)["score"] = Num("5")


@project_case("hubei", "hubei: execution weighs 20, so a form built for 10 points does not add up",
              "--rules hubei")
def _(f):
    pass


def write(name, description, args, form):
    directory = HERE / name
    directory.mkdir(exist_ok=True)
    (directory / "input.json").write_text(encode(form) + "\n", encoding="utf-8")
    (directory / "description").write_text(description + "\n", encoding="utf-8")
    args_file = directory / "args"
    if args:
        args_file.write_text(args + "\n", encoding="utf-8")
    elif args_file.exists():
        args_file.unlink()


def main():
    for name, (description, args, mutate) in CASES.items():
        form = base_form()
        mutate(form)
        write(name, description, args, form)
    for name, (description, args, mutate) in PROJECT_CASES.items():
        form = project_form()
        mutate(form)
        write(name, description, args, form)


if __name__ == "__main__":
    main()
