// io/csv/plan_csv.h — the chain's plans (绩效目标申报表, 绩效运行监控表) as one CSV table, every
// column a line of the field catalogue (model/fields.def, the kind's Decl*/Mon* owners; the
// column is the catalogue's CSV name, else its printed header).
//
// The first column, 记录, says what a row holds: 表头 (the head, one row), 资金 (a funding
// row), 任务 (a row of a 部门整体 declaration's 年度主要任务; its columns come last and are
// written only when the plan has tasks), 目标 (a goal), 指标 (an indicator of the goal above).
// Only that owner's columns are
// filled. Lossless: reading what write_plan_csv wrote gives the same plan (numbers keep their
// digits, 是/否 for flags, empty for absent). Never throws on content; every cell it cannot
// read is a diagnostic at file:line:column.
#pragma once

#include <string>
#include <string_view>

#include "ziping/model/plan.h"

namespace ziping::io::csv {

std::string write_plan_csv(const model::Plan& plan);
model::PlanReadResult read_plan_csv(std::string_view bytes, const std::string& file_name);

} // namespace ziping::io::csv
