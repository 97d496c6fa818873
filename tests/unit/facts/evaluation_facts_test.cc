// facts/evaluation_facts: a scored form as the store's facts (issue 13), and the store's
// integer millionths.
#include <gtest/gtest.h>

#include "ziping/facts/evaluation_facts.h"
#include "ziping/rules/load.h"
#include "ziping/sample/form_generator.h"

namespace ziping::facts {
namespace {

using num::Decimal;

const rules::RuleSet& cn2020() {
  static const rules::RuleSet rules = *rules::load_embedded("cn-2020").rules;
  return rules;
}

model::Indicator leaf(const char* name, const char* target, const char* actual, const char* score) {
  model::Indicator x;
  x.level1 = "产出指标";
  x.level2 = "数量指标";
  x.name = name;
  x.target = target;
  x.actual = actual;
  x.weight = Decimal::of("40");
  x.score = Decimal::of(score);
  return x;
}

TEST(EvaluationFacts, ProjectKeyDropsTheLeadingYear) {
  EXPECT_EQ(project_key("2023年义务教育项目"), "义务教育项目");
  EXPECT_EQ(project_key("义务教育项目"), "义务教育项目");
  EXPECT_EQ(project_key("20x3年项目"), "20x3年项目");
  EXPECT_EQ(project_key(""), "");
}

TEST(EvaluationFacts, EachLeafWithItsNumbersSeriesScoresAndCodes) {
  model::Form form;
  form.kind = model::FormKind::Project;
  form.year = 2023;
  form.department = "甲";
  form.project = "2023年道路养护项目";
  form.budget.annual = Decimal::of("100");
  form.budget.executed = Decimal::of("95");
  form.budget.weight = Decimal::of("10");
  form.budget.score = Decimal::of("9.50");
  model::Goal goal;
  goal.indicators = {leaf("培训次数", "≥10次", "8次", "40"),
                     leaf("培训次数", "≤5.5万元", "5万元", "40"),
                     leaf("满意度", "合格", "合格", "10")};
  goal.indicators[2].weight = Decimal::of("10");
  form.goals.push_back(goal);
  form.total_score = Decimal::of("99.50");
  check::Run run = check::run(form, cn2020(), rules::Mode::Review);
  store::FormFacts f = facts_of(run);
  ASSERT_EQ(f.leaves.size(), 3u);
  const store::LeafFact& a = f.leaves[0];
  EXPECT_EQ(a.series, "道路养护项目|产出指标|数量指标|培训次数");
  EXPECT_EQ(f.leaves[1].series, "道路养护项目|产出指标|数量指标|培训次数#2");
  EXPECT_EQ(a.comparator, ">=");
  EXPECT_EQ(a.target_kind, "quantity");
  EXPECT_EQ(a.target_number, Decimal::of("10"));
  EXPECT_EQ(a.target_unit, "次");
  EXPECT_EQ(a.actual_number, Decimal::of("8"));
  EXPECT_EQ(a.formula, Decimal::of("32")); // 8 ÷ 10 × 40
  EXPECT_EQ(a.declared, Decimal::of("40"));
  EXPECT_EQ(a.met, false);
  EXPECT_EQ(a.codes.front(), ' ');
  EXPECT_EQ(a.codes.back(), ' ');
  EXPECT_NE(a.codes.find(" ZP"), std::string::npos); // a missed target declared at full weight
  EXPECT_EQ(f.leaves[1].comparator, "<=");
  EXPECT_EQ(f.leaves[1].target_unit, "万元");
  EXPECT_EQ(f.leaves[2].target_kind, "ordinal");
  EXPECT_FALSE(f.leaves[2].target_number);
  EXPECT_EQ(f.declared_leaves, Decimal::of("90"));
  EXPECT_EQ(f.declared_parts, Decimal::of("99.50"));
  EXPECT_EQ(f.declared_total, Decimal::of("99.50"));
  EXPECT_EQ(f.execution_line, Decimal::of("80"));
  EXPECT_EQ(f.rules_digest, cn2020().digest);
  EXPECT_EQ(f.rules_digest.size(), 16u);
}

TEST(EvaluationFacts, MillionthsAreExactOrAbsent) {
  EXPECT_EQ(store::to_micro(Decimal::of("87.26")), 87260000);
  EXPECT_EQ(store::to_micro(Decimal::of("-0.000001")), -1);
  EXPECT_EQ(store::to_micro(Decimal::of("1.2300000")), 1230000); // trailing zeros are no places
  EXPECT_FALSE(store::to_micro(Decimal::of("0.0000001")));
  EXPECT_FALSE(store::to_micro(Decimal::of("99999999999999999999")));
  EXPECT_EQ(store::from_micro(87260000, 2).to_string(), "87.26");
  EXPECT_EQ(store::from_micro(80000000).to_string(), "80");
  EXPECT_EQ(store::from_micro(-1500000, 2).to_string(), "-1.50");
}

TEST(ProvinceForms, EachUnitsFormsDoNotDependOnHowManyWereAsked) {
  sample::ProvinceSpec small, large;
  small.forms = 9;
  large.forms = 45;
  std::vector<model::Form> a, b;
  sample::province_forms(small, cn2020(), [&](model::Form&& f) { a.push_back(std::move(f)); });
  sample::province_forms(large, cn2020(), [&](model::Form&& f) { b.push_back(std::move(f)); });
  ASSERT_EQ(a.size(), 9u);
  ASSERT_EQ(b.size(), 45u);
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].department, b[i].department);
    EXPECT_EQ(a[i].goals[0].indicators[0].target, b[i].goals[0].indicators[0].target);
    EXPECT_EQ(a[i].total_score, b[i].total_score);
  }
  // Unit 0 files a 部门整体 form and two project forms a year for three years, keeping its
  // indicators from year to year.
  EXPECT_EQ(a[0].kind, model::FormKind::Department);
  EXPECT_EQ(a[1].kind, model::FormKind::Project);
  EXPECT_EQ(a[3].year, 2023);
  EXPECT_EQ(a[0].goals.size(), a[3].goals.size());
  EXPECT_EQ(a[0].goals[0].indicators[0].name, a[3].goals[0].indicators[0].name);
  auto units = sample::province_units(large);
  EXPECT_EQ(units.size(), 5u);
  EXPECT_EQ(units[0].unit, a[0].department);
}

} // namespace
} // namespace ziping::facts
