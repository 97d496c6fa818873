// io/text/vocabulary.h — the words every published form uses for its structure, recognised
// through keys (keys.h): 一级/二级 labels, 绩效目标N, section labels, the columns of the
// indicator, budget and goal tables, and the field labels around them (部门名称, 总分, 自评结论).
//
// Only structure is recognised here. Whether a cell's content makes sense is the scorer's and
// the checker's business, and nothing returned here replaces what the form printed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ziping/num/decimal.h"

namespace ziping::io::text {

enum class LabelKind {
  None,
  Goal,      // 绩效目标3, 目标3
  Level1,    // 产出指标, 效益指标, 满意度指标
  Level2,    // 数量指标, 社会效益指标, 服务对象满意度
  Level1or2, // 成本指标: a 一级 since 财预〔2021〕101号, a 二级 under 产出 before
  Section, // merged labels of a whole table: 年度指标完成情况, 绩效指标, 年度 绩效 目标 完成 情况
};

struct Label {
  LabelKind kind = LabelKind::None;
  std::string name; // as printed, without an attached "(50分)"
  std::string stem; // vocabulary stem: "产出", "数量", "社会效益", "服务对象满意度"
  int goal_number = 0;
  std::optional<num::Decimal> points; // "产出指标(50分)" → 50
};

Label classify_label(std::string_view text);

// The usual 一级 of a 二级 stem ("数量" → "产出"); empty when the 二级 is not standard.
std::string_view natural_level1(std::string_view level2_stem);
// Whether the standard framework puts the 二级 stem under the 一级 stem.
bool level2_belongs(std::string_view level1_stem, std::string_view level2_stem);
// Order of 一级 blocks inside a goal: 产出 0, 成本 1, 效益 2, 满意度 3; -1 unknown.
int level1_rank(std::string_view level1_stem);
// The printed form of a stem for messages: "产出" → "产出指标".
std::string level_display(std::string_view stem);

enum class Column {
  None,
  Goal,        // the first column holding 绩效目标N (headed by a section label)
  Level1,      // 一级指标
  Level2,      // 二级指标
  Name,        // 三级指标
  Nature,      // 指标性质
  Unit,        // 度量单位 / 计量单位
  Target,      // 年度指标值
  Adjusted,    // 调整指标值
  Actual,      // 实际完成值
  Weight,      // 分值 / 权重
  Score,       // 得分
  Coefficient, // 得分系数
  Reason,      // 偏差原因分析及改进措施
  Standard,    // 评(扣)分标准
  Explanation, // 指标解释 / 指标说明
  Core,        // 是否核心指标
  Other,       // a column the model does not hold (完成率, 数据来源, …)
  Review,      // 复核分: the reviewer's score, a figure the self-evaluation does not hold
  Rate, // 累计完成率: actual / target as a percentage, a figure the model derives, not read
};
std::string column_name(Column column); // bilingual, for messages
// The indicator-table column a header cell names (by key); None for a non-header.
Column indicator_column(std::string_view key);

enum class BudgetColumn { None, Label, Initial, Annual, Executed, Weight, Score, Rate };
BudgetColumn budget_column(std::string_view key);
// The budget block's weight printed in its header ("预算执行情况(万元)(20分)",
// "资金执行情况(10分)", "预算执行率(20分)", "分值(10分)"), where the form has no 分值 cell for it.
std::optional<num::Decimal> budget_header_points(std::string_view key);

enum class GoalColumn { None, Number, Target, Actual, Reason };
GoalColumn goal_column(std::string_view key);

enum class Field {
  None,
  Department,       // 部门名称, 部门（单位）名称
  Project,          // 项目名称
  Supervisor,       // 主管部门
  ImplementingUnit, // 实施单位
  FundingHeader,    // 项目资金（万元）, 预算执行情况
  FundingTotal,     // 年度资金总额
  FundingSource,    // 其中：本年财政拨款, 上年结转资金, 其他资金
  BudgetReason,     // 偏差原因分析及改进措施 (where a budget or goal block has it)
  OverallGoal,      // 年度总体目标
  Total,            // 总分, 合计
  Conclusion,       // 自评结论, 评价结论, 整体支出绩效自评结论
  Grade,            // 自评等级
  Problems,         // 存在问题
  Improvements,     // 改进措施
  ProjectLeader,    // 项目负责人
  FinanceLeader,    // 财务负责人
  Ignored,          // 填表人, 联系电话, 填报日期, 单位负责人
  Note,             // 注：, 备注, 说明
};

// The form field a name label fills ("project", "department", "implementing_unit"; 主管部门 is
// the department); empty for every other field.
std::string_view name_field_path(Field field);

struct FieldMatch {
  Field field = Field::None;
  std::string label; // the label as printed
  std::string rest;  // what follows it in the same cell ("项目名称：X" → "X")
};
// Recognises a field label at the start of a cell (whole cell, or "label：value").
FieldMatch match_field(std::string_view text);

// 其中：本年财政拨款 → 本年财政拨款; 年度资金总额： → 年度资金总额.
std::string funding_label(std::string_view text);

// A form title: "项目支出绩效自评表", "2022年度部门整体支出绩效自评表".
bool is_title(std::string_view key);
// The kind a title names, if it names one: true = project, false = department.
std::optional<bool> title_is_project(std::string_view key);
// "(2022年度)", "2022年度", "（2022年）" → 2022; also a year inside a title.
std::optional<int> year_in(std::string_view key);

} // namespace ziping::io::text
