// io/html/plan_html.h — a 绩效目标申报表 or 绩效运行监控表 as one self-contained HTML page, in the
// same block order as its XLSX (io/xlsx/plan_xlsx.h): title, head, funds, then per goal its
// fields and its indicator table (a monitoring table with 偏差原因分析 spanning its five
// causes). Every label is a line of the field catalogue; the form's text is always escaped;
// each value cell carries its model path as id, as the 自评表's page does.
#pragma once

#include <string>

#include "ziping/model/plan.h"

namespace ziping::io::html {

std::string write_plan_html(const model::Plan& plan);

} // namespace ziping::io::html
