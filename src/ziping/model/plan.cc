#include "ziping/model/plan.h"

namespace ziping::model {

std::size_t Plan::indicator_count() const {
  std::size_t count = 0;
  for (const auto& goal : goals) count += goal.indicators.size();
  return count;
}

bool is_placeholder(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
  for (std::string_view empty : {"", "无", "无偏差", "0", "/", "—", "-", "——", "暂无", "不涉及"})
    if (text == empty) return true;
  return false;
}

bool has_cause(const PlanIndicator& indicator) {
  for (const std::string* cause :
       {&indicator.cause_funding, &indicator.cause_rules, &indicator.cause_staff,
        &indicator.cause_hardware, &indicator.cause_other})
    if (!is_placeholder(*cause)) return true;
  return false;
}

} // namespace ziping::model
