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
  if (key.size() > kSuffix.size() && key.ends_with(kSuffix))
    key.resize(key.size() - kSuffix.size());
  return key;
}

void index_framework(RuleSet& rules) {
  rules.level1_by_key.clear();
  rules.level2_owner.clear();
  rules.level_pairs.clear();
  for (const auto& [name, children] : rules.framework) {
    std::string parent = level_key(name);
    rules.level1_by_key[parent] = name;
    for (const auto& child : children) {
      std::string key = level_key(child);
      rules.level2_owner.emplace(key, name);
      rules.level_pairs.emplace(parent, key);
    }
  }
}

bool is_known_level1(const RuleSet& rules, std::string_view level1) {
  return rules.level1_by_key.count(level_key(level1)) > 0;
}

std::optional<std::string> level1_of(const RuleSet& rules, std::string_view level2) {
  auto found = rules.level2_owner.find(level_key(level2));
  if (found == rules.level2_owner.end()) return std::nullopt;
  return found->second;
}

bool level2_allowed(const RuleSet& rules, std::string_view level1, std::string_view level2) {
  return rules.level_pairs.count({level_key(level1), level_key(level2)}) > 0;
}

} // namespace ziping::rules
