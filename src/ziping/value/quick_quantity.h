// value/quick_quantity.h — parse_value()'s fast path: a quantity already written the way
// format_value() spells it ("≥120次", "95.20%", "≤353.3万元", "=100%"), which is most of the
// numbers on a form. Such a text needs no folding, no table of words, no date or range
// reading and no second spelling: its Value is read in one pass, its canonical text is the
// text itself (less an actual's "="), and nothing is allocated beyond the Value's own strings.
//
// tests/unit/value/quick_quantity_test.cc holds the fast path equal to the general one
// (parse_general.h) on every unit it accepts, with every sign, both roles and edge numbers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ziping/value/value.h"

namespace ziping::value {

// Fills `value` and returns true when `text` is [≥ ≤ > < =] digits [. digits] [unit] with a
// unit from quick_unit_spellings(), a number without leading zeros within Decimal's limits, and
// nothing else (no space, no other character); false, `value` untouched, otherwise.
bool read_quick_quantity(std::string_view text, Role role, Value& value);

// The unit spellings the fast path takes: the canonical spellings of the unit table (units.cc)
// that no other reading of the general path can claim (none starts a date: 年, 月, 季度).
// Every unit the fast path can ever take is in this list (for the unit tests).
std::vector<std::string> quick_unit_spellings();

} // namespace ziping::value
