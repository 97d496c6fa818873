// bench/gen_forms.h — deterministic forms of realistic shape for benchmarks: department forms
// with 5–12 goals of 5–13 leaves each, value spellings drawn from what published forms use
// (≥N次, ≤X万元, =100%, 合格以上, deadlines, sentences), some targets missed or far exceeded.
#pragma once

#include <cstdint>
#include <vector>

#include "ziping/model/form.h"

namespace ziping::bench {

// The same seed always gives the same forms, on every platform.
std::vector<model::Form> generate_forms(std::size_t count, std::uint32_t seed = 42);

} // namespace ziping::bench
