// io/xlsx/plan_xlsx.h — the chain's plans (绩效目标申报表, 绩效运行监控表) as XLSX, in the
// layout of the printed templates (LINKED-FORMS.md §1, §3): the title; the head as label |
// value rows; the funds table (资金来源 and the kind's amount columns); then per goal its texts
// side by side under their headers (88号's 中期目标 ‖ 年度目标, 136号's 年初设定目标 ‖ 1—N月执行
// 情况) and its indicator table — for a monitoring form with the two-row header of 136号,
// 偏差原因分析 spanning 经费保障 · 制度保障 · 人员保障 · 硬件条件保障 · 其他 and 完成目标可能性
// spanning 确定能 · 有可能 · 完全不可能, one tick (√) in the column that applies (a likelihood
// that is none of the three is written as its text in the first). Every label and column is a
// line of the field catalogue (Decl*/Mon* owners).
//
// Lossless: reading what write_plan_xlsx wrote gives the same plan (a number cell carries its
// Decimal's decimals in its format, as the 自评表's writer does). The reader finds the blocks
// by their labels and headers (the catalogue's synonyms too), so a sheet laid out by hand in
// the same order reads as well; it takes both layouts of the goals (side by side, or one
// label | value row per field) and of the likelihood (tick columns, or one column holding the
// word). Never throws on content; problems are at Sheet!Cell.
#pragma once

#include <string>
#include <string_view>

#include "ziping/model/plan.h"

namespace ziping::io::xlsx {

std::string write_plan_xlsx(const model::Plan& plan);
model::PlanReadResult read_plan_xlsx(std::string_view bytes, const std::string& file_name);

} // namespace ziping::io::xlsx
