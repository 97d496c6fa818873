// value/units.cc — the unit table: spellings, canonical forms, dimensions and exact factors.
#include <algorithm>
#include <array>

#include "ziping/value/cursor.h"
#include "ziping/value/units.h"

namespace ziping::value {
namespace {

using D = Dimension;

struct UnitSpelling {
  std::string_view spelling;
  std::string_view canonical;
  Dimension dimension;
  std::string_view factor; // in the dimension's base unit (元, percentage point, minute, m, m², g)
};

// Money is 元 with a magnitude (千元 万元 百万元 千万元 亿元 万亿元), see kMagnitudes.
// 工作日, 个月, 年, 秒, 亩, 公顷 are Count: they do not convert (DOMAIN §3, value.h).
constexpr UnitSpelling kSpellings[] = {
    {"元", "元", D::Money, "1"},
    {"%", "%", D::Percent, "1"},
    {"‰", "‰", D::Percent, "0.1"},
    {"百分点", "个百分点", D::Percent, "1"},
    {"个百分点", "个百分点", D::Percent, "1"},
    {"分钟", "分钟", D::Duration, "1"},
    {"min", "分钟", D::Duration, "1"},
    {"小时", "小时", D::Duration, "60"},
    {"个小时", "小时", D::Duration, "60"},
    {"钟头", "小时", D::Duration, "60"},
    {"h", "小时", D::Duration, "60"},
    {"天", "天", D::Duration, "1440"},
    {"日", "日", D::Duration, "1440"},
    {"周", "周", D::Duration, "10080"},
    {"星期", "周", D::Duration, "10080"},
    {"个星期", "周", D::Duration, "10080"},
    {"工作日", "个工作日", D::Count, "1"},
    {"个工作日", "个工作日", D::Count, "1"},
    {"个月", "个月", D::Count, "1"},
    {"月", "个月", D::Count, "1"},
    {"年", "年", D::Count, "1"},
    {"秒", "秒", D::Count, "1"},
    {"米", "米", D::Length, "1"},
    {"m", "米", D::Length, "1"},
    {"km", "千米", D::Length, "1000"},
    {"公里", "公里", D::Length, "1000"},
    {"厘米", "厘米", D::Length, "0.01"},
    {"cm", "厘米", D::Length, "0.01"},
    {"毫米", "毫米", D::Length, "0.001"},
    {"mm", "毫米", D::Length, "0.001"},
    {"平方米", "平方米", D::Area, "1"},
    {"平米", "平方米", D::Area, "1"},
    {"m2", "平方米", D::Area, "1"}, // ㎡ and m² after NFKC
    {"平方千米", "平方千米", D::Area, "1000000"},
    {"平方公里", "平方公里", D::Area, "1000000"},
    {"km2", "平方公里", D::Area, "1000000"},
    {"亩", "亩", D::Count, "1"},
    {"公顷", "公顷", D::Count, "1"},
    {"克", "克", D::Mass, "1"},
    {"公斤", "公斤", D::Mass, "1000"},
    {"kg", "千克", D::Mass, "1000"},
    {"斤", "斤", D::Mass, "500"},
    {"吨", "吨", D::Mass, "1000000"},
    {"千克", "千克", D::Mass, "1000"},
    {"毫克", "毫克", D::Mass, "0.001"},
    {"mg", "毫克", D::Mass, "0.001"},
    {"微克", "微克", D::Mass, "0.000001"},
    {"μg", "微克", D::Mass, "0.000001"},
    // Volumes and energy, found in environmental and utility indicators (微克/立方米, 毫克/升,
    // 千瓦时): known so that rates of them read without ZP0201; never converted.
    {"立方米", "立方米", D::Other, "1"},
    {"m3", "立方米", D::Other, "1"},
    {"升", "升", D::Other, "1"},
    {"毫升", "毫升", D::Other, "1"},
    {"千瓦时", "千瓦时", D::Other, "1"},
    {"度", "度", D::Other, "1"},
    {"千瓦", "千瓦", D::Other, "1"},
    {"兆瓦", "兆瓦", D::Other, "1"},
    {"°C", "°C", D::Other, "1"}, // ℃ after NFKC: known, so no ZP0201, but never converted
    {"人/次", "人次", D::Count, "1"},
};

// Each its own Count unit: canonical spelling = spelling.
constexpr std::string_view kCountUnits[] = {
    "次",   "件",   "个",   "家",   "人",   "人次", "项",   "套", "台",   "篇",   "场",
    "期",   "名",   "份",   "户",   "所",   "座",   "辆",   "条", "本",   "册",   "批",
    "张",   "天次", "户次", "课时", "学时", "处",   "棵",   "株", "只",   "头",   "台次",
    "车次", "架次", "班次", "批次", "起",   "宗",   "笔",   "单", "封",   "部",   "支",
    "门",   "间",   "栋",   "幢",   "层",   "床",   "块",   "片", "节",   "类",   "种",
    "校",   "村",   "例",   "票",   "箱",   "盒",   "包",   "袋", "瓶",   "台套", "个次",
    "场次", "期次", "篇次", "件次", "人日", "人天", "课",   "堂", "轮",   "趟",   "届",
    "位",   "口",   "卷",   "页",   "字",   "首",   "辆次", "分", "网点", "项次", "人月",
};

struct Magnitude {
  std::string_view spelling;
  std::string_view factor;
};

// Longest first, so that 千万元 is 千万 + 元 and not 千 + 万元.
constexpr std::array<Magnitude, 6> kMagnitudes{{{"万亿", "1000000000000"},
                                                {"千万", "10000000"},
                                                {"百万", "1000000"},
                                                {"万", "10000"},
                                                {"亿", "100000000"},
                                                {"千", "1000"}}};

std::optional<Unit> lookup_plain(std::string_view spelling) {
  for (const UnitSpelling& entry : kSpellings) {
    if (same_bytes(entry.spelling, spelling))
      return Unit{entry.dimension, std::string(entry.canonical), Decimal::of(entry.factor)};
  }
  if (std::find(std::begin(kCountUnits), std::end(kCountUnits), spelling) != std::end(kCountUnits))
    return Unit{D::Count, std::string(spelling), Decimal::from_int(1)};
  return std::nullopt;
}

const Magnitude* magnitude_prefix(std::string_view spelling) {
  for (const Magnitude& magnitude : kMagnitudes) {
    if (begins_with(spelling, magnitude.spelling)) return &magnitude;
  }
  return nullptr;
}

// "万人次", "亿元", "千米": a magnitude multiplies the unit after it. Percentages take none,
// and only canonical spellings take one ("万个小时" is not a unit we canonicalise).
std::optional<Unit> lookup_with_magnitude(std::string_view spelling) {
  const Magnitude* magnitude = magnitude_prefix(spelling);
  if (magnitude == nullptr) return std::nullopt;
  std::string_view rest = spelling.substr(magnitude->spelling.size());
  if (rest.empty()) return Unit{D::None, std::string(spelling), Decimal::of(magnitude->factor)};
  std::optional<Unit> base = lookup_plain(rest);
  if (!base || base->dimension == D::Percent || base->dimension == D::Other || base->text != rest)
    return std::nullopt;
  return Unit{base->dimension, std::string(magnitude->spelling) + base->text,
              Decimal::of(magnitude->factor) * base->factor};
}

std::optional<Unit> lookup_single(std::string_view spelling) {
  if (auto plain = lookup_plain(spelling)) return plain;
  return lookup_with_magnitude(spelling);
}

// "次/年", "元/人", "万元/公里": a rate, compared only with the same spelling.
std::optional<Unit> lookup_rate(std::string_view spelling) {
  std::size_t slash = spelling.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto numerator = lookup_single(spelling.substr(0, slash));
  auto denominator = lookup_single(spelling.substr(slash + 1));
  if (!numerator || !denominator || numerator->dimension == D::None ||
      denominator->dimension == D::None)
    return std::nullopt;
  return Unit{D::Other, numerator->text + "/" + denominator->text, Decimal::from_int(1)};
}

} // namespace

std::optional<Unit> lookup_folded_unit(std::string_view spelling) {
  if (spelling.empty()) return Unit{};
  if (auto single = lookup_single(spelling)) return single;
  return lookup_rate(spelling);
}

std::string_view unit_base(std::string_view canonical) {
  const Magnitude* magnitude = magnitude_prefix(canonical);
  if (magnitude == nullptr) return canonical;
  std::string_view rest = canonical.substr(magnitude->spelling.size());
  return lookup_plain(rest) ? rest : canonical;
}

std::vector<std::string> table_spellings() {
  std::vector<std::string> spellings;
  auto add_with_magnitudes = [&](std::string_view spelling) {
    spellings.emplace_back(spelling);
    for (const Magnitude& magnitude : kMagnitudes)
      spellings.push_back(std::string(magnitude.spelling) + std::string(spelling));
  };
  for (const UnitSpelling& entry : kSpellings) {
    add_with_magnitudes(entry.spelling);
    add_with_magnitudes(entry.canonical);
  }
  for (std::string_view count : kCountUnits) add_with_magnitudes(count);
  std::sort(spellings.begin(), spellings.end());
  spellings.erase(std::unique(spellings.begin(), spellings.end()), spellings.end());
  return spellings;
}

std::optional<Unit> lookup_unit(std::string_view spelling) {
  std::string folded = fold(spelling);
  return lookup_folded_unit(folded);
}

} // namespace ziping::value
