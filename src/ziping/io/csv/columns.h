// io/csv/columns.h — the column headers of spreadsheet forms (XLSX and CSV alike): how a
// header cell is folded before comparing, which spellings name which field (分值 / 权重 /
// 分数, 得分 / 自评得分, …) and which known header a misspelt one probably meant.
//
// It knows header texts only: no cells, no positions, no file formats. It never throws.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ziping/num/decimal.h"

namespace ziping::io::sheet {

// A field of the form that a column (or a labelled cell) can hold.
enum class Field {
  // indicator table
  GoalLabel,  // 绩效目标 column holding "绩效目标1" (department forms)
  GoalNumber, // 目标序号
  RowNumber,  // 序号 of an indicator table: a row count that carries nothing, known so as not to warn
  Level1,
  Level2,
  Name,
  Target,
  AdjustedTarget,
  Actual,
  Weight,
  ScoreCoefficient,
  Score,
  Core,
  ScoringStandard,
  Nature,
  Unit,
  Reason,
  // goal block (年度绩效目标 / 年度总体目标)
  GoalTarget, // 年度绩效目标 / 预期目标
  GoalActual, // 实际完成情况
  // budget block
  BudgetInitial,
  BudgetAnnual,
  BudgetExecuted,
  BudgetWeight,
  BudgetRate,
  BudgetScore,
  // labelled cells
  Department,
  Project,
  ImplementingUnit,
  Year,
  Grade,
  Conclusion,
  Problems,
  Improvements,
  ProjectLeader,
  FinanceLeader,
  Total,
  Subtotal,
};

// A header as compared: NFKC and the value fold (full-width → half-width), then without
// spaces, asterisks, a trailing colon and parenthesised asides ("全年预算数（A）" →
// "全年预算数", "评(扣)分标准" → "评分标准", "得分系数(%)" → "得分系数").
std::string fold_header(std::string_view text);

// The text inside the last parenthesised aside, if any: "预算执行情况（万元）" → "万元".
std::optional<std::string> parenthesised(std::string_view text);

struct HeaderName {
  Field field;
  std::string_view canonical; // how ziping writes it
  std::vector<std::string_view> synonyms;
};

// The columns of an indicator table, the goal block and the budget block.
std::span<const HeaderName> indicator_headers();
std::span<const HeaderName> goal_headers();
std::span<const HeaderName> budget_headers();
// Cells that label the value to their right (部门名称, 年度, 自评等级, …).
std::span<const HeaderName> label_headers();

// The field a folded header names in `table`, exact canonical names first, then synonyms.
std::optional<Field> match_header(std::string_view folded, std::span<const HeaderName> table);
// Whether the folded text is a header's canonical name rather than one of its synonyms.
bool is_canonical_header(std::string_view folded, std::span<const HeaderName> table);
// The canonical name closest to an unknown header, when one is close enough to be a typo or
// a variant (edit distance on code points at most a third of the length), else "".
std::string suggest_header(std::string_view folded, std::span<const HeaderName> table);

// The first digits in a text as a goal number: "绩效目标3" → 3, "目标 12" → 12.
std::optional<int> number_in(std::string_view text);

} // namespace ziping::io::sheet

namespace ziping::io::sheet {

enum class NumberText { Blank, Number, NotANumber };

// A number typed as text, as people type them into sheets: "22681.6", " 1,466.50 ", "２",
// "9.55分". A dash or slash alone ("—", "-", "/") means "nothing here" and reads as Blank.
// Exponents and anything else read as NotANumber; `out` keeps the digits as written.
NumberText parse_number_text(std::string_view text, std::optional<num::Decimal>& out);

} // namespace ziping::io::sheet
