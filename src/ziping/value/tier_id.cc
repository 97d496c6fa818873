// The identifiers rule files and reports use for the qualitative tiers.
#include "ziping/value/value.h"

namespace ziping::value {

std::string_view tier_id(Tier tier) {
  switch (tier) {
  case Tier::Achieved:
    return "achieved";
  case Tier::Partial:
    return "partial";
  case Tier::NotAchieved:
    return "not_achieved";
  }
  return "";
}

std::optional<Tier> tier_from_id(std::string_view id) {
  for (Tier tier : {Tier::Achieved, Tier::Partial, Tier::NotAchieved}) {
    if (tier_id(tier) == id) return tier;
  }
  return std::nullopt;
}

} // namespace ziping::value
