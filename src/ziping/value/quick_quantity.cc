// value/quick_quantity.cc — the fast path of parse_value() for canonically written quantities.
#include "ziping/value/quick_quantity.h"

#include <cstdint>
#include <optional>
#include <string>

#include "ziping/value/cursor.h"
#include "ziping/value/units.h"

namespace ziping::value {
namespace {

// A unit spelling the fast path takes: a canonical spelling of the unit table (units.cc)
// that starts no date (年, 月, 季度 after a number: "2022年", "12月", "4季度") and is made of
// ASCII letters and digits, '%' and CJK ideographs only, which fold() leaves as they are. Rates
// ("次/年") and the rest go the general way. Decided by lookup_folded_unit() itself, so the fast
// path cannot disagree with the unit table.
std::optional<Unit> quick_unit(std::string_view spelling) {
  if (spelling.starts_with("年") || spelling.starts_with("月") || spelling.starts_with("季"))
    return std::nullopt;
  for (std::size_t pos = 0; pos < spelling.size();) {
    auto byte = static_cast<unsigned char>(spelling[pos]);
    bool ascii = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                 Cursor::is_digit(char(byte)) || byte == '%';
    if (ascii) {
      ++pos;
    } else if (begins_with_ideograph(spelling.substr(pos)) && pos + 3 <= spelling.size()) {
      pos += 3;
    } else {
      return std::nullopt;
    }
  }
  std::optional<Unit> unit = lookup_folded_unit(spelling);
  if (!unit || unit->text != spelling || unit->dimension == Dimension::None) return std::nullopt;
  return unit;
}

// What quick_unit() said about the unit spellings this thread has met, so that each is looked
// up in the unit table once: a form repeats a few units over all its values. Filled on
// demand, since building it for the whole table cost the front's start a millisecond.
class QuickUnitMemo {
public:
  const Unit* find(std::string_view spelling) {
    if (spelling.size() > kLongest) return nullptr; // longer than any unit of the table
    std::uint32_t slot = hash(spelling) & kMask;
    for (; slots_[slot].used; slot = (slot + 1) & kMask) {
      if (same_bytes(slots_[slot].spelling, spelling))
        return slots_[slot].unit ? &*slots_[slot].unit : nullptr;
    }
    std::optional<Unit> unit = quick_unit(spelling);
    if (used_ >= kSize / 2) { // full: answer without remembering (arbitrary text in cells)
      scratch_ = std::move(unit);
      return scratch_ ? &*scratch_ : nullptr;
    }
    ++used_;
    slots_[slot] = Slot{true, std::string(spelling), std::move(unit)};
    return slots_[slot].unit ? &*slots_[slot].unit : nullptr;
  }

private:
  static constexpr std::size_t kLongest = 24;
  static constexpr std::uint32_t kSize = 256; // a power of two
  static constexpr std::uint32_t kMask = kSize - 1;

  static std::uint32_t hash(std::string_view text) { // FNV-1a
    std::uint32_t h = 2166136261u;
    for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
  }

  struct Slot {
    bool used = false;
    std::string spelling;
    std::optional<Unit> unit;
  };
  Slot slots_[kSize];
  std::size_t used_ = 0;
  std::optional<Unit> scratch_;
};

const Unit* find_quick_unit(std::string_view spelling) {
  thread_local QuickUnitMemo memo;
  return memo.find(spelling);
}

// The sign at the start of `text` and its length in bytes; None, 0 when there is none.
Comparator leading_sign(std::string_view text, std::size_t& length) {
  length = 1;
  if (text.empty()) return length = 0, Comparator::None;
  switch (text[0]) {
  case '>':
    return Comparator::MoreThan;
  case '<':
    return Comparator::LessThan;
  case '=':
    return Comparator::Equal;
  default:
    break;
  }
  length = 3;
  if (begins_with(text, "≥")) return Comparator::AtLeast;
  if (begins_with(text, "≤")) return Comparator::AtMost;
  return length = 0, Comparator::None;
}

} // namespace

std::vector<std::string> quick_unit_spellings() {
  std::vector<std::string> spellings;
  for (std::string& spelling : table_spellings())
    if (quick_unit(spelling)) spellings.push_back(std::move(spelling));
  return spellings;
}

bool read_quick_quantity(std::string_view text, Role role, Value& value) {
  std::size_t sign_length = 0;
  Comparator sign = leading_sign(text, sign_length);
  std::string_view rest = text.substr(sign_length);
  // Digits, then at most one point with digits on both sides; no leading zero ("05" is
  // spelt "5"), so the canonical spelling of the number is the number as written.
  std::size_t pos = 0;
  while (pos < rest.size() && Cursor::is_digit(rest[pos])) ++pos;
  std::size_t integer_digits = pos;
  if (integer_digits == 0 || (rest[0] == '0' && integer_digits > 1)) return false;
  if (pos < rest.size() && rest[pos] == '.') {
    std::size_t fraction_start = ++pos;
    while (pos < rest.size() && Cursor::is_digit(rest[pos])) ++pos;
    if (pos == fraction_start) return false;
  }
  // Eighteen digits are well within Decimal's limits (kMaxDigits, kMaxScale).
  if (pos > 19) return false;
  std::string_view tail = rest.substr(pos);
  const Unit* unit = nullptr;
  if (!tail.empty() && (unit = find_quick_unit(tail)) == nullptr) return false;
  std::optional<Decimal> number = Decimal::parse(rest.substr(0, pos));
  if (!number) return false;

  value.original.assign(text);
  value.kind = ValueKind::Quantity;
  value.number = *number;
  if (unit) value.unit = *unit;
  // The role's rules (parse.cc, apply_role): a bare target is "=", an actual's "=" only
  // states its value.
  value.comparator = sign;
  value.explicit_comparator = sign != Comparator::None;
  if (sign == Comparator::None && role == Role::Target) value.comparator = Comparator::Equal;
  if (sign == Comparator::Equal && role == Role::Actual) {
    value.comparator = Comparator::None;
    value.explicit_comparator = false;
    value.text.assign(rest);
  } else {
    value.text.assign(text);
  }
  return true;
}

} // namespace ziping::value
