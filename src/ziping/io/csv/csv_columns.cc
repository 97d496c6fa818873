#include "ziping/io/csv/csv_columns.h"

#include <vector>

namespace ziping::io::csv {

std::span<const ColumnName> csv_columns() {
  static const std::vector<ColumnName> kColumns = {
      {Column::GoalNumber, "目标序号", false},
      {Column::Level1, "一级指标", false},
      {Column::Level2, "二级指标", false},
      {Column::Name, "三级指标", false},
      {Column::Nature, "指标性质", true},
      {Column::Unit, "度量单位", true},
      {Column::Target, "年度指标值", false},
      {Column::AdjustedTarget, "调整指标值", true},
      {Column::Actual, "实际完成值", false},
      {Column::Weight, "分值", false},
      {Column::ScoreCoefficient, "得分系数", true},
      {Column::Score, "得分", false},
      {Column::Core, "是否核心指标", true},
      {Column::ScoringStandard, "评(扣)分标准", true},
      {Column::Reason, "偏差原因分析及改进措施", false},
      {Column::GoalTarget, "年度绩效目标", false},
      {Column::GoalActual, "目标实际完成情况", false},
      {Column::GoalReason, "目标偏差原因分析及改进措施", false},
      {Column::GoalWeight, "目标分值", false},
      {Column::GoalScore, "目标得分", false},
      {Column::Kind, "表类型", false},
      {Column::Title, "表名", false},
      {Column::Year, "年度", false},
      {Column::Department, "部门名称", false},
      {Column::Project, "项目名称", false},
      {Column::ImplementingUnit, "实施单位", false},
      {Column::MoneyUnit, "金额单位", false},
      {Column::BudgetInitial, "年初预算数", false},
      {Column::BudgetAnnual, "全年预算数", false},
      {Column::BudgetExecuted, "全年执行数", false},
      {Column::BudgetWeight, "预算执行分值", false},
      {Column::BudgetScore, "预算执行得分", false},
      {Column::BudgetRate, "执行率", false},
      {Column::BudgetReason, "预算执行偏差原因分析及改进措施", false},
      {Column::TotalWeight, "总分值", false},
      {Column::TotalScore, "总得分", false},
      {Column::Grade, "自评等级", false},
      {Column::Conclusion, "自评结论", false},
      {Column::Problems, "存在问题", true},
      {Column::Improvements, "改进措施", true},
      {Column::ProjectLeader, "项目负责人", true},
      {Column::FinanceLeader, "财务负责人", true},
  };
  return kColumns;
}

} // namespace ziping::io::csv
