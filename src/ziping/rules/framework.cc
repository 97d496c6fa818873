#include "ziping/rules/framework.h"

#include "ziping/text/utf8.h"
#include "ziping/value/value.h"

namespace ziping::rules {

std::string level_key(std::string_view name) {
  std::string folded = value::fold(name);
  std::string key;
  key.reserve(folded.size());
  for (char c : folded) {
    if (c != ' ') key.push_back(c);
  }
  constexpr std::string_view kSuffix = "指标";
  if (key.size() > kSuffix.size() && key.ends_with(kSuffix)) key.resize(key.size() - kSuffix.size());
  return key;
}

bool is_known_level1(const RuleSet& rules, std::string_view level1) {
  std::string key = level_key(level1);
  for (const auto& [name, children] : rules.framework) {
    if (level_key(name) == key) return true;
  }
  return false;
}

std::optional<std::string> level1_of(const RuleSet& rules, std::string_view level2) {
  std::string key = level_key(level2);
  for (const auto& [name, children] : rules.framework) {
    for (const auto& child : children) {
      if (level_key(child) == key) return name;
    }
  }
  return std::nullopt;
}

bool level2_allowed(const RuleSet& rules, std::string_view level1, std::string_view level2) {
  std::string parent = level_key(level1);
  std::string child = level_key(level2);
  for (const auto& [name, children] : rules.framework) {
    if (level_key(name) != parent) continue;
    for (const auto& allowed : children) {
      if (level_key(allowed) == child) return true;
    }
  }
  return false;
}

} // namespace ziping::rules
