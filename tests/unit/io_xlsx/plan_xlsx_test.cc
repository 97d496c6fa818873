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
                  R"("tasks":[{"name":"任务1","content":"c","total":1.50,"fiscal":1.5,)"
                  R"("other":null},{"name":"任务2","content":"","total":2,"fiscal":null,)"
                  R"("other":0}],)"
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

// The sheet's text at "B12"-style addresses, for the layout tests.
std::string at(const Sheet& sheet, int row, int column) {
  const Cell* cell = sheet.at({row, column});
  return cell ? cell->value : std::string();
}

// 136号 prints 完成目标可能性 as three columns, a tick in the one that applies; a likelihood that
// is none of the three stays its text (in the first), so the round trip keeps it.
TEST(PlanXlsx, LikelihoodIsTickedInItsColumn) {
  std::string json =
      R"({"format":"ziping-form","format_version":1,"kind":"monitoring",)"
      R"("scope":"project","title":"t","year":2023,"month":7,"department":"d",)"
      R"("project":"p","project_code":"","implementing_unit":"","money_unit":"万元",)"
      R"("measures":"","funding":[],"goals":[{"number":null,"target":"t",)"
      R"("progress":"p","indicators":[)";
  const char* likelihoods[] = {"确定能", "有可能", "完全不可能", "", "可能", "确定能、有可能"};
  for (std::size_t i = 0; i < std::size(likelihoods); ++i)
    json += std::string(i ? "," : "") + R"({"level1":"a","level2":"b","name":"n)" +
            std::to_string(i) +
            R"(","target":"1","progress":"","forecast":"","cause_funding":"","cause_rules":"",)"
            R"("cause_staff":"","cause_hardware":"","cause_other":"","likelihood":")" +
            likelihoods[i] + R"(","measures":""})";
  json += "]}]}";
  expect_lossless(json, "ticks");

  auto plan = io::json::read_plan_json(json, "ticks");
  ASSERT_TRUE(plan.plan);
  auto book = read_workbook(write_plan_xlsx(*plan.plan), "t.xlsx");
  ASSERT_TRUE(book.workbook);
  const Sheet& sheet = book.workbook->sheets[0];
  // Find the tick columns under their spanning header.
  int header = -1, first = -1;
  for (const auto& range : sheet.merges) {
    const Cell* cell = sheet.at(range.first);
    if (cell && cell->value == "完成目标可能性") {
      EXPECT_EQ(range.last.column - range.first.column, 2);
      header = range.first.row;
      first = range.first.column;
    }
  }
  ASSERT_GE(header, 0);
  EXPECT_EQ(at(sheet, header + 1, first), "确定能");
  EXPECT_EQ(at(sheet, header + 1, first + 1), "有可能");
  EXPECT_EQ(at(sheet, header + 1, first + 2), "完全不可能");
  int row = header + 2;
  EXPECT_EQ(at(sheet, row, first), "√");
  EXPECT_EQ(at(sheet, row, first + 1), "");
  EXPECT_EQ(at(sheet, row + 1, first + 1), "√");
  EXPECT_EQ(at(sheet, row + 2, first + 2), "√");
  EXPECT_EQ(at(sheet, row + 3, first) + at(sheet, row + 3, first + 1), "");
  EXPECT_EQ(at(sheet, row + 4, first), "可能");
  // No column holds the word any more.
  for (int c = 0; c < sheet.columns; ++c) EXPECT_NE(at(sheet, header, c), "完成可能性分析");
}

// A likelihood that is itself a tick mark would come back as 确定能 from the tick columns: such a
// plan keeps the one column holding the word, which the reader takes as well.
TEST(PlanXlsx, ATickMarkAsLikelihoodKeepsTheWordColumn) {
  expect_lossless(R"({"format":"ziping-form","format_version":1,"kind":"monitoring",)"
                  R"("scope":"project","title":"t","year":2023,"month":7,"department":"d",)"
                  R"("project":"p","project_code":"","implementing_unit":"","money_unit":"万元",)"
                  R"("measures":"","funding":[],"goals":[{"number":null,"target":"t",)"
                  R"("progress":"p","indicators":[{"level1":"a","level2":"b","name":"n",)"
                  R"("target":"1","progress":"","forecast":"","cause_funding":"","cause_rules":"",)"
                  R"("cause_staff":"","cause_hardware":"","cause_other":"","likelihood":"√",)"
                  R"("measures":""}]}]})",
                  "tick-text");
}

// The workbooks written before the tick columns and the side-by-side goals (one column with the
// word; goals as label | value rows) still read, to the same plan as their JSON.
TEST(PlanXlsx, TheWordLayoutStillReads) {
  auto folder = std::filesystem::path(ZIPING_SOURCE_DIR) / "tests" / "cases" / "chain" / "data";
  auto back = read_plan_xlsx(slurp(folder / "dept-mon-other.xlsx"), "dept-mon-other.xlsx");
  ASSERT_TRUE(back.plan);
  EXPECT_TRUE(back.diagnostics.empty());
  auto json = io::json::read_plan_json(slurp(folder / "dept-mon-other.json"), "j");
  ASSERT_TRUE(json.plan);
  EXPECT_EQ(io::json::write_plan_json(*back.plan), io::json::write_plan_json(*json.plan));
}

// 88号 prints 中期目标 ‖ 年度目标 side by side under one 总体目标 label (the 中期 header with the
// project period), 136号 年初设定目标 ‖ 1—7月执行情况.
TEST(PlanXlsx, GoalsSideBySide) {
  auto plan = io::json::read_plan_json(
      R"({"format":"ziping-form","format_version":1,"kind":"declaration",)"
      R"("scope":"project","title":"t","year":2023,"department":"d","project":"p",)"
      R"("project_code":"","implementing_unit":"","period":"2023年—2025年","money_unit":"万元",)"
      R"("funding":[],"goals":[{"number":null,"medium_target":"三年目标",)"
      R"("target":"年度目标文字","indicators":[{"level1":"a","level2":"b","name":"n",)"
      R"("target":"1","weight":null,"scoring_standard":"","core":null}]}]})",
      "decl");
  ASSERT_TRUE(plan.plan);
  auto book = read_workbook(write_plan_xlsx(*plan.plan), "d.xlsx");
  ASSERT_TRUE(book.workbook);
  const Sheet& sheet = book.workbook->sheets[0];
  int row = -1;
  for (int r = 0; r < sheet.rows; ++r)
    if (at(sheet, r, 0) == "总体目标") row = r;
  ASSERT_GE(row, 0);
  std::vector<std::string> headers, texts;
  for (int c = 1; c < sheet.columns; ++c) {
    if (!at(sheet, row, c).empty()) headers.push_back(at(sheet, row, c));
    if (!at(sheet, row + 1, c).empty()) texts.push_back(at(sheet, row + 1, c));
  }
  EXPECT_EQ(headers, (std::vector<std::string>{"中期目标（2023年—2025年）", "年度目标"}));
  EXPECT_EQ(texts, (std::vector<std::string>{"三年目标", "年度目标文字"}));
}

// 88号's 部门整体 申报表: 年度主要任务 with 预算金额 over 总额 · 财政拨款 · 其他资金.
TEST(PlanXlsx, TasksUnderTheirTwoRowHeader) {
  auto folder = std::filesystem::path(ZIPING_SOURCE_DIR) / "tests" / "cases" / "chain" / "data";
  std::string json = slurp(folder / "dept-decl.json");
  expect_lossless(json, "dept-decl.json");
  auto plan = io::json::read_plan_json(json, "d");
  ASSERT_TRUE(plan.plan);
  ASSERT_EQ(plan.plan->tasks.size(), 2u);
  auto book = read_workbook(write_plan_xlsx(*plan.plan), "d.xlsx");
  ASSERT_TRUE(book.workbook);
  const Sheet& sheet = book.workbook->sheets[0];
  int label = -1;
  for (int r = 0; r < sheet.rows; ++r)
    if (at(sheet, r, 0) == "年度主要任务") label = r;
  ASSERT_GE(label, 0);
  std::vector<std::string> top, second, first_task;
  for (int c = 1; c < sheet.columns; ++c) {
    if (!at(sheet, label, c).empty()) top.push_back(at(sheet, label, c));
    if (!at(sheet, label + 1, c).empty()) second.push_back(at(sheet, label + 1, c));
    if (!at(sheet, label + 2, c).empty()) first_task.push_back(at(sheet, label + 2, c));
  }
  EXPECT_EQ(top, (std::vector<std::string>{"任务名称", "主要内容", "预算金额"}));
  EXPECT_EQ(second, (std::vector<std::string>{"总额", "财政拨款", "其他资金"}));
  EXPECT_EQ(first_task, (std::vector<std::string>{"政务数据共享平台建设",
                                                  "完成平台一期建设并接入市级部门数据", "500",
                                                  "500", "0"}));
}

TEST(PlanXlsx, NotAPlan) {
  auto read = read_plan_xlsx("not a zip", "x.xlsx");
  EXPECT_FALSE(read.plan);
  EXPECT_FALSE(read.diagnostics.empty());
}

} // namespace
} // namespace ziping::io::xlsx
