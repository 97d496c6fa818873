// fold(): NFKC plus our table, so that every spelling of a symbol reaches the parser as one.
#include <string>

#include <gtest/gtest.h>

#include "ziping/text/utf8.h"
#include "ziping/value/value.h"

namespace ziping::value {
namespace {

struct FoldCase {
  const char* input;
  const char* folded;
};

const FoldCase kFolds[] = {
    // at least / at most / equal: what NFKC leaves alone (stack.md §7) and the ASCII pairs
    {"≧95", "≥95"},
    {"⩾95", "≥95"},
    {"≮95", "≥95"},
    {">=95", "≥95"},
    {"＞＝95", "≥95"},
    {"=>95", "≥95"},
    {"≦5", "≤5"},
    {"⩽5", "≤5"},
    {"≯5", "≤5"},
    {"<=5", "≤5"},
    {"=<5", "≤5"},
    {"═100", "=100"},
    {"﹦100", "=100"},
    {"＝100", "=100"},
    {"==100", "=100"},
    {"===100", "=100"},
    {"＞5", ">5"},
    {"＜5", "<5"},
    // percent, brackets, digits, letters
    {"９５％", "95%"},
    {"95﹪", "95%"},
    {"全年24小时运行（受理）", "全年24小时运行(受理)"},
    {"【注】", "[注]"},
    {"财预〔2020〕10号", "财预(2020)10号"},
    {"１，０３０", "1,030"},
    {"ＷＩＦＩ", "WIFI"},
    // dashes and waves before a digit are signs and range dashes; elsewhere they stay
    {"−5", "-5"},
    {"–5", "-5"},
    {"90%—95%", "90%-95%"},
    {"－5", "-5"},
    {"——说明", "——说明"},
    {"90〜95", "90~95"},
    {"90～95", "90~95"},
    // white space: collapsed, trimmed; invisible characters dropped
    {"≤353.3　万元", "≤353.3 万元"},
    {"  ≥ 5\t\n次  ", "≥ 5 次"},
    {"\u200B合格\uFEFF", "合格"},
    {"", ""},
    // NFKC's unit traps (stack.md §7): the unit table knows m2 and °C
    {"5㎡", "5m2"},
    {"25℃", "25°C"},
    // ill-formed bytes become U+FFFD
    {"\xff", "\uFFFD"},
    {"≥5\xe6\xac", "≥5\uFFFD\uFFFD"},
};

TEST(ValueFold, FoldsEverySpellingToOne) {
  for (const FoldCase& row : kFolds) {
    EXPECT_EQ(fold(row.input), row.folded) << row.input;
  }
}

TEST(ValueFold, IsIdempotentAndYieldsUtf8) {
  for (const FoldCase& row : kFolds) {
    std::string once = fold(row.input);
    EXPECT_EQ(fold(once), once) << row.input;
    EXPECT_FALSE(text::first_invalid_utf8(once)) << row.input;
  }
}

TEST(ValueFold, ParseKeepsTheOriginal) {
  ParseResult result = parse_value("≧９５％", Role::Target);
  EXPECT_EQ(result.value.original, "≧９５％");
  EXPECT_EQ(result.value.text, "≥95%");
}

} // namespace
} // namespace ziping::value
