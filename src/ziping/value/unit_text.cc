// value/unit_text.cc — what the text after a number is: a known unit, a measure word with its
// noun, an unknown but unit-like word, or the rest of a sentence.
#include <algorithm>

#include "ziping/text/utf8.h"
#include "ziping/value/cursor.h"
#include "ziping/value/units.h"

namespace ziping::value {
namespace {

// Measure words that a form puts before the counted noun: 58个单位, 1429家企业, 3项制度.
constexpr std::string_view kMeasureWords[] = {
    "个", "家", "名", "项", "件", "次", "所", "座", "台", "套", "条", "本", "册", "批",
    "张", "篇", "场", "期", "份", "户", "处", "辆", "位", "类", "种", "间", "栋", "幢"};

constexpr std::size_t kMaxNounLength = 4;    // code points: 事项, 区分报告, 市级部门
constexpr std::size_t kMaxUnknownLength = 6; // code points: WIFI, 千瓦时, 标准间

bool is_ideograph(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x20000 && cp <= 0x2FFFF);
}

bool is_latin_letter(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

bool all_ideographs(std::string_view text, std::size_t max_length) {
  std::size_t pos = 0;
  std::size_t count = 0;
  while (pos < text.size()) {
    if (!is_ideograph(text::next_code_point(text, pos)) || ++count > max_length) return false;
  }
  return count > 0;
}

bool is_count_noun(std::string_view tail) {
  return std::any_of(std::begin(kMeasureWords), std::end(kMeasureWords), [&](std::string_view w) {
    return begins_with(tail, w) && all_ideographs(tail.substr(w.size()), kMaxNounLength);
  });
}

// A known unit followed by more words ("年前", "人满意", "元资金") is a phrase, not a unit.
// A bare magnitude does not count: 千瓦时 is a unit we do not know, not 千 + 瓦时.
bool starts_with_known_unit(std::string_view tail) {
  std::size_t pos = 0;
  while (pos < tail.size()) {
    text::next_code_point(tail, pos);
    if (pos == tail.size()) break;
    std::optional<Unit> prefix = lookup_folded_unit(tail.substr(0, pos));
    if (prefix && prefix->dimension != Dimension::None) return true;
  }
  return false;
}

// Short, letters or ideographs only: something a person wrote as a unit. Digits, spaces and
// punctuation mean the number was part of a sentence.
bool looks_like_unit(std::string_view tail) {
  std::size_t pos = 0;
  std::size_t count = 0;
  while (pos < tail.size()) {
    char32_t cp = text::next_code_point(tail, pos);
    if (!is_ideograph(cp) && !is_latin_letter(cp)) return false;
    if (++count > kMaxUnknownLength) return false;
  }
  return count > 0 && !starts_with_known_unit(tail);
}

// "微克/立方米", "毫克/升", "立方米/秒": a rate whose parts are units, known or not. Compared
// only with the same spelling, like the known rates (元/人).
bool looks_like_rate(std::string_view tail) {
  std::size_t slash = tail.find('/');
  if (slash == std::string_view::npos || tail.find('/', slash + 1) != std::string_view::npos)
    return false;
  auto part = [](std::string_view p) {
    auto known = lookup_folded_unit(p);
    return (known && known->dimension != Dimension::None && !p.empty()) || looks_like_unit(p);
  };
  return part(tail.substr(0, slash)) && part(tail.substr(slash + 1));
}

} // namespace

UnitReading read_unit_text(std::string_view tail) {
  if (auto known = lookup_folded_unit(tail)) return {UnitMatch::Known, *known};
  if (is_count_noun(tail))
    return {UnitMatch::CountNoun, Unit{Dimension::Count, std::string(tail), Decimal::from_int(1)}};
  if (looks_like_unit(tail) || looks_like_rate(tail))
    return {UnitMatch::Unknown, Unit{Dimension::Other, std::string(tail), Decimal::from_int(1)}};
  return {UnitMatch::NotAUnit, Unit{}};
}

} // namespace ziping::value
