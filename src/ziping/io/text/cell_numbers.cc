#include "ziping/io/text/cell_numbers.h"

#include <cctype>

#include "ziping/io/text/keys.h"
#include "ziping/value/value.h"

namespace ziping::io::text {
namespace {

using namespace std::string_view_literals;

std::string compact(std::string_view text) {
  std::string folded = value::fold(simplified(text));
  std::string out;
  out.reserve(folded.size());
  for (char c : folded) {
    if (c != ' ') out.push_back(c);
  }
  return out;
}

// "1,030.5" → "1030.5" when the commas group thousands; anything else is left as it was.
std::string drop_grouping(const std::string& text) {
  auto comma = text.find(',');
  if (comma == std::string::npos) return text;
  std::size_t start = text[0] == '-' || text[0] == '+' ? 1 : 0;
  std::size_t end = text.find('.');
  if (end == std::string::npos) end = text.size();
  std::string out = text.substr(0, start);
  int group = 0;
  bool first = true;
  for (std::size_t i = start; i < end; ++i) {
    char c = text[i];
    if (c == ',') {
      if ((first && (group < 1 || group > 3)) || (!first && group != 3)) return text;
      first = false;
      group = 0;
      continue;
    }
    if (c < '0' || c > '9') return text;
    out.push_back(c);
    ++group;
  }
  if (!first && group != 3) return text;
  out.append(text.substr(end));
  return out;
}

} // namespace

bool is_placeholder(std::string_view text) {
  std::string c = compact(text);
  if (c.empty()) return false;
  for (auto word : {"-"sv, "--"sv, "—"sv, "——"sv, "/"sv, "-/-"sv, "—/—"sv, "无"sv, "─"sv, "―"sv,
                    "–"sv, "\\"sv, "×"sv}) {
    if (c == word) return true;
  }
  return false;
}

std::optional<num::Decimal> score_number(std::string_view text) {
  std::string c = drop_grouping(compact(text));
  if (c.ends_with("分")) c.resize(c.size() - "分"sv.size());
  if (c.empty()) return std::nullopt;
  return num::Decimal::parse(c);
}

Amount read_amount(std::string_view text, std::string_view money_unit) {
  Amount amount;
  std::string c = compact(text);
  if (c.empty() || is_placeholder(c)) return amount;
  std::size_t end = 0;
  while (end < c.size() && (std::isdigit(static_cast<unsigned char>(c[end])) || c[end] == '.' ||
                            c[end] == ',' || (end == 0 && (c[0] == '-' || c[0] == '+'))))
    ++end;
  std::string number = drop_grouping(c.substr(0, end));
  std::string unit = c.substr(end);
  auto parsed = num::Decimal::parse(number);
  if (!parsed) {
    amount.unreadable = true;
    return amount;
  }
  if (unit.empty()) {
    amount.value = parsed;
    return amount;
  }
  auto from = value::lookup_unit(unit);
  auto to = value::lookup_unit(money_unit);
  if (!from || !to || from->dimension != value::Dimension::Money) {
    amount.unreadable = true;
    return amount;
  }
  amount.unit = unit;
  if (from->text == to->text) {
    amount.value = parsed;
    return amount;
  }
  num::Decimal converted;
  if (!value::convert(*parsed, *from, *to, converted)) {
    amount.unreadable = true;
    return amount;
  }
  amount.value = converted.normalized();
  amount.converted = true;
  return amount;
}

std::string money_unit_in(std::string_view text) {
  std::string c = compact(text);
  for (auto unit : {"亿元"sv, "万元"sv, "千元"sv}) {
    if (c.find(unit) != std::string::npos) return std::string(unit);
  }
  if (c.find("(元)") != std::string::npos || c.find("单位:元") != std::string::npos ||
      c.ends_with("元)"))
    return "元";
  return {};
}

bool is_percent(std::string_view folded) {
  if (!folded.ends_with("%")) return false;
  folded.remove_suffix(1);
  return !folded.empty() && num::Decimal::parse(folded).has_value();
}

} // namespace ziping::io::text
