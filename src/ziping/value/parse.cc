// value/parse.cc — parse_value(): the fast path for canonically written quantities
// (quick_quantity.h), else the answer remembered for a short text (parse_memo.h), else fold,
// try each kind of value in turn, apply the role's rules.
#include <algorithm>

#include "ziping/text/utf8.h"
#include "ziping/value/comparator.h"
#include "ziping/value/cursor.h"
#include "ziping/value/dates.h"
#include "ziping/value/fold_general.h"
#include "ziping/value/parse_general.h"
#include "ziping/value/parse_memo.h"
#include "ziping/value/qualitative.h"
#include "ziping/value/quantity.h"
#include "ziping/value/quick_quantity.h"

namespace ziping::value {
namespace {

// After fold(): 。 stays, ．，；：！？ have become ASCII.
constexpr std::string_view kTrailingPunctuation[] = {"。", ".", ",", ";", ":", "!", "?", "、"};

std::string_view without_trailing_punctuation(std::string_view text) {
  for (bool trimmed = true; trimmed;) {
    text = trim_spaces(text);
    trimmed = false;
    for (std::string_view mark : kTrailingPunctuation) {
      if (finishes_with(text, mark)) {
        text.remove_suffix(mark.size());
        trimmed = true;
      }
    }
  }
  return text;
}

// "—", "-", "/", "——": a cell left blank on purpose.
bool is_placeholder(std::string_view body) {
  std::size_t pos = 0;
  while (pos < body.size()) {
    char32_t cp = text::next_code_point(body, pos);
    if (cp != U'-' && cp != U'—' && cp != U'–' && cp != U'/' && cp != U'\\' && cp != U'~' &&
        cp != U'_' && cp != U' ')
      return false;
  }
  return true;
}

// `text` without its spaces; `storage` holds the copy only when there were spaces to drop
// (most values have none, and then nothing is allocated).
std::string_view without_spaces(std::string_view text, std::string& storage) {
  if (text.find(' ') == std::string_view::npos) return text;
  storage.clear();
  std::copy_if(text.begin(), text.end(), std::back_inserter(storage),
               [](char c) { return c != ' '; });
  return storage;
}

void report(ParseResult& result, diag::DiagId id, std::vector<std::string> args) {
  result.diagnostics.push_back(diag::make(id, "", std::move(args)));
}

// A bare target is "="; in an actual, "=" and 达到 only state the value ("=58个").
void apply_role(Value& value, const ComparatorSplit& split, Role role) {
  value.explicit_comparator = split.written != Comparator::None;
  value.comparator = split.written;
  if (split.written == Comparator::None && role == Role::Target)
    value.comparator = Comparator::Equal;
  if (split.states_value && role == Role::Actual) {
    value.comparator = Comparator::None;
    value.explicit_comparator = false;
  }
}

bool read_level_value(const ComparatorSplit& split, Role role, Value& value) {
  std::string storage;
  std::optional<Level> level = read_level(without_spaces(split.core, storage));
  if (!level) return false;
  value.kind = ValueKind::Ordinal;
  value.scale = std::string(level->scale);
  value.rank = level->rank;
  apply_role(value, split, role);
  return true;
}

// Fills a Quantity or Range; refuses (false) when the canonical spelling would read as a date
// ("+2022年" is a count of years whose canonical "2022年" is the year 2022).
bool fill_quantity(const QuantityReading& reading, const ComparatorSplit& split, Role role,
                   Value& value) {
  if (reading.kind == ValueKind::Range && split.written != Comparator::None) return false;
  value.kind = reading.kind;
  value.number = reading.number;
  value.high = reading.high;
  value.unit = reading.unit;
  if (reading.kind == ValueKind::Quantity) apply_role(value, split, role);
  if (reading.kind != ValueKind::Quantity) return true;
  std::string canonical = format_value(value);
  if (read_date(canonical, role)) {
    Value text_value;
    text_value.original = std::move(value.original);
    text_value.kind = ValueKind::Text;
    value = std::move(text_value);
    return false;
  }
  value.text = std::move(canonical); // parse_value() keeps it rather than spelling it again
  return true;
}

void read_quantity_value(const ComparatorSplit& split, Role role, ParseResult& result) {
  Value& value = result.value;
  QuantityReading reading = read_quantity(split.core);
  std::string quoted(text::trim(value.original));
  if (reading.status == QuantityStatus::OutOfRange) {
    report(result, diag::DiagId::warn_value_number_too_long, {quoted});
  } else if (reading.status == QuantityStatus::Parsed &&
             fill_quantity(reading, split, role, value) && reading.unknown_unit) {
    report(result, diag::DiagId::warn_value_unknown_unit, {quoted, value.unit.text});
  }
}

void read_kinds(std::string_view body, Role role, ParseResult& result) {
  Value& value = result.value;
  std::string storage;
  std::string_view compact = without_spaces(body, storage);
  if (std::optional<Tier> tier = read_tier(compact)) {
    value.kind = ValueKind::Tier;
    value.tier = tier;
    return;
  }
  if (std::optional<DateValue> date = read_date(compact, role)) {
    value.kind = ValueKind::Date;
    value.date = *date;
    return;
  }
  ComparatorSplit split = split_comparators(body);
  if (split.conflict) {
    report(result, diag::DiagId::warn_value_conflicting_comparators,
           {std::string(text::trim(value.original))});
    return;
  }
  if (!read_level_value(split, role, value)) read_quantity_value(split, role, result);
}

} // namespace

ParseResult parse_value(std::string_view text, Role role) {
  ParseResult result;
  if (read_quick_quantity(text, role, result.value)) return result;
  if (text.size() > ParseMemo::kLongest) return parse_value_general(text, role);
  ParseMemo& memo = thread_parse_memo();
  if (const ParseResult* known = memo.find(text, role)) return *known;
  result = parse_value_general(text, role);
  memo.keep(text, role, result);
  return result;
}

ParseResult parse_value_general(std::string_view text, Role role) {
  ParseResult result;
  Value& value = result.value;
  value.original = std::string(text);
  value.kind = ValueKind::Text;
  bool well_formed = true;
  std::string folded = fold(text, well_formed);
  if (!well_formed) {
    value.text = folded; // the reader reports the encoding; a value cannot be read from it
    return result;
  }
  std::string_view body = without_trailing_punctuation(folded);
  if (is_placeholder(body)) {
    value.kind = ValueKind::Empty;
    return result;
  }
  read_kinds(body, role, result);
  if (value.kind != ValueKind::Text) {
    if (value.text.empty()) value.text = format_value(value);
    return result;
  }
  if (role == Role::Target && result.diagnostics.empty() && mentions_comparison(folded))
    report(result, diag::DiagId::note_value_as_text, {std::string(text::trim(text))});
  value.text = std::move(folded);
  return result;
}

} // namespace ziping::value
