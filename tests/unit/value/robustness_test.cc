// parse_value() on bytes nobody should write: it never throws, never crashes, keeps the
// original, answers in linear time, and its canonical spellings still read back unchanged.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ziping/text/utf8.h"
#include "ziping/value/value.h"

namespace ziping::value {
namespace {

void expect_well_behaved(const std::string& input) {
  for (Role role : {Role::Target, Role::Actual}) {
    ParseResult result;
    ASSERT_NO_THROW(result = parse_value(input, role));
    const Value& value = result.value;
    ASSERT_EQ(value.original, input);
    ASSERT_FALSE(text::first_invalid_utf8(value.text));
    if (value.kind == ValueKind::Text) continue;
    std::string canonical = format_value(value);
    Value again = parse_value(canonical, role).value;
    again.original = value.original;
    ASSERT_EQ(again, value) << "canonical " << canonical;
  }
}

TEST(ValueRobustness, EveryByteAndEveryPairOfInterestingBytes) {
  for (int byte = 0; byte < 256; ++byte) expect_well_behaved(std::string(1, char(byte)));
  const std::string pieces[] = {
      "≥",    "5",    ".",  ",",      "-",    "~",    "%",
      "万",   "元",   "次", "年",     "月",   "日",   "前",
      "以上", "以下", "内", "=",      "\xff", "\xe6", std::string(1, '\0'),
      " ",    "一",   "十", "百分之", "合格", "完成", "未",
      "截至", "(含)", "/",  "+",      "个",   "底",   "季度",
      "第",   "达到", "亿", "千",     "2022", "12",   "已"};
  for (const std::string& first : pieces)
    for (const std::string& second : pieces)
      for (const std::string& third : pieces) expect_well_behaved(first + second + third);
}

TEST(ValueRobustness, IllFormedUtf8IsTextWithoutDiagnostics) {
  const std::string inputs[] = {
      "\xc0\xaf",         // overlong '/'
      "\xed\xa0\x80",     // surrogate
      "\xf4\x90\x80\x80", // above U+10FFFF
      "≥5\xe6\xac",       // truncated 次
      "\xff≥95%",         std::string("≥5\0次", 7),
  };
  for (const std::string& input : inputs) {
    SCOPED_TRACE(text::json_quote(input));
    ParseResult result = parse_value(input, Role::Target);
    EXPECT_EQ(result.value.kind, ValueKind::Text);
    EXPECT_EQ(result.value.original, input);
    expect_well_behaved(input);
  }
}

TEST(ValueRobustness, NumbersAtDecimalsLimits) {
  EXPECT_EQ(parse_value("9999999999999999999999999999", Role::Actual).value.kind,
            ValueKind::Quantity); // 28 digits
  EXPECT_EQ(parse_value("99999999999999999999999999999", Role::Actual).diagnostics.at(0).code(),
            "ZP0202");
  EXPECT_EQ(parse_value("0.000000000000000001%", Role::Actual).value.kind, ValueKind::Quantity);
  EXPECT_EQ(parse_value("0.0000000000000000001%", Role::Actual).diagnostics.at(0).code(), "ZP0202");
  EXPECT_EQ(parse_value("1-99999999999999999999999999999次", Role::Target).diagnostics.at(0).code(),
            "ZP0202");
  expect_well_behaved("9999999999999999999999999999万亿元");
}

// A quadratic step would take minutes on these (the CTest TIMEOUT catches it); linear work
// takes milliseconds.
TEST(ValueRobustness, LongInputsFinishQuickly) {
  const std::string units[] = {"≥",  "1",  "1,000", "一",   "以上", "(含)", "万", "-",
                               "年", "。", " ",     "\xff", "a",    "=",    "次", "内"};
  for (const std::string& unit_text : units) {
    std::string input;
    while (input.size() < 200000) input += unit_text;
    expect_well_behaved(input);
    expect_well_behaved("≥" + input + "次");
  }
}

} // namespace
} // namespace ziping::value
