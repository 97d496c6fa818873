// Every 年度指标值 and 实际完成值 of the seed form (Tianjin 政务服务办 2022, 76 indicators),
// read in its role: the parse a scorer gets for each cell of the real form.
#include <string>

#include <gtest/gtest.h>

#include "ziping/value/value.h"

namespace ziping::value {
namespace {

using C = Comparator;
using D = Dimension;
using K = ValueKind;

struct Expected {
  ValueKind kind;
  Comparator comparator = C::None;
  const char* number = ""; // as printed; empty when the kind has none
  const char* unit = "";
  Dimension dimension = D::None;
  const char* canonical = nullptr; // nullptr: text, written back verbatim
};

struct SeedRow {
  const char* target;
  Expected target_parse;
  const char* actual;
  Expected actual_parse;
};

const char* kGoal3Text =
    "持续推进政务服务事项目录管理，编制并印发《天津市行政许可事项清单（2022年版）》、《天津市2022年"
    "版非许可类政务服务事项目录》。进一步深化政务服务告知承诺改革，印发《关于动态调整我市证照分离改"
    "革"
    "有关事项清单的通知》，对改革方式为实行告知承诺的事项，细化了具体承诺类型。持续推进“跨省通办”"
    "扩大范围，“跨省通办”政务服务事项达155项。";
const char* kGoal4Text = "通过第三方营商环境常态化监测以及持续做好惠企政策宣传等服务，不断助力全市"
                         "营商环境持续发展改善。";
const char* kGoal6Text =
    "不断健全电子保函服务专区工作，面对面对接银行、保险、担保公司和第三方电子保函平台等电子保函服务"
    "机构，"
    "自上线以来为企业出函6413笔，累计服务投标企业1429家，累计保额19."
    "07亿元，助力缓解企业资金压力。完善"
    "电子招投标交易平台建设，努力实现全流程电子化，推动与预算一体化系统信息共享。";

const Expected kText{K::Text};

Expected at_least(const char* number, const char* unit, D dimension, const char* canonical) {
  return {K::Quantity, C::AtLeast, number, unit, dimension, canonical};
}
Expected at_most(const char* number, const char* unit, D dimension, const char* canonical) {
  return {K::Quantity, C::AtMost, number, unit, dimension, canonical};
}
Expected equal(const char* number, const char* unit, D dimension, const char* canonical) {
  return {K::Quantity, C::Equal, number, unit, dimension, canonical};
}
Expected plain(const char* number, const char* unit, D dimension, const char* canonical) {
  return {K::Quantity, C::None, number, unit, dimension, canonical};
}

const Expected kAtLeast95Percent = at_least("95", "%", D::Percent, "≥95%");
const Expected kAtLeast90Percent = at_least("90", "%", D::Percent, "≥90%");
const Expected kHundredPercent = plain("100", "%", D::Percent, "100%");
const Expected kEqualHundredPercent = equal("100", "%", D::Percent, "=100%");
const Expected kNinetyNinePercent = plain("99", "%", D::Percent, "99%");

const SeedRow kSeed[] = {
    // 绩效目标1
    {"≥5次", at_least("5", "次", D::Count, "≥5次"), "6次", plain("6", "次", D::Count, "6次")},
    {"合格以上",
     {K::Ordinal, C::AtLeast, "", "", D::None, "合格以上"},
     "合格",
     {K::Ordinal, C::None, "", "", D::None, "合格"}},
    {"=100%", kEqualHundredPercent, "每季度开展党建督查检查", kText},
    {"≤353.3万元", at_most("353.3", "万元", D::Money, "≤353.3万元"), "353.3",
     plain("353.3", "", D::None, "353.3")},
    {"≥95%", kAtLeast95Percent, "100%", kHundredPercent},
    {"≥95%", kAtLeast95Percent, "100%", kHundredPercent},
    // 绩效目标2
    {"≥100件", at_least("100", "件", D::Count, "≥100件"), "116件",
     plain("116", "件", D::Count, "116件")},
    {"≥20件", at_least("20", "件", D::Count, "≥20件"), "23件", plain("23", "件", D::Count, "23件")},
    {"≥95%", kAtLeast95Percent, "100%", kHundredPercent},
    {"≥90%", kAtLeast90Percent, "100%", kHundredPercent},
    {"≤188.7万元", at_most("188.7", "万元", D::Money, "≤188.7万元"), "184.68万元",
     plain("184.68", "万元", D::Money, "184.68万元")},
    {"≥20次", at_least("20", "次", D::Count, "≥20次"), "24次", plain("24", "次", D::Count, "24次")},
    // 绩效目标3
    {"=58个", equal("58", "个", D::Count, "=58个"), "=58个", plain("58", "个", D::Count, "58个")},
    {"=100%", kEqualHundredPercent, "=100%", kHundredPercent},
    {"2022年12月底",
     {K::Date, C::None, "", "", D::None, "2022年12月底"},
     "2022年12月底",
     {K::Date, C::None, "", "", D::None, "2022年12月底"}},
    {"≤254.9万元", at_most("254.9", "万元", D::Money, "≤254.9万元"), "251.91万元",
     plain("251.91", "万元", D::Money, "251.91万元")},
    {"是", {K::Ordinal, C::Equal, "", "", D::None, "是"}, kGoal3Text, kText},
    // 绩效目标4
    {"≥40个", at_least("40", "个", D::Count, "≥40个"), "40个", plain("40", "个", D::Count, "40个")},
    {"≥20个", at_least("20", "个", D::Count, "≥20个"), "25个", plain("25", "个", D::Count, "25个")},
    {"≥40个", at_least("40", "个", D::Count, "≥40个"), "118个",
     plain("118", "个", D::Count, "118个")},
    {"=100%", kEqualHundredPercent, "100%", kHundredPercent},
    {"及时",
     {K::Ordinal, C::Equal, "", "", D::None, "及时"},
     "及时",
     {K::Ordinal, C::None, "", "", D::None, "及时"}},
    {"及时",
     {K::Ordinal, C::Equal, "", "", D::None, "及时"},
     "及时",
     {K::Ordinal, C::None, "", "", D::None, "及时"}},
    {"≤70万元", at_most("70", "万元", D::Money, "≤70万元"), "34.985万元",
     plain("34.985", "万元", D::Money, "34.985万元")},
    {"≤25万元", at_most("25", "万元", D::Money, "≤25万元"), "18.3万元",
     plain("18.3", "万元", D::Money, "18.3万元")},
    {"持续改善", {K::Ordinal, C::Equal, "", "", D::None, "有所提高"}, kGoal4Text, kText},
    // 绩效目标5
    {"≥50次", at_least("50", "次", D::Count, "≥50次"), "58次", plain("58", "次", D::Count, "58次")},
    {"≥70次", at_least("70", "次", D::Count, "≥70次"), "70次", plain("70", "次", D::Count, "70次")},
    {"≥90%", kAtLeast90Percent, "100%", kHundredPercent},
    {"长期推动", kText, "全年完成", {K::Tier, C::None, "", "", D::None, "全部达成"}},
    {"≤360万元", at_most("360", "万元", D::Money, "≤360万元"), "353万元",
     plain("353", "万元", D::Money, "353万元")},
    {"≤43.2万元", at_most("43.2", "万元", D::Money, "≤43.2万元"), "43.2万元",
     plain("43.2", "万元", D::Money, "43.2万元")},
    {"≥90%", kAtLeast90Percent, "99%", kNinetyNinePercent},
    {"≥90%", kAtLeast90Percent, "99%", kNinetyNinePercent},
    // 绩效目标6
    {"≥2家", at_least("2", "家", D::Count, "≥2家"), "3家", plain("3", "家", D::Count, "3家")},
    {"=100%", kEqualHundredPercent, "100%", kHundredPercent},
    {"≤4小时", at_most("4", "小时", D::Duration, "≤4小时"), "4小时",
     plain("4", "小时", D::Duration, "4小时")},
    {"≤27.4万元", at_most("27.4", "万元", D::Money, "≤27.4万元"), "25.4万元",
     plain("25.4", "万元", D::Money, "25.4万元")},
    {"数据共享", kText, kGoal6Text, kText},
    // 绩效目标7
    {"≥1套", at_least("1", "套", D::Count, "≥1套"), "1套", plain("1", "套", D::Count, "1套")},
    {"≥99%", at_least("99", "%", D::Percent, "≥99%"), "99%", kNinetyNinePercent},
    {"≤1件", at_most("1", "件", D::Count, "≤1件"), "0", plain("0", "", D::None, "0")},
    {"≥99%", at_least("99", "%", D::Percent, "≥99%"), "99%", kNinetyNinePercent},
    {"≤400万元", at_most("400", "万元", D::Money, "≤400万元"), "396.47万元",
     plain("396.47", "万元", D::Money, "396.47万元")},
    {"≥95%", kAtLeast95Percent, "95.20%", plain("95.20", "%", D::Percent, "95.20%")},
    // 绩效目标8
    {"≥95%", kAtLeast95Percent, "99%", kNinetyNinePercent},
    {"≥2次", at_least("2", "次", D::Count, "≥2次"), "2次", plain("2", "次", D::Count, "2次")},
    {"≥98%", at_least("98", "%", D::Percent, "≥98%"), "100%", kHundredPercent},
    {"=365天", equal("365", "天", D::Duration, "=365天"), "365天",
     plain("365", "天", D::Duration, "365天")},
    {"≤988.4万元", at_most("988.4", "万元", D::Money, "≤988.4万元"), "963.87万元",
     plain("963.87", "万元", D::Money, "963.87万元")},
    {"≤170万元", at_most("170", "万元", D::Money, "≤170万元"), "168.37万元",
     plain("168.37", "万元", D::Money, "168.37万元")},
    {"保障大楼安全运转，排除风险隐患", kText,
     "开展安全隐患排查2次，专项检查5次，全年未发生安全事故。", kText},
    {"≥90%", kAtLeast90Percent, "92.29%", plain("92.29", "%", D::Percent, "92.29%")},
    // 绩效目标9
    {"≤1030人", at_most("1030", "人", D::Count, "≤1030人"), "810人",
     plain("810", "人", D::Count, "810人")},
    {"≥40000人次", at_least("40000", "人次", D::Count, "≥40000人次"), "43616人次",
     plain("43616", "人次", D::Count, "43616人次")},
    {"=560个", equal("560", "个", D::Count, "=560个"), "=560个",
     plain("560", "个", D::Count, "560个")},
    {"=100%", kEqualHundredPercent, "=100%", kHundredPercent},
    {"≥90%", kAtLeast90Percent, "74.75%", plain("74.75", "%", D::Percent, "74.75%")},
    {"2022年12月底前",
     {K::Date, C::None, "", "", D::None, "2022年12月底前"},
     "全部达成预期指标",
     {K::Tier, C::None, "", "", D::None, "全部达成"}},
    {"2022年12月底前",
     {K::Date, C::None, "", "", D::None, "2022年12月底前"},
     "全部达成预期指标",
     {K::Tier, C::None, "", "", D::None, "全部达成"}},
    {"全年24小时运行（受理）", kText, "全年24小时运行（受理）", kText},
    {"≤9267.8万元", at_most("9267.8", "万元", D::Money, "≤9267.8万元"), "8412万元",
     plain("8412", "万元", D::Money, "8412万元")},
    {"≤1967.1万元", at_most("1967.1", "万元", D::Money, "≤1967.1万元"), "1927.7万元",
     plain("1927.7", "万元", D::Money, "1927.7万元")},
    {"≤102.9万元", at_most("102.9", "万元", D::Money, "≤102.9万元"), "98万元",
     plain("98", "万元", D::Money, "98万元")},
    {"≥50000个", at_least("50000", "个", D::Count, "≥50000个"), "71858",
     plain("71858", "", D::None, "71858")},
    {"≥80%", at_least("80", "%", D::Percent, "≥80%"), "98.73%",
     plain("98.73", "%", D::Percent, "98.73%")},
    // 绩效目标10 (printed as a second 绩效目标9)
    {"≥1200个", at_least("1200", "个", D::Count, "≥1200个"), "1429个",
     plain("1429", "个", D::Count, "1429个")},
    {"≥400个", at_least("400", "个", D::Count, "≥400个"), "705个",
     plain("705", "个", D::Count, "705个")},
    {"≤10%", at_most("10", "%", D::Percent, "≤10%"), "3.70%",
     plain("3.70", "%", D::Percent, "3.70%")},
    {"≤2%", at_most("2", "%", D::Percent, "≤2%"), "0%", plain("0", "%", D::Percent, "0%")},
    {"2022年内完成",
     {K::Date, C::None, "", "", D::None, "2022年内"},
     "2022年内已完成",
     {K::Date, C::None, "", "", D::None, "2022年内已完成"}},
    {"2022年内完成",
     {K::Date, C::None, "", "", D::None, "2022年内"},
     "2022年内已完成",
     {K::Date, C::None, "", "", D::None, "2022年内已完成"}},
    {"≤3150万元", at_most("3150", "万元", D::Money, "≤3150万元"), "2604.2万元",
     plain("2604.2", "万元", D::Money, "2604.2万元")},
    {"≥5.8%", at_least("5.8", "%", D::Percent, "≥5.8%"), "8.90%",
     plain("8.90", "%", D::Percent, "8.90%")},
    {"≥2%", at_least("2", "%", D::Percent, "≥2%"), "4.97%",
     plain("4.97", "%", D::Percent, "4.97%")},
    {"≥90%", kAtLeast90Percent, "99.80%", plain("99.80", "%", D::Percent, "99.80%")},
};

void expect_parse(const char* input, Role role, const Expected& expected) {
  SCOPED_TRACE(std::string(role == Role::Target ? "target " : "actual ") + input);
  ParseResult result = parse_value(input, role);
  const Value& value = result.value;
  EXPECT_EQ(value.original, input);
  EXPECT_EQ(value.kind, expected.kind);
  EXPECT_EQ(value.comparator, expected.comparator);
  if (expected.kind == K::Quantity) {
    EXPECT_EQ(value.number.to_string(), expected.number);
    EXPECT_EQ(value.unit.text, expected.unit);
    EXPECT_EQ(value.unit.dimension, expected.dimension);
  }
  EXPECT_EQ(format_value(value), expected.canonical ? expected.canonical : input);
  // The only note the seed earns: a target with digits that is not a value notation.
  bool noted = role == Role::Target && std::string(input) == "全年24小时运行（受理）";
  ASSERT_EQ(result.diagnostics.size(), noted ? 1u : 0u);
  if (noted) {
    EXPECT_EQ(result.diagnostics[0].code(), "ZP0203");
  }
}

void expect_round_trip(const char* input, Role role) {
  Value first = parse_value(input, role).value;
  if (first.kind == K::Text) return;
  Value second = parse_value(format_value(first), role).value;
  second.original = first.original;
  EXPECT_EQ(second, first) << input;
}

TEST(ValueSeed, EveryCellOfTheSeedForm) {
  EXPECT_EQ(std::size(kSeed), 76u);
  for (const SeedRow& row : kSeed) {
    expect_parse(row.target, Role::Target, row.target_parse);
    expect_parse(row.actual, Role::Actual, row.actual_parse);
  }
}

TEST(ValueSeed, CanonicalSpellingReadsBackUnchanged) {
  for (const SeedRow& row : kSeed) {
    expect_round_trip(row.target, Role::Target);
    expect_round_trip(row.actual, Role::Actual);
  }
}

TEST(ValueSeed, DetailsTheScorerRelies) {
  Value implicit = parse_value("353.3", Role::Target).value;
  EXPECT_EQ(implicit.comparator, C::Equal);
  EXPECT_FALSE(implicit.explicit_comparator);
  Value written = parse_value("=58个", Role::Target).value;
  EXPECT_TRUE(written.explicit_comparator);
  Value deadline = parse_value("2022年12月底前", Role::Target).value;
  EXPECT_EQ(deadline.date, (DateValue{2022, 12, 0, DateValue::Edge::Before, false}));
  Value done = parse_value("2022年内已完成", Role::Actual).value;
  EXPECT_EQ(done.date, (DateValue{2022, 0, 0, DateValue::Edge::EndOf, true}));
  Value grade = parse_value("合格以上", Role::Target).value;
  EXPECT_EQ(grade.scale, "grade");
  EXPECT_EQ(grade.rank, parse_value("合格", Role::Actual).value.rank);
  EXPECT_EQ(parse_value("全部达成预期指标", Role::Actual).value.tier, Tier::Achieved);
  EXPECT_EQ(parse_value("≤4小时", Role::Target).value.unit.factor, Decimal::from_int(60));
}

} // namespace
} // namespace ziping::value
