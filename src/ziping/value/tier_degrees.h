#pragma once
// The degree words an outcome phrase may start with (全部, 部分, 未 …; "" for none), each with
// the tier it gives: read_tier()'s table, shown to the tests that hold its prefilter to it.
#include <span>
#include <string_view>

#include "ziping/value/value.h"

namespace ziping::value {

struct TierDegree {
  std::string_view spelling;
  Tier tier;
};

std::span<const TierDegree> tier_degrees();

} // namespace ziping::value
