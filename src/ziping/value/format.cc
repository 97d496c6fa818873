// value/format.cc — the canonical spelling of a Value; parse_value() reads it back unchanged.
#include "ziping/text/utf8.h"
#include "ziping/value/comparator.h"
#include "ziping/value/dates.h"
#include "ziping/value/qualitative.h"

namespace ziping::value {
namespace {

// A bare target number is "=" without a sign; an actual has no comparator at all.
std::string_view written_sign(const Value& value) {
  if (value.comparator == Comparator::Equal && !value.explicit_comparator) return "";
  return comparator_sign(value.comparator);
}

// 以上/以下 read naturally after a level ("合格以上"); the strict ones take the sign.
std::string format_level(const Value& value) {
  std::string word(level_word(value.scale, value.rank));
  if (word.empty()) return value.text;
  switch (value.comparator) {
  case Comparator::AtLeast:
    return word + "以上";
  case Comparator::AtMost:
    return word + "以下";
  default:
    return std::string(written_sign(value)) + word;
  }
}

std::string format_text(const Value& value) {
  if (value.original.empty() || text::first_invalid_utf8(value.original)) return value.text;
  return value.original;
}

} // namespace

std::string format_value(const Value& value) {
  switch (value.kind) {
  case ValueKind::Empty:
    return "";
  case ValueKind::Quantity:
    return std::string(written_sign(value)) + value.number.to_string() + value.unit.text;
  case ValueKind::Range:
    // "~" rather than "-", so that a negative bound cannot read as a second minus sign.
    return value.number.to_string() + "~" + value.high.to_string() + value.unit.text;
  case ValueKind::Date:
    return format_date(value.date);
  case ValueKind::Ordinal:
    return format_level(value);
  case ValueKind::Tier:
    return value.tier ? std::string(tier_phrase(*value.tier)) : value.text;
  case ValueKind::Text:
    return format_text(value);
  }
  return value.text;
}

} // namespace ziping::value
