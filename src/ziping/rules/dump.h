// rules/dump.h — a resolved rule set written back as one standalone TOML file (no `extends`),
// so `ziping rules show NAME` says exactly which values apply, and the output loads again.
#pragma once

#include <string>

#include "ziping/rules/rule_set.h"

namespace ziping::rules {

std::string to_toml(const RuleSet& rules);

} // namespace ziping::rules
