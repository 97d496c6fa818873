// io/xlsx/plan_xlsx.h — the chain's plans (绩效目标申报表, 绩效运行监控表) as XLSX, in the
// layout of the printed templates (LINKED-FORMS.md §1, §3): the title; the head as label |
// value rows; the funds table (资金来源 and the kind's amount columns); then per goal its
// label | value rows and its indicator table — for a monitoring form with the two-row header
// of 136号, 偏差原因分析 spanning 经费保障 · 制度保障 · 人员保障 · 硬件条件保障 · 其他.
// Every label and column is a line of the field catalogue (Decl*/Mon* owners).
//
// Lossless: reading what write_plan_xlsx wrote gives the same plan (a number cell carries its
// Decimal's decimals in its format, as the 自评表's writer does). The reader finds the blocks
// by their labels and headers (the catalogue's synonyms too), so a sheet laid out by hand in
// the same order reads as well. Never throws on content; problems are at Sheet!Cell.
#pragma once

#include <string>
#include <string_view>

#include "ziping/model/plan.h"

namespace ziping::io::xlsx {

std::string write_plan_xlsx(const model::Plan& plan);
model::PlanReadResult read_plan_xlsx(std::string_view bytes, const std::string& file_name);

} // namespace ziping::io::xlsx
