// The chain's plans as PDF (write_plan_pdf), read back with poppler: the example 申报表's and
// 监控表's every indicator name and target extractable, the monitoring columns (完成目标可能性,
// 偏差原因分析) printed, the title and department in the document, pages A4 landscape. Needs
// a Chinese font and poppler-utils, as the 自评表's PDF tests do.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "poppler_text.h"
#include "ziping/io/json/plan_json.h"
#include "ziping/io/pdf_writer/pdf_writer.h"

namespace ziping::io::pdf_writer {
namespace {

using testing_poppler::run;
using testing_poppler::without_spaces;

model::Plan example(const std::string& name) {
  std::ifstream in(std::filesystem::path(ZIPING_SOURCE_DIR) / "examples" / "chain" / name,
                   std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto read = json::read_plan_json(bytes, name);
  if (!read.plan) throw std::runtime_error("cannot read " + name);
  return *read.plan;
}

class PlanPdf : public ::testing::Test {
protected:
  void SetUp() override {
    if (run("fc-list :lang=zh family").empty())
      FAIL() << "no Chinese font installed: the PDF writer needs fonts-noto-cjk (scripts/deps.sh)";
    if (run("command -v pdftotext pdfinfo").empty())
      FAIL() << "pdftotext not found: poppler-utils (scripts/deps.sh)";
  }
  std::string save(const std::string& pdf, const std::string& name) {
    std::string path = ::testing::TempDir() + "ziping-plan-" + name + ".pdf";
    std::ofstream(path, std::ios::binary) << pdf;
    return path;
  }
};

TEST_F(PlanPdf, EveryIndicatorOfBothKindsReadsBack) {
  for (const char* name :
       {"tianjin-2022-dept-declaration.json", "tianjin-2022-dept-monitoring.json"}) {
    model::Plan plan = example(name);
    std::string path = save(write_plan_pdf(plan), name);
    std::string all = without_spaces(run("pdftotext -raw '" + path + "' -"));
    ASSERT_FALSE(all.empty()) << name;
    EXPECT_NE(all.find(without_spaces(plan.department)), std::string::npos) << name;
    std::size_t leaves = 0;
    for (const auto& goal : plan.goals)
      for (const auto& leaf : goal.indicators) {
        ++leaves;
        EXPECT_NE(all.find(without_spaces(leaf.name)), std::string::npos) << leaf.name;
        if (!leaf.target.empty()) {
          EXPECT_NE(all.find(without_spaces(leaf.target)), std::string::npos) << leaf.target;
        }
        if (!leaf.likelihood.empty()) {
          EXPECT_NE(all.find(without_spaces(leaf.likelihood)), std::string::npos);
        }
      }
    EXPECT_GT(leaves, 20u) << name;
    if (plan.kind == model::PlanKind::Monitoring) {
      EXPECT_NE(all.find("偏差原因分析"), std::string::npos);
      EXPECT_NE(all.find("完成目标可能性"), std::string::npos);
    }
    std::string info = run("pdfinfo '" + path + "'");
    EXPECT_NE(info.find("841.89 x 595.28 pts"), std::string::npos) << info; // A4 landscape
    EXPECT_NE(
        info.find(plan.kind == model::PlanKind::Monitoring ? "绩效运行监控表" : "绩效目标申报表"),
        std::string::npos)
        << info;
  }
}

} // namespace
} // namespace ziping::io::pdf_writer
