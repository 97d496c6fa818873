// Fuzzes the rule-set loader: any bytes as a rule file (which may `extends` an embedded set or
// itself) give a rule set or a diagnostic saying why not, never a crash, a hang or an exception;
// a rule set that loads dumps to TOML that loads again.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ziping/rules/dump.h"
#include "ziping/rules/load.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ziping::rules;
  std::string text(reinterpret_cast<const char*>(data), size);
  auto resolve = [&](const std::string& name) -> std::optional<RuleSource> {
    if (name == "fuzz") return RuleSource{"fuzz", text, "fuzz.toml"};
    return embedded_source(name);
  };
  LoadResult first;
  try {
    first = load_rules("fuzz", resolve);
  } catch (...) {
    __builtin_trap(); // bad rule files give diagnostics, never exceptions
  }
  if (!first.rules) {
    if (first.diagnostics.empty()) __builtin_trap();
    return 0;
  }
  std::string dumped = to_toml(*first.rules);
  auto again = [&](const std::string& name) -> std::optional<RuleSource> {
    if (name == "dumped") return RuleSource{"dumped", dumped, "dumped.toml"};
    return embedded_source(name);
  };
  if (!load_rules("dumped", again).rules) __builtin_trap();
  return 0;
}
