// rules/load.h — reading rule-set files (TOML) and resolving `extends`.
//
// The core does no file I/O: the caller supplies a Resolver that turns a name or path into the
// file's text (the CLI reads files; tests pass strings). Embedded rule sets are always
// available through embedded_source(). Bad rule files give diagnostics, never exceptions.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ziping/diag/diagnostic.h"
#include "ziping/rules/rule_set.h"

namespace ziping::rules {

using Resolver = std::function<std::optional<RuleSource>(const std::string& name_or_path)>;

struct LoadResult {
  std::optional<RuleSet> rules;
  std::vector<diag::Diagnostic> diagnostics;
};

constexpr const char* kDefaultRuleSet = "cn-2020";

std::optional<RuleSource> embedded_source(const std::string& name);
std::vector<std::string> embedded_names();

// Loads `name_or_path` through `resolve`, then each `extends` ancestor through it too.
LoadResult load_rules(const std::string& name_or_path, const Resolver& resolve);
// Embedded rule sets only.
LoadResult load_embedded(const std::string& name);

} // namespace ziping::rules
