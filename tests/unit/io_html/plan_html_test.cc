// A plan's HTML page: the catalogue's labels, every value escaped and addressable by its model
// path, a monitoring table's 偏差原因分析 spanning its five causes.
#include <gtest/gtest.h>

#include "ziping/io/html/plan_html.h"

namespace ziping::io::html {
namespace {

TEST(PlanHtml, MonitoringPage) {
  model::Plan plan;
  plan.kind = model::PlanKind::Monitoring;
  plan.title = "监控表 <测试>";
  plan.month = 7;
  plan.funding.push_back(
      {"资金总额", {}, {}, num::Decimal::of("10"), {}, num::Decimal::of("3.50"), "35.00%", {}});
  plan.goals.emplace_back();
  model::PlanIndicator leaf;
  leaf.name = "接通率";
  leaf.target = "≥95%";
  leaf.likelihood = "有可能";
  leaf.cause_staff = "√";
  plan.goals[0].indicators.push_back(leaf);
  std::string page = write_plan_html(plan);
  EXPECT_NE(page.find("<h1 id=\"title\">监控表 &lt;测试&gt;</h1>"), std::string::npos);
  EXPECT_NE(page.find("<th colspan=\"5\">偏差原因分析</th>"), std::string::npos);
  EXPECT_NE(page.find("<td id=\"goals-0-indicators-0-target\">≥95%</td>"), std::string::npos);
  EXPECT_NE(page.find("<td id=\"funding-0-executed\">3.50</td>"), std::string::npos);
  EXPECT_NE(page.find("<th>监控月份</th><td id=\"month\">7</td>"), std::string::npos);
  EXPECT_EQ(page.find("<测试>"), std::string::npos);
}

TEST(PlanHtml, DeclarationHasNoCauseColumns) {
  model::Plan plan;
  plan.goals.emplace_back();
  plan.goals[0].indicators.push_back({});
  std::string page = write_plan_html(plan);
  EXPECT_EQ(page.find("偏差原因分析"), std::string::npos);
  EXPECT_NE(page.find("<th>评(扣)分标准</th>"), std::string::npos);
}

} // namespace
} // namespace ziping::io::html
