// rules/display.h — how numbers appear in derivations and messages: quantities with their
// unit as the form writes them ("74.75%", "34.985万元"), shares as percentages ("+195.00%").
#pragma once

#include <string>

#include "ziping/num/decimal.h"
#include "ziping/value/value.h"

namespace ziping::rules {

// A number with trailing zeros removed ("2.00" → "2", "0.80" → "0.8").
std::string plain(const num::Decimal& number);
// A score with the rule set's places ("0.8" → "0.80" for places = 2).
std::string score_text(const num::Decimal& score, int places);
// A quantity as written: number (its own scale) followed by the unit: "95.20%", "6次".
std::string quantity_text(const num::Decimal& number, const value::Unit& unit);
// A ratio as a percentage with two decimals: 0.8305 → "83.05%"; `signed_` adds "+".
std::string percent_text(const num::Decimal& ratio, bool signed_ = false);

// A rule's share as a percentage without padding: 0.2 → "20%", 0.05 → "5%".
std::string share_text(const num::Decimal& share);

} // namespace ziping::rules
