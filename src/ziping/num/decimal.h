// num/decimal.h — exact decimal numbers for money, rates, weights and scores.
//
// A Decimal is coefficient × 10^-scale with a 128-bit coefficient. It never converts to or
// from binary floating point, and it never rounds silently: every rounding names its mode
// (RoundingMode) at the call site. The printed scale is kept ("95.20" stays "95.20") so that
// canonical output round-trips byte for byte; comparison is by value (1.0 == 1.00).
//
// Arithmetic that would overflow throws DecimalOverflow. Parsers bound the digits they accept
// (kMaxDigits, kMaxScale) so that values read from forms can never reach that point; the
// exception exists so that a broken invariant is loud instead of wrong.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace ziping::num {

enum class RoundingMode {
  HalfUp, // half away from zero (Oracle ROUND, the 一体化 system and the MOF rules)
  Down,   // truncate toward zero (some provincial front ends)
  Never,  // the value must already fit: throws InexactRounding if digits would be lost
};

struct DecimalOverflow : std::overflow_error {
  using std::overflow_error::overflow_error;
};
struct InexactRounding : std::domain_error {
  using std::domain_error::domain_error;
};
struct DivisionByZero : std::domain_error {
  using std::domain_error::domain_error;
};

class Decimal {
public:
  using Coefficient = __int128;

  // Limits on what parse() accepts. 28 significant digits cover any amount in 元 with fen;
  // the headroom to 10^38 keeps products of two parsed values exact.
  static constexpr int kMaxDigits = 28;
  static constexpr int kMaxScale = 18;
  // Internal results (products, quotients) may carry more places than parsed input.
  static constexpr int kMaxResultScale = 36;

  Decimal() = default;
  static Decimal from_int(long long value);
  // Plain decimal notation: optional sign, digits, optional '.' and digits. No exponent, no
  // grouping, no spaces. Returns nullopt for anything else or beyond the limits above.
  static std::optional<Decimal> parse(std::string_view text);
  // For literals in code and tests; throws std::invalid_argument on bad text.
  static Decimal of(std::string_view text);

  Coefficient coefficient() const { return coefficient_; }
  int scale() const { return scale_; }
  bool is_zero() const { return coefficient_ == 0; }
  bool is_negative() const { return coefficient_ < 0; }

  // The value with its own scale ("0.80", "-3", "22681.6").
  std::string to_string() const;
  // The value padded with zeros to at least `places` decimals (never rounds).
  std::string to_string_min_places(int places) const;

  Decimal rounded(int places, RoundingMode mode) const;
  // Same value, trailing fractional zeros removed ("95.20" → "95.2", "2.00" → "2").
  Decimal normalized() const;
  // Same value, with at least `places` decimals.
  Decimal with_min_scale(int places) const;
  // Number of decimals needed to print the value without trailing zeros.
  int significant_places() const { return normalized().scale_; }

  Decimal abs() const;
  Decimal operator-() const;
  friend Decimal operator+(const Decimal& a, const Decimal& b);
  friend Decimal operator-(const Decimal& a, const Decimal& b);
  friend Decimal operator*(const Decimal& a, const Decimal& b);
  Decimal& operator+=(const Decimal& other) { return *this = *this + other; }
  Decimal& operator-=(const Decimal& other) { return *this = *this - other; }
  // this ÷ divisor, rounded to `places` decimals with `mode`. Exact long division: no
  // intermediate rounding, so a HalfUp quotient is the correctly rounded one.
  Decimal divide(const Decimal& divisor, int places, RoundingMode mode) const;

  friend bool operator==(const Decimal& a, const Decimal& b);
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);

private:
  Decimal(Coefficient coefficient, int scale) : coefficient_(coefficient), scale_(scale) {}
  static Decimal make(Coefficient coefficient, int scale);
  // Rescales to `scale` (≥ current), throwing DecimalOverflow if the coefficient overflows.
  Decimal upscaled(int scale) const;

  Coefficient coefficient_ = 0;
  int scale_ = 0;
};

Decimal min(const Decimal& a, const Decimal& b);
Decimal max(const Decimal& a, const Decimal& b);

} // namespace ziping::num
