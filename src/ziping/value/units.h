// value/units.h — the unit table behind lookup_unit() and the unit part of a quantity.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ziping/value/value.h"

namespace ziping::value {

// `spelling` is already folded. Known units are the table, a magnitude in front of a table
// unit ("万元", "万人次", "千米"), a bare magnitude ("亿") and "A/B" of two known units.
std::optional<Unit> lookup_folded_unit(std::string_view spelling);

enum class UnitMatch {
  Known,     // lookup_folded_unit knows it
  CountNoun, // a measure word and its noun: "个事项", "家企业" (Count, compared by spelling)
  Unknown,   // short and unit-like but not ours: Other, with ZP0201
  NotAUnit,  // a sentence, digits, punctuation: the value is not a quantity
};

struct UnitReading {
  UnitMatch match = UnitMatch::NotAUnit;
  Unit unit;
};

// What follows a number, spaces trimmed: "" (no unit), "万元", "个事项", "WIFI", "运行(受理)".
UnitReading read_unit_text(std::string_view tail);

// The counted thing of a unit without its magnitude: "万人次" → "人次", "千米" → "米".
std::string_view unit_base(std::string_view canonical);

// Every spelling the table is built from, and each with every magnitude in front ("万次"),
// sorted and without repeats; lookup_folded_unit() knows some of them, not all ("万%").
std::vector<std::string> table_spellings();

} // namespace ziping::value
