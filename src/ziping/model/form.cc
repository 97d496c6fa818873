#include "ziping/model/form.h"

#include <charconv>

namespace ziping::model {

std::size_t Form::indicator_count() const {
  std::size_t count = 0;
  for (const auto& goal : goals) count += goal.indicators.size();
  return count;
}

namespace {

void append_index(std::string& out, std::size_t index) {
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, index).ptr;
  out.append(digits, end);
}

} // namespace

std::string goal_path(std::size_t goal_index) {
  std::string path = "goals[";
  append_index(path, goal_index);
  path.push_back(']');
  return path;
}

// Spelt once into one buffer: every leaf of every scored form gets its path.
std::string indicator_path(std::size_t goal_index, std::size_t indicator_index) {
  std::string path;
  path.reserve(32);
  path.append("goals[");
  append_index(path, goal_index);
  path.append("].indicators[");
  append_index(path, indicator_index);
  path.push_back(']');
  return path;
}

} // namespace ziping::model
