// value/convert.cc — exact unit conversion within a dimension; never rounds.
#include "ziping/value/units.h"

namespace ziping::value {
namespace {

// Count and Other units compare what is counted: 人次 and 万人次 convert, 次 and 件 do not.
bool same_measure(const Unit& from, const Unit& to) {
  if (from.dimension != to.dimension) return false;
  if (from.dimension == Dimension::Count || from.dimension == Dimension::Other)
    return unit_base(from.text) == unit_base(to.text);
  return true;
}

// value × from ÷ to, exactly. Every factor is an integer or 0.1, so converting into a smaller
// unit always succeeds; into a larger one it fails when the quotient does not terminate
// (100 分钟 is not an exact number of 小时).
std::optional<Decimal> exact_quotient(const Decimal& numerator, const Decimal& divisor) {
  for (int extra : {0, 6, 12, 18}) {
    int places = numerator.scale() + extra;
    if (places > Decimal::kMaxResultScale) break;
    try {
      return numerator.divide(divisor, places, num::RoundingMode::Never).normalized();
    } catch (const num::InexactRounding&) {
      continue;
    }
  }
  return std::nullopt;
}

} // namespace

bool convert(const Decimal& value, const Unit& from, const Unit& to, Decimal& converted) {
  if (!same_measure(from, to) || from.factor.is_zero() || to.factor.is_zero()) return false;
  try {
    if (from.factor == to.factor) {
      converted = value;
      return true;
    }
    std::optional<Decimal> result = exact_quotient(value * from.factor, to.factor);
    if (!result) return false;
    converted = *result;
    return true;
  } catch (const num::DecimalOverflow&) {
    return false;
  }
}

} // namespace ziping::value
