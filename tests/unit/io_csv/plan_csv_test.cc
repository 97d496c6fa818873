// The chain's plans as CSV: lossless through JSON → CSV → JSON for the examples and for a plan
// with every catalogue field of its kind filled; bad cells are named where they are.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "ziping/io/csv/plan_csv.h"
#include "ziping/io/json/plan_json.h"

namespace ziping::io::csv {
namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST(PlanCsv, ExamplesSurviveLosslessly) {
  auto folder = std::filesystem::path(ZIPING_SOURCE_DIR) / "examples" / "chain";
  for (const char* name :
       {"tianjin-2022-dept-declaration.json", "tianjin-2022-dept-monitoring.json"}) {
    std::string json = slurp(folder / name);
    auto plan = io::json::read_plan_json(json, name);
    ASSERT_TRUE(plan.plan);
    std::string csv = write_plan_csv(*plan.plan);
    auto back = read_plan_csv(csv, "t.csv");
    ASSERT_TRUE(back.plan) << name;
    for (const auto& d : back.diagnostics) ADD_FAILURE() << d.code() << " " << d.message_zh();
    EXPECT_EQ(io::json::write_plan_json(*back.plan), json) << name;
    EXPECT_EQ(write_plan_csv(*back.plan), csv);
  }
}

TEST(PlanCsv, EveryFieldSurvives) {
  std::string json = R"({"format":"ziping-form","format_version":1,"kind":"declaration",)"
                     R"("scope":"project","title":"t,\"q\"","year":2023,"department":"d",)"
                     R"("project":"p","project_code":"c","implementing_unit":"u",)"
                     R"("attribute":"延续项目","period":"2023年\n2024年","money_unit":"元",)"
                     R"("funding":[{"label":"资金总额","medium":0.80,"annual":-3}],)"
                     R"("tasks":[{"name":"任务,1","content":"c\n2","total":1.50,"fiscal":1.5,)"
                     R"("other":null},{"name":"t2","content":"","total":null,"fiscal":null,)"
                     R"("other":0}],)"
                     R"("goals":[{"number":null,"medium_target":"m","target":"t",)"
                     R"("indicators":[{"level1":"a","level2":"b","name":"n","explanation":"e",)"
                     R"("medium_target":"≥1次","target":"≥2次","unit":"次","weight":10,)"
                     R"("scoring_standard":"s","core":false,"remark":"r"}]}]})";
  auto plan = io::json::read_plan_json(json, "t.json");
  ASSERT_TRUE(plan.plan);
  ASSERT_TRUE(plan.diagnostics.empty());
  auto back = read_plan_csv(write_plan_csv(*plan.plan), "t.csv");
  ASSERT_TRUE(back.plan);
  EXPECT_TRUE(back.diagnostics.empty());
  EXPECT_EQ(io::json::write_plan_json(*back.plan), io::json::write_plan_json(*plan.plan));
  EXPECT_EQ(back.plan->tasks.size(), 2u);
}

TEST(PlanCsv, BadCellsAreNamedWhereTheyAre) {
  std::string csv = "记录,表类型,范围,年度,监控月份,三级指标,完成目标可能性,未知列\n"
                    "表头,monitoring,project,二〇二三,7,,,\n"
                    "目标,,,,,,,\n"
                    "指标,,,,,接通率,确定能,\n";
  auto read = read_plan_csv(csv, "m.csv");
  ASSERT_TRUE(read.plan);
  ASSERT_EQ(read.diagnostics.size(), 2u);
  EXPECT_EQ(read.diagnostics[0].code(), "ZP0106"); // the unknown column
  EXPECT_EQ(read.diagnostics[1].code(), "ZP0128"); // the year
  EXPECT_EQ(read.diagnostics[1].where.to_string(), "m.csv:2:23");
  EXPECT_EQ(read.plan->goals[0].indicators[0].likelihood, "确定能");
  EXPECT_EQ(read.plan->month, std::optional<int>(7));
  EXPECT_EQ(read_plan_csv("a,b\n", "x.csv").diagnostics[0].code(), "ZP0182");
  EXPECT_EQ(read_plan_csv("记录,表类型\n表头,自评表\n", "x.csv").diagnostics[0].code(), "ZP0114");
}

} // namespace
} // namespace ziping::io::csv
