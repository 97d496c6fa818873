#include "ziping/io/csv/columns.h"

#include <algorithm>

#include "ziping/text/utf8.h"
#include "ziping/value/value.h"

namespace ziping::io::sheet {
namespace {

bool is_space(char32_t cp) {
  return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == 0x3000 || cp == 0xA0;
}

} // namespace

std::string fold_header(std::string_view text) {
  // A header is short; a long cell is never one, and folding it would only cost time.
  if (text.size() > 200) return {};
  std::string folded = value::fold(text);
  std::string out;
  int depth = 0;
  std::size_t pos = 0;
  while (pos < folded.size()) {
    char32_t cp = text::next_code_point(folded, pos);
    if (cp == U'(' || cp == U'[' || cp == 0x3010) {
      ++depth;
      continue;
    }
    if (cp == U')' || cp == U']' || cp == 0x3011) {
      if (depth > 0) --depth;
      continue;
    }
    if (depth > 0 || is_space(cp) || cp == U'*') continue;
    text::append_utf8(out, cp);
  }
  while (!out.empty() && (out.back() == ':')) out.pop_back();
  return out;
}

std::optional<std::string> parenthesised(std::string_view text) {
  std::string folded = value::fold(text);
  auto close = folded.rfind(')');
  if (close == std::string::npos) return std::nullopt;
  auto open = folded.rfind('(', close);
  if (open == std::string::npos) return std::nullopt;
  return std::string(text::trim(std::string_view(folded).substr(open + 1, close - open - 1)));
}

namespace {

using model::FieldId;
using model::Owner;

HeaderName header_name(const model::FieldInfo& info) {
  return {info.id, fold_header(info.header), info.synonyms};
}

// The table of a block: the listed fields first, then every field of `owner` that has a
// printed header, in catalogue order.
std::vector<HeaderName> table(std::initializer_list<FieldId> first, Owner owner) {
  std::vector<HeaderName> out;
  for (FieldId id : first) out.push_back(header_name(model::field(id)));
  for (const auto* info : model::fields_of(owner))
    if (!info->header.empty() && std::find(first.begin(), first.end(), info->id) == first.end())
      out.push_back(header_name(*info));
  return out;
}

} // namespace

std::span<const HeaderName> indicator_headers() {
  static const auto kHeaders =
      table({FieldId::GoalLabel, FieldId::GoalNumber, FieldId::RowNumber}, Owner::Indicator);
  return kHeaders;
}

std::span<const HeaderName> goal_headers() {
  static const auto kHeaders = table({FieldId::GoalNumber, FieldId::GoalLabel}, Owner::Goal);
  return kHeaders;
}

std::span<const HeaderName> budget_headers() {
  static const auto kHeaders = table({}, Owner::Budget);
  return kHeaders;
}

std::span<const HeaderName> label_headers() {
  static const auto kHeaders = [] {
    auto out = table({}, Owner::Header);
    auto closing = table({FieldId::Total, FieldId::Subtotal}, Owner::Closing);
    out.insert(out.end(), closing.begin(), closing.end());
    return out;
  }();
  return kHeaders;
}

bool is_canonical_header(std::string_view folded, std::span<const HeaderName> table) {
  for (const auto& header : table)
    if (folded == header.canonical) return true;
  return false;
}

std::optional<Field> match_header(std::string_view folded, std::span<const HeaderName> table) {
  if (folded.empty()) return std::nullopt;
  for (const auto& header : table) {
    if (folded == header.canonical) return header.field;
  }
  for (const auto& header : table) {
    for (auto synonym : header.synonyms) {
      if (folded == synonym) return header.field;
    }
  }
  return std::nullopt;
}

namespace {

std::size_t edit_distance(const std::vector<char32_t>& a, const std::vector<char32_t>& b) {
  std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

// Code points in well-formed UTF-8 (folded text is), without decoding them.
std::size_t code_point_count(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

} // namespace

std::string suggest_header(std::string_view folded, std::span<const HeaderName> table) {
  if (folded.empty() || folded.size() > 120) return {};
  auto unknown = text::code_points(folded);
  std::string best;
  std::size_t best_distance = SIZE_MAX;
  auto consider = [&](std::string_view candidate, std::string_view canonical) {
    // The distance is at least the difference in length: most candidates are ruled out by
    // their length alone, before the quadratic comparison and its allocations.
    std::size_t length = code_point_count(candidate);
    std::size_t limit = std::max<std::size_t>(1, std::max(length, unknown.size()) / 3);
    std::size_t at_least =
        length > unknown.size() ? length - unknown.size() : unknown.size() - length;
    if (at_least > limit || at_least >= best_distance) return;
    std::size_t distance = edit_distance(unknown, text::code_points(candidate));
    if (distance <= limit && distance < best_distance) {
      best_distance = distance;
      best = std::string(canonical);
    }
  };
  for (const auto& header : table) {
    consider(header.canonical, header.canonical);
    for (auto synonym : header.synonyms) consider(synonym, header.canonical);
  }
  return best;
}

std::optional<int> number_in(std::string_view text) {
  std::string folded = value::fold(text);
  std::size_t pos = 0;
  while (pos < folded.size() && !(folded[pos] >= '0' && folded[pos] <= '9')) ++pos;
  if (pos == folded.size()) return std::nullopt;
  long long number = 0;
  while (pos < folded.size() && folded[pos] >= '0' && folded[pos] <= '9') {
    number = number * 10 + (folded[pos] - '0');
    if (number > 999999999) return std::nullopt;
    ++pos;
  }
  return int(number);
}

} // namespace ziping::io::sheet

namespace ziping::io::sheet {

NumberText parse_number_text(std::string_view text, std::optional<num::Decimal>& out) {
  std::string_view trimmed = text::trim(text);
  if (trimmed.empty()) return NumberText::Blank;
  if (trimmed.size() > 100) return NumberText::NotANumber;
  std::string folded = std::string(text::trim(value::fold(trimmed)));
  if (folded == "-" || folded == "—" || folded == "/" || folded == "--" || folded == "——" ||
      folded == "\xE2\x80\x94\xE2\x80\x94")
    return NumberText::Blank;
  if (folded.ends_with("分")) folded = std::string(text::trim(folded.substr(0, folded.size() - 3)));
  // Thousands separators only where they group three digits before the point.
  std::string digits;
  auto point = folded.find('.');
  std::size_t integer_end = point == std::string::npos ? folded.size() : point;
  bool grouped = folded.find(',') != std::string::npos;
  if (grouped) {
    std::size_t group = 0;
    for (std::size_t i = integer_end; i-- > 0;) {
      char c = folded[i];
      if (c == ',') {
        if (group != 3) return NumberText::NotANumber;
        group = 0;
      } else {
        ++group;
      }
    }
    for (char c : folded)
      if (c != ',') digits += c;
    if (folded.find(',', integer_end) != std::string::npos) return NumberText::NotANumber;
  } else {
    digits = folded;
  }
  if (!digits.empty() && digits[0] == '+') digits.erase(0, 1);
  auto parsed = num::Decimal::parse(digits);
  if (!parsed) return NumberText::NotANumber;
  out = *parsed;
  return NumberText::Number;
}

} // namespace ziping::io::sheet
