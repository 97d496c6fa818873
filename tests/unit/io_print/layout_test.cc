// The official layout as a grid: blocks in the template's order, every grid position covered
// exactly once, merged cells where the template merges, every declared text in the cell
// whose path names it, and the review appendix kept apart from the form.
#include "ziping/io/print/layout.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "../io_print/print_fixtures.h"
#include "ziping/io/print/review.h"

namespace ziping::io::print {
namespace {

using testing::awkward_form;
using testing::project_form;
using testing::seed_form;

std::vector<std::string> section_names(const Sheet& sheet) {
  std::vector<std::string> names;
  for (const auto& section : sheet.sections) names.push_back(section.name);
  return names;
}

// Every (row, column) of every section is covered exactly once by a cell (its spans and row
// spans included, and the section's label over column 0).
void expect_tiled(const Sheet& sheet) {
  int columns = int(sheet.columns.size());
  for (const auto& section : sheet.sections) {
    for (const auto* rows : {&section.header, &section.body}) {
      std::vector<std::vector<int>> cover(rows->size(), std::vector<int>(std::size_t(columns), 0));
      for (std::size_t r = 0; r < rows->size(); ++r) {
        if (section.label) ++cover[r][0];
        for (const auto& cell : (*rows)[r].cells) {
          ASSERT_GE(cell.column, 0);
          ASSERT_LE(cell.column + cell.span, columns) << section.name << " row " << r;
          ASSERT_LE(r + std::size_t(cell.rows), rows->size()) << section.name << " row " << r;
          for (std::size_t k = r; k < r + std::size_t(cell.rows); ++k)
            for (int c = cell.column; c < cell.column + cell.span; ++c) ++cover[k][std::size_t(c)];
        }
      }
      for (std::size_t r = 0; r < rows->size(); ++r)
        for (int c = 0; c < columns; ++c)
          EXPECT_EQ(cover[r][std::size_t(c)], 1)
              << section.name << " row " << r << " column " << sheet.columns[std::size_t(c)].key;
    }
  }
}

// path → text of the cell that lists it.
std::map<std::string, std::string> texts_by_path(const Sheet& sheet) {
  std::map<std::string, std::string> texts;
  auto add = [&](const Cell& cell) {
    for (const auto& path : cell.paths) texts.emplace(path, cell.text);
  };
  for (const auto& section : sheet.sections) {
    if (section.label) add(*section.label);
    for (const auto* rows : {&section.header, &section.body})
      for (const auto& row : *rows)
        for (const auto& cell : row.cells) add(cell);
  }
  return texts;
}

const Section& section_named(const Sheet& sheet, const std::string& name) {
  for (const auto& section : sheet.sections)
    if (section.name == name) return section;
  throw std::runtime_error("no section " + name);
}

TEST(Layout, SeedBlocksInTheTemplatesOrder) {
  Sheet sheet = official_layout(seed_form());
  EXPECT_EQ(sheet.title, "整体支出绩效自评表");
  EXPECT_EQ(sheet.subtitle, "（2022年度）");
  EXPECT_EQ(section_names(sheet),
            (std::vector<std::string>{"fields", "budget", "budget-reason", "goals", "indicators",
                                      "total", "conclusion", "grade"}));
  EXPECT_EQ(sheet.columns.size(), 9u);
  expect_tiled(sheet);
}

TEST(Layout, ProjectBlocksInTheTemplatesOrder) {
  Sheet sheet = official_layout(project_form());
  EXPECT_EQ(sheet.title, "项目支出绩效自评表");
  EXPECT_EQ(
      section_names(sheet),
      (std::vector<std::string>{"fields", "budget", "budget-reason", "goals", "indicators", "total",
                                "conclusion", "grade", "problems", "improvements", "leaders"}));
  const auto& budget = section_named(sheet, "budget");
  ASSERT_TRUE(budget.label);
  EXPECT_EQ(budget.label->text, "项目资金（万元）");
  ASSERT_EQ(budget.body.size(), 4u); // 年度资金总额 and three sources
  EXPECT_EQ(budget.body[0].cells[0].text, "年度资金总额");
  EXPECT_EQ(budget.body[1].cells[0].text, "其中：本年财政拨款");
  EXPECT_EQ(budget.body[2].cells[0].text, "上年结转资金");
  // 财预〔2020〕10号 order: 分值 | 执行率 | 得分.
  const auto& heading = budget.header[0].cells;
  EXPECT_EQ(heading[heading.size() - 3].text, "分值");
  EXPECT_EQ(heading[heading.size() - 2].text, "执行率（B/A）");
  EXPECT_EQ(heading[heading.size() - 1].text, "得分");
  const auto& indicators = section_named(sheet, "indicators");
  ASSERT_TRUE(indicators.label);
  EXPECT_EQ(indicators.label->text, "绩效指标");
  EXPECT_EQ(indicators.body.size(), 16u);
  expect_tiled(sheet);
}

TEST(Layout, GoalsAndLevelsAreMergedDownTheirRows) {
  Sheet sheet = official_layout(seed_form());
  const auto& indicators = section_named(sheet, "indicators");
  EXPECT_EQ(indicators.body.size(), 76u);
  std::vector<std::pair<std::string, int>> goals;
  for (const auto& row : indicators.body)
    for (const auto& cell : row.cells)
      if (cell.column == 0) goals.emplace_back(cell.text, cell.rows);
  ASSERT_EQ(goals.size(), 10u);
  EXPECT_EQ(goals[0], (std::pair<std::string, int>{"绩效目标1", 6}));
  EXPECT_EQ(goals[9].first, "绩效目标10");
  int rows = 0;
  for (const auto& goal : goals) rows += goal.second;
  EXPECT_EQ(rows, 76);
  // Goal 1: 产出指标 over its four 二级; goal 2: 数量指标 over two leaves.
  const Cell& output = indicators.body[0].cells[1];
  EXPECT_EQ(output.text, "产出指标");
  EXPECT_EQ(output.rows, 4);
  EXPECT_EQ(output.paths.size(), 4u);
  const Cell& quantity = indicators.body[6].cells[2];
  EXPECT_EQ(quantity.text, "数量指标");
  EXPECT_EQ(quantity.rows, 2);
}

TEST(Layout, EveryDeclaredTextIsInTheCellItsPathNames) {
  for (const auto& form : {seed_form(), project_form(), awkward_form()}) {
    Sheet sheet = official_layout(form);
    auto texts = texts_by_path(sheet);
    for (std::size_t g = 0; g < form.goals.size(); ++g) {
      for (std::size_t i = 0; i < form.goals[g].indicators.size(); ++i) {
        const auto& leaf = form.goals[g].indicators[i];
        std::string path = model::indicator_path(g, i);
        EXPECT_EQ(texts[path + ".name"], leaf.name);
        EXPECT_EQ(texts[path + ".level1"], leaf.level1) << path;
        EXPECT_EQ(texts[path + ".level2"], leaf.level2) << path;
        EXPECT_EQ(texts[path + ".target"], leaf.target);
        EXPECT_EQ(texts[path + ".actual"], leaf.actual);
        EXPECT_EQ(texts[path + ".weight"], leaf.weight->to_string());
        EXPECT_EQ(texts[path + ".score"], leaf.score->to_string());
        EXPECT_EQ(texts[path + ".deviation_reason"], leaf.deviation_reason);
      }
    }
    EXPECT_EQ(texts["budget.deviation_reason"], form.budget.deviation_reason);
    EXPECT_EQ(texts["conclusion"], form.conclusion);
    EXPECT_EQ(texts["total.score"], form.total_score->to_string());
    expect_tiled(sheet);
  }
}

TEST(Layout, DeclaredFiguresAreNeverReplacedByComputedOnes) {
  Sheet sheet = official_layout(seed_form());
  auto texts = texts_by_path(sheet);
  EXPECT_EQ(texts["budget.score"], "8.7");  // the scorer says 8.73
  EXPECT_EQ(texts["budget.rate"], "87.3%"); // the scorer says 87.26%
  EXPECT_EQ(texts["goals[3].indicators[2].score"], "0.8");
  model::Form form = seed_form();
  form.goals[8].indicators[4].score = num::Decimal::of("0.80");
  EXPECT_EQ(texts_by_path(official_layout(form))["goals[8].indicators[4].score"], "0.80");
}

TEST(Layout, OptionalColumnsAppearWhenALeafFillsThem) {
  Sheet sheet = official_layout(awkward_form());
  std::vector<std::string> keys;
  for (const auto& column : sheet.columns) keys.emplace_back(column.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"goal", "level1", "level2", "name", "nature", "unit",
                                            "target", "adjusted_target", "actual", "weight",
                                            "score_coefficient", "score", "deviation_reason",
                                            "scoring_standard", "core"}));
  auto texts = texts_by_path(sheet);
  EXPECT_EQ(texts["goals[0].indicators[0].adjusted_target"], "≥4次");
  EXPECT_EQ(texts["goals[0].indicators[0].core"], "是");
  EXPECT_EQ(texts["goals[0].indicators[1].core"], "否");
  EXPECT_EQ(texts["goals[0].weight"], "45"); // the declared goal subtotal (小计)
  EXPECT_EQ(texts["goals[0].score"], "44.80");
  expect_tiled(sheet);
}

TEST(Layout, AnchorsFromModelPaths) {
  EXPECT_EQ(anchor_id("goals[3].indicators[2].score"), "goals-3-indicators-2-score");
  EXPECT_EQ(anchor_id("budget.sources[1].rate"), "budget-sources-1-rate");
  EXPECT_EQ(anchor_id("total.score"), "total-score");
  EXPECT_EQ(anchor_id(""), "form");
}

TEST(Layout, DiagnosticPathsFindTheirCellOrTheNearestAncestors) {
  Sheet sheet = official_layout(seed_form());
  CellIndex index(sheet);
  EXPECT_EQ(index.anchor_for("goals[3].indicators[7].score"), "goals-3-indicators-7-score");
  EXPECT_EQ(index.anchor_for("goals[3].indicators[7]"), "goals-3-indicators-7-name");
  // A merged 一级 cell answers for every leaf under it.
  EXPECT_EQ(index.anchor_for("goals[0].indicators[2].level1"), "goals-0-indicators-0-level1");
  EXPECT_EQ(index.anchor_for("goals[0].indicators"), "goals-0-indicators");
  EXPECT_EQ(index.anchor_for("goals[4]"), "goals-4-number");
  EXPECT_EQ(index.anchor_for("budget.rate"), "budget-rate");
  EXPECT_EQ(index.anchor_for("total.weight"), "total-weight");
  EXPECT_EQ(index.anchor_for("grade"), "grade");
  EXPECT_EQ(index.anchor_for("ruleset"), std::nullopt);
  EXPECT_EQ(index.anchor_for(""), std::nullopt);
  ASSERT_NE(index.cell_with_anchor("goals-3-indicators-7-score"), nullptr);
  EXPECT_EQ(index.cell_with_anchor("goals-3-indicators-7-score")->text, "1");
}

TEST(Layout, AnchorsAreUnique) {
  for (const auto& form : {seed_form(), project_form(), awkward_form()}) {
    Sheet sheet = official_layout(form);
    std::set<std::string> seen;
    for (const auto& section : sheet.sections) {
      std::vector<const Cell*> cells;
      if (section.label) cells.push_back(&*section.label);
      for (const auto* rows : {&section.header, &section.body})
        for (const auto& row : *rows)
          for (const auto& cell : row.cells) cells.push_back(&cell);
      for (const Cell* cell : cells) {
        if (cell->paths.empty()) continue;
        EXPECT_TRUE(seen.insert(anchor_id(cell->paths.front())).second) << cell->paths.front();
      }
    }
  }
}

TEST(Layout, ReviewAppendixListsComputedFiguresApart) {
  auto form = seed_form();
  auto assessment = testing::assessed(form, "tianjin-2022");
  Sheet sheet = official_layout(form);
  auto review =
      review_sections(sheet, form, assessment.evaluation, testing::rule_set("tianjin-2022"));
  ASSERT_EQ(review.size(), 1u);
  EXPECT_NE(review[0].header[0].cells[0].text.find("非表单申报内容"), std::string::npos);
  std::map<std::string, std::vector<std::string>> rows;
  for (const auto& row : review[0].body)
    if (!row.cells[0].paths.empty()) {
      std::vector<std::string> texts;
      for (const auto& cell : row.cells) texts.push_back(cell.text);
      rows[row.cells[0].paths.front()] = texts;
    }
  ASSERT_TRUE(rows.count("budget.score"));
  EXPECT_EQ(rows["budget.score"][1], "8.7");
  EXPECT_EQ(rows["budget.score"][2], "8.73");
  EXPECT_EQ(rows["total.score"][2], "97.43");
  // 坐席电话接通率: 74.75% of ≥90%, declared 0.8, the formula 0.83.
  ASSERT_TRUE(rows.count("goals[8].indicators[4].score"));
  EXPECT_EQ(rows["goals[8].indicators[4].score"][1], "0.8");
  EXPECT_EQ(rows["goals[8].indicators[4].score"][2], "公式 0.83");
  // A leaf declared as the formula gives and inside its interval is not listed.
  EXPECT_FALSE(rows.count("goals[0].indicators[0].score"));
}

TEST(Layout, DiagnosticsAppendixInSourceOrder) {
  auto form = seed_form();
  auto assessment = testing::assessed(form, "tianjin-2022");
  Sheet sheet = official_layout(form);
  auto sections = diagnostic_sections(sheet, assessment.diagnostics);
  ASSERT_EQ(sections.size(), 1u);
  EXPECT_EQ(sections[0].body.size(), assessment.diagnostics.size());
  bool warned = false;
  for (const auto& row : sections[0].body)
    warned = warned || row.cells[0].text.find("ZP0304") != std::string::npos;
  EXPECT_TRUE(warned);
}

} // namespace
} // namespace ziping::io::print
