#include "ziping/num/decimal.h"

#include <gtest/gtest.h>

namespace ziping::num {
namespace {

Decimal d(const char* text) {
  return Decimal::of(text);
}

TEST(Decimal, ParsesAndKeepsItsScale) {
  EXPECT_EQ(d("95.20").to_string(), "95.20");
  EXPECT_EQ(d("0.80").to_string(), "0.80");
  EXPECT_EQ(d("-3").to_string(), "-3");
  EXPECT_EQ(d("22681.6").to_string(), "22681.6");
  EXPECT_EQ(d("+0.5").to_string(), "0.5");
  EXPECT_EQ(d("0.000001").to_string(), "0.000001");
}

TEST(Decimal, RefusesWhatIsNotPlainDecimal) {
  for (const char* bad : {"", "-", ".", "1.", ".5", "1e3", "1,000", " 1", "1 ", "0x10", "1.2.3",
                          "--1", "١٢", "NaN", "inf"}) {
    EXPECT_FALSE(Decimal::parse(bad)) << bad;
  }
}

TEST(Decimal, BoundsDigitsAndScale) {
  EXPECT_TRUE(Decimal::parse("1234567890123456789012345678"));
  EXPECT_FALSE(Decimal::parse("12345678901234567890123456789"));
  EXPECT_TRUE(Decimal::parse("0.123456789012345678"));
  EXPECT_FALSE(Decimal::parse("0.1234567890123456789"));
  EXPECT_TRUE(Decimal::parse("0000000000000000000000000000000001")); // leading zeros are free
}

TEST(Decimal, ComparesByValue) {
  EXPECT_EQ(d("1.0"), d("1.00"));
  EXPECT_LT(d("0.83"), d("0.835"));
  EXPECT_GT(d("-0.1"), d("-0.2"));
  EXPECT_LT(d("-1.5"), d("-1.25"));
  EXPECT_EQ(d("0"), d("-0.000"));
  EXPECT_LT(d("99999999999999999999.5"), d("100000000000000000000"));
  EXPECT_GT(d("1.000000000000000001"), d("1"));
}

TEST(Decimal, AddsSubtractsMultipliesExactly) {
  EXPECT_EQ((d("0.1") + d("0.2")).to_string(), "0.3");
  EXPECT_EQ((d("8.73") + d("88.70")).to_string(), "97.43");
  EXPECT_EQ((d("90") - d("1") + d("0.83")).to_string(), "89.83");
  EXPECT_EQ((d("19.07") * d("100000000")).normalized().to_string(), "1907000000");
  EXPECT_EQ((d("-0.6") * d("0.5")).to_string(), "-0.30");
}

TEST(Decimal, DividesWithOneNamedRounding) {
  // The seed's budget execution: 19792.2 ÷ 22681.6 = 0.87262803…
  EXPECT_EQ(d("19792.2").divide(d("22681.6"), 4, RoundingMode::HalfUp).to_string(), "0.8726");
  EXPECT_EQ((d("19792.2") * d("10")).divide(d("22681.6"), 2, RoundingMode::HalfUp).to_string(),
            "8.73");
  // 74.75% ÷ 90% × 1 = 0.8305… → 0.83
  EXPECT_EQ(d("74.75").divide(d("90"), 2, RoundingMode::HalfUp).to_string(), "0.83");
  EXPECT_EQ(d("2").divide(d("3"), 2, RoundingMode::HalfUp).to_string(), "0.67");
  EXPECT_EQ(d("2").divide(d("3"), 2, RoundingMode::Down).to_string(), "0.66");
  EXPECT_EQ(d("-2").divide(d("3"), 2, RoundingMode::HalfUp).to_string(), "-0.67");
  EXPECT_EQ(d("1").divide(d("8"), 2, RoundingMode::HalfUp).to_string(), "0.13"); // 0.125 half up
  EXPECT_EQ(d("1").divide(d("0.0001"), 0, RoundingMode::HalfUp).to_string(), "10000");
  EXPECT_EQ(d("1").divide(d("3000"), 2, RoundingMode::HalfUp).to_string(), "0.00");
  EXPECT_THROW((void)d("1").divide(d("0"), 2, RoundingMode::HalfUp), DivisionByZero);
  EXPECT_THROW((void)d("1").divide(d("3"), 2, RoundingMode::Never), InexactRounding);
  EXPECT_EQ(d("1").divide(d("4"), 2, RoundingMode::Never).to_string(), "0.25");
}

TEST(Decimal, RoundsHalfAwayFromZero) {
  EXPECT_EQ(d("0.835").rounded(2, RoundingMode::HalfUp).to_string(), "0.84");
  EXPECT_EQ(d("0.8349").rounded(2, RoundingMode::HalfUp).to_string(), "0.83");
  EXPECT_EQ(d("-0.835").rounded(2, RoundingMode::HalfUp).to_string(), "-0.84");
  EXPECT_EQ(d("87.26").rounded(1, RoundingMode::HalfUp).to_string(), "87.3");
  EXPECT_EQ(d("87.26").rounded(1, RoundingMode::Down).to_string(), "87.2");
  EXPECT_EQ(d("8.7").rounded(2, RoundingMode::HalfUp).to_string(), "8.7"); // never pads
  EXPECT_EQ(d("9.995").rounded(2, RoundingMode::HalfUp).to_string(), "10.00");
  EXPECT_THROW((void)d("0.835").rounded(2, RoundingMode::Never), InexactRounding);
}

TEST(Decimal, NegatesZeroAndSubtractsZero) {
  EXPECT_EQ((-d("0")).to_string(), "0");
  EXPECT_EQ((d("1") - d("0")).to_string(), "1");
  EXPECT_EQ((d("0") - d("0.00")).to_string(), "0.00");
}

TEST(Decimal, NormalisesAndPads) {
  EXPECT_EQ(d("95.20").normalized().to_string(), "95.2");
  EXPECT_EQ(d("2.00").normalized().to_string(), "2");
  EXPECT_EQ(d("2").to_string_min_places(2), "2.00");
  EXPECT_EQ(d("0.835").to_string_min_places(2), "0.835");
  EXPECT_EQ(d("95.20").significant_places(), 1);
}

TEST(Decimal, OverflowIsLoudNotWrong) {
  Decimal big = d("9999999999999999999999999999");
  EXPECT_THROW((void)(big * big), DecimalOverflow);
  EXPECT_NO_THROW((void)(big + big));
  EXPECT_THROW((void)big.divide(d("0.000000000000000001"), 18, RoundingMode::HalfUp),
               DecimalOverflow);
}

} // namespace
} // namespace ziping::num
