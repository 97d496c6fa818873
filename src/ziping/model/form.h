// model/form.h — the declared self-evaluation form (绩效自评表), exactly as the unit wrote it.
//
// A Form holds texts, numbers and declared scores and nothing computed: scoring produces a
// separate Evaluation and never writes back here. Both kinds share Budget, Goal and Indicator.
// A 项目支出绩效自评表 is a Form with exactly one Goal: its 年度总体目标 (预期目标 versus
// 实际完成情况) and its single indicator table, so every later stage walks one shape.
//
// Values of 年度指标值 / 实际完成值 stay text here; the value module parses them on demand,
// so nothing the unit wrote is ever lost or re-spelled.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ziping/num/decimal.h"

namespace ziping::model {

using num::Decimal;

enum class FormKind {
  Department, // 部门整体支出绩效自评表: numbered goals, one indicator tree per goal
  Project,    // 项目支出绩效自评表: one overall goal, funding rows
};

// The kinds' names in JSON, the store, the API and the CLI: "department", "project".
constexpr std::string_view kind_name(FormKind kind) {
  return kind == FormKind::Project ? "project" : "department";
}
constexpr std::optional<FormKind> parse_kind(std::string_view name) {
  if (name == "department") return FormKind::Department;
  if (name == "project") return FormKind::Project;
  return std::nullopt;
}

// One row of the 项目资金 table (年度资金总额 / 其中：本年财政拨款 / 上年结转资金 / 其他资金), or
// the single 预算执行情况 row of a department form.
struct FundingRow {
  std::string label;               // 资金来源: "年度资金总额", "本年财政拨款", …
  std::optional<Decimal> initial;  // 年初预算数
  std::optional<Decimal> annual;   // 全年预算数 (A)
  std::optional<Decimal> executed; // 全年执行数 (B)
  std::string rate;                // 执行率 as printed ("87.3%"); text, checked not trusted
};

struct Budget {
  std::optional<Decimal> initial;  // 年初预算数
  std::optional<Decimal> annual;   // 全年预算数 (A), the denominator of the execution rate
  std::optional<Decimal> executed; // 全年执行数 (B)
  std::optional<Decimal> weight;   // 分值 (10 under the national rules)
  std::optional<Decimal> score;    // 得分 as declared (often printed with one decimal)
  std::string rate;                // 执行率 (B/A) as printed: "87.3%"
  std::string deviation_reason;    // 偏差原因分析及改进措施 for the budget execution
  // Project forms: the source rows (其中：本年财政拨款, 上年结转资金, 其他资金). The totals
  // above are the 年度资金总额 row, the only one that is scored.
  std::vector<FundingRow> sources;
};

struct Indicator {
  std::string level1; // 一级指标: 产出指标 / 效益指标 / 满意度指标 / 成本指标
  std::string level2; // 二级指标: 数量指标, 质量指标, …
  std::string name;   // 三级指标
  std::string target; // 年度指标值, as written: "≥5次", "≤353.3万元", "合格以上"
  std::string actual; // 实际完成值, as written: "6次", "353.3", "=58个"
  std::optional<Decimal> weight; // 分值
  std::optional<Decimal> score;  // 得分 as declared by the unit
  std::string deviation_reason;  // 偏差原因分析及改进措施

  // Local template variants (DOMAIN.md §2); empty when the template has no such column.
  std::string adjusted_target; // 调整指标值 (replaces the target for scoring when present)
  std::string nature;          // 指标性质: 定量 / 定性
  std::string unit;            // 度量单位 / 计量单位 as its own column
  std::optional<Decimal> score_coefficient; // 得分系数(%): score = coefficient × weight
  std::optional<bool> core;                 // 是否核心指标
  std::string scoring_standard;             // 评(扣)分标准
  std::string explanation; // 指标解释 / 指标说明: what the indicator measures
};

// 绩效目标N (department) or the 年度总体目标 (project).
struct Goal {
  std::optional<int> number;     // 目标序号; absent for a project's overall goal
  std::string target;            // 年度绩效目标 / 预期目标
  std::string actual;            // 实际完成情况
  std::string deviation_reason;  // 偏差原因分析及改进措施 (goal level)
  std::optional<Decimal> weight; // declared subtotal of 分值, when the template prints one
  std::optional<Decimal> score;  // declared subtotal of 得分, when the template prints one
  std::vector<Indicator> indicators;
};

struct Form {
  FormKind kind = FormKind::Department;
  std::string title;               // "整体支出绩效自评表", "项目支出绩效自评表"
  std::optional<int> year;         // 年度 (fiscal year evaluated)
  std::string department;          // 部门名称 (department) / 主管部门 (project)
  std::string project;             // 项目名称 (project forms)
  std::string implementing_unit;   // 实施单位 (project forms)
  std::string money_unit = "万元"; // unit of every amount in the budget block, from its header
  Budget budget;
  std::vector<Goal> goals;
  std::optional<Decimal> total_weight; // 总分 分值 column (100)
  std::optional<Decimal> total_score;  // 总分 得分 column as declared
  std::string grade;      // 自评等级 as declared: 优 / 良 / 中 / 差; empty if none
  std::string conclusion; // 自评结论 / 整体支出绩效自评结论 text
  // Optional closing blocks of some project templates.
  std::string problems;       // 存在问题
  std::string improvements;   // 改进措施
  std::string project_leader; // 项目负责人
  std::string finance_leader; // 财务负责人

  std::size_t indicator_count() const;
};

// Model paths name nodes the same way the canonical JSON does (0-based indices), so a path
// printed in a diagnostic finds the node in the JSON file.
std::string goal_path(std::size_t goal_index);
std::string indicator_path(std::size_t goal_index, std::size_t indicator_index);

} // namespace ziping::model
