// JSON → CSV → JSON gives the same bytes; the CSV reader takes what people's tools write:
// GB18030, a title line above the header, synonyms, tabs, CRLF inside quotes.
#include <gtest/gtest.h>

#include "../io_xlsx/test_forms.h"
#include "ziping/io/csv/columns.h"
#include "ziping/io/csv/csv_form.h"
#include "ziping/io/csv/csv_table.h"

namespace ziping::io::csv {
namespace {

using sheet_testing::awkward_form;
using sheet_testing::example_form;
using sheet_testing::example_json;

std::string through_csv(const model::Form& form) {
  std::string bytes = write_csv(form);
  auto read = read_csv(bytes, "t.csv");
  EXPECT_TRUE(read.form);
  for (const auto& d : read.diagnostics)
    ADD_FAILURE() << d.code() << " " << d.where.to_string() << " " << d.message_zh();
  return read.form ? json::write_form_json(*read.form) : std::string();
}

TEST(CsvRoundTrip, ExamplesByteForByte) {
  for (const char* name : {"tianjin-2022-dept.json", "county-roads-2023-proj.json"})
    EXPECT_EQ(through_csv(example_form(name)), example_json(name)) << name;
}

TEST(CsvRoundTrip, AwkwardForm) {
  auto form = awkward_form();
  EXPECT_EQ(through_csv(form), json::write_form_json(form));
  form.kind = model::FormKind::Project;
  form.goals.clear();
  EXPECT_EQ(through_csv(form), json::write_form_json(form));
}

TEST(CsvWriter, ExcelFriendly) {
  std::string bytes = write_csv(example_form("county-roads-2023-proj.json"));
  EXPECT_TRUE(bytes.starts_with("\xEF\xBB\xBF目标序号,"));
  EXPECT_NE(bytes.find("\r\n"), std::string::npos);
  EXPECT_NE(bytes.find("\"=\"\"=4座\"\"\""), std::string::npos); // shown as =4座, not computed
}

TEST(CsvReader, Gb18030IsConvertedWithANote) {
  std::string file = "\xC8\xFD\xBC\xB6\xD6\xB8\xB1\xEA,\xB7\xD6\xD6\xB5,\xB5\xC3\xB7\xD6\r\n"
                     "\xB4\xCE\xCA\xFD,2,1.5\r\n"; // 三级指标,分值,得分 / 次数,2,1.5
  auto read = read_csv(file, "gb.csv", model::FormKind::Project);
  ASSERT_TRUE(read.form);
  ASSERT_EQ(read.form->goals.size(), 1u);
  EXPECT_EQ(read.form->goals[0].indicators[0].name, "次数");
  EXPECT_EQ(read.form->goals[0].indicators[0].score->to_string(), "1.5");
  ASSERT_FALSE(read.diagnostics.empty());
  EXPECT_EQ(read.diagnostics[0].id, diag::DiagId::note_csv_converted_gb18030);
}

TEST(CsvReader, HandMadeTableWithTitleLineSynonymsAndUnknownColumn) {
  std::string file =
      "某部门2022年度整体支出绩效自评表\n"
      "绩效目标,一级指标,二级指标,指标名称,指标值,全年实际值,权重,自评得分,偏差原因,备注栏\n"
      "绩效目标1,产出指标,数量指标,培训次数,≥5次,6次,2,2,,x\n"
      "绩效目标1,产出指标,质量指标,\"合格率\r\n（%）\",≥95%,100%,\"1,000\",1,,\n"
      "绩效目标2,效益指标,社会效益指标,满意度,≥90%,93%,2,abc,,\n";
  auto read = read_csv(file, "hand.csv");
  ASSERT_TRUE(read.form);
  const auto& form = *read.form;
  EXPECT_EQ(form.kind, model::FormKind::Department);
  ASSERT_EQ(form.goals.size(), 2u);
  EXPECT_EQ(form.goals[1].number, 2);
  EXPECT_EQ(form.goals[0].indicators[1].name, "合格率\r\n（%）");
  EXPECT_EQ(form.goals[0].indicators[1].weight->to_string(), "1000");
  EXPECT_FALSE(form.goals[1].indicators[0].score);
  bool unknown = false, not_number = false;
  for (const auto& d : read.diagnostics) {
    if (d.id == diag::DiagId::warn_sheet_unknown_column) unknown = true;
    if (d.id == diag::DiagId::err_sheet_not_a_number) {
      not_number = true;
      EXPECT_EQ(d.where.to_string(), "hand.csv:6:34"); // the quoted line break counts
    }
  }
  EXPECT_TRUE(unknown);
  EXPECT_TRUE(not_number);
}

// 计分方法 is how some provinces head 评(扣)分标准, 指标说明 how some head 指标解释: both are
// kept, as the published-text reader keeps them, not dropped as unknown columns.
TEST(CsvReader, KeepsScoringMethodAndExplanationColumns) {
  std::string file =
      "一级指标,二级指标,三级指标,指标说明,年度指标值,实际完成值,分值,得分,计分方法\n"
      "产出指标,数量指标,培训次数,全年组织的培训,≥5次,6次,2,2,完成得满分\n";
  auto read = read_csv(file, "hand.csv");
  ASSERT_TRUE(read.form);
  const auto& leaf = read.form->goals.at(0).indicators.at(0);
  EXPECT_EQ(leaf.scoring_standard, "完成得满分");
  EXPECT_EQ(leaf.explanation, "全年组织的培训");
  for (const auto& d : read.diagnostics)
    EXPECT_NE(d.id, diag::DiagId::warn_sheet_unknown_column) << d.message_zh();
  // Written back under the one official spelling and order.
  std::string written = write_csv(*read.form);
  EXPECT_NE(written.find("三级指标,指标解释,年度指标值"), std::string::npos) << written;
  EXPECT_NE(written.find("偏差原因分析及改进措施,评(扣)分标准"), std::string::npos) << written;
}

TEST(CsvReader, Refusals) {
  auto quote = read_csv("三级指标,分值\n\"abc,1\n", "q.csv");
  EXPECT_FALSE(quote.form);
  ASSERT_FALSE(quote.diagnostics.empty());
  EXPECT_EQ(quote.diagnostics[0].id, diag::DiagId::err_csv_unterminated_quote);
  EXPECT_EQ(quote.diagnostics[0].where.to_string(), "q.csv:2:1");
  auto header = read_csv("a,b\n1,2\n", "h.csv");
  EXPECT_FALSE(header.form);
  EXPECT_EQ(header.diagnostics[0].id, diag::DiagId::err_csv_no_header);
  auto binary = read_csv(std::string("\xFF\xFE\x00\x41", 4), "b.csv");
  EXPECT_FALSE(binary.form);
  EXPECT_EQ(binary.diagnostics[0].id, diag::DiagId::err_input_not_utf8);
  EXPECT_EQ(read_csv("", "e.csv").diagnostics[0].id, diag::DiagId::err_input_empty);
  EXPECT_EQ(read_csv(std::string(17u << 20, 'a'), "big.csv").diagnostics[0].id,
            diag::DiagId::err_input_too_large);
  auto kind = read_csv("表类型,三级指标\n乡镇,x\n", "k.csv");
  ASSERT_TRUE(kind.form);
  EXPECT_EQ(kind.diagnostics.back().id, diag::DiagId::err_csv_bad_kind);
}

TEST(CsvReader, TabsRaggedRowsAndDifferingFormFields) {
  auto read = read_csv("三级指标\t分值\t得分\t年度\n甲\t1\t1\t2022\n乙\t1\n", "t.csv",
                       model::FormKind::Department);
  ASSERT_TRUE(read.form);
  EXPECT_EQ(read.form->goals[0].indicators.size(), 2u);
  EXPECT_EQ(read.form->year, 2022);
  bool ragged = false, differing = false;
  for (const auto& d : read.diagnostics) {
    ragged |= d.id == diag::DiagId::warn_csv_ragged_row;
    differing |= d.id == diag::DiagId::warn_csv_differing_form_field;
  }
  EXPECT_TRUE(ragged);
  EXPECT_TRUE(differing);
}

TEST(CsvReader, StrayQuotesAndDuplicateColumns) {
  auto read =
      read_csv("三级指标,分值,权重,得分\n5\"寸屏,1,2,1\n", "s.csv", model::FormKind::Project);
  ASSERT_TRUE(read.form);
  EXPECT_EQ(read.form->goals[0].indicators[0].name, "5\"寸屏");
  EXPECT_EQ(read.form->goals[0].indicators[0].weight->to_string(), "1");
  std::map<diag::DiagId, std::string> at;
  for (const auto& d : read.diagnostics) at.emplace(d.id, d.where.to_string());
  EXPECT_EQ(at[diag::DiagId::warn_csv_stray_quote], "s.csv:2:2");
  EXPECT_EQ(at[diag::DiagId::warn_sheet_duplicate_column], "s.csv:1:9");
}

TEST(Headers, FoldSynonymsAndSuggestions) {
  using sheet::Field;
  EXPECT_EQ(sheet::fold_header("全年预算数（A）"), "全年预算数");
  EXPECT_EQ(sheet::fold_header("评(扣)分标准"), "评分标准");
  EXPECT_EQ(sheet::fold_header(" 分　值 "), "分值");
  EXPECT_EQ(sheet::fold_header("得分系数(%)"), "得分系数");
  EXPECT_EQ(sheet::match_header("权重", sheet::indicator_headers()), Field::Weight);
  EXPECT_EQ(sheet::match_header("分数", sheet::indicator_headers()), Field::Weight);
  EXPECT_EQ(sheet::match_header("自评得分", sheet::indicator_headers()), Field::Score);
  EXPECT_EQ(sheet::match_header("年初指标值", sheet::indicator_headers()), Field::Target);
  EXPECT_EQ(sheet::match_header("实际完成情况", sheet::indicator_headers()), Field::Actual);
  EXPECT_EQ(sheet::match_header("偏差原因", sheet::indicator_headers()), Field::Reason);
  // In an indicator table 序号 counts rows; it must not split every row into its own goal.
  EXPECT_EQ(sheet::match_header("序号", sheet::indicator_headers()), Field::RowNumber);
  EXPECT_EQ(sheet::match_header("序号", sheet::goal_headers()), Field::GoalNumber);
  EXPECT_EQ(sheet::suggest_header("年度指标直", sheet::indicator_headers()), "年度指标值");
  EXPECT_EQ(sheet::suggest_header("备注", sheet::indicator_headers()), "");
  EXPECT_EQ(*sheet::parenthesised("预算执行情况（万元）"), "万元");
  std::optional<num::Decimal> value;
  EXPECT_EQ(sheet::parse_number_text("1,466.50", value), sheet::NumberText::Number);
  EXPECT_EQ(value->to_string(), "1466.50");
  EXPECT_EQ(sheet::parse_number_text("—", value), sheet::NumberText::Blank);
  EXPECT_EQ(sheet::parse_number_text("1,46", value), sheet::NumberText::NotANumber);
  EXPECT_EQ(sheet::parse_number_text("２", value), sheet::NumberText::Number);
}

// Fields are bounded (kMaxCsvFields, ZP0187): the refusal says fields, not bytes, and names the
// line where the limit was passed.
TEST(CsvReader, MoreFieldsThanTheLimitAreRefusedAtTheirLine) {
  std::string header = "三级指标,分值\n";
  std::string rows;
  std::size_t per_row = 1000;
  std::string row;
  for (std::size_t i = 1; i < per_row; ++i) row += "a,";
  row += "a\n";
  while (rows.size() / row.size() * per_row <= kMaxCsvFields) rows += row;
  auto refused = read_csv(header + rows, "many.csv");
  EXPECT_FALSE(refused.form);
  const diag::Diagnostic* d = nullptr;
  for (const auto& each : refused.diagnostics)
    if (each.id == diag::DiagId::err_csv_too_many_fields) d = &each;
  ASSERT_NE(d, nullptr);
  // The header's 2 fields, then 1,000 a row: the limit passes in data row 2,000, on line 2,001.
  EXPECT_EQ(d->where.line, int(kMaxCsvFields / per_row) + 1);
}

} // namespace
} // namespace ziping::io::csv
