// The 财政复核 in an XLSX export: 复核得分 and 复核意见 right of the indicator table, the score
// with the reviewer's exact digits; the reader takes the workbook back to the same form and
// reads nothing from those columns.
#include <gtest/gtest.h>

#include "test_forms.h"
#include "ziping/io/json/form_writer.h"
#include "ziping/io/xlsx/xlsx_reader.h"
#include "ziping/io/xlsx/xlsx_writer.h"
#include "ziping/io/xlsx/zip_archive.h"

namespace ziping::io::xlsx {
namespace {

using sheet_testing::example_form;
using sheet_testing::example_json;

std::string shared_strings(const std::string& bytes) {
  ZipArchive zip(bytes);
  auto status = ZipArchive::Status::Ok;
  return zip.read("xl/sharedStrings.xml", status).value_or("");
}

model::Review scored_review() {
  model::Review review;
  review.state = "主管已审核 reviewed";
  review.scores.push_back({"goals[0].indicators[1]", num::Decimal::parse("2").value(),
                           num::Decimal::parse("1.250").value(), num::Decimal::parse("-0.750"),
                           "佐证材料不全", "finance", "2026-12-07T08:00:00Z"});
  review.comments.push_back({"goals[0].indicators[1].actual", "请补充", "finance", "now"});
  return review;
}

TEST(XlsxReviewColumns, ScoresWithExactDigitsAndReadBackToTheSameForm) {
  for (const char* name : {"tianjin-2022-dept.json", "county-roads-2023-proj.json"}) {
    auto form = example_form(name);
    model::Review review = scored_review();
    std::string bytes = write_xlsx(form, {.review = &review});
    std::string strings = shared_strings(bytes);
    EXPECT_NE(strings.find("<t>复核得分</t>"), std::string::npos) << name;
    EXPECT_NE(strings.find("<t>复核意见</t>"), std::string::npos) << name;
    EXPECT_NE(strings.find("<t>1.250</t>"), std::string::npos) << name;
    EXPECT_NE(strings.find("<t>佐证材料不全</t>"), std::string::npos) << name;
    auto read = read_xlsx(bytes, "t.xlsx");
    ASSERT_TRUE(read.form) << name;
    for (const auto& d : read.diagnostics)
      ADD_FAILURE() << name << " " << d.code() << " " << d.where.to_string() << " "
                    << d.message_zh();
    EXPECT_EQ(json::write_form_json(*read.form), example_json(name)) << name;
  }
}

TEST(XlsxReviewColumns, NoColumnsWithoutScores) {
  auto form = example_form("tianjin-2022-dept.json");
  model::Review comments_only = scored_review();
  comments_only.scores.clear();
  for (const model::Review* review : std::vector<const model::Review*>{nullptr, &comments_only}) {
    std::string strings = shared_strings(write_xlsx(form, {.review = review}));
    EXPECT_EQ(strings.find("复核得分"), std::string::npos);
  }
}

} // namespace
} // namespace ziping::io::xlsx
