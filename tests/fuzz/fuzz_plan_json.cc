// Fuzzes the chain plans' JSON reader and writer (绩效目标申报表, 绩效运行监控表) and their own
// checks. Any bytes must come back as a plan or as diagnostics without a crash; a plan that
// came back must be checked without a crash and write to a file the reader takes without a
// diagnostic, and reading and writing that file must give the same bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ziping/chain/chain.h"
#include "ziping/io/json/plan_json.h"
#include "ziping/rules/load.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using ziping::io::json::read_plan_json;
  using ziping::io::json::write_plan_json;
  static const auto kRules = ziping::rules::load_embedded("cn-2020");
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto first = read_plan_json(bytes, "fuzz.json");
  if (!first.plan) {
    if (first.diagnostics.empty()) __builtin_trap(); // refused without saying why
    return 0;
  }
  if (kRules.rules) ziping::chain::check_plan({*first.plan, first.map}, *kRules.rules);
  std::string written = write_plan_json(*first.plan);
  auto second = read_plan_json(written, "fuzz.json");
  if (!second.plan || !second.diagnostics.empty()) __builtin_trap();
  if (write_plan_json(*second.plan) != written) __builtin_trap();
  return 0;
}
