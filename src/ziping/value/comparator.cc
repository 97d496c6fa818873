// value/comparator.cc — the comparator tables of DOMAIN §3 and how prefix and suffix combine.
#include <algorithm>
#include <array>
#include <cstdint>

#include "ziping/value/comparator.h"
#include "ziping/value/cursor.h"

namespace ziping::value {
namespace {

using C = Comparator;

struct ComparatorWord {
  std::string_view spelling;
  Comparator comparator;
};

constexpr ComparatorWord kPrefixes[] = {
    {"≥", C::AtLeast},       {"不低于", C::AtLeast},    {"不少于", C::AtLeast},
    {"不小于", C::AtLeast},  {"不得低于", C::AtLeast},  {"不得少于", C::AtLeast},
    {"至少", C::AtLeast},    {"最少", C::AtLeast},      {"最低", C::AtLeast},
    {"达到", C::AtLeast},    {"大于等于", C::AtLeast},  {"大于或等于", C::AtLeast},
    {">", C::MoreThan},      {"大于", C::MoreThan},     {"高于", C::MoreThan},
    {"超过", C::MoreThan},   {"多于", C::MoreThan},     {"≤", C::AtMost},
    {"不超过", C::AtMost},   {"不高于", C::AtMost},     {"不大于", C::AtMost},
    {"不多于", C::AtMost},   {"不得超过", C::AtMost},   {"不得高于", C::AtMost},
    {"不超出", C::AtMost},   {"最多", C::AtMost},       {"最高", C::AtMost},
    {"小于等于", C::AtMost}, {"小于或等于", C::AtMost}, {"控制在", C::AtMost},
    {"<", C::LessThan},      {"小于", C::LessThan},     {"低于", C::LessThan},
    {"少于", C::LessThan},   {"不足", C::LessThan},     {"不到", C::LessThan},
    {"=", C::Equal},         {"等于", C::Equal},
};

// 以上/以下 include the bound in Chinese usage; 以内/之内/内 are ceilings ("5个工作日内").
constexpr ComparatorWord kSuffixes[] = {
    {"及以上", C::AtLeast}, {"或以上", C::AtLeast}, {"以上", C::AtLeast},
    {"及以下", C::AtMost},  {"或以下", C::AtMost},  {"以下", C::AtMost},
    {"以内", C::AtMost},    {"之内", C::AtMost},    {"内", C::AtMost},
};

// In an actual these state the value rather than bound it: "=58个", "达到98.73%".
constexpr std::string_view kValueStatements[] = {"=", "等于", "达到"};

// "(含)" beside 以上/以下 only confirms that the bound is included.
constexpr std::string_view kInclusiveMarks[] = {"(含)", "(含本数)", "(包含)", "(含本级)"};

constexpr std::string_view kComparisonWords[] = {
    "不低于", "不少于", "不小于", "不超过", "不高于", "不大于", "不多于", "以上",
    "以下",   "以内",   "大于",   "小于",   "等于",   "低于",   "高于",
};

// The first three bytes of `text` (at least three), as one number.
constexpr std::uint32_t first_character_key(std::string_view text) {
  return std::uint32_t(static_cast<unsigned char>(text[0])) << 16 |
         std::uint32_t(static_cast<unsigned char>(text[1])) << 8 |
         std::uint32_t(static_cast<unsigned char>(text[2]));
}

// The first characters of kComparisonWords, sorted for a binary search.
constexpr auto kComparisonFirstKeys = [] {
  std::array<std::uint32_t, std::size(kComparisonWords)> keys{};
  for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = first_character_key(kComparisonWords[i]);
  std::sort(keys.begin(), keys.end());
  return keys;
}();

// The first characters of the prefixes written in ideographs (or ≥ ≤), sorted: a text that
// starts with none of them, or with an ASCII byte other than > < =, has no prefix, and is
// refused before the 38 words are compared (split_comparators() runs on most values).
constexpr auto kPrefixFirstKeys = [] {
  std::array<std::uint32_t, std::size(kPrefixes)> keys{};
  std::size_t count = 0;
  for (const ComparatorWord& word : kPrefixes)
    keys[count++] = word.spelling.size() >= 3 ? first_character_key(word.spelling) : 0;
  std::sort(keys.begin(), keys.end());
  return keys;
}();

bool may_begin_prefix(std::string_view text) {
  if (text.empty()) return false;
  auto lead = static_cast<unsigned char>(text[0]);
  if (lead < 0x80) return lead == '>' || lead == '<' || lead == '=';
  if (text.size() < 3) return false;
  return std::binary_search(kPrefixFirstKeys.begin(), kPrefixFirstKeys.end(),
                            first_character_key(text));
}

// Every suffix ends in 上, 下 or 内 and every inclusive mark in ')'.
bool may_end_in_suffix_or_mark(std::string_view text) {
  if (text.empty()) return false;
  if (text.back() == ')') return true;
  if (text.size() < 3) return false;
  std::uint32_t key = first_character_key(text.substr(text.size() - 3));
  return key == first_character_key("上") || key == first_character_key("下") ||
         key == first_character_key("内");
}

const ComparatorWord* longest_prefix(std::string_view text) {
  if (!may_begin_prefix(text)) return nullptr;
  const ComparatorWord* best = nullptr;
  for (const ComparatorWord& word : kPrefixes) {
    if (begins_with(text, word.spelling) && (!best || word.spelling.size() > best->spelling.size()))
      best = &word;
  }
  return best;
}

const ComparatorWord* longest_suffix(std::string_view text) {
  if (!may_end_in_suffix_or_mark(text)) return nullptr;
  const ComparatorWord* best = nullptr;
  for (const ComparatorWord& word : kSuffixes) {
    if (finishes_with(text, word.spelling) &&
        (!best || word.spelling.size() > best->spelling.size()))
      best = &word;
  }
  return best;
}

int direction(Comparator comparator) {
  switch (comparator) {
  case C::AtLeast:
  case C::MoreThan:
    return 1;
  case C::AtMost:
  case C::LessThan:
    return -1;
  default:
    return 0;
  }
}

// Doubled forms ("≥95%以上", "控制在5%以内") are one comparator, the first one written;
// opposite directions, or "=" with anything else, conflict.
Comparator combine(Comparator first, Comparator second, bool& conflict) {
  if (first == C::None) return second;
  if (second == C::None || first == second) return first;
  if (direction(first) != 0 && direction(first) == direction(second)) return first;
  conflict = true;
  return first;
}

std::string_view without_inclusive_mark(std::string_view text) {
  text = trim_spaces(text);
  for (bool found = true; found && text.ends_with(')');) {
    found = false;
    for (std::string_view mark : kInclusiveMarks) {
      if (finishes_with(text, mark)) {
        text = trim_spaces(text.substr(0, text.size() - mark.size()));
        found = true;
      }
    }
  }
  return text;
}

} // namespace

ComparatorSplit split_comparators(std::string_view body) {
  ComparatorSplit split;
  std::string_view rest = trim_spaces(body);
  bool only_statements = true;
  while (const ComparatorWord* word = longest_prefix(rest)) {
    split.written = combine(split.written, word->comparator, split.conflict);
    only_statements =
        only_statements && std::find(std::begin(kValueStatements), std::end(kValueStatements),
                                     word->spelling) != std::end(kValueStatements);
    rest = trim_spaces(rest.substr(word->spelling.size()));
  }
  split.states_value = split.written != C::None && only_statements;
  // Every suffix goes, not just the last: what remains must not end in one, or the unit
  // of "5以上以上" would be 以上 and its canonical spelling would read differently.
  rest = without_inclusive_mark(rest);
  while (const ComparatorWord* word = longest_suffix(rest)) {
    split.states_value = false;
    split.written = combine(split.written, word->comparator, split.conflict);
    rest = without_inclusive_mark(rest.substr(0, rest.size() - word->spelling.size()));
  }
  split.core = rest;
  return split;
}

std::string_view comparator_sign(Comparator comparator) {
  switch (comparator) {
  case C::AtLeast:
    return "≥";
  case C::MoreThan:
    return ">";
  case C::AtMost:
    return "≤";
  case C::LessThan:
    return "<";
  case C::Equal:
    return "=";
  case C::None:
    return "";
  }
  return "";
}

bool mentions_comparison(std::string_view folded) {
  // One pass over the bytes (this runs on every free-text target, often a long sentence):
  // an ASCII digit or sign, ≥ or ≤, or the start of a comparison word. Every word is written
  // in ideographs, so an occurrence starts at a byte ≥ 0xE0; there the three bytes of its
  // character are first tested against a mask of the words' first characters' last bytes
  // (64 bits, one per low six bits), and only a character that passes is compared further.
  constexpr std::uint32_t kAtLeast = first_character_key("≥");
  constexpr std::uint32_t kAtMost = first_character_key("≤");
  constexpr std::uint64_t kLastBytes = [] {
    std::uint64_t mask = 0;
    for (std::uint32_t key : kComparisonFirstKeys) mask |= std::uint64_t(1) << (key & 0x3F);
    return mask;
  }();
  for (std::size_t at = 0; at < folded.size(); ++at) {
    auto byte = static_cast<unsigned char>(folded[at]);
    if (byte < 0x80) {
      if (Cursor::is_digit(char(byte)) || byte == '<' || byte == '>' || byte == '=') return true;
      continue;
    }
    if (byte < 0xE0 || at + 3 > folded.size()) continue;
    std::string_view rest = folded.substr(at);
    std::uint32_t key = first_character_key(rest);
    if (key == kAtLeast || key == kAtMost) return true;
    if (!(kLastBytes >> (key & 0x3F) & 1)) continue;
    if (!std::binary_search(kComparisonFirstKeys.begin(), kComparisonFirstKeys.end(), key))
      continue;
    for (std::string_view word : kComparisonWords)
      if (first_character_key(word) == key && rest.starts_with(word)) return true;
  }
  return false;
}

} // namespace ziping::value
