// The chain's plans as XLSX in the templates' layout: lossless for the examples and for a plan
// with every catalogue field of its kind filled (decimals keep their digits), and the
// monitoring form's two-row header names its cause columns.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "ziping/io/json/plan_json.h"
#include "ziping/io/xlsx/plan_xlsx.h"
#include "ziping/io/xlsx/workbook.h"
#include "ziping/model/fields.h"

namespace ziping::io::xlsx {
namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void expect_lossless(const std::string& json, const std::string& name) {
  auto plan = io::json::read_plan_json(json, name);
  ASSERT_TRUE(plan.plan) << name;
  auto back = read_plan_xlsx(write_plan_xlsx(*plan.plan), "t.xlsx");
  ASSERT_TRUE(back.plan) << name;
  for (const auto& d : back.diagnostics)
    ADD_FAILURE() << name << ": " << d.code() << " " << d.where.to_string() << " "
                  << d.message_zh();
  EXPECT_EQ(io::json::write_plan_json(*back.plan), io::json::write_plan_json(*plan.plan)) << name;
}

TEST(PlanXlsx, ExamplesSurviveLosslessly) {
  auto folder = std::filesystem::path(ZIPING_SOURCE_DIR) / "examples" / "chain";
  for (const char* name :
       {"tianjin-2022-dept-declaration.json", "tianjin-2022-dept-monitoring.json"})
    expect_lossless(slurp(folder / name), name);
}

TEST(PlanXlsx, EveryFieldSurvives) {
  expect_lossless(R"({"format":"ziping-form","format_version":1,"kind":"declaration",)"
                  R"("scope":"project","title":"t","year":2023,"department":"d",)"
                  R"("project":"p","project_code":"0012","implementing_unit":"u",)"
                  R"("attribute":"延续项目","period":"2023年","money_unit":"元",)"
                  R"("funding":[{"label":"资金总额","medium":0.80,"annual":-3},)"
                  R"({"label":"其他资金","medium":null,"annual":1234567890123456.78}],)"
                  R"("goals":[{"number":null,"medium_target":"m","target":"t",)"
                  R"("indicators":[{"level1":"a","level2":"b","name":"n","explanation":"e",)"
                  R"("medium_target":"≥1次","target":"100%","unit":"次","weight":10.50,)"
                  R"("scoring_standard":"s","core":false,"remark":"r"}]}]})",
                  "declaration");
  expect_lossless(R"({"format":"ziping-form","format_version":1,"kind":"monitoring",)"
                  R"("scope":"department","title":"t","year":2023,"month":7,"department":"d",)"
                  R"("project":"","project_code":"c","implementing_unit":"","money_unit":"万元",)"
                  R"("measures":"m","funding":[{"label":"资金总额","initial":10,"adjusted":12.5,)"
                  R"("executed":3.25,"rate":"26.00%","forecast":11}],)"
                  R"("goals":[{"number":1,"target":"t","progress":"p","indicators":[)"
                  R"({"level1":"a","level2":"b","name":"n","target":"≥95%",)"
                  R"("adjusted_target":"≥90%","unit":"%","progress":"72%","forecast":"75",)"
                  R"("cause_funding":"√","cause_rules":"r","cause_staff":"s","cause_hardware":"h",)"
                  R"("cause_other":"o","likelihood":"有可能","measures":"m","remark":"x"}]},)"
                  R"({"number":2,"target":"t2","progress":"","indicators":[{"level1":"",)"
                  R"("level2":"","name":"n2","target":"","progress":"","forecast":"",)"
                  R"("cause_funding":"","cause_rules":"","cause_staff":"","cause_hardware":"",)"
                  R"("cause_other":"","likelihood":"确定能","measures":""}]}]})",
                  "monitoring");
}

TEST(PlanXlsx, MonitoringHeaderSpansTheCauses) {
  auto folder = std::filesystem::path(ZIPING_SOURCE_DIR) / "examples" / "chain";
  auto plan = io::json::read_plan_json(slurp(folder / "tianjin-2022-dept-monitoring.json"), "m");
  ASSERT_TRUE(plan.plan);
  auto book = read_workbook(write_plan_xlsx(*plan.plan), "m.xlsx");
  ASSERT_TRUE(book.workbook);
  const Sheet& sheet = book.workbook->sheets[0];
  EXPECT_EQ(sheet.name, "监控表");
  bool spanning = false;
  for (const auto& range : sheet.merges) {
    const Cell* cell = sheet.at(range.first);
    if (cell && cell->value == "偏差原因分析" && range.last.column - range.first.column == 4)
      spanning = true;
  }
  EXPECT_TRUE(spanning);
}

TEST(PlanXlsx, NotAPlan) {
  auto read = read_plan_xlsx("not a zip", "x.xlsx");
  EXPECT_FALSE(read.plan);
  EXPECT_FALSE(read.diagnostics.empty());
}

} // namespace
} // namespace ziping::io::xlsx
