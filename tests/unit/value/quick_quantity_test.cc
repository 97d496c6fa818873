// parse_value()'s fast path for canonically written quantities (quick_quantity.h) must give
// exactly what the general path gives: value and diagnostics, for every unit it accepts with
// every sign and both roles, for texts built to sit on its edges, and for generated forms.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ziping/sample/form_generator.h"
#include "ziping/value/parse_general.h"
#include "ziping/value/quick_quantity.h"
#include "ziping/value/value.h"

namespace ziping::value {
namespace {

void expect_same(const std::string& text) {
  for (Role role : {Role::Target, Role::Actual}) {
    ParseResult fast = parse_value(text, role);
    ParseResult general = parse_value_general(text, role);
    EXPECT_EQ(fast.value, general.value)
        << text << " (" << (role == Role::Target ? "target" : "actual") << ")";
    ASSERT_EQ(fast.diagnostics.size(), general.diagnostics.size()) << text;
    for (std::size_t i = 0; i < fast.diagnostics.size(); ++i) {
      EXPECT_EQ(fast.diagnostics[i].id, general.diagnostics[i].id) << text;
      EXPECT_EQ(fast.diagnostics[i].args, general.diagnostics[i].args) << text;
    }
  }
}

const std::vector<std::string> kSigns = {"", "≥", "≤", ">", "<", "="};
const std::vector<std::string> kNumbers = {
    "0",    "1",    "5",   "12",   "31",    "100",     "1900",
    "2022", "2100", "0.5", "3.50", "12.31", "2022.12", "99999999999999999"};

TEST(QuickQuantity, TakesTheCommonUnits) {
  auto spellings = quick_unit_spellings();
  for (std::string_view unit : {"次", "万元", "%", "个", "人次", "亿元", "小时", "个百分点"})
    EXPECT_NE(std::find(spellings.begin(), spellings.end(), unit), spellings.end()) << unit;
  for (std::string_view unit : {"年", "月", "‰", "元/人", "h", "万"})
    EXPECT_EQ(std::find(spellings.begin(), spellings.end(), unit), spellings.end()) << unit;
  Value value;
  EXPECT_TRUE(read_quick_quantity("≥120次", Role::Target, value));
  EXPECT_EQ(value.text, "≥120次");
  EXPECT_FALSE(read_quick_quantity("≥ 120次", Role::Target, value));
  EXPECT_FALSE(read_quick_quantity("2022年", Role::Target, value));
}

TEST(QuickQuantity, EveryAcceptedUnitAgreesWithTheGeneralPath) {
  auto spellings = quick_unit_spellings();
  EXPECT_GT(spellings.size(), 100u);
  for (const std::string& unit : spellings)
    for (const auto& sign : kSigns)
      for (const auto& number : kNumbers) expect_same(sign + number + unit);
}

TEST(QuickQuantity, EdgesAgreeWithTheGeneralPath) {
  const std::vector<std::string> edges = {
      "",
      "5",
      "05",
      "0.50",
      "00",
      "5.",
      ".5",
      "5..5",
      "5.5.5",
      "-5",
      "+5",
      "≥",
      "≥-5",
      "==5",
      ">=5",
      "=>5",
      "<=5",
      "≥5次以上",
      "5次。",
      "5 次",
      " 5次",
      "5次 ",
      "5次次",
      "5万",
      "5亿",
      "5万亿元",
      "5千万元",
      "5万%",
      "2022年",
      "12月",
      "4季度",
      "3个月",
      "5‰",
      "5°C",
      "5μg",
      "5m2",
      "5km",
      "5h",
      "5次/年",
      "1,000元",
      "1-5次",
      "5~6%",
      "5至6次",
      "≥5%≤9%",
      "≤5日",
      "≤31日",
      "=31日",
      "≤2022年",
      "5天",
      "12日",
      "1234567890123456789",
      "12345678901234567.5",
      "0.000000000000000001%",
      "999999999999999999999999999999",
      "≥0",
      "<0.0",
      "=0次",
  };
  for (const auto& text : edges) expect_same(text);
}

TEST(QuickQuantity, GeneratedFormsAgreeWithTheGeneralPath) {
  std::size_t quick = 0;
  for (const auto& form : sample::benchmark_forms(40)) {
    for (const auto& goal : form.goals) {
      for (const auto& leaf : goal.indicators) {
        for (const std::string* text : {&leaf.target, &leaf.actual}) {
          expect_same(*text);
          Value value;
          quick += read_quick_quantity(*text, Role::Target, value) ? 1 : 0;
        }
      }
    }
  }
  EXPECT_GT(quick, 500u); // the fast path is taken, not only agreed with
}

} // namespace
} // namespace ziping::value
