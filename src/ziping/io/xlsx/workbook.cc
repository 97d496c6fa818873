#include "ziping/io/xlsx/workbook.h"

#include "ziping/io/xlsx/limits.h"

namespace ziping::io::xlsx {

std::string_view builtin_number_format(int id) {
  switch (id) {
  case 0:
    return "General";
  case 1:
    return "0";
  case 2:
    return "0.00";
  case 3:
    return "#,##0";
  case 4:
    return "#,##0.00";
  case 9:
    return "0%";
  case 10:
    return "0.00%";
  case 11:
    return "0.00E+00";
  case 12:
    return "# ?/?";
  case 13:
    return "# ?\?/??";
  case 14:
    return "yyyy/m/d";
  case 37:
    return "#,##0 ;(#,##0)";
  case 38:
    return "#,##0 ;[Red](#,##0)";
  case 39:
    return "#,##0.00;(#,##0.00)";
  case 40:
    return "#,##0.00;[Red](#,##0.00)";
  case 48:
    return "##0.0E+0";
  case 49:
    return "@";
  default:
    return "";
  }
}

NumberStyle analyse_number_format(std::string_view code) {
  NumberStyle style;
  // Only the first section (positive numbers) says how a value is shown.
  bool quoted = false;
  int bracket = 0;
  bool after_point = false;
  int decimals = 0;
  bool digits_seen = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (quoted) {
      if (c == '"') quoted = false;
      continue;
    }
    if (c == '"') {
      quoted = true;
      continue;
    }
    if (c == '\\' || c == '_' || c == '*') {
      ++i; // the next character is literal (or padding)
      continue;
    }
    if (c == '[') {
      ++bracket;
      continue;
    }
    if (c == ']') {
      if (bracket > 0) --bracket;
      continue;
    }
    if (bracket > 0) continue;
    if (c == ';') break;
    switch (c) {
    case '0':
    case '#':
    case '?':
      digits_seen = true;
      if (after_point) ++decimals;
      break;
    case '.':
      after_point = true;
      break;
    case '%':
      style.percent = true;
      break;
    case '@':
      style.text = true;
      break;
    case 'y':
    case 'Y':
    case 'm':
    case 'M':
    case 'd':
    case 'D':
    case 'h':
    case 'H':
    case 's':
    case 'S':
      style.date = true;
      break;
    case 'e':
    case 'E':
      // "0.00E+00": scientific; decimals do not describe the printed digits.
      if (digits_seen) return NumberStyle{};
      break;
    default:
      break;
    }
  }
  if (code == "General" || code == "general" || code.empty()) return NumberStyle{};
  if (style.date) {
    style.percent = false;
    return style;
  }
  if (digits_seen) style.decimals = decimals;
  return style;
}

std::string cell_name(CellRef at) {
  std::string letters;
  int column = at.column + 1;
  while (column > 0) {
    int rest = (column - 1) % 26;
    letters.insert(letters.begin(), char('A' + rest));
    column = (column - 1) / 26;
  }
  return letters + std::to_string(at.row + 1);
}

std::string range_name(const Range& range) {
  return cell_name(range.first) + ":" + cell_name(range.last);
}

std::optional<CellRef> parse_cell_name(std::string_view name) {
  std::size_t pos = 0;
  while (pos < name.size() && name[pos] == '$') ++pos;
  long long column = 0;
  std::size_t letters = 0;
  while (pos < name.size() &&
         ((name[pos] >= 'A' && name[pos] <= 'Z') || (name[pos] >= 'a' && name[pos] <= 'z'))) {
    char upper = char(name[pos] & ~0x20);
    column = column * 26 + (upper - 'A' + 1);
    if (column > kMaxColumns) return std::nullopt;
    ++pos;
    ++letters;
  }
  if (letters == 0) return std::nullopt;
  if (pos < name.size() && name[pos] == '$') ++pos;
  long long row = 0;
  std::size_t digits = 0;
  while (pos < name.size() && name[pos] >= '0' && name[pos] <= '9') {
    row = row * 10 + (name[pos] - '0');
    if (row > kMaxRows) return std::nullopt;
    ++pos;
    ++digits;
  }
  if (digits == 0 || row == 0 || pos != name.size()) return std::nullopt;
  return CellRef{int(row - 1), int(column - 1)};
}

std::optional<Range> parse_range_name(std::string_view name) {
  auto colon = name.find(':');
  if (colon == std::string_view::npos) {
    auto single = parse_cell_name(name);
    if (!single) return std::nullopt;
    return Range{*single, *single};
  }
  auto first = parse_cell_name(name.substr(0, colon));
  auto last = parse_cell_name(name.substr(colon + 1));
  if (!first || !last) return std::nullopt;
  Range range{{std::min(first->row, last->row), std::min(first->column, last->column)},
              {std::max(first->row, last->row), std::max(first->column, last->column)}};
  return range;
}

} // namespace ziping::io::xlsx
