// value/quantity.cc — numbers with units, and ranges of two numbers sharing a unit.
#include <algorithm>
#include <optional>

#include "ziping/value/cursor.h"
#include "ziping/value/number.h"
#include "ziping/value/quantity.h"
#include "ziping/value/units.h"

namespace ziping::value {
namespace {

constexpr std::string_view kRangeSeparators[] = {"-", "~", "至", "到"};

struct Separator {
  std::size_t position = std::string_view::npos;
  std::size_t length = 0;
};

Separator first_separator(std::string_view text) {
  Separator first;
  for (std::string_view separator : kRangeSeparators) {
    std::size_t found = text.find(separator);
    if (found < first.position) first = {found, separator.size()};
  }
  return first;
}

QuantityReading quantity_of(const NumberReading& number, const UnitReading& unit) {
  QuantityReading reading;
  reading.status = number.out_of_range ? QuantityStatus::OutOfRange : QuantityStatus::Parsed;
  reading.number = number.value;
  reading.unit = unit.unit;
  reading.unknown_unit = unit.match == UnitMatch::Unknown;
  return reading;
}

// "90%-95%", "90~95%", "3至5次", "1-2万": the low end's unit, if written, must be the high's.
std::optional<QuantityReading> read_range(std::string_view core) {
  Cursor cursor(core);
  std::optional<NumberReading> low = read_arabic_number(cursor);
  if (!low) return std::nullopt;
  std::string_view rest = cursor.rest();
  Separator separator = first_separator(rest);
  if (separator.position == std::string_view::npos) return std::nullopt;
  std::string_view low_unit = trim_spaces(rest.substr(0, separator.position));
  Cursor high_cursor(trim_spaces(rest.substr(separator.position + separator.length)));
  std::optional<NumberReading> high = read_arabic_number(high_cursor);
  if (!high) return std::nullopt;
  UnitReading unit = read_unit_text(trim_spaces(high_cursor.rest()));
  if (unit.match == UnitMatch::NotAUnit) return std::nullopt;
  if (!low_unit.empty()) {
    UnitReading written = read_unit_text(low_unit);
    if (written.match == UnitMatch::NotAUnit || written.unit != unit.unit) return std::nullopt;
  }
  QuantityReading reading = quantity_of(*low, unit);
  if (low->out_of_range || high->out_of_range) {
    reading.status = QuantityStatus::OutOfRange;
    return reading;
  }
  if (high->value < low->value) return std::nullopt;
  reading.kind = ValueKind::Range;
  reading.high = high->value;
  return reading;
}

std::optional<NumberReading> read_number(Cursor& cursor, bool& chinese) {
  chinese = false;
  if (auto arabic = read_arabic_number(cursor)) return arabic;
  if (!at_chinese_numeral(cursor)) return std::nullopt;
  std::optional<Decimal> value = read_chinese_numeral(cursor, false);
  if (!value) return std::nullopt;
  chinese = true;
  return NumberReading{*value, false};
}

// "百分之九十五": nothing may follow, the unit is the percent sign.
std::optional<QuantityReading> read_percent_phrase(std::string_view core) {
  Cursor cursor(core);
  std::optional<NumberReading> number = read_percent_words(cursor);
  if (!number || !trim_spaces(cursor.rest()).empty()) return std::nullopt;
  return quantity_of(*number, UnitReading{UnitMatch::Known, *lookup_folded_unit("%")});
}

// One number and its unit. A Chinese numeral needs a known unit after it, so that words
// such as 一致 or 三公经费 stay text.
QuantityReading read_single(std::string_view core) {
  if (auto percent = read_percent_phrase(core)) return *percent;
  Cursor cursor(core);
  bool chinese = false;
  std::optional<NumberReading> number = read_number(cursor, chinese);
  if (!number) return {};
  UnitReading unit = read_unit_text(trim_spaces(cursor.rest()));
  if (unit.match == UnitMatch::NotAUnit || (chinese && unit.match != UnitMatch::Known)) return {};
  return quantity_of(*number, unit);
}

} // namespace

QuantityReading read_quantity(std::string_view core) {
  if (auto range = read_range(core)) return *range;
  return read_single(core);
}

} // namespace ziping::value
