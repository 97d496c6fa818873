// io/csv/csv_columns.h — the columns of ziping's CSV form, in the order written.
#pragma once

#include <span>
#include <string_view>

namespace ziping::io::csv {

enum class Column {
  GoalNumber,
  Level1,
  Level2,
  Name,
  Nature,
  Unit,
  Target,
  AdjustedTarget,
  Actual,
  Weight,
  ScoreCoefficient,
  Score,
  Core,
  ScoringStandard,
  Reason,
  GoalTarget,
  GoalActual,
  GoalReason,
  GoalWeight,
  GoalScore,
  Kind,
  Title,
  Year,
  Department,
  Project,
  ImplementingUnit,
  MoneyUnit,
  BudgetInitial,
  BudgetAnnual,
  BudgetExecuted,
  BudgetWeight,
  BudgetScore,
  BudgetRate,
  BudgetReason,
  TotalWeight,
  TotalScore,
  Grade,
  Conclusion,
  Problems,
  Improvements,
  ProjectLeader,
  FinanceLeader,
  GoalLabel, // read only: 绩效目标 column with "绩效目标1" in hand-made files
};

struct ColumnName {
  Column column;
  std::string_view header;
  bool optional; // written only when some row has a value
};

std::span<const ColumnName> csv_columns();

// "资金来源3" + "全年预算数": the funding-row columns, numbered from 1.
inline constexpr std::string_view kSourcePrefix = "资金来源";
inline constexpr std::string_view kSourceFields[] = {"", "年初预算数", "全年预算数", "全年执行数",
                                                     "执行率"};

} // namespace ziping::io::csv
