// The pieces of the text importer on their own: lines, layout scores, labels and their
// vocabulary, numbers in cells, radicals, page numbers, and the cell-to-column alignment.
#include <gtest/gtest.h>

#include "ziping/io/text/align.h"
#include "ziping/io/text/cell_numbers.h"
#include "ziping/io/text/keys.h"
#include "ziping/io/text/layout.h"
#include "ziping/io/text/vocabulary.h"

namespace ziping::io::text {
namespace {

using num::Decimal;

TEST(Lines, CountLikeEditorsAndMarkPageBreaks) {
  auto lines = split_lines("a\r\nb\rc\n\fd\ne");
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0].text, "a");
  EXPECT_EQ(lines[2].number, 3);
  EXPECT_EQ(lines[3].text, "d");
  EXPECT_EQ(lines[3].number, 4);
  EXPECT_TRUE(lines[3].page_break_before);
  EXPECT_EQ(lines[4].number, 5);
}

TEST(Lines, ColumnsCountCodePoints) {
  EXPECT_EQ(column_of("年度\t≥5次", 7), 4);
}

TEST(Layout, TabsPipesLinesAndRuns) {
  auto best = [](std::string_view text) { return score_layouts(split_lines(text))[0].layout; };
  EXPECT_EQ(best("一级指标\t二级指标\t三级指标\n产出指标\t数量指标\t培训次数\n"), Layout::Tabs);
  EXPECT_EQ(best("| 一级指标 | 二级指标 | 三级指标 |\n|---|---|---|\n| 产出指标 | 数量指标 | 培训 |\n"),
            Layout::Pipes);
  EXPECT_EQ(best("一级指标 二级指标 三级指标 年度指标值\n产出指标 数量指标 培训次数 ≥5次\n"), Layout::Spaces);
  EXPECT_EQ(best("一级指标\n二级指标\n三级指标\n年度指标值\n产出指标\n"), Layout::OnePerLine);
  EXPECT_EQ(best("一级指标二级指标三级指标年度指标值\n产出指标数量指标培训次数≥5次6次22\n"), Layout::Runs);
}

TEST(Labels, VocabularyPointsEnumeratorsAndTraditional) {
  Label l = classify_label("产出指标（50分）");
  EXPECT_EQ(l.kind, LabelKind::Level1);
  EXPECT_EQ(l.name, "产出指标");
  ASSERT_TRUE(l.points);
  EXPECT_EQ(*l.points, Decimal::of("50"));
  EXPECT_EQ(classify_label("一、效益指标").kind, LabelKind::Level1);
  EXPECT_EQ(classify_label("成本指标").kind, LabelKind::Level1or2);
  EXPECT_EQ(classify_label("服务对象满意度").kind, LabelKind::Level2);
  EXPECT_EQ(classify_label("企业群众办事满意度").kind, LabelKind::None); // a 三级 name
  Label goal = classify_label("绩效目标十二");
  EXPECT_EQ(goal.kind, LabelKind::Goal);
  EXPECT_EQ(goal.goal_number, 12);
  EXPECT_EQ(classify_label("年度 绩效 目标 完成 情况").kind, LabelKind::Section);
  Label traditional = classify_label("產出指標");
  EXPECT_EQ(traditional.kind, LabelKind::Level1);
  EXPECT_EQ(traditional.name, "产出指标"); // the framework's spelling (docs/import.md)
  EXPECT_EQ(natural_level1("数量"), "产出");
  EXPECT_TRUE(level2_belongs("效益", "社会效益"));
  EXPECT_LT(level1_rank("产出"), level1_rank("满意度"));
}

TEST(Columns, HeaderWords) {
  EXPECT_EQ(indicator_column(key("年度指标值")), Column::Target);
  EXPECT_EQ(indicator_column(key("实际完成值")), Column::Actual);
  EXPECT_EQ(indicator_column(key("权重(%)")), Column::Weight);
  EXPECT_EQ(indicator_column(key("得分系数(%)")), Column::Coefficient);
  EXPECT_EQ(indicator_column(key("调整后指标值")), Column::Adjusted);
  EXPECT_EQ(indicator_column(key("偏差原因分析及改进措施")), Column::Reason);
  EXPECT_EQ(budget_column(key("全年执行数(B)")), BudgetColumn::Executed);
  EXPECT_EQ(budget_column(key("执行率(B/A)")), BudgetColumn::Rate);
  EXPECT_EQ(goal_column(key("目标序号")), GoalColumn::Number);
  FieldMatch field = match_field("项目负责人：王建军");
  EXPECT_EQ(field.field, Field::ProjectLeader);
  EXPECT_EQ(field.rest, "王建军");
  EXPECT_EQ(match_field("其中：本年财政拨款").field, Field::FundingSource);
  EXPECT_EQ(funding_label("其中：本年财政拨款"), "本年财政拨款");
  EXPECT_EQ(year_in(key("（2022年度）")), 2022);
  EXPECT_EQ(title_is_project(key("2023年度项目支出绩效自评表")), true);
  EXPECT_EQ(title_is_project(key("部门整体支出绩效自评表")), false);
}

TEST(Columns, BudgetWeightPrintedInTheHeader) {
  auto points = [](std::string_view printed) {
    auto p = budget_header_points(key(printed));
    return p ? p->to_string() : std::string("none");
  };
  EXPECT_EQ(points("预算执行情况(万元) (20分)"), "20");
  EXPECT_EQ(points("资金执行情况（10分）"), "10");
  EXPECT_EQ(points("预算执行率(20分)"), "20");
  EXPECT_EQ(points("分值(10分)"), "10");
  EXPECT_EQ(points("项目资金（万元）"), "none");
  EXPECT_EQ(points("得分 (20分*执行率)"), "none"); // a formula, not the weight's cell
  EXPECT_EQ(points("产出指标(50分)"), "none");     // not the budget's header
}

TEST(Numbers, ScoresAndAmounts) {
  EXPECT_EQ(score_number("0.75"), Decimal::of("0.75"));
  EXPECT_EQ(score_number("２分"), Decimal::of("2"));
  EXPECT_FALSE(score_number("1.5（扣0.5）"));
  EXPECT_TRUE(is_placeholder("—"));
  EXPECT_TRUE(is_placeholder("/"));
  Amount a = read_amount("22,681.6万元", "万元");
  ASSERT_TRUE(a.value);
  EXPECT_EQ(a.value->to_string(), "22681.6");
  EXPECT_EQ(a.unit, "万元");
  Amount converted = read_amount("226816000元", "万元");
  ASSERT_TRUE(converted.value);
  EXPECT_EQ(converted.value->to_string(), "22681.6");
  EXPECT_TRUE(converted.converted);
  EXPECT_TRUE(read_amount("约两万", "万元").unreadable);
  EXPECT_FALSE(read_amount("—", "万元").value);
  EXPECT_EQ(money_unit_in("项目资金（万元）"), "万元");
  EXPECT_EQ(money_unit_in("项目資金（萬元）"), "万元");
}

TEST(Keys, RadicalsAndPageNumbers) {
  std::size_t replaced = 0;
  EXPECT_EQ(unify_radicals("执⾏率，部⻔", replaced), "执行率，部门");
  EXPECT_EQ(replaced, 2u);
  EXPECT_EQ(unify_radicals("没有部首", replaced), "没有部首");
  EXPECT_EQ(replaced, 0u);
  EXPECT_TRUE(looks_like_page_number("- 3 -", false));
  EXPECT_TRUE(looks_like_page_number("第 3 页 共 7 页", false));
  EXPECT_TRUE(looks_like_page_number("3/7", false));
  EXPECT_FALSE(looks_like_page_number("3", false));
  EXPECT_TRUE(looks_like_page_number("3", true));
  EXPECT_FALSE(looks_like_page_number("2023-12-31", false));
  EXPECT_TRUE(has_traditional("績效"));
  EXPECT_FALSE(has_traditional("绩效"));
}

TEST(Align, ShiftedRowGoesByContent) {
  // Header: 三级指标 年度指标值 实际完成值 分值 得分 偏差原因 at positions 3..8; the row lost its
  // first three columns and has empty cells between target and actual (the seed, line 54).
  std::vector<AlignColumn> columns = {{Column::Name, 3, 5},   {Column::Target, 4, 4},
                                      {Column::Actual, 5, 3}, {Column::Weight, 6, 2},
                                      {Column::Score, 7, 1},  {Column::Reason, 8, 0}};
  std::vector<std::string> texts = {"区级政务服务培训次数", "≥70次", "", "", "", "70次", "1", "1", "", ""};
  std::vector<Cell> cells(texts.size());
  std::vector<AlignInput> inputs;
  for (std::size_t i = 0; i < texts.size() && i < 8; ++i) {
    cells[i].text = texts[i];
    inputs.push_back({&cells[i], shape_of(texts[i]), int(i), int(texts.size()) - 1 - int(i)});
  }
  Alignment a = align_cells(inputs, columns, true);
  EXPECT_EQ(a.column_of[0], 0); // name
  EXPECT_EQ(a.column_of[1], 1); // target
  EXPECT_EQ(a.column_of[5], 2); // actual
  EXPECT_EQ(a.column_of[6], 3); // weight
  EXPECT_EQ(a.column_of[7], 4); // score
}

TEST(Align, SequenceJoinsAUnitCutOffByASpace) {
  std::vector<AlignColumn> columns = {{Column::Name, -1, -1},   {Column::Target, -1, -1},
                                      {Column::Actual, -1, -1}, {Column::Weight, -1, -1},
                                      {Column::Score, -1, -1}};
  std::vector<std::string> texts = {"党建工作经费", "≤353.3", "万元", "353.3", "2", "2"};
  std::vector<Cell> cells(texts.size());
  std::vector<AlignInput> inputs;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    cells[i].text = texts[i];
    inputs.push_back({&cells[i], shape_of(texts[i]), -1, -1});
  }
  Alignment a = align_cells(inputs, columns, false);
  EXPECT_EQ(a.column_of[1], 1);
  EXPECT_EQ(a.column_of[2], 1);
  EXPECT_TRUE(a.joined[2]);
  EXPECT_EQ(a.column_of[3], 2);
}

} // namespace
} // namespace ziping::io::text
