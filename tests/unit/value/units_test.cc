// lookup_unit() and convert(): canonical units, exact factors, conversion only within a measure.
#include <optional>

#include <gtest/gtest.h>

#include "ziping/value/value.h"

namespace ziping::value {
namespace {

using D = Dimension;

Decimal d(const char* text) {
  return Decimal::of(text);
}

Unit unit(const char* spelling) {
  std::optional<Unit> found = lookup_unit(spelling);
  EXPECT_TRUE(found) << spelling;
  return found.value_or(Unit{});
}

struct LookupCase {
  const char* spelling;
  Dimension dimension;
  const char* canonical;
  const char* factor;
};

const LookupCase kLookups[] = {
    {"元", D::Money, "元", "1"},
    {"千元", D::Money, "千元", "1000"},
    {"万元", D::Money, "万元", "10000"},
    {"百万元", D::Money, "百万元", "1000000"},
    {"千万元", D::Money, "千万元", "10000000"},
    {"亿元", D::Money, "亿元", "100000000"},
    {"万亿元", D::Money, "万亿元", "1000000000000"},
    {"%", D::Percent, "%", "1"},
    {"％", D::Percent, "%", "1"},
    {"‰", D::Percent, "‰", "0.1"},
    {"百分点", D::Percent, "个百分点", "1"},
    {"分钟", D::Duration, "分钟", "1"},
    {"小时", D::Duration, "小时", "60"},
    {"个小时", D::Duration, "小时", "60"},
    {"天", D::Duration, "天", "1440"},
    {"日", D::Duration, "日", "1440"},
    {"周", D::Duration, "周", "10080"},
    {"工作日", D::Count, "个工作日", "1"},
    {"月", D::Count, "个月", "1"},
    {"年", D::Count, "年", "1"},
    {"米", D::Length, "米", "1"},
    {"千米", D::Length, "千米", "1000"},
    {"公里", D::Length, "公里", "1000"},
    {"平方米", D::Area, "平方米", "1"},
    {"平方公里", D::Area, "平方公里", "1000000"},
    {"亩", D::Count, "亩", "1"},
    {"公顷", D::Count, "公顷", "1"},
    {"克", D::Mass, "克", "1"},
    {"千克", D::Mass, "千克", "1000"},
    {"公斤", D::Mass, "公斤", "1000"},
    {"吨", D::Mass, "吨", "1000000"},
    {"次", D::Count, "次", "1"},
    {"人次", D::Count, "人次", "1"},
    {"万人次", D::Count, "万人次", "10000"},
    {"天次", D::Count, "天次", "1"},
    {"课时", D::Count, "课时", "1"},
    {"亿", D::None, "亿", "100000000"},
    {"次/年", D::Other, "次/年", "1"},
    {"", D::None, "", "1"},
};

TEST(ValueUnits, LooksUpCanonicalUnits) {
  for (const LookupCase& row : kLookups) {
    SCOPED_TRACE(row.spelling);
    std::optional<Unit> found = lookup_unit(row.spelling);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->dimension, row.dimension);
    EXPECT_EQ(found->text, row.canonical);
    EXPECT_EQ(found->factor, d(row.factor));
  }
}

TEST(ValueUnits, UnknownSpellingsAreNotUnits) {
  for (const char* spelling : {"WIFI", "个事项", "年前", "万个小时", "%%", "次/WIFI", "元资金"})
    EXPECT_FALSE(lookup_unit(spelling)) << spelling;
}

struct ConversionCase {
  const char* value;
  const char* from;
  const char* to;
  const char* expected; // nullptr: not convertible
};

const ConversionCase kConversions[] = {
    {"353.3", "万元", "元", "3533000"},
    {"3533000", "元", "万元", "353.3"},
    {"184.68", "万元", "亿元", "0.018468"},
    {"19.07", "亿元", "万元", "190700"},
    {"1.2", "万人次", "人次", "12000"},
    {"43616", "人次", "万人次", "4.3616"},
    {"4", "小时", "分钟", "240"},
    {"90", "分钟", "小时", "1.5"},
    {"100", "分钟", "小时", nullptr}, // 1.666…: convert never rounds
    {"2", "天", "小时", "48"},
    {"1", "周", "天", "7"},
    {"5", "‰", "%", "0.5"},
    {"5", "km", "米", "5000"},
    {"3", "公里", "千米", "3"},
    {"2", "吨", "公斤", "2000"},
    {"3", "斤", "克", "1500"},
    {"1", "平方公里", "平方米", "1000000"},
    {"19.07", "亿", "", "1907000000"},
    {"5", "次", "次", "5"},
    {"5", "次/年", "次/年", "5"},
    {"5", "次", "件", nullptr},
    {"5", "人", "人次", nullptr},
    {"5", "亩", "公顷", nullptr},
    {"5", "工作日", "天", nullptr},
    {"5", "个月", "天", nullptr},
    {"5", "万元", "%", nullptr},
    {"5", "次/年", "次/月", nullptr},
    {"5", "亿", "万元", nullptr}, // a bare magnitude is not money until the scorer says so
};

TEST(ValueUnits, ConvertsExactlyWithinAMeasure) {
  for (const ConversionCase& row : kConversions) {
    SCOPED_TRACE(std::string(row.value) + row.from + " → " + row.to);
    Decimal converted = d("-1");
    bool ok = convert(d(row.value), unit(row.from), unit(row.to), converted);
    EXPECT_EQ(ok, row.expected != nullptr);
    if (row.expected) {
      EXPECT_EQ(converted, d(row.expected));
    }
  }
}

TEST(ValueUnits, UnknownUnitsConvertOnlyToTheSameSpelling) {
  Unit wifi = parse_value("5 WIFI", Role::Target).value.unit;
  Unit other = parse_value("5 VPN", Role::Target).value.unit;
  Decimal converted;
  EXPECT_TRUE(convert(d("5"), wifi, wifi, converted));
  EXPECT_FALSE(convert(d("5"), wifi, other, converted));
}

TEST(ValueUnits, OverflowIsAFailureNotAnException) {
  Decimal converted;
  Decimal huge = d("9999999999999999999999999999");
  EXPECT_FALSE(convert(huge, unit("万亿元"), unit("元"), converted));
  EXPECT_TRUE(convert(huge, unit("元"), unit("万亿元"), converted));
  EXPECT_EQ(converted, d("9999999999999999.999999999999"));
}

} // namespace
} // namespace ziping::value
