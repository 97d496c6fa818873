// Spellings of the value notation beyond the seed form, table by table: every comparator word
// and sign, full and half width, numbers, units, dates, scales, tiers, ranges and text. Each
// row also checks the canonical spelling and the diagnostics (none unless listed).
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ziping/value/value.h"

namespace ziping::value {
namespace {

constexpr Role T = Role::Target;
constexpr Role A = Role::Actual;
using C = Comparator;
using D = Dimension;
using Edge = DateValue::Edge;

std::string codes(const ParseResult& result) {
  std::string out;
  for (const diag::Diagnostic& diagnostic : result.diagnostics) {
    if (!out.empty()) out += ' ';
    out += diagnostic.code();
  }
  return out;
}

// ---- quantities ----------------------------------------------------------------------------

struct QuantityCase {
  const char* input;
  Role role;
  Comparator comparator;
  bool explicit_comparator;
  const char* number; // as printed: the scale is kept ("88.80")
  const char* unit;
  Dimension dimension;
  const char* canonical;
  const char* diagnostics = "";
};

const QuantityCase kQuantities[] = {
    // at least: signs in every width, words, 以上 suffixes, doubled forms
    {"≧95％", T, C::AtLeast, true, "95", "%", D::Percent, "≥95%"},
    {"＞＝90%", T, C::AtLeast, true, "90", "%", D::Percent, "≥90%"},
    {">=90%", T, C::AtLeast, true, "90", "%", D::Percent, "≥90%"},
    {"=>90%", T, C::AtLeast, true, "90", "%", D::Percent, "≥90%"},
    {"⩾90%", T, C::AtLeast, true, "90", "%", D::Percent, "≥90%"},
    {"≮90%", T, C::AtLeast, true, "90", "%", D::Percent, "≥90%"},
    {"不低于95%", T, C::AtLeast, true, "95", "%", D::Percent, "≥95%"},
    {"不少于5次", T, C::AtLeast, true, "5", "次", D::Count, "≥5次"},
    {"不小于3个", T, C::AtLeast, true, "3", "个", D::Count, "≥3个"},
    {"不得低于90%", T, C::AtLeast, true, "90", "%", D::Percent, "≥90%"},
    {"至少3次", T, C::AtLeast, true, "3", "次", D::Count, "≥3次"},
    {"最少2场", T, C::AtLeast, true, "2", "场", D::Count, "≥2场"},
    {"达到95%", T, C::AtLeast, true, "95", "%", D::Percent, "≥95%"},
    {"大于等于5", T, C::AtLeast, true, "5", "", D::None, "≥5"},
    {"95%以上", T, C::AtLeast, true, "95", "%", D::Percent, "≥95%"},
    {"95%及以上", T, C::AtLeast, true, "95", "%", D::Percent, "≥95%"},
    {"5次或以上", T, C::AtLeast, true, "5", "次", D::Count, "≥5次"},
    {"95%(含)以上", T, C::AtLeast, true, "95", "%", D::Percent, "≥95%"},
    {"95%以上（含）", T, C::AtLeast, true, "95", "%", D::Percent, "≥95%"},
    {"≥95%以上", T, C::AtLeast, true, "95", "%", D::Percent, "≥95%"},
    {"不少于五次", T, C::AtLeast, true, "5", "次", D::Count, "≥5次"},
    {"≥ 95 %", T, C::AtLeast, true, "95", "%", D::Percent, "≥95%"},
    {" 5 次 以上 ", T, C::AtLeast, true, "5", "次", D::Count, "≥5次"},
    // more than
    {">5", T, C::MoreThan, true, "5", "", D::None, ">5"},
    {"＞5次", T, C::MoreThan, true, "5", "次", D::Count, ">5次"},
    {"大于5次", T, C::MoreThan, true, "5", "次", D::Count, ">5次"},
    {"高于90%", T, C::MoreThan, true, "90", "%", D::Percent, ">90%"},
    {"超过3次", T, C::MoreThan, true, "3", "次", D::Count, ">3次"},
    {"多于10人", T, C::MoreThan, true, "10", "人", D::Count, ">10人"},
    // at most
    {"≦10%", T, C::AtMost, true, "10", "%", D::Percent, "≤10%"},
    {"<=10%", T, C::AtMost, true, "10", "%", D::Percent, "≤10%"},
    {"=<10%", T, C::AtMost, true, "10", "%", D::Percent, "≤10%"},
    {"⩽10%", T, C::AtMost, true, "10", "%", D::Percent, "≤10%"},
    {"≯10%", T, C::AtMost, true, "10", "%", D::Percent, "≤10%"},
    {"不超过10万元", T, C::AtMost, true, "10", "万元", D::Money, "≤10万元"},
    {"不高于5%", T, C::AtMost, true, "5", "%", D::Percent, "≤5%"},
    {"不大于3次", T, C::AtMost, true, "3", "次", D::Count, "≤3次"},
    {"不多于2起", T, C::AtMost, true, "2", "起", D::Count, "≤2起"},
    {"最多3天", T, C::AtMost, true, "3", "天", D::Duration, "≤3天"},
    {"小于等于3", T, C::AtMost, true, "3", "", D::None, "≤3"},
    {"5%以内", T, C::AtMost, true, "5", "%", D::Percent, "≤5%"},
    {"5%以下", T, C::AtMost, true, "5", "%", D::Percent, "≤5%"},
    {"5个工作日内", T, C::AtMost, true, "5", "个工作日", D::Count, "≤5个工作日"},
    {"3天之内", T, C::AtMost, true, "3", "天", D::Duration, "≤3天"},
    {"控制在5%以内", T, C::AtMost, true, "5", "%", D::Percent, "≤5%"},
    {"控制在100万元", T, C::AtMost, true, "100", "万元", D::Money, "≤100万元"},
    {"≤5%以内", T, C::AtMost, true, "5", "%", D::Percent, "≤5%"},
    {"不超过353.3 万元", T, C::AtMost, true, "353.3", "万元", D::Money, "≤353.3万元"},
    {"≤353.3 万元", T, C::AtMost, true, "353.3", "万元", D::Money, "≤353.3万元"},
    // less than
    {"<3", T, C::LessThan, true, "3", "", D::None, "<3"},
    {"＜3个", T, C::LessThan, true, "3", "个", D::Count, "<3个"},
    {"小于3", T, C::LessThan, true, "3", "", D::None, "<3"},
    {"低于5%", T, C::LessThan, true, "5", "%", D::Percent, "<5%"},
    {"少于2次", T, C::LessThan, true, "2", "次", D::Count, "<2次"},
    {"不足1小时", T, C::LessThan, true, "1", "小时", D::Duration, "<1小时"},
    // exactly, and the bare target
    {"＝100%", T, C::Equal, true, "100", "%", D::Percent, "=100%"},
    {"═100%", T, C::Equal, true, "100", "%", D::Percent, "=100%"},
    {"﹦100%", T, C::Equal, true, "100", "%", D::Percent, "=100%"},
    {"==100%", T, C::Equal, true, "100", "%", D::Percent, "=100%"},
    {"等于100%", T, C::Equal, true, "100", "%", D::Percent, "=100%"},
    {"98%", T, C::Equal, false, "98", "%", D::Percent, "98%"},
    // actuals: =, 等于 and 达到 state the value; other comparators stay
    {"=95个", A, C::None, false, "95", "个", D::Count, "95个"},
    {"等于100%", A, C::None, false, "100", "%", D::Percent, "100%"},
    {"达到98.73%", A, C::None, false, "98.73", "%", D::Percent, "98.73%"},
    {"≥96%", A, C::AtLeast, true, "96", "%", D::Percent, "≥96%"},
    {"不超过5次", A, C::AtMost, true, "5", "次", D::Count, "≤5次"},
    {"达到95%以上", A, C::AtLeast, true, "95", "%", D::Percent, "≥95%"},
    {"12", A, C::None, false, "12", "", D::None, "12"},
    // numbers
    {"１，０３０人", T, C::Equal, false, "1030", "人", D::Count, "1030人"},
    {"1,030人", T, C::Equal, false, "1030", "人", D::Count, "1030人"},
    {"1，030", T, C::Equal, false, "1030", "", D::None, "1030"},
    {"1,030,500元", T, C::Equal, false, "1030500", "元", D::Money, "1030500元"},
    {"−5%", T, C::Equal, false, "-5", "%", D::Percent, "-5%"},
    {"+5%", T, C::Equal, false, "5", "%", D::Percent, "5%"},
    {"-3.5", A, C::None, false, "-3.5", "", D::None, "-3.5"},
    {"０.５", A, C::None, false, "0.5", "", D::None, "0.5"},
    {"007", A, C::None, false, "7", "", D::None, "7"},
    {"88.80%", A, C::None, false, "88.80", "%", D::Percent, "88.80%"},
    {"5.", A, C::None, false, "5", "", D::None, "5"},
    {"98%。", A, C::None, false, "98", "%", D::Percent, "98%"},
    {"≥-5", T, C::AtLeast, true, "-5", "", D::None, "≥-5"},
    // magnitudes: 万/亿 before a unit belong to the unit, bare they are a unit of their own
    {"19.07亿", A, C::None, false, "19.07", "亿", D::None, "19.07亿"},
    {"19.07亿元", A, C::None, false, "19.07", "亿元", D::Money, "19.07亿元"},
    {"1.2万人次", A, C::None, false, "1.2", "万人次", D::Count, "1.2万人次"},
    {"3.8万人次", A, C::None, false, "3.8", "万人次", D::Count, "3.8万人次"},
    {"1066.49万件", A, C::None, false, "1066.49", "万件", D::Count, "1066.49万件"},
    {"5千", A, C::None, false, "5", "千", D::None, "5千"},
    {"0.5亿元", T, C::Equal, false, "0.5", "亿元", D::Money, "0.5亿元"},
    {"3百万元", A, C::None, false, "3", "百万元", D::Money, "3百万元"},
    {"2千万元", A, C::None, false, "2", "千万元", D::Money, "2千万元"},
    {"1000元", A, C::None, false, "1000", "元", D::Money, "1000元"},
    {"10千元", A, C::None, false, "10", "千元", D::Money, "10千元"},
    // percentages in words and per mille
    {"百分之九十五", T, C::Equal, false, "95", "%", D::Percent, "95%"},
    {"百分之百", T, C::Equal, false, "100", "%", D::Percent, "100%"},
    {"百分之95", T, C::Equal, false, "95", "%", D::Percent, "95%"},
    {"百分之九十五以上", T, C::AtLeast, true, "95", "%", D::Percent, "≥95%"},
    {"5‰", T, C::Equal, false, "5", "‰", D::Percent, "5‰"},
    {"3个百分点", T, C::Equal, false, "3", "个百分点", D::Percent, "3个百分点"},
    // small Chinese numerals
    {"五次", T, C::Equal, false, "5", "次", D::Count, "5次"},
    {"十二个", T, C::Equal, false, "12", "个", D::Count, "12个"},
    {"两次", T, C::Equal, false, "2", "次", D::Count, "2次"},
    {"一百", T, C::Equal, false, "100", "", D::None, "100"},
    {"一百五十人", T, C::Equal, false, "150", "人", D::Count, "150人"},
    {"三千五", T, C::Equal, false, "3500", "", D::None, "3500"},
    {"两万人次", T, C::Equal, false, "20000", "人次", D::Count, "20000人次"},
    {"三点五小时", T, C::Equal, false, "3.5", "小时", D::Duration, "3.5小时"},
    {"二十五家", T, C::Equal, false, "25", "家", D::Count, "25家"},
    // units of every dimension
    {"3个月", T, C::Equal, false, "3", "个月", D::Count, "3个月"},
    {"≤3月", T, C::AtMost, true, "3", "个月", D::Count, "≤3个月"},
    {"2年", T, C::Equal, false, "2", "年", D::Count, "2年"},
    {"30分钟", T, C::Equal, false, "30", "分钟", D::Duration, "30分钟"},
    {"2周", T, C::Equal, false, "2", "周", D::Duration, "2周"},
    {"1个星期", T, C::Equal, false, "1", "周", D::Duration, "1周"},
    {"15秒", T, C::Equal, false, "15", "秒", D::Count, "15秒"},
    {"5公里", T, C::Equal, false, "5", "公里", D::Length, "5公里"},
    {"5千米", T, C::Equal, false, "5", "千米", D::Length, "5千米"},
    {"200米", T, C::Equal, false, "200", "米", D::Length, "200米"},
    {"5km", T, C::Equal, false, "5", "千米", D::Length, "5千米"},
    {"500平方米", T, C::Equal, false, "500", "平方米", D::Area, "500平方米"},
    {"5㎡", T, C::Equal, false, "5", "平方米", D::Area, "5平方米"},
    {"10m²", T, C::Equal, false, "10", "平方米", D::Area, "10平方米"},
    {"2平方公里", T, C::Equal, false, "2", "平方公里", D::Area, "2平方公里"},
    {"10亩", T, C::Equal, false, "10", "亩", D::Count, "10亩"},
    {"3公顷", T, C::Equal, false, "3", "公顷", D::Count, "3公顷"},
    {"2吨", T, C::Equal, false, "2", "吨", D::Mass, "2吨"},
    {"500克", T, C::Equal, false, "500", "克", D::Mass, "500克"},
    {"5公斤", T, C::Equal, false, "5", "公斤", D::Mass, "5公斤"},
    {"5kg", T, C::Equal, false, "5", "千克", D::Mass, "5千克"},
    {"95分", T, C::Equal, false, "95", "分", D::Count, "95分"},
    {"3台套", T, C::Equal, false, "3", "台套", D::Count, "3台套"},
    {"12场次", T, C::Equal, false, "12", "场次", D::Count, "12场次"},
    {"6413笔", A, C::None, false, "6413", "笔", D::Count, "6413笔"},
    {"1051个事项", A, C::None, false, "1051", "个事项", D::Count, "1051个事项"},
    {"1429家企业", A, C::None, false, "1429", "家企业", D::Count, "1429家企业"},
    {"2次/年", T, C::Equal, false, "2", "次/年", D::Other, "2次/年"},
    {"≥2次/年", T, C::AtLeast, true, "2", "次/年", D::Other, "≥2次/年"},
    {"25℃", T, C::Equal, false, "25", "°C", D::Other, "25°C"},
    {"5 WIFI", T, C::Equal, false, "5", "WIFI", D::Other, "5WIFI", "ZP0201"},
    {"3千瓦时", A, C::None, false, "3", "千瓦时", D::Other, "3千瓦时", ""},
    {"3焦耳", A, C::None, false, "3", "焦耳", D::Other, "3焦耳", "ZP0201"},
    {"≤35微克/立方米", T, C::AtMost, true, "35", "微克/立方米", D::Other, "≤35微克/立方米", ""},
    {"0.4毫克/升", A, C::None, false, "0.4", "毫克/升", D::Other, "0.4毫克/升", ""},
    {"≥20立方米/秒", T, C::AtLeast, true, "20", "立方米/秒", D::Other, "≥20立方米/秒", ""},
};

TEST(ValueSpellings, Quantities) {
  for (const QuantityCase& row : kQuantities) {
    SCOPED_TRACE(row.input);
    ParseResult result = parse_value(row.input, row.role);
    const Value& value = result.value;
    EXPECT_EQ(value.kind, ValueKind::Quantity);
    EXPECT_EQ(value.comparator, row.comparator);
    EXPECT_EQ(value.explicit_comparator, row.explicit_comparator);
    EXPECT_EQ(value.number.to_string(), row.number);
    EXPECT_EQ(value.unit.text, row.unit);
    EXPECT_EQ(value.unit.dimension, row.dimension);
    EXPECT_EQ(format_value(value), row.canonical);
    EXPECT_EQ(value.text, row.canonical);
    EXPECT_EQ(codes(result), row.diagnostics);
    EXPECT_EQ(value.original, row.input);
  }
}

// ---- ranges --------------------------------------------------------------------------------

struct RangeCase {
  const char* input;
  const char* low;
  const char* high;
  const char* unit;
  Dimension dimension;
  const char* canonical;
};

const RangeCase kRanges[] = {
    {"90%-95%", "90", "95", "%", D::Percent, "90~95%"},
    {"90%~95%", "90", "95", "%", D::Percent, "90~95%"},
    {"90％～95％", "90", "95", "%", D::Percent, "90~95%"},
    {"90-95%", "90", "95", "%", D::Percent, "90~95%"},
    {"90%—95%", "90", "95", "%", D::Percent, "90~95%"},
    {"3至5次", "3", "5", "次", D::Count, "3~5次"},
    {"3-5次", "3", "5", "次", D::Count, "3~5次"},
    {"3到5次", "3", "5", "次", D::Count, "3~5次"},
    {"3次-5次", "3", "5", "次", D::Count, "3~5次"},
    {"5 - 10 天", "5", "10", "天", D::Duration, "5~10天"},
    {"1-2万", "1", "2", "万", D::None, "1~2万"},
    {"-5~-3", "-5", "-3", "", D::None, "-5~-3"},
    {"3~3次", "3", "3", "次", D::Count, "3~3次"},
    {"100-200万元", "100", "200", "万元", D::Money, "100~200万元"},
};

TEST(ValueSpellings, Ranges) {
  for (Role role : {T, A}) {
    for (const RangeCase& row : kRanges) {
      SCOPED_TRACE(row.input);
      ParseResult result = parse_value(row.input, role);
      const Value& value = result.value;
      EXPECT_EQ(value.kind, ValueKind::Range);
      EXPECT_EQ(value.comparator, C::None);
      EXPECT_EQ(value.number.to_string(), row.low);
      EXPECT_EQ(value.high.to_string(), row.high);
      EXPECT_EQ(value.unit.text, row.unit);
      EXPECT_EQ(value.unit.dimension, row.dimension);
      EXPECT_EQ(format_value(value), row.canonical);
      EXPECT_EQ(codes(result), "");
    }
  }
}

// ---- dates ---------------------------------------------------------------------------------

struct DateCase {
  const char* input;
  Role role;
  DateValue date;
  const char* canonical;
};

const DateCase kDates[] = {
    {"2022年12月31日", T, {2022, 12, 31, Edge::On, false}, "2022年12月31日"},
    {"2022年12月31日前", T, {2022, 12, 31, Edge::Before, false}, "2022年12月31日前"},
    {"12月31日前", T, {0, 12, 31, Edge::Before, false}, "12月31日前"},
    {"年底前", T, {0, 0, 0, Edge::Before, false}, "年底前"},
    {"2022年内", T, {2022, 0, 0, Edge::EndOf, false}, "2022年内"},
    {"2022年底", T, {2022, 0, 0, Edge::EndOf, false}, "2022年内"},
    {"2022年末", T, {2022, 0, 0, Edge::EndOf, false}, "2022年内"},
    {"2022.12.31", T, {2022, 12, 31, Edge::On, false}, "2022年12月31日"},
    {"2022-12-31", T, {2022, 12, 31, Edge::On, false}, "2022年12月31日"},
    {"2022/12/31", T, {2022, 12, 31, Edge::On, false}, "2022年12月31日"},
    {"2022/12", T, {2022, 12, 0, Edge::On, false}, "2022年12月"},
    {"2022-12", T, {2022, 12, 0, Edge::On, false}, "2022年12月"},
    {"截至2022年12月", T, {2022, 12, 0, Edge::Before, false}, "2022年12月底前"},
    {"截止2022年12月31日", T, {2022, 12, 31, Edge::Before, false}, "2022年12月31日前"},
    {"截至年底", T, {0, 0, 0, Edge::Before, false}, "年底前"},
    {"2022年第四季度", T, {2022, 12, 0, Edge::EndOf, false}, "2022年12月底"},
    {"2022年四季度", T, {2022, 12, 0, Edge::EndOf, false}, "2022年12月底"},
    {"2022年第一季度", T, {2022, 3, 0, Edge::EndOf, false}, "2022年3月底"},
    {"第四季度末", T, {0, 12, 0, Edge::EndOf, false}, "12月底"},
    {"2022年上半年", T, {2022, 6, 0, Edge::EndOf, false}, "2022年6月底"},
    {"2022年12月", T, {2022, 12, 0, Edge::On, false}, "2022年12月"},
    {"2022年12月份", T, {2022, 12, 0, Edge::On, false}, "2022年12月"},
    {"2022年", T, {2022, 0, 0, Edge::On, false}, "2022年"},
    {"2022年度", T, {2022, 0, 0, Edge::On, false}, "2022年"},
    {"=2022年", T, {2022, 0, 0, Edge::On, false}, "2022年"},
    {"12月底", T, {0, 12, 0, Edge::EndOf, false}, "12月底"},
    {"12月底前", T, {0, 12, 0, Edge::Before, false}, "12月底前"},
    {"6月30日", T, {0, 6, 30, Edge::On, false}, "6月30日"},
    {"3月", T, {0, 3, 0, Edge::On, false}, "3月"},
    {"年内", T, {0, 0, 0, Edge::EndOf, false}, "年内"},
    {"年底", T, {0, 0, 0, Edge::EndOf, false}, "年内"},
    {"本年度内", T, {0, 0, 0, Edge::EndOf, false}, "年内"},
    {"年底前完成", T, {0, 0, 0, Edge::Before, false}, "年底前"},
    {"年底前完成", A, {0, 0, 0, Edge::Before, true}, "年底前已完成"},
    {"2023年内完成", A, {2023, 0, 0, Edge::EndOf, true}, "2023年内已完成"},
    {"2022年12月底前已完成", T, {2022, 12, 0, Edge::Before, true}, "2022年12月底前已完成"},
    {"于2022年12月底前完成", T, {2022, 12, 0, Edge::Before, false}, "2022年12月底前"},
    {"2022年12月底之前", T, {2022, 12, 0, Edge::Before, false}, "2022年12月底前"},
    {"2022年12月31号", T, {2022, 12, 31, Edge::On, false}, "2022年12月31日"},
    {"2022-12-31前", T, {2022, 12, 31, Edge::Before, false}, "2022年12月31日前"},
    {"不晚于2022年12月", T, {2022, 12, 0, Edge::Before, false}, "2022年12月底前"},
    {"≤2022年12月31日", T, {2022, 12, 31, Edge::Before, false}, "2022年12月31日前"},
    {"2024年2月29日", T, {2024, 2, 29, Edge::On, false}, "2024年2月29日"},
    {"２０２２年１２月底", A, {2022, 12, 0, Edge::EndOf, false}, "2022年12月底"},
    {"2022年 12月 底前", T, {2022, 12, 0, Edge::Before, false}, "2022年12月底前"},
};

TEST(ValueSpellings, Dates) {
  for (const DateCase& row : kDates) {
    SCOPED_TRACE(row.input);
    ParseResult result = parse_value(row.input, row.role);
    EXPECT_EQ(result.value.kind, ValueKind::Date);
    EXPECT_EQ(result.value.comparator, C::None);
    EXPECT_EQ(result.value.date, row.date)
        << result.value.date.year << '/' << result.value.date.month << '/' << result.value.date.day
        << " edge " << int(result.value.date.edge);
    EXPECT_EQ(format_value(result.value), row.canonical);
    EXPECT_EQ(codes(result), "");
  }
}

// ---- levels on ordered scales ----------------------------------------------------------------

struct LevelCase {
  const char* input;
  Role role;
  const char* scale;
  int rank;
  Comparator comparator;
  bool explicit_comparator;
  const char* canonical;
};

const LevelCase kLevels[] = {
    {"不合格", T, "grade", 0, C::Equal, false, "不合格"},
    {"基本合格", T, "grade", 1, C::Equal, false, "基本合格"},
    {"及格", T, "grade", 2, C::Equal, false, "合格"},
    {"良好", T, "grade", 3, C::Equal, false, "良好"},
    {"优秀", A, "grade", 4, C::None, false, "优秀"},
    {"良好及以上", T, "grade", 3, C::AtLeast, true, "良好以上"},
    {"不低于良好", T, "grade", 3, C::AtLeast, true, "良好以上"},
    {"≥合格", T, "grade", 2, C::AtLeast, true, "合格以上"},
    {"合格以下", T, "grade", 2, C::AtMost, true, "合格以下"},
    {">合格", T, "grade", 2, C::MoreThan, true, ">合格"},
    {"=合格", T, "grade", 2, C::Equal, true, "=合格"},
    {"=合格", A, "grade", 2, C::None, false, "合格"},
    {"差", T, "rating", 0, C::Equal, false, "差"},
    {"中", T, "rating", 1, C::Equal, false, "中"},
    {"良", T, "rating", 2, C::Equal, false, "良"},
    {"优", A, "rating", 3, C::None, false, "优"},
    {"较差", T, "quality", 0, C::Equal, false, "较差"},
    {"一般", T, "quality", 1, C::Equal, false, "一般"},
    {"较好", T, "quality", 2, C::Equal, false, "较好"},
    {"好", A, "quality", 3, C::None, false, "好"},
    {"低", T, "level", 0, C::Equal, false, "低"},
    {"较低", T, "level", 1, C::Equal, false, "较低"},
    {"中等", T, "level", 2, C::Equal, false, "中等"},
    {"较高", T, "level", 3, C::Equal, false, "较高"},
    {"高", A, "level", 4, C::None, false, "高"},
    {"不及时", A, "timeliness", 0, C::None, false, "不及时"},
    {"基本及时", A, "timeliness", 1, C::None, false, "基本及时"},
    {"按时", T, "timeliness", 2, C::Equal, false, "及时"},
    {"准时", T, "timeliness", 2, C::Equal, false, "及时"},
    {"按期", A, "timeliness", 2, C::None, false, "及时"},
    {"及时。", A, "timeliness", 2, C::None, false, "及时"},
    {"否", A, "yes_no", 0, C::None, false, "否"},
    {"无", A, "presence", 0, C::None, false, "无"},
    {"有", T, "presence", 1, C::Equal, false, "有"},
    {"未达标", A, "standard", 0, C::None, false, "未达标"},
    {"不达标", A, "standard", 0, C::None, false, "未达标"},
    {"基本达标", A, "standard", 1, C::None, false, "基本达标"},
    {"达标", T, "standard", 2, C::Equal, false, "达标"},
    {"无效", A, "validity", 0, C::None, false, "无效"},
    {"有效", T, "validity", 2, C::Equal, false, "有效"},
    {"不明显", A, "significance", 0, C::None, false, "不明显"},
    {"明显", T, "significance", 2, C::Equal, false, "明显"},
    {"显著", T, "significance", 2, C::Equal, false, "明显"},
    {"效果显著", A, "significance", 2, C::None, false, "明显"},
    {"下降", A, "trend", 0, C::None, false, "下降"},
    {"持平", A, "trend", 1, C::None, false, "持平"},
    {"有所提高", T, "trend", 2, C::Equal, false, "有所提高"},
    {"有所提升", T, "trend", 2, C::Equal, false, "有所提高"},
    {"有所改善", A, "trend", 2, C::None, false, "有所提高"},
    {"稳步提升", A, "trend", 2, C::None, false, "有所提高"},
    {"逐步提高", T, "trend", 2, C::Equal, false, "有所提高"},
    {"显著提升", A, "trend", 3, C::None, false, "显著提高"},
    {"满意", A, "satisfaction", 2, C::None, false, "满意"},
    {"非常满意", A, "satisfaction", 3, C::None, false, "非常满意"},
    {"健全", T, "soundness", 2, C::Equal, false, "健全"},
    {"基本健全", A, "soundness", 1, C::None, false, "基本健全"},
    {"不完善", A, "completeness", 0, C::None, false, "不完善"},
    {"完善", T, "completeness", 2, C::Equal, false, "完善"},
    {"基本规范", A, "regularity", 1, C::None, false, "基本规范"},
    {"到位", T, "in_place", 2, C::Equal, false, "到位"},
    {"基本落实", A, "implementation", 1, C::None, false, "基本落实"},
    {"符合", T, "conformity", 2, C::Equal, false, "符合"},
    {"不正常", A, "normality", 0, C::None, false, "异常"},
    {"正常", T, "normality", 2, C::Equal, false, "正常"},
};

TEST(ValueSpellings, Levels) {
  for (const LevelCase& row : kLevels) {
    SCOPED_TRACE(row.input);
    ParseResult result = parse_value(row.input, row.role);
    const Value& value = result.value;
    EXPECT_EQ(value.kind, ValueKind::Ordinal);
    EXPECT_EQ(value.scale, row.scale);
    EXPECT_EQ(value.rank, row.rank);
    EXPECT_EQ(value.comparator, row.comparator);
    EXPECT_EQ(value.explicit_comparator, row.explicit_comparator);
    EXPECT_FALSE(value.tier); // an ordinal's tier depends on the target: the scorer decides
    EXPECT_EQ(format_value(value), row.canonical);
    EXPECT_EQ(codes(result), "");
  }
}

// ---- outcome tiers -------------------------------------------------------------------------

struct TierCase {
  const char* input;
  Tier tier;
};

const TierCase kTiers[] = {
    {"全部达成", Tier::Achieved},
    {"达成预期指标", Tier::Achieved},
    {"达成年度指标", Tier::Achieved},
    {"已完成", Tier::Achieved},
    {"全部完成", Tier::Achieved},
    {"完成", Tier::Achieved},
    {"已达成", Tier::Achieved},
    {"达到预期", Tier::Achieved},
    {"达到预期目标", Tier::Achieved},
    {"基本达成", Tier::Achieved},
    {"基本完成", Tier::Achieved},
    {"圆满完成", Tier::Achieved},
    {"按期完成", Tier::Achieved},
    {"超额完成", Tier::Achieved},
    {"全部达成。", Tier::Achieved},
    {"全部 达成", Tier::Achieved},
    {"部分达成", Tier::Partial},
    {"部分达成年度指标并具有一定效果", Tier::Partial},
    {"部分完成", Tier::Partial},
    {"部分达成预期指标", Tier::Partial},
    {"未全部完成", Tier::Partial},
    {"未达成", Tier::NotAchieved},
    {"未完成", Tier::NotAchieved},
    {"未达到", Tier::NotAchieved},
    {"未达成年度指标且效果较差", Tier::NotAchieved},
    {"未达到预期", Tier::NotAchieved},
    {"尚未完成", Tier::NotAchieved},
};

TEST(ValueSpellings, Tiers) {
  for (Role role : {T, A}) {
    for (const TierCase& row : kTiers) {
      SCOPED_TRACE(row.input);
      ParseResult result = parse_value(row.input, role);
      EXPECT_EQ(result.value.kind, ValueKind::Tier);
      EXPECT_EQ(result.value.tier, row.tier);
      EXPECT_EQ(result.value.comparator, C::None);
      EXPECT_EQ(codes(result), "");
    }
  }
}

// ---- text, empty, and the diagnostics of what does not parse ---------------------------------

struct TextCase {
  const char* input;
  Role role;
  ValueKind kind;
  const char* diagnostics;
};

const TextCase kTexts[] = {
    {"", T, ValueKind::Empty, ""},
    {"   ", A, ValueKind::Empty, ""},
    {"\u3000", T, ValueKind::Empty, ""},
    {"—", T, ValueKind::Empty, ""},
    {"/", A, ValueKind::Empty, ""},
    {"-", T, ValueKind::Empty, ""},
    {"≥95%以下", T, ValueKind::Text, "ZP0204"},
    {"不低于5次以内", A, ValueKind::Text, "ZP0204"},
    {"=5次以上", T, ValueKind::Text, "ZP0204"},
    {"≥合格以下", T, ValueKind::Text, "ZP0204"},
    {"12345678901234567890123456789012", T, ValueKind::Text, "ZP0202"},
    {"1.0000000000000000000001", A, ValueKind::Text, "ZP0202"},
    {"1e5", T, ValueKind::Text, "ZP0203"},
    {"1,03", T, ValueKind::Text, "ZP0203"},
    {".5", T, ValueKind::Text, "ZP0203"},
    {"5-3次", T, ValueKind::Text, "ZP0203"},
    {"≥3-5次", T, ValueKind::Text, "ZP0203"},
    {"2022年12月前", T, ValueKind::Text, "ZP0203"},
    {"2022年前", T, ValueKind::Text, "ZP0203"},
    {"2月30日", T, ValueKind::Text, "ZP0203"},
    {"2023年2月29日", T, ValueKind::Text, "ZP0203"},
    {"100%完成", T, ValueKind::Text, "ZP0203"},
    {"+2022年", T, ValueKind::Text, "ZP0203"},
    {"提高3个百分点", T, ValueKind::Text, "ZP0203"},
    {"1万-2万元", T, ValueKind::Text, "ZP0203"},
    {"≠5", T, ValueKind::Text, "ZP0203"},
    {"5亿元资金", T, ValueKind::Text, "ZP0203"},
    {"2022年12月前", A, ValueKind::Text, ""},
    {"达到", T, ValueKind::Text, ""},
    {"一致", T, ValueKind::Text, ""},
    {"三公经费", T, ValueKind::Text, ""},
    {"NaN", T, ValueKind::Text, ""},
    {"长期坚持", T, ValueKind::Text, ""},
    {"按要求完成各项工作", T, ValueKind::Text, ""},
    {"全部达成预期指标，效果良好", A, ValueKind::Text, ""},
    {"质量合格", T, ValueKind::Text, ""},
};

TEST(ValueSpellings, TextAndEmpty) {
  for (const TextCase& row : kTexts) {
    SCOPED_TRACE(row.input);
    ParseResult result = parse_value(row.input, row.role);
    EXPECT_EQ(result.value.kind, row.kind);
    EXPECT_EQ(codes(result), row.diagnostics);
    EXPECT_EQ(result.value.original, row.input);
    if (row.kind == ValueKind::Text) {
      EXPECT_EQ(format_value(result.value), row.input);
    } else {
      EXPECT_EQ(result.value.text, "");
    }
  }
}

TEST(ValueSpellings, TextKeepsTheFoldedText) {
  ParseResult result = parse_value("全年24小时运行（受理）", A);
  EXPECT_EQ(result.value.text, "全年24小时运行(受理)");
  EXPECT_EQ(format_value(result.value), "全年24小时运行（受理）"); // as written
}

TEST(ValueSpellings, DiagnosticsQuoteTheCell) {
  ParseResult result = parse_value(" 5 WIFI ", T);
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].args, (std::vector<std::string>{"5 WIFI", "WIFI"}));
  EXPECT_TRUE(result.diagnostics[0].path.empty());
}

// ---- the property over every row -------------------------------------------------------------

std::vector<std::string> all_inputs() {
  std::vector<std::string> inputs;
  for (const auto& row : kQuantities) inputs.emplace_back(row.input);
  for (const auto& row : kRanges) inputs.emplace_back(row.input);
  for (const auto& row : kDates) inputs.emplace_back(row.input);
  for (const auto& row : kLevels) inputs.emplace_back(row.input);
  for (const auto& row : kTiers) inputs.emplace_back(row.input);
  for (const auto& row : kTexts) inputs.emplace_back(row.input);
  return inputs;
}

TEST(ValueSpellings, CanonicalSpellingReadsBackUnchanged) {
  for (const std::string& input : all_inputs()) {
    for (Role role : {T, A}) {
      SCOPED_TRACE(input);
      Value first = parse_value(input, role).value;
      if (first.kind == ValueKind::Text) continue;
      std::string canonical = format_value(first);
      Value second = parse_value(canonical, role).value;
      EXPECT_EQ(second.original, canonical);
      second.original = first.original;
      EXPECT_EQ(second, first) << "canonical " << canonical;
      EXPECT_EQ(format_value(second), canonical);
    }
  }
}

TEST(ValueSpellings, CoverAtLeast150Spellings) {
  std::vector<std::string> inputs = all_inputs();
  std::sort(inputs.begin(), inputs.end());
  std::size_t count = std::unique(inputs.begin(), inputs.end()) - inputs.begin();
  EXPECT_GE(count, 150u);
  RecordProperty("spellings", int(count));
  std::printf("[ value spellings tested: %zu ]\n", count);
}

} // namespace
} // namespace ziping::value
