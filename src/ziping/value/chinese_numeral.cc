// value/chinese_numeral.cc — small Chinese numerals: 五, 十二, 两, 一百零五, 三千五, 两万.
#include <algorithm>
#include <array>
#include <string>

#include "ziping/value/cursor.h"
#include "ziping/value/number.h"

namespace ziping::value {
namespace {

struct NumeralWord {
  std::string_view spelling;
  int value;
};

constexpr std::array<NumeralWord, 12> kDigits{{{"零", 0},
                                               {"〇", 0},
                                               {"一", 1},
                                               {"二", 2},
                                               {"两", 2},
                                               {"三", 3},
                                               {"四", 4},
                                               {"五", 5},
                                               {"六", 6},
                                               {"七", 7},
                                               {"八", 8},
                                               {"九", 9}}};
constexpr std::array<NumeralWord, 3> kPlaces{{{"十", 10}, {"百", 100}, {"千", 1000}}};
constexpr std::string_view kTenThousand = "万";

const NumeralWord* word_at(const Cursor& cursor, const auto& table) {
  auto match = std::find_if(table.begin(), table.end(), [&](const NumeralWord& w) {
    return begins_with(cursor.rest(), w.spelling);
  });
  return match == table.end() ? nullptr : &*match;
}

// The integer part, read left to right: digits wait in `pending` until a place (十 百 千)
// multiplies them; places must fall within a section; 万 closes the upper section.
class IntegerPart {
public:
  explicit IntegerPart(bool allow_leading_magnitude) : allow_leading_(allow_leading_magnitude) {}

  bool take_digit(int digit) {
    if (digit == 0) {
      if (any_)
        after_zero_ = true;
      else
        pending_ = 0;
      last_was_place_ = false;
      any_ = true;
      return true;
    }
    if (pending_ > 0) return false; // "一一" is not a numeral
    pending_ = digit;
    shorthand_ = last_was_place_ && !after_zero_;
    last_was_place_ = false;
    any_ = true;
    return true;
  }

  bool take_place(int place) {
    if (place >= last_place_) return false;
    int multiplier = pending_;
    if (pending_ < 0 && !any_ && (place == 10 || allow_leading_)) multiplier = 1;
    if (multiplier <= 0) return false;
    section_ += multiplier * place;
    pending_ = -1;
    last_place_ = place;
    after_zero_ = false;
    last_was_place_ = true;
    any_ = true;
    return true;
  }

  bool take_ten_thousand() {
    if (seen_ten_thousand_ || (section_ == 0 && pending_ <= 0)) return false;
    upper_ = (section_ + std::max(pending_, 0)) * 10000;
    section_ = 0;
    pending_ = -1;
    last_place_ = 10000;
    after_zero_ = false;
    last_was_place_ = true;
    seen_ten_thousand_ = true;
    return true;
  }

  bool any() const { return any_; }

  long long value() const {
    long long tail = std::max(pending_, 0);
    // Spoken shorthand: 一百五 is 150, 三千五 is 3500, 两万五 is 25000.
    if (shorthand_ && last_place_ >= 100) tail *= last_place_ / 10;
    return upper_ + section_ + tail;
  }

private:
  bool allow_leading_;
  long long upper_ = 0;
  long long section_ = 0;
  int pending_ = -1;
  int last_place_ = 100000;
  bool after_zero_ = false; // 一百零五: the 五 is units
  bool last_was_place_ = false;
  bool shorthand_ = false; // the pending digit directly follows a place: 一百五
  bool seen_ten_thousand_ = false;
  bool any_ = false;
};

bool take_next(Cursor& cursor, IntegerPart& integer) {
  if (const NumeralWord* digit = word_at(cursor, kDigits)) {
    if (!integer.take_digit(digit->value)) return false;
    cursor.consume(digit->spelling);
    return true;
  }
  if (const NumeralWord* place = word_at(cursor, kPlaces)) {
    if (!integer.take_place(place->value)) return false;
    cursor.consume(place->spelling);
    return true;
  }
  if (begins_with(cursor.rest(), kTenThousand) && integer.take_ten_thousand()) {
    cursor.consume(kTenThousand);
    return true;
  }
  return false;
}

// "点五" after the integer part: digits only, no places.
std::string read_fraction(Cursor& cursor) {
  std::size_t start = cursor.position();
  std::string digits;
  if (!cursor.consume("点")) return digits;
  while (const NumeralWord* digit = word_at(cursor, kDigits)) {
    digits.push_back(char('0' + digit->value));
    cursor.consume(digit->spelling);
  }
  if (digits.empty()) cursor.rewind(start);
  return digits;
}

} // namespace

bool at_chinese_numeral(const Cursor& cursor) {
  return word_at(cursor, kDigits) != nullptr || begins_with(cursor.rest(), "十");
}

std::optional<num::Decimal> read_chinese_numeral(Cursor& cursor, bool allow_leading_magnitude) {
  std::size_t start = cursor.position();
  IntegerPart integer(allow_leading_magnitude);
  while (take_next(cursor, integer)) {
  }
  if (!integer.any()) {
    cursor.rewind(start);
    return std::nullopt;
  }
  std::string fraction = read_fraction(cursor);
  std::string plain = std::to_string(integer.value());
  if (!fraction.empty()) plain += "." + fraction;
  auto value = num::Decimal::parse(plain);
  if (!value) cursor.rewind(start); // only an absurdly long 点… fraction gets here
  return value;
}

} // namespace ziping::value
