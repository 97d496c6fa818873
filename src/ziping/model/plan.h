// model/plan.h — the two forms that come before a 自评表 in the year's chain, exactly as the
// unit wrote them: the 绩效目标申报表 (declared with the budget request) and the 绩效运行监控表
// (the 1–N月 position, usually 1–7月 in August). LINKED-FORMS.md (shared docs) describes the
// templates; docs/form-json.md the JSON.
//
// One struct holds both kinds, because they share the head, the funding rows, the goals and
// the indicator tree; which members a kind carries is said by the field catalogue
// (model/fields.def: owners DeclHead … MonIndicator), which every format iterates. Like Form, a
// Plan holds declared text and numbers only: targets stay text, parsed by the value notation
// on demand, and nothing computed (execution rates, matches, findings) is kept here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ziping/diag/diagnostic.h"
#include "ziping/model/form.h"
#include "ziping/model/source_map.h"

namespace ziping::model {

enum class PlanKind {
  Declaration, // 绩效目标申报表 (project or 部门整体)
  Monitoring, // 绩效运行监控表 (项目支出绩效目标执行监控表, or its 部门整体 variant)
};

// The kinds' names in JSON and the CLI: "declaration", "monitoring".
constexpr std::string_view plan_kind_name(PlanKind kind) {
  return kind == PlanKind::Monitoring ? "monitoring" : "declaration";
}
constexpr std::optional<PlanKind> parse_plan_kind(std::string_view name) {
  if (name == "declaration") return PlanKind::Declaration;
  if (name == "monitoring") return PlanKind::Monitoring;
  return std::nullopt;
}

// One row of the funds block: 资金总额 (the first row, the one compared), 财政拨款, 其他资金.
struct PlanFunding {
  std::string label;               // 资金总额 / 财政拨款 / 其他资金
  std::optional<Decimal> medium;   // declaration: 中期资金 (the project period's amount)
  std::optional<Decimal> annual;   // declaration: 年度资金
  std::optional<Decimal> initial;  // monitoring: 年初预算数
  std::optional<Decimal> adjusted; // monitoring: 调整后预算数 (a recorded 调整)
  std::optional<Decimal> executed; // monitoring: 1–N月执行数
  std::string rate;                // monitoring: 1–N月执行率 as printed; checked, not trusted
  std::optional<Decimal> forecast; // monitoring: 全年预计执行数
};

// A 三级 indicator of the 年度 block, with the monitoring columns.
struct PlanIndicator {
  std::string level1;
  std::string level2;
  std::string name;
  std::string explanation;     // declaration: 指标解释 / 指标内容
  std::string medium_target;   // declaration: 中期指标值 (88号's side-by-side 中期 block)
  std::string target;          // 指标值 (declaration) / 年度指标值 (monitoring), as written
  std::string adjusted_target; // monitoring: 调整后指标值, a recorded 绩效指标调整
  std::string unit;            // 计量单位 as its own column
  std::optional<Decimal> weight; // declaration: 分值 / 权重
  std::string scoring_standard;  // declaration: 评(扣)分标准
  std::optional<bool> core;      // declaration: 是否核心指标
  std::string progress;          // monitoring: 1–N月实际完成值
  std::string forecast;          // monitoring: 全年预计完成值
  // monitoring: 偏差原因分析, one column per category as on the 136号 form; a tick ("√") or
  // a short text in each that applies.
  std::string cause_funding;  // 经费保障
  std::string cause_rules;    // 制度保障
  std::string cause_staff;    // 人员保障
  std::string cause_hardware; // 硬件条件保障
  std::string cause_other;    // 其他
  std::string likelihood; // monitoring: 完成目标可能性: 确定能 / 有可能 / 完全不可能
  std::string measures; // monitoring: 纠偏措施
  std::string remark;   // 备注
};

// A row of the 部门整体 申报表's 年度主要任务 table (88号; the one-stop system's
// PERF_T_DEPTTASK: name, context, totalamt, financialfund, otherfund): the task, what it
// covers and its budget, 总额 = 财政拨款 + 其他资金. The tasks' 总额 add up to the table's
// 金额合计, which is the plan's 年度资金总额 (funding[0].annual); nothing else holds it.
struct PlanTask {
  std::string name;              // 任务名称
  std::string content;           // 主要内容
  std::optional<Decimal> total;  // 预算金额·总额
  std::optional<Decimal> fiscal; // 预算金额·财政拨款
  std::optional<Decimal> other;  // 预算金额·其他资金
};

// 年度目标 (with the project's 中期目标), or a numbered goal of a 部门整体 form.
struct PlanGoal {
  std::optional<int> number; // 目标序号; absent for a project's overall goal
  std::string medium_target; // declaration: 中期目标
  std::string target;        // 年度目标 (declaration) / 年初设定目标 (monitoring)
  std::string progress;      // monitoring: 1–N月执行情况
  std::vector<PlanIndicator> indicators;
};

struct Plan {
  PlanKind kind = PlanKind::Declaration;
  FormKind scope = FormKind::Project; // project or 部门整体, as for the 自评表
  std::string title;
  std::optional<int> year;
  std::optional<int> month; // monitoring: N of 1–N月 (7 for the August round)
  std::string department;   // 主管部门 / 部门（单位）名称
  std::string project;      // 项目名称
  std::string project_code; // 项目代码, the key the three forms share when present
  std::string implementing_unit;
  std::string attribute; // declaration: 项目属性 (新增项目 / 延续项目)
  std::string period;    // declaration: 项目期 ("2022年—2024年")
  std::string money_unit = "万元";
  std::string measures; // monitoring: 纠偏措施 for the budget's execution
  std::vector<PlanFunding> funding;
  std::vector<PlanTask> tasks; // declaration (部门整体): 年度主要任务
  std::vector<PlanGoal> goals;

  std::size_t indicator_count() const;
};

// What a plan reader (JSON, CSV) hands back, like ReadResult for a Form: `plan` is empty only
// when the input cannot be a plan at all.
struct PlanReadResult {
  std::optional<Plan> plan;
  SourceMap map;
  std::vector<diag::Diagnostic> diagnostics;
};

// The three categories of 完成目标可能性, in the form's order.
inline constexpr std::string_view kLikelihoods[] = {"确定能", "有可能", "完全不可能"};

// Whether a monitoring indicator names a deviation cause (a tick or a text in any column).
bool has_cause(const PlanIndicator& indicator);
// A free-text answer that says nothing: empty, "无", "无偏差", "0", "/", "—" (the one-stop
// system fills empty monitoring cells with such placeholders).
bool is_placeholder(std::string_view text);

} // namespace ziping::model
