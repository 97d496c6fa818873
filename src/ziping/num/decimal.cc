#include "ziping/num/decimal.h"

#include <algorithm>
#include <cstdint>

namespace ziping::num {
namespace {

using U128 = unsigned __int128;

constexpr int kMaxPow10 = 38;

// 10^0 … 10^38, computed once at compile time: pow10() is on every comparison and sum.
constexpr auto kPow10 = [] {
  struct Table {
    U128 at[kMaxPow10 + 1];
  } table{};
  U128 value = 1;
  for (int i = 0; i <= kMaxPow10; ++i) {
    table.at[i] = value;
    value *= 10;
  }
  return table;
}();

// `exponent` is within [0, kMaxPow10] at every call (scales are at most kMaxResultScale).
U128 pow10(int exponent) {
  return kPow10.at[exponent];
}

bool checked_pow10(int exponent, U128& out) {
  if (exponent < 0 || exponent > kMaxPow10) return false;
  out = pow10(exponent);
  return true;
}

U128 magnitude(Decimal::Coefficient value) {
  return value < 0 ? U128(0) - U128(value) : U128(value);
}

Decimal::Coefficient signed_from(U128 magnitude_value, bool negative) {
  // Magnitudes here never exceed the signed range: callers check before converting.
  if (magnitude_value > U128(~U128(0) >> 1)) throw DecimalOverflow("decimal overflow");
  auto value = static_cast<Decimal::Coefficient>(magnitude_value);
  return negative ? -value : value;
}

// Applies `mode` to a truncated quotient given its remainder and divisor.
U128 apply_rounding(U128 quotient, U128 remainder, U128 divisor, RoundingMode mode) {
  if (remainder == 0) return quotient;
  switch (mode) {
  case RoundingMode::Down:
    return quotient;
  case RoundingMode::Never:
    throw InexactRounding("rounding would lose digits");
  case RoundingMode::HalfUp:
    if (remainder >= divisor - remainder) return quotient + 1;
    return quotient;
  }
  return quotient;
}

} // namespace

Decimal Decimal::make(Coefficient coefficient, int scale) {
  if (scale < 0 || scale > kMaxResultScale) throw DecimalOverflow("decimal scale out of range");
  return Decimal(coefficient, scale);
}

Decimal Decimal::from_int(long long value) {
  return Decimal(value, 0);
}

std::optional<Decimal> Decimal::parse(std::string_view text) {
  std::size_t pos = 0;
  bool negative = false;
  if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) {
    negative = text[pos] == '-';
    ++pos;
  }
  // The first 18 digits are gathered in 64 bits (128-bit arithmetic per digit was most of
  // the cost of parsing the usual short number), the rest, if any, in 128.
  std::uint64_t low = 0;
  U128 coefficient = 0;
  int digits = 0;
  int significant = 0;
  int scale = 0;
  bool seen_point = false;
  bool any_integer_digit = false;
  for (; pos < text.size(); ++pos) {
    char c = text[pos];
    if (c == '.') {
      if (seen_point || !any_integer_digit) return std::nullopt;
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    if (!seen_point) any_integer_digit = true;
    ++digits;
    if (seen_point) ++scale;
    if (significant != 0 || c != '0') ++significant;
    if (significant > kMaxDigits || scale > kMaxScale) return std::nullopt;
    if (digits <= 18) {
      low = low * 10 + std::uint64_t(c - '0');
    } else {
      if (digits == 19) coefficient = low;
      coefficient = coefficient * 10 + U128(c - '0');
    }
  }
  if (digits == 0 || (seen_point && scale == 0)) return std::nullopt;
  if (digits <= 18) coefficient = low;
  return Decimal(signed_from(coefficient, negative), scale);
}

Decimal Decimal::of(std::string_view text) {
  auto value = parse(text);
  if (!value) throw std::invalid_argument("not a decimal: " + std::string(text));
  return *value;
}

std::string Decimal::to_string() const {
  // Written backwards into a buffer large enough for 39 digits, a point, the zeros a scale
  // of 36 needs before the digits, and a sign; then copied once.
  char buffer[96];
  char* end = buffer + sizeof buffer;
  char* at = end;
  U128 value = magnitude(coefficient_);
  int written = 0;
  auto put = [&](char c) {
    *--at = c;
    if (++written == scale_) *--at = '.';
  };
  // 128-bit division is slow: once the value fits in 64 bits, the rest uses 64-bit division.
  while (value > U128(~std::uint64_t(0))) {
    put(char('0' + int(value % 10)));
    value /= 10;
  }
  auto small = std::uint64_t(value);
  do {
    put(char('0' + int(small % 10)));
    small /= 10;
  } while (small != 0);
  while (written <= scale_) put('0');
  if (coefficient_ < 0) *--at = '-';
  return std::string(at, end);
}

std::string Decimal::to_string_min_places(int places) const {
  return with_min_scale(places).to_string();
}

Decimal Decimal::upscaled(int scale) const {
  if (scale <= scale_) return *this;
  U128 factor;
  if (!checked_pow10(scale - scale_, factor)) throw DecimalOverflow("decimal overflow");
  Coefficient result;
  if (__builtin_mul_overflow(coefficient_, static_cast<Coefficient>(factor), &result))
    throw DecimalOverflow("decimal overflow");
  return make(result, scale);
}

Decimal Decimal::with_min_scale(int places) const {
  return places > scale_ ? upscaled(std::min(places, kMaxResultScale)) : *this;
}

Decimal Decimal::rounded(int places, RoundingMode mode) const {
  if (places < 0) places = 0;
  if (scale_ <= places) return *this;
  U128 divisor = pow10(scale_ - places);
  U128 value = magnitude(coefficient_);
  U128 quotient = apply_rounding(value / divisor, value % divisor, divisor, mode);
  return Decimal(signed_from(quotient, coefficient_ < 0), places);
}

Decimal Decimal::normalized() const {
  Coefficient value = coefficient_;
  int scale = scale_;
  while (scale > 0 && value % 10 == 0) {
    value /= 10;
    --scale;
  }
  return Decimal(value, scale);
}

Decimal Decimal::abs() const {
  return coefficient_ < 0 ? -*this : *this;
}

Decimal Decimal::operator-() const {
  // The most negative coefficient has no positive counterpart.
  constexpr Coefficient kMostNegative = -Coefficient((U128(1) << 127) - 1) - 1;
  if (coefficient_ == kMostNegative) throw DecimalOverflow("decimal overflow");
  return Decimal(-coefficient_, scale_);
}

Decimal operator+(const Decimal& a, const Decimal& b) {
  // Scores, weights and subtotals nearly always share a scale: then the sum is one add, with
  // no call to upscaled() for either side (125 k sums per pass of the core benchmark).
  Decimal::Coefficient sum;
  if (a.scale_ == b.scale_) {
    if (__builtin_add_overflow(a.coefficient_, b.coefficient_, &sum))
      throw DecimalOverflow("decimal overflow");
    return Decimal::make(sum, a.scale_);
  }
  int scale = std::max(a.scale_, b.scale_);
  Decimal left = a.scale_ < scale ? a.upscaled(scale) : a;
  Decimal right = b.scale_ < scale ? b.upscaled(scale) : b;
  if (__builtin_add_overflow(left.coefficient_, right.coefficient_, &sum))
    throw DecimalOverflow("decimal overflow");
  return Decimal::make(sum, scale);
}

Decimal operator-(const Decimal& a, const Decimal& b) {
  return a + (-b);
}

Decimal operator*(const Decimal& a, const Decimal& b) {
  Decimal::Coefficient product;
  if (__builtin_mul_overflow(a.coefficient_, b.coefficient_, &product))
    throw DecimalOverflow("decimal overflow");
  return Decimal::make(product, a.scale_ + b.scale_);
}

Decimal Decimal::divide(const Decimal& divisor, int places, RoundingMode mode) const {
  if (divisor.is_zero()) throw DivisionByZero("division by zero");
  if (places < 0 || places > kMaxResultScale) throw DecimalOverflow("decimal scale out of range");
  bool negative = (coefficient_ < 0) != (divisor.coefficient_ < 0);
  U128 numerator = magnitude(coefficient_);
  U128 denominator = magnitude(divisor.coefficient_);
  // Quotient coefficient = numerator × 10^exponent ÷ denominator.
  int exponent = places + divisor.scale_ - scale_;
  U128 quotient;
  U128 remainder;
  U128 scaled;
  constexpr U128 k64 = ~std::uint64_t(0);
  if (exponent >= 0 && exponent <= kMaxPow10 && denominator <= k64 &&
      !__builtin_mul_overflow(numerator, pow10(exponent), &scaled)) {
    // The usual division: numerator × 10^exponent fits, so one division gives what the digit
    // loop below gives (with a divisor below 2^64 that loop cannot overflow either), in 64
    // bits when both fit.
    if (scaled <= k64) {
      auto wide = std::uint64_t(scaled);
      auto by = std::uint64_t(denominator);
      quotient = wide / by;
      remainder = wide % by;
    } else {
      quotient = scaled / denominator;
      remainder = scaled % denominator;
    }
  } else if (exponent >= 0) {
    quotient = numerator / denominator;
    remainder = numerator % denominator;
    for (int step = 0; step < exponent; ++step) {
      U128 widened;
      if (__builtin_mul_overflow(remainder, U128(10), &widened) ||
          __builtin_mul_overflow(quotient, U128(10), &quotient))
        throw DecimalOverflow("decimal overflow");
      quotient += widened / denominator;
      remainder = widened % denominator;
    }
  } else {
    U128 factor;
    if (!checked_pow10(-exponent, factor) ||
        __builtin_mul_overflow(denominator, factor, &denominator)) {
      // The divisor exceeds 10^38 while the numerator is below 2^127: the quotient is below
      // one half in the last place.
      if (mode == RoundingMode::Never && numerator != 0) throw InexactRounding("inexact");
      return Decimal(0, places);
    }
    quotient = numerator / denominator;
    remainder = numerator % denominator;
  }
  quotient = apply_rounding(quotient, remainder, denominator, mode);
  return make(signed_from(quotient, negative && quotient != 0), places);
}

bool operator==(const Decimal& a, const Decimal& b) {
  return (a <=> b) == 0;
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  if (a.scale_ == b.scale_) return a.coefficient_ <=> b.coefficient_;
  // Coefficients below 2^63 aligned by at most 10^18 stay below 2^123: exact, no division.
  constexpr Decimal::Coefficient kSmall = Decimal::Coefficient(1) << 63;
  int gap = a.scale_ - b.scale_;
  if (gap >= -18 && gap <= 18 && a.coefficient_ < kSmall && a.coefficient_ > -kSmall &&
      b.coefficient_ < kSmall && b.coefficient_ > -kSmall) {
    if (gap > 0) return a.coefficient_ <=> b.coefficient_ * Decimal::Coefficient(pow10(gap));
    return a.coefficient_ * Decimal::Coefficient(pow10(-gap)) <=> b.coefficient_;
  }
  // Integer parts first, then fractional parts aligned: never overflows, whatever the scales.
  Decimal::Coefficient a_int = a.coefficient_ / static_cast<Decimal::Coefficient>(pow10(a.scale_));
  Decimal::Coefficient b_int = b.coefficient_ / static_cast<Decimal::Coefficient>(pow10(b.scale_));
  if (a_int != b_int) return a_int <=> b_int;
  Decimal::Coefficient a_frac = a.coefficient_ % static_cast<Decimal::Coefficient>(pow10(a.scale_));
  Decimal::Coefficient b_frac = b.coefficient_ % static_cast<Decimal::Coefficient>(pow10(b.scale_));
  int scale = std::max(a.scale_, b.scale_);
  a_frac *= static_cast<Decimal::Coefficient>(pow10(scale - a.scale_));
  b_frac *= static_cast<Decimal::Coefficient>(pow10(scale - b.scale_));
  return a_frac <=> b_frac;
}

Decimal min(const Decimal& a, const Decimal& b) {
  return b < a ? b : a;
}
Decimal max(const Decimal& a, const Decimal& b) {
  return a < b ? b : a;
}

} // namespace ziping::num
