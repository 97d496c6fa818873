// JSON → XLSX → JSON gives the same canonical bytes: the examples (with and without the
// scores and diagnostics a convert hands the writer) and a form with every awkward case.
#include <gtest/gtest.h>

#include "test_forms.h"
#include "ziping/check/check.h"
#include "ziping/io/xlsx/workbook.h"
#include "ziping/io/xlsx/xlsx_reader.h"
#include "ziping/io/xlsx/xlsx_writer.h"
#include "ziping/rules/load.h"

namespace ziping::io::xlsx {
namespace {

using sheet_testing::awkward_form;
using sheet_testing::example_form;
using sheet_testing::example_json;

std::string through_xlsx(const model::Form& form, const SheetExtras& extras = {}) {
  std::string bytes = write_xlsx(form, extras);
  auto read = read_xlsx(bytes, "t.xlsx");
  EXPECT_TRUE(read.form);
  for (const auto& d : read.diagnostics)
    ADD_FAILURE() << d.code() << " " << d.where.to_string() << " " << d.message_zh();
  return read.form ? json::write_form_json(*read.form) : std::string();
}

TEST(XlsxRoundTrip, ExamplesByteForByte) {
  for (const char* name : {"tianjin-2022-dept.json", "county-roads-2023-proj.json"}) {
    EXPECT_EQ(through_xlsx(example_form(name)), example_json(name)) << name;
  }
}

TEST(XlsxRoundTrip, ExamplesWithScoresAndDiagnosticsUnderEveryRuleSet) {
  for (const char* rules_name : {"cn-2020", "cn-pre2020", "tianjin-2022", "hubei", "guangxi"}) {
    auto rules = rules::load_embedded(rules_name);
    ASSERT_TRUE(rules.rules) << rules_name;
    for (auto mode : {rules::Mode::Review, rules::Mode::Auto}) {
      for (const char* name : {"tianjin-2022-dept.json", "county-roads-2023-proj.json"}) {
        auto form = example_form(name);
        auto assessment = check::assess(form, *rules.rules, mode);
        SheetExtras extras{&assessment.evaluation, &*rules.rules, &assessment.diagnostics};
        EXPECT_EQ(through_xlsx(form, extras), example_json(name)) << name << " " << rules_name;
      }
    }
  }
}

TEST(XlsxRoundTrip, AwkwardForm) {
  auto form = awkward_form();
  std::string expected = json::write_form_json(form);
  EXPECT_EQ(through_xlsx(form), expected);
  form.kind = model::FormKind::Project;
  EXPECT_EQ(through_xlsx(form), json::write_form_json(form));
}

TEST(XlsxRoundTrip, ProjectWithoutSourcesAndEmptyForm) {
  auto form = example_form("county-roads-2023-proj.json");
  form.budget.sources.clear();
  form.money_unit = "";
  EXPECT_EQ(through_xlsx(form), json::write_form_json(form));
  model::Form empty;
  empty.goals.push_back({});
  empty.goals[0].number = 1;
  empty.goals[0].indicators.push_back({});
  empty.goals[0].indicators[0].name = "唯一";
  EXPECT_EQ(through_xlsx(empty), json::write_form_json(empty));
}

TEST(XlsxWriter, FormulasWhereTheyGiveTheDeclaredValues) {
  auto form = example_form("tianjin-2022-dept.json");
  auto rules = rules::load_embedded("tianjin-2022");
  auto assessment = check::assess(form, *rules.rules, rules::Mode::Review);
  std::string bytes = write_xlsx(form, {&assessment.evaluation, &*rules.rules, nullptr});
  auto workbook = read_workbook(bytes, "t.xlsx");
  ASSERT_TRUE(workbook.workbook);
  const Sheet& sheet = workbook.workbook->sheets.at(0);
  int formulas = 0;
  bool rate = false, execution = false;
  for (const auto& [at, cell] : sheet.cells) {
    if (!cell.formula) continue;
    ++formulas;
    if (cell.style.percent && cell.value.starts_with("0.8726")) rate = true;
    if (cell.value == "8.73") execution = true;
  }
  EXPECT_TRUE(rate);                   // =D5/C5 cached as B/A
  EXPECT_TRUE(execution);              // =ROUND(MIN(D5/C5,1)*E5,2) cached as 8.73, shown as "8.7"
  EXPECT_EQ(formulas, 2 + 2 * 10 + 2); // rate, score, 10 goal subtotals, the totals
  EXPECT_EQ(workbook.workbook->sheets.size(), 1u);
}

TEST(XlsxWriter, DiagnosticsSheetIsIgnoredByTheReader) {
  auto form = example_form("county-roads-2023-proj.json");
  auto rules = rules::load_embedded("cn-2020");
  auto assessment = check::assess(form, *rules.rules, rules::Mode::Auto);
  ASSERT_FALSE(assessment.diagnostics.empty());
  std::string bytes =
      write_xlsx(form, {&assessment.evaluation, &*rules.rules, &assessment.diagnostics});
  auto workbook = read_workbook(bytes, "t.xlsx");
  ASSERT_EQ(workbook.workbook->sheets.size(), 2u);
  EXPECT_EQ(workbook.workbook->sheets[1].name, kDiagnosticsSheetName);
  auto read = read_xlsx(bytes, "t.xlsx");
  ASSERT_TRUE(read.form);
  EXPECT_EQ(json::write_form_json(*read.form), example_json("county-roads-2023-proj.json"));
}

TEST(XlsxReader, LocatesEveryFieldAtItsCell) {
  auto read = read_xlsx(write_xlsx(example_form("tianjin-2022-dept.json")), "seed.xlsx");
  ASSERT_TRUE(read.form);
  const auto* at = read.map.find("goals[3].indicators[7].score");
  ASSERT_NE(at, nullptr);
  EXPECT_EQ(at->kind, diag::SourceLocation::Kind::Cell);
  EXPECT_EQ(at->sheet, kFormSheetName);
  EXPECT_EQ(at->to_string().substr(0, 20), "seed.xlsx:自评表!");
  for (const char* path :
       {"budget.rate", "budget.annual", "total.score", "grade", "conclusion", "year", "department",
        "goals[0].target", "goals[9].indicators[0].level1"}) {
    const auto* location = read.map.find(path);
    ASSERT_NE(location, nullptr) << path;
    EXPECT_EQ(location->kind, diag::SourceLocation::Kind::Cell) << path;
  }
}

} // namespace
} // namespace ziping::io::xlsx
