// rules/embedded.h — the rule files compiled into the binary (generated from rules/*.toml).
#pragma once

#include <span>
#include <string_view>

namespace ziping::rules {

struct EmbeddedRuleFile {
  std::string_view name; // file name without .toml
  std::string_view text;
};

std::span<const EmbeddedRuleFile> embedded_rule_files();

} // namespace ziping::rules
