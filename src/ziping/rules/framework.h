// rules/framework.h — the indicator framework of a rule set: which 二级 belong under which 一级,
// compared the way forms actually write them ("服务对象满意度" and "服务对象满意度指标" are one
// name; a trailing 指标 and surrounding spaces never matter).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ziping/rules/rule_set.h"

namespace ziping::rules {

// The comparable form of a level name: folded, spaces removed, trailing "指标" dropped.
std::string level_key(std::string_view name);

// Fills the RuleSet's key indexes from its framework (the loader calls it).
void index_framework(RuleSet& rules);

bool is_known_level1(const RuleSet& rules, std::string_view level1);
// The 一级 the framework puts `level2` under, if any.
std::optional<std::string> level1_of(const RuleSet& rules, std::string_view level2);
bool level2_allowed(const RuleSet& rules, std::string_view level1, std::string_view level2);

} // namespace ziping::rules
