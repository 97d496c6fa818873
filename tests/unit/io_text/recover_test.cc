// The recovery on small forms: each guess it makes is a diagnostic, and it never invents a value.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <random>

#include "ziping/diag/cap.h"
#include "ziping/io/json/form_writer.h"
#include "ziping/io/registry.h"
#include "ziping/io/text/text_reader.h"

namespace ziping::io::text {
namespace {

using diag::DiagId;
using num::Decimal;

model::ReadResult read(const std::string& text,
                       std::optional<model::FormKind> kind = std::nullopt) {
  return read_text_form(text, {"form.txt", kind});
}

int count(const model::ReadResult& result, DiagId id) {
  int n = 0;
  for (const auto& d : result.diagnostics) n += d.id == id;
  return n;
}

const diag::Diagnostic* find(const model::ReadResult& result, DiagId id) {
  for (const auto& d : result.diagnostics) {
    if (d.id == id) return &d;
  }
  return nullptr;
}

std::string file(const std::string& path) {
  std::ifstream in(std::string(ZIPING_SOURCE_DIR) + "/" + path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

const char* kProjectHead =
    "项目支出绩效自评表\n（2023年度）\n项目名称\t测试项目\n主管部门\t某局\t实施单位\t某中心\n"
    "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
    "\t年度资金总额\t100\t100\t90\t10\t90.00%\t9\n"
    "年度总体目标\t预期目标\t实际完成情况\n\t完成任务。\t已完成。\n";

TEST(Recover, TheSeedIsTheExample) {
  auto result = read(file("examples/tianjin-2022-dept.txt"));
  ASSERT_TRUE(result.form);
  EXPECT_EQ(json::write_form_json(*result.form), file("examples/tianjin-2022-dept.json"));
  // The slips of DOMAIN.md §5, each at its line.
  const auto* duplicate = find(result, DiagId::warn_import_goal_label_duplicate);
  ASSERT_NE(duplicate, nullptr);
  EXPECT_EQ(duplicate->where.line, 99);
  const auto* pending = find(result, DiagId::warn_import_labels_pending);
  ASSERT_NE(pending, nullptr);
  EXPECT_EQ(pending->where.line, 74);
  EXPECT_EQ(count(result, DiagId::note_import_header_repeated), 4);
  EXPECT_NE(find(result, DiagId::note_import_goal_mentions_other), nullptr);
}

TEST(Recover, ACellThatFitsNoColumnIsDroppedAndSaid) {
  auto result = read(std::string(kProjectHead) +
                     "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
                     "\t产出指标\t数量指标\t培训次数\t≥5次\t6次\t2\t2\t多出来的一格\n");
  ASSERT_TRUE(result.form);
  EXPECT_EQ(count(result, DiagId::warn_import_cell_unplaced), 1);
  EXPECT_EQ(result.form->goals[0].indicators[0].score, Decimal::of("2"));
}

TEST(Recover, AnUnreadableScoreStaysEmpty) {
  auto result = read(std::string(kProjectHead) +
                     "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t"
                     "偏差原因分析及改进措施\n"
                     "\t产出指标\t数量指标\t培训次数\t≥5次\t6次\t2\t1.5(扣0.5)\t\n");
  ASSERT_TRUE(result.form);
  const auto& leaf = result.form->goals[0].indicators[0];
  EXPECT_EQ(leaf.weight, Decimal::of("2"));
  EXPECT_FALSE(leaf.score); // never invented
  EXPECT_EQ(count(result, DiagId::warn_import_number_unreadable), 1);
}

TEST(Recover, TheKindFromTheTitleOrTheUser) {
  std::string body = "绩效自评表\n项目名称\t测试\n";
  auto guessed = read(body);
  ASSERT_TRUE(guessed.form);
  EXPECT_EQ(guessed.form->kind, model::FormKind::Project);
  EXPECT_EQ(count(guessed, DiagId::warn_import_kind_unknown), 1);
  auto given = read(body, model::FormKind::Department);
  EXPECT_EQ(given.form->kind, model::FormKind::Department);
  EXPECT_EQ(count(given, DiagId::warn_import_kind_unknown), 0);
  auto conflict = read(kProjectHead, model::FormKind::Department);
  EXPECT_EQ(conflict.form->kind, model::FormKind::Project);
  EXPECT_EQ(count(conflict, DiagId::warn_import_kind_conflict), 1);
}

TEST(Recover, NotAFormAtAll) {
  auto result = read("这是一篇与自评表无关的文章。\n第二段。\n");
  EXPECT_FALSE(result.form);
  EXPECT_EQ(count(result, DiagId::err_import_no_form), 1);
  EXPECT_FALSE(read("\xff\xfe").form);
  EXPECT_EQ(count(read("   \n"), DiagId::err_input_empty), 1);
}

TEST(Recover, HeadingPointsAreCheckedAgainstTheLeaves) {
  auto result = read(std::string(kProjectHead) +
                     "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
                     "\t产出指标（50分）\t数量指标\t培训次数\t≥5次\t6次\t20\t20\n"
                     "\t\t质量指标\t合格率\t≥90%\t95%\t28\t28\n");
  ASSERT_TRUE(result.form);
  EXPECT_EQ(result.form->goals[0].indicators[0].level1, "产出指标");
  EXPECT_EQ(count(result, DiagId::note_import_level1_points_read), 1);
  const auto* mismatch = find(result, DiagId::warn_import_level1_points);
  ASSERT_NE(mismatch, nullptr);
  EXPECT_EQ(mismatch->args[2], "48");
}

TEST(Recover, The二级TellsThe一级) {
  auto result = read(std::string(kProjectHead) +
                     "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
                     "\t\t数量指标\t培训次数\t≥5次\t6次\t2\t2\n"
                     "\t满意度指标\t服务对象满意度指标\t满意度\t≥90%\t95%\t2\t2\n"
                     "\t\t质量指标\t合格率\t≥90%\t95%\t2\t2\n");
  ASSERT_TRUE(result.form);
  const auto& leaves = result.form->goals[0].indicators;
  ASSERT_EQ(leaves.size(), 3u);
  EXPECT_EQ(leaves[0].level1, "产出指标");
  EXPECT_EQ(count(result, DiagId::note_import_level1_inferred), 1);
  EXPECT_EQ(leaves[2].level1, "产出指标");
  EXPECT_EQ(count(result, DiagId::warn_import_level1_changed), 1);
}

TEST(Recover, ABlockTheGoalTableDoesNotList) {
  auto result =
      read("部门整体支出绩效自评表\n部门名称\t某局\n"
           "年度绩效目标完成情况\t目标序号\t年度绩效目标\t实际完成情况\n\t1\t目标一\t完成一\n"
           "年度指标完成情况\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
           "绩效目标1\t产出指标\t数量指标\t甲\t≥1次\t1次\t5\t5\n"
           "绩效目标2\t产出指标\t数量指标\t乙\t≥1次\t1次\t5\t5\n");
  ASSERT_TRUE(result.form);
  ASSERT_EQ(result.form->goals.size(), 2u);
  EXPECT_EQ(result.form->goals[1].number, 2);
  EXPECT_EQ(count(result, DiagId::warn_import_goal_not_in_table), 1);
}

// The 项目资金 label printed on the total's row (the space-separated probe): the row is the
// total's, in every layout the row can come in.
TEST(Recover, TheFundingLabelOnTheTotalsRow) {
  for (std::string separator : {"\t", "    "}) {
    auto row = [&](std::vector<std::string> cells) {
      std::string out;
      for (const auto& cell : cells) out += (out.empty() ? "" : separator) + cell;
      return out + "\n";
    };
    std::string text =
        "项目支出绩效自评表\n" + row({"项目名称", "测试项目"}) +
        row({"", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"}) +
        row({"项目资金（万元）", "年度资金总额", "100", "120", "108", "10", "90.00%", "9"}) +
        row({"", "其中：当年财政拨款", "100", "120", "108", "—", "90.00%", "—"});
    auto result = read(text);
    ASSERT_TRUE(result.form);
    EXPECT_EQ(result.form->budget.annual, Decimal::parse("120")) << separator;
    EXPECT_EQ(result.form->budget.score, Decimal::parse("9")) << separator;
    EXPECT_EQ(result.form->money_unit, "万元");
    EXPECT_EQ(count(result, DiagId::warn_import_text_unread), 0);
  }
}

// Text that no part of the recovery places or reports is reported at its line, never lost
// silently: here a figure pdftotext put at the end of the budget header.
TEST(Recover, TextReadIntoNothingIsReported) {
  std::string text = kProjectHead;
  auto at = text.find("得分\n");
  text.insert(at + std::string("得分").size(), "\t1200.00");
  auto result = read(text);
  ASSERT_TRUE(result.form);
  const auto* unread = find(result, DiagId::warn_import_text_unread);
  ASSERT_NE(unread, nullptr);
  EXPECT_EQ(unread->where.line, 5);
  EXPECT_EQ(unread->args.at(0), "1200.00");
  // The clean form reports nothing of the kind.
  EXPECT_EQ(count(read(kProjectHead), DiagId::warn_import_text_unread), 0);
}

// "一、产出指标" / "（一）数量指标": the outline numbering is not part of the label; a 三级指标
// named like a 二级 (服务对象满意度) keeps its name.
TEST(Recover, NumberedLabelsAndANameThatReadsAsA二级) {
  std::string text =
      std::string(kProjectHead) +
      "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
      "一、产出指标\t（一）数量指标\t服务人数\t≥100人\t120人\t50\t50\n"
      "三、满意度指标\t（一）服务对象满意度指标\t服务对象满意度\t≥90%\t95%\t40\t40\n";
  auto result = read(text);
  ASSERT_TRUE(result.form);
  const auto& leaves = result.form->goals.at(0).indicators;
  ASSERT_EQ(leaves.size(), 2u);
  EXPECT_EQ(leaves[0].level1, "产出指标");
  EXPECT_EQ(leaves[0].level2, "数量指标");
  EXPECT_EQ(leaves[1].level2, "服务对象满意度指标");
  EXPECT_EQ(leaves[1].name, "服务对象满意度");
}

TEST(Robustness, RandomBytesAndLongInputsStayQuick) {
  std::mt19937 random(20221231);
  std::string seed = file("examples/tianjin-2022-dept.txt");
  for (int round = 0; round < 200; ++round) {
    std::string text = seed;
    int edits = 1 + int(random() % 40);
    for (int e = 0; e < edits; ++e) {
      std::size_t at = random() % text.size();
      switch (random() % 4) {
      case 0:
        text.erase(at, random() % 20);
        break;
      case 1:
        text.insert(at, 1, "\t\n|  0123456789.%≥"[random() % 18]);
        break;
      case 2:
        text.insert(at, text.substr(random() % text.size(), random() % 200));
        break;
      case 3:
        text[at] = char(random() % 256);
        break;
      }
    }
    auto result = read(text);
    EXPECT_TRUE(result.form || !result.diagnostics.empty());
  }
  // Forty seeds one after another, in every layout's shape: quadratic work would run past the
  // CTest TIMEOUT; the import benchmark measures the speed.
  std::string big;
  for (int i = 0; i < 40; ++i) big += seed;
  for (const std::string& text : {big,
                                  [&] {
                                    std::string pipes = big;
                                    for (auto& c : pipes) c = c == '\t' ? '|' : c;
                                    return pipes;
                                  }(),
                                  [&] {
                                    std::string lines = big;
                                    for (auto& c : lines) c = c == '\t' ? '\n' : c;
                                    return lines;
                                  }(),
                                  [&] {
                                    std::string runs;
                                    for (char c : big)
                                      if (c != '\t') runs.push_back(c);
                                    return runs;
                                  }()}) {
    auto result = read(text);
    EXPECT_TRUE(result.form || !result.diagnostics.empty());
  }
}

// Lines are bounded (kMaxTextLines, ZP0178) before any is split into cells: the refusal names
// the limit and the first line not read; a text at the limit is read as usual.
TEST(TextLimits, MoreLinesThanTheLimitAreRefusedAtTheFirstLineNotRead) {
  std::string at_limit =
      "项目支出绩效自评表\n" + std::string(kMaxTextLines - 2, '\n'); // 100,000 lines
  EXPECT_EQ(count(read(at_limit), DiagId::err_text_too_many_lines), 0);
  std::string over = "项目支出绩效自评表\n" + std::string(kMaxTextLines, '\n');
  auto refused = read(over);
  EXPECT_FALSE(refused.form);
  ASSERT_EQ(refused.diagnostics.size(), 1u);
  EXPECT_EQ(refused.diagnostics[0].id, DiagId::err_text_too_many_lines);
  EXPECT_EQ(refused.diagnostics[0].where.line, int(kMaxTextLines) + 1);
}

// Every reader's diagnostics are capped by the registry (diag/cap.h), so `ziping check` on the
// command line lists at most 100 too, then one ZP0191 saying how many more.
TEST(TextLimits, TheRegistryCapsEveryReadersDiagnostics) {
  std::string garbage;
  for (int i = 0; i < 3000; ++i) garbage += "无法识别的第" + std::to_string(i) + "行 | 乱码\n";
  auto text = io::find_format("text")->read(garbage, {"many.txt", std::nullopt});
  ASSERT_EQ(text.diagnostics.size(), diag::kMaxReadDiagnostics + 1);
  EXPECT_EQ(text.diagnostics.back().id, DiagId::note_more_diagnostics);
}

} // namespace
} // namespace ziping::io::text
