#include "ziping/rules/load.h"

#include <gtest/gtest.h>

#include "ziping/rules/dump.h"

namespace ziping::rules {
namespace {

using num::Decimal;

Resolver with_files(std::map<std::string, std::string> files) {
  return [files](const std::string& name) -> std::optional<RuleSource> {
    if (auto found = files.find(name); found != files.end()) {
      return RuleSource{name, found->second, name + ".toml"};
    }
    return embedded_source(name);
  };
}

TEST(RuleLoading, EveryEmbeddedRuleSetLoadsCleanly) {
  auto names = embedded_names();
  EXPECT_EQ(names, (std::vector<std::string>{"cn-2020", "cn-pre2020", "guangxi", "hubei",
                                             "tianjin-2022"}));
  for (const auto& name : names) {
    auto loaded = load_embedded(name);
    ASSERT_TRUE(loaded.rules) << name;
    EXPECT_TRUE(loaded.diagnostics.empty())
        << name << ": " << loaded.diagnostics.front().message_zh();
    EXPECT_EQ(loaded.rules->name, name);
    EXPECT_EQ(loaded.rules->grades.size(), 4u) << name;
    EXPECT_EQ(loaded.rules->qualitative.size(), 3u) << name;
  }
}

TEST(RuleLoading, ExtendsOverridesOnlyWhatItNames) {
  auto tianjin = *load_embedded("tianjin-2022").rules;
  EXPECT_EQ(tianjin.lineage, (std::vector<std::string>{"tianjin-2022", "cn-2020"}));
  EXPECT_EQ(tianjin.missed, MissedTarget::UpToFormula);
  EXPECT_TRUE(tianjin.deviation.under_cost);
  EXPECT_EQ(tianjin.deviation.max_deduction_share, Decimal::of("0.34"));
  EXPECT_EQ(tianjin.budget_weight, Decimal::of("10")); // inherited
  EXPECT_EQ(tianjin.framework.size(), 4u);             // inherited
  auto hubei = *load_embedded("hubei").rules;
  EXPECT_EQ(hubei.lineage, (std::vector<std::string>{"hubei", "cn-pre2020", "cn-2020"}));
  EXPECT_EQ(hubei.budget_weight, Decimal::of("20"));
  EXPECT_EQ(hubei.qualitative[1].min, Decimal::of("0.5"));
  EXPECT_EQ(hubei.project_level1_weights.size(), 2u); // the child's table replaces the parent's
  auto guangxi = *load_embedded("guangxi").rules;
  EXPECT_TRUE(guangxi.deviation.inclusive);
  EXPECT_EQ(*guangxi.deviation.zero_target_absolute, Decimal::of("30"));
}

TEST(RuleLoading, SyntaxErrorsCarryLineAndColumn) {
  auto loaded = load_rules("broken", with_files({{"broken", "[budget]\nweight = \"10\n"}}));
  EXPECT_FALSE(loaded.rules);
  ASSERT_EQ(loaded.diagnostics.size(), 1u);
  EXPECT_EQ(loaded.diagnostics[0].id, diag::DiagId::err_rules_syntax);
  EXPECT_EQ(loaded.diagnostics[0].where.file, "broken.toml");
  EXPECT_EQ(loaded.diagnostics[0].where.line, 2);
}

TEST(RuleLoading, FloatsAreRefusedBecauseTheyAreNotExact) {
  auto loaded = load_rules(
      "f", with_files({{"f", "[ruleset]\nextends = \"cn-2020\"\n[tolerance]\nscore = 0.005\n"}}));
  EXPECT_FALSE(loaded.rules);
  ASSERT_EQ(loaded.diagnostics.size(), 1u);
  EXPECT_EQ(loaded.diagnostics[0].id, diag::DiagId::err_rules_bad_value);
  EXPECT_EQ(loaded.diagnostics[0].args[0], "tolerance.score");
  EXPECT_EQ(loaded.diagnostics[0].where.line, 4);
}

TEST(RuleLoading, UnknownKeysWarnButLoad) {
  auto loaded = load_rules(
      "u",
      with_files(
          {{"u",
            "[ruleset]\nextends = \"cn-2020\"\n[budget]\nwieght = \"10\"\n[colour]\nx = 1\n"}}));
  ASSERT_TRUE(loaded.rules);
  ASSERT_EQ(loaded.diagnostics.size(), 2u);
  EXPECT_EQ(loaded.diagnostics[0].id, diag::DiagId::warn_rules_unknown_key);
  EXPECT_EQ(loaded.diagnostics[0].args[0], "budget.wieght");
  EXPECT_EQ(loaded.diagnostics[1].args[0], "colour");
}

TEST(RuleLoading, BadValuesAreNamed) {
  auto loaded = load_rules("b", with_files({{"b", R"([ruleset]
extends = "cn-2020"
[rounding]
mode = "banker"
[deviation]
max_deduction_share = "1.5"
[grades]
bands = [ { grade = "优", min = "60" }, { grade = "良", min = "80" } ]
[severity]
ZP9999 = "note"
ZP0304 = "loud"
)"}}));
  EXPECT_FALSE(loaded.rules);
  std::vector<std::string> keys;
  for (const auto& d : loaded.diagnostics) keys.push_back(d.args[0]);
  EXPECT_EQ(keys, (std::vector<std::string>{"rounding.mode", "deviation.max_deduction_share",
                                            "grades.bands", "severity.ZP9999", "severity.ZP0304"}));
}

TEST(RuleLoading, ExtendsCyclesAndUnknownParentsAreReported) {
  auto cycle = load_rules("a", with_files({{"a", "[ruleset]\nextends = \"b\"\n"},
                                           {"b", "[ruleset]\nextends = \"a\"\n"}}));
  EXPECT_FALSE(cycle.rules);
  ASSERT_EQ(cycle.diagnostics.size(), 1u);
  EXPECT_EQ(cycle.diagnostics[0].id, diag::DiagId::err_rules_extends_cycle);
  EXPECT_EQ(cycle.diagnostics[0].args[0], "a → b → a");
  auto orphan = load_rules("c", with_files({{"c", "[ruleset]\nextends = \"nowhere\"\n"}}));
  EXPECT_FALSE(orphan.rules);
  EXPECT_EQ(orphan.diagnostics[0].id, diag::DiagId::err_rules_unknown);
}

TEST(RuleLoading, SeverityOverridesApply) {
  auto loaded = load_rules(
      "s",
      with_files({{"s", "[ruleset]\nextends = \"cn-2020\"\n[severity]\nZP0304 = \"note\"\n"}}));
  ASSERT_TRUE(loaded.rules);
  EXPECT_EQ(loaded.rules->severity_for("ZP0304"), diag::Severity::Note);
  EXPECT_FALSE(loaded.rules->severity_for("ZP0303"));
}

TEST(RuleLoading, DumpedRuleSetsLoadBackToTheSameValues) {
  for (const auto& name : embedded_names()) {
    auto original = *load_embedded(name).rules;
    std::string dumped = to_toml(original);
    auto reloaded = load_rules("dumped", with_files({{"dumped", dumped}}));
    ASSERT_TRUE(reloaded.rules) << name << "\n" << dumped;
    EXPECT_TRUE(reloaded.diagnostics.empty()) << name;
    std::string again = to_toml(*reloaded.rules);
    EXPECT_EQ(again.substr(again.find('\n')), dumped.substr(dumped.find('\n'))) << name;
  }
}

} // namespace
} // namespace ziping::rules
