#include "ziping/rules/scorer.h"

#include <gtest/gtest.h>

#include "ziping/check/check.h"
#include "ziping/rules/load.h"

namespace ziping::rules {
namespace {

using num::Decimal;

Decimal d(const char* text) {
  return Decimal::of(text);
}

RuleSet rules_named(const char* name) {
  return *load_embedded(name).rules;
}

model::Indicator leaf(const char* level2, const char* name, const char* target, const char* actual,
                      const char* weight, const char* score, const char* reason = "") {
  model::Indicator indicator;
  indicator.level1 = "产出指标";
  indicator.level2 = level2;
  indicator.name = name;
  indicator.target = target;
  indicator.actual = actual;
  indicator.weight = d(weight);
  if (score) indicator.score = d(score);
  indicator.deviation_reason = reason;
  return indicator;
}

LeafEvaluation judge(const model::Indicator& indicator, const char* rules = "cn-2020",
                     Mode mode = Mode::Review) {
  return score_leaf(indicator, rules_named(rules), mode, "goals[0].indicators[0]");
}

TEST(BudgetScoring, SeedExecutionUsesTheExactRate) {
  model::Budget budget;
  budget.annual = d("22681.6");
  budget.executed = d("19792.2");
  auto e = score_budget(budget, rules_named("cn-2020"));
  ASSERT_TRUE(e.score);
  EXPECT_EQ(e.score->to_string(), "8.73");
  EXPECT_EQ(e.rate_percent->to_string(), "87.26");
  EXPECT_EQ(e.derivation, "19792.2 ÷ 22681.6 × 10 = 8.73（执行率 87.26%）");
}

TEST(BudgetScoring, OverspendingIsCappedAndZeroBudgetHasNoScore) {
  model::Budget over;
  over.annual = d("100");
  over.executed = d("120");
  EXPECT_EQ(score_budget(over, rules_named("cn-2020")).score->to_string(), "10");
  model::Budget zero;
  zero.annual = d("0");
  zero.executed = d("5");
  EXPECT_FALSE(score_budget(zero, rules_named("cn-2020")).score);
  model::Budget hubei;
  hubei.annual = d("200");
  hubei.executed = d("150");
  EXPECT_EQ(score_budget(hubei, rules_named("hubei")).score->to_string(), "15.00");
}

TEST(LeafScoring, PositiveMissedIsProportional) {
  auto e = judge(leaf("质量指标", "坐席电话接通率", "≥90%", "74.75%", "1", "0.8", "疫情影响"));
  EXPECT_EQ(e.method, Method::Positive);
  EXPECT_EQ(e.met, false);
  EXPECT_EQ(e.formula->to_string(), "0.83");
  EXPECT_EQ(e.derivation, "74.75% ÷ 90% × 1 = 0.83");
  EXPECT_TRUE(e.reason_required);
  EXPECT_EQ(e.allowed->min, d("0.83")); // cn-2020: the proportional score exactly
  auto tianjin =
      judge(leaf("质量指标", "坐席电话接通率", "≥90%", "74.75%", "1", "0.8"), "tianjin-2022");
  EXPECT_EQ(tianjin.allowed->min, d("0"));
  EXPECT_EQ(tianjin.allowed->max, d("0.83"));
}

TEST(LeafScoring, AutoModeUsesTheFormulaReviewModeTheDeclaredScore) {
  auto indicator = leaf("质量指标", "坐席电话接通率", "≥90%", "74.75%", "1", "0.8");
  EXPECT_EQ(judge(indicator, "cn-2020", Mode::Auto).score->to_string(), "0.83");
  EXPECT_EQ(judge(indicator, "cn-2020", Mode::Review).score->to_string(), "0.8");
}

TEST(LeafScoring, ReverseLinearAndRatio) {
  auto over = leaf("成本指标", "运维费", "≤70万元", "80万元", "1", "1");
  auto linear = judge(over);
  EXPECT_EQ(linear.method, Method::Reverse);
  EXPECT_EQ(linear.formula->to_string(), "0.86"); // (1 − 10/70) × 1 = 0.857…
  EXPECT_EQ(linear.derivation, "(1 − (80万元 − 70万元) ÷ 70万元) × 1 = 0.86");
  RuleSet ratio_rules = rules_named("cn-2020");
  ratio_rules.reverse = ReverseFormula::Ratio;
  auto ratio = score_leaf(over, ratio_rules, Mode::Auto, "p");
  EXPECT_EQ(ratio.formula->to_string(), "0.88"); // 70/80
  auto doubled = judge(leaf("成本指标", "运维费", "≤70万元", "140万元", "1", "0"));
  EXPECT_EQ(*doubled.formula, d("0"));
}

TEST(LeafScoring, EqualWithZeroTarget) {
  auto none = judge(leaf("质量指标", "安全事故", "=0起", "0起", "2", "2"));
  EXPECT_EQ(none.method, Method::Equal);
  EXPECT_EQ(none.met, true);
  EXPECT_EQ(*none.formula, d("2"));
  auto some = judge(leaf("质量指标", "安全事故", "=0起", "1起", "2", "0"));
  EXPECT_EQ(some.met, false);
  EXPECT_EQ(*some.formula, d("0"));
}

TEST(LeafScoring, ActualWithoutUnitTakesTheTargets) {
  auto e = judge(leaf("成本指标", "党建工作经费", "≤353.3万元", "353.3", "2", "2"));
  EXPECT_EQ(e.met, true);
  EXPECT_EQ(*e.formula, d("2"));
  EXPECT_TRUE(e.cost);
}

TEST(LeafScoring, MoneyConvertsExactly) {
  auto e = judge(leaf("成本指标", "评估费", "≤70万元", "349850元", "1", "1"));
  EXPECT_EQ(e.met, true);
  EXPECT_EQ(e.deviation->to_string(), "-0.5002");
}

TEST(LeafScoring, TianjinLargeDeviationsAllowADeduction) {
  auto over = judge(leaf("数量指标", "一图读懂制作数量", "≥40个", "118个", "1", "0.8", "积极性高"),
                    "tianjin-2022");
  EXPECT_TRUE(over.large_deviation);
  EXPECT_EQ(over.deviation->to_string(), "1.9500");
  EXPECT_EQ(over.allowed->min, d("0.66"));
  EXPECT_EQ(over.allowed->max, d("1"));
  EXPECT_TRUE(over.reason_required);
  auto exactly_twenty =
      judge(leaf("社会效益指标", "主流媒体报道次数", "≥20次", "24次", "1", "1"), "tianjin-2022");
  EXPECT_FALSE(exactly_twenty.large_deviation); // +20.0% is not beyond 20%
  auto saving = judge(
      leaf("成本指标", "第三方评估费用支出", "≤70万元", "34.985万元", "1", "0.8", "分阶段支付"),
      "tianjin-2022");
  EXPECT_TRUE(saving.large_deviation); // under_cost in tianjin-2022
  EXPECT_FALSE(judge(leaf("成本指标", "第三方评估费用支出", "≤70万元", "34.985万元", "1", "1"))
                   .large_deviation);
  auto not_cost =
      judge(leaf("质量指标", "严重信息安全事件", "≤1件", "0", "1", "1"), "tianjin-2022");
  EXPECT_FALSE(not_cost.large_deviation);
}

TEST(LeafScoring, GuangxiCountsReachingThirtyPercent) {
  auto e = judge(leaf("数量指标", "培训人次", "≥100人次", "130人次", "1", "1"), "guangxi");
  EXPECT_TRUE(e.large_deviation);
  ASSERT_TRUE(e.allowed) << e.derivation;
  EXPECT_EQ(e.allowed->min, d("1")); // no deduction in Guangxi, only an explanation
  auto zero = judge(leaf("数量指标", "新增投诉", "≥0件", "30件", "1", "1"), "guangxi");
  EXPECT_TRUE(zero.large_deviation);
}

TEST(LeafScoring, QualitativeTiersAndBands) {
  auto met = judge(leaf("质量指标", "党建工作考评等次", "合格以上", "合格", "2", "2"));
  EXPECT_EQ(met.method, Method::Qualitative);
  EXPECT_EQ(met.tier, value::Tier::Achieved);
  EXPECT_EQ(met.allowed->min, d("1.60"));
  EXPECT_EQ(met.allowed->max, d("2"));
  auto partial = judge(leaf("质量指标", "验收等次", "优秀", "良好", "2", "1.5", "个别问题"));
  EXPECT_EQ(partial.tier, value::Tier::Partial);
  EXPECT_EQ(partial.allowed->min, d("1.20"));
  EXPECT_EQ(partial.allowed->max, d("1.59"));
  EXPECT_EQ(*partial.formula, d("1.5"));
  auto tier =
      judge(leaf("时效指标", "租赁中继线路", "2022年12月底前", "全部达成预期指标", "0.6", "0.6"));
  EXPECT_EQ(tier.tier, value::Tier::Achieved);
  auto deadline = judge(leaf("时效指标", "评价完成时间", "2022年12月底", "2022年12月底", "1", "1"));
  EXPECT_EQ(deadline.met, true);
  auto late = judge(leaf("时效指标", "完成时间", "2022年6月底前", "2022年9月", "1", "0.7", "延期"));
  EXPECT_EQ(late.met, false);
  EXPECT_EQ(late.tier, value::Tier::Partial);
}

TEST(LeafScoring, TextAgainstNumberKeepsTheDeclaredScore) {
  auto e = judge(leaf("时效指标", "党检查工作及时性", "=100%", "每季度开展党建督查检查", "1", "1"),
                 "cn-2020", Mode::Auto);
  EXPECT_EQ(e.method, Method::NotComputable);
  EXPECT_EQ(e.uncomputable, Uncomputable::TextActual);
  EXPECT_FALSE(e.formula);
  EXPECT_EQ(*e.score, d("1"));
}

TEST(LeafScoring, IncomparableUnitsAreNotForced) {
  auto e = judge(leaf("数量指标", "培训", "≥5次", "6个", "1", "1"));
  EXPECT_EQ(e.uncomputable, Uncomputable::IncomparableUnits);
}

TEST(LeafScoring, ScoreCoefficientGivesTheDeclaredScore) {
  auto indicator = leaf("数量指标", "培训", "≥5次", "6次", "4", nullptr);
  indicator.score_coefficient = d("95");
  EXPECT_EQ(judge(indicator).declared->to_string(), "3.80");
}

TEST(Grades, BandsAreInclusiveAtTheirFloor) {
  auto rules = rules_named("cn-2020");
  EXPECT_EQ(grade_for(d("90"), rules), "优");
  EXPECT_EQ(grade_for(d("89.99"), rules), "良");
  EXPECT_EQ(grade_for(d("60"), rules), "中");
  EXPECT_EQ(grade_for(d("59.99"), rules), "差");
  rules.grades[0].min_inclusive = false;
  EXPECT_EQ(grade_for(d("90"), rules), "良");
}

// A fuzzing finding (tests/fuzz/corpus/form_check/regress-decimal-overflow-in-sums): 28-digit
// declared 分值 beside points with 18 decimals overflowed the scorer's sums (a DecimalOverflow
// out of rules::score). Such points are left out of every sum, listed in the evaluation, and
// reported by the checker at their field (ZP0907); the sums of the rest are exact.
TEST(FormScoring, PointsBeyondTheExactRangeAreLeftOutOfEverySumAndReported) {
  model::Form form;
  form.kind = model::FormKind::Department;
  model::Goal goal;
  goal.number = 1;
  goal.indicators.push_back(leaf("数量指标", "甲", "≥5次", "6次", "10", "10"));
  goal.indicators.push_back(leaf("数量指标", "乙", "≥5次", "6次", "0.000000000000000001", "2.5"));
  goal.indicators.push_back(leaf("数量指标", "丙", "≥5次", "6次", "9999999999999999999999999999",
                                 "-9999999999999999999999999999"));
  form.goals.push_back(goal);
  form.total_score = d("1000000000000.5");
  for (Mode mode : {Mode::Review, Mode::Auto}) {
    Evaluation e = score(form, rules_named("cn-2020"), mode);
    ASSERT_EQ(e.points_out_of_range.size(), 3u);
    EXPECT_EQ(e.points_out_of_range[0].path, "goals[0].indicators[2].weight");
    EXPECT_EQ(e.points_out_of_range[0].field, "分值");
    EXPECT_EQ(e.points_out_of_range[1].path, "goals[0].indicators[2].score");
    EXPECT_EQ(e.points_out_of_range[2].path, "total.score");
    EXPECT_EQ(e.goals[0].weight, d("10.000000000000000001"));
    EXPECT_EQ(e.indicator_weight, d("10.000000000000000001"));
    EXPECT_FALSE(e.goals[0].leaves[2].weight);
  }
  auto assessment = check::assess(form, rules_named("cn-2020"), Mode::Review);
  int reported = 0;
  for (const auto& diagnostic : assessment.diagnostics) {
    if (diagnostic.id == diag::DiagId::err_points_out_of_range) ++reported;
    // What the families would say about the cleared fields themselves (分值为空) gives way.
    if (diagnostic.path == "goals[0].indicators[2].weight") {
      EXPECT_EQ(diagnostic.id, diag::DiagId::err_points_out_of_range);
    }
  }
  EXPECT_EQ(reported, 3);
}

} // namespace
} // namespace ziping::rules
