// io/print/plan_cells.h — a plan field's value as the printed 申报表/监控表 shows it in a cell,
// shared by the PDF layout (plan_layout.cc) and the HTML page (io/html/plan_html.cc) so the
// two print the same words for the same value.
#pragma once

#include <optional>
#include <string>

#include "ziping/model/form.h"
#include "ziping/model/plan.h"
#include "ziping/num/decimal.h"

namespace ziping::io::print {

inline std::string shown(const std::string& text) {
  return text;
}
inline std::string shown(const std::optional<num::Decimal>& value) {
  return value ? value->to_string() : "";
}
inline std::string shown(const std::optional<int>& value) {
  return value ? std::to_string(*value) : "";
}
inline std::string shown(const std::optional<bool>& value) {
  return value ? (*value ? "是" : "否") : "";
}
inline std::string shown(model::FormKind kind) {
  return kind == model::FormKind::Project ? "项目支出" : "部门整体";
}
inline std::string shown(model::PlanKind kind) {
  return kind == model::PlanKind::Monitoring ? "绩效运行监控表" : "绩效目标申报表";
}

} // namespace ziping::io::print
