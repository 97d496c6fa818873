#include "ziping/model/form.h"

namespace ziping::model {

std::size_t Form::indicator_count() const {
  std::size_t count = 0;
  for (const auto& goal : goals) count += goal.indicators.size();
  return count;
}

std::string goal_path(std::size_t goal_index) {
  return "goals[" + std::to_string(goal_index) + "]";
}

std::string indicator_path(std::size_t goal_index, std::size_t indicator_index) {
  return goal_path(goal_index) + ".indicators[" + std::to_string(indicator_index) + "]";
}

} // namespace ziping::model
