// value/quick_quantity.cc — the fast path of parse_value() for canonically written quantities.
#include "ziping/value/quick_quantity.h"

#include <cstdint>
#include <memory>
#include <string>

#include "ziping/value/cursor.h"
#include "ziping/value/units.h"

namespace ziping::value {
namespace {

// An open-addressing table of the accepted unit spellings, filled once from the unit table
// itself (lookup_folded_unit), so the fast path cannot disagree with it about any unit.
class QuickUnits {
public:
  QuickUnits() {
    for (const std::string& spelling : table_spellings()) {
      if (!accepted(spelling)) continue;
      std::optional<Unit> unit = lookup_folded_unit(spelling);
      // Only spellings that are their own canonical form: then the text is its own spelling.
      if (!unit || unit->text != spelling || unit->dimension == Dimension::None) continue;
      insert(*unit);
    }
  }

  const Unit* find(std::string_view spelling) const {
    for (std::uint32_t slot = hash(spelling) & kMask;; slot = (slot + 1) & kMask) {
      const Unit* unit = slots_[slot];
      if (unit == nullptr) return nullptr;
      if (same_bytes(unit->text, spelling)) return unit;
    }
  }

  std::vector<std::string_view> spellings() const {
    std::vector<std::string_view> out;
    for (const Unit* unit : slots_)
      if (unit) out.push_back(unit->text);
    return out;
  }

private:
  static constexpr std::uint32_t kSize = 2048; // a power of two, well above the ~700 spellings
  static constexpr std::uint32_t kMask = kSize - 1;

  // A date starts with 年, 月 or 季度 after a number ("2022年", "12月", "4季度"). Only ASCII
  // letters and digits, '%' and CJK ideographs are taken, which fold() leaves as they are
  // (deciding that with fold() itself would load ICU for "‰" at start-up); a rate ("次/年")
  // and the rest are left to the general path.
  static bool accepted(std::string_view spelling) {
    if (spelling.starts_with("年") || spelling.starts_with("月") || spelling.starts_with("季"))
      return false;
    for (std::size_t pos = 0; pos < spelling.size();) {
      auto byte = static_cast<unsigned char>(spelling[pos]);
      bool ascii = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                   Cursor::is_digit(char(byte)) || byte == '%';
      if (ascii) {
        ++pos;
      } else if (begins_with_ideograph(spelling.substr(pos)) && pos + 3 <= spelling.size()) {
        pos += 3;
      } else {
        return false;
      }
    }
    return true;
  }

  static std::uint32_t hash(std::string_view text) { // FNV-1a
    std::uint32_t h = 2166136261u;
    for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
  }

  void insert(const Unit& unit) {
    if (find(unit.text)) return;
    std::uint32_t slot = hash(unit.text) & kMask;
    while (slots_[slot]) slot = (slot + 1) & kMask;
    owned_.push_back(std::make_unique<Unit>(unit));
    slots_[slot] = owned_.back().get();
  }

  const Unit* slots_[kSize] = {};
  std::vector<std::unique_ptr<Unit>> owned_;
};

const QuickUnits& quick_units() {
  static const QuickUnits units;
  return units;
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

std::vector<std::string_view> quick_unit_spellings() {
  return quick_units().spellings();
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
  if (!tail.empty() && (unit = quick_units().find(tail)) == nullptr) return false;
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
