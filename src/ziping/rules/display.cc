#include "ziping/rules/display.h"

namespace ziping::rules {

using num::Decimal;
using num::RoundingMode;

std::string plain(const Decimal& number) {
  return number.normalized().to_string();
}

std::string score_text(const Decimal& score, int places) {
  return score.rounded(places, RoundingMode::HalfUp).to_string_min_places(places);
}

std::string quantity_text(const Decimal& number, const value::Unit& unit) {
  return number.to_string() + unit.text;
}

std::string percent_text(const Decimal& ratio, bool signed_) {
  Decimal percent = (ratio * Decimal::from_int(100)).rounded(2, RoundingMode::HalfUp);
  std::string text = percent.to_string_min_places(2) + "%";
  // Built by concatenation: GCC 12 reports a false -Wrestrict on std::string::insert(0, …).
  if (signed_ && !percent.is_negative() && !percent.is_zero()) text = "+" + text;
  return text;
}

std::string share_text(const Decimal& share) {
  return plain(share * Decimal::from_int(100)) + "%";
}

} // namespace ziping::rules
