// io/text/split_separated.cc — the layouts whose separators are visible: tabs (text copied
// out of a PDF, the seed) and "|" tables (dumps of HTML tables, Markdown). Cells keep their
// column positions, empty ones included.
#include "ziping/io/text/layout.h"
#include "ziping/text/utf8.h"

namespace ziping::io::text {
namespace {

Cell make_cell(const Line& line, std::size_t begin, std::size_t end) {
  std::string_view raw = line.text.substr(begin, end - begin);
  std::string_view trimmed = ziping::text::trim(raw);
  Cell cell;
  cell.text = std::string(trimmed);
  cell.line = line.number;
  std::size_t offset = trimmed.empty() ? begin : begin + std::size_t(trimmed.data() - raw.data());
  cell.column = column_of(line.text, offset);
  return cell;
}

Row split_on(const Line& line, char separator, std::size_t from, std::size_t to) {
  Row row;
  row.line = line.number;
  row.page_break_before = line.page_break_before;
  std::size_t begin = from;
  for (std::size_t i = from; i <= to; ++i) {
    if (i == to || line.text[i] == separator) {
      row.cells.push_back(make_cell(line, begin, i));
      begin = i + 1;
    }
  }
  return row;
}

// "|---|:--:|" between a Markdown table's header and body.
bool is_rule_line(std::string_view text) {
  bool dash = false;
  for (char c : text) {
    if (c == '-')
      dash = true;
    else if (c != '|' && c != ':' && c != ' ' && c != '+' && c != '=')
      return false;
  }
  return dash;
}

std::string_view trimmed_line(std::string_view text) {
  std::size_t from = 0, to = text.size();
  while (from < to && (text[from] == ' ' || text[from] == '\t')) ++from;
  while (to > from && (text[to - 1] == ' ' || text[to - 1] == '\t')) --to;
  return text.substr(from, to - from);
}

// A leading "|" encloses the row ("| a | b |", Markdown) when nearly every line with a "|"
// starts with one. In a dump whose rows mostly start with their first cell, a row starting
// with "|" starts with an empty cell (a merged 绩效指标 column): dropping it would shift the row.
bool leading_pipe_encloses(const std::vector<Line>& lines) {
  int with_pipe = 0, leading = 0;
  for (const auto& line : lines) {
    std::string_view text = trimmed_line(line.text);
    if (text.find('|') == std::string_view::npos || is_rule_line(text)) continue;
    ++with_pipe;
    if (text.starts_with('|')) ++leading;
  }
  return leading * 5 >= with_pipe * 4;
}

} // namespace

Grid split_tabs(const std::vector<Line>& lines) {
  Grid grid;
  grid.layout = Layout::Tabs;
  for (const auto& line : lines) grid.rows.push_back(split_on(line, '\t', 0, line.text.size()));
  return grid;
}

Grid split_pipes(const std::vector<Line>& lines) {
  Grid grid;
  grid.layout = Layout::Pipes;
  bool encloses = leading_pipe_encloses(lines);
  for (const auto& line : lines) {
    std::string_view text = line.text;
    if (is_rule_line(text) && text.find('|') != std::string_view::npos) continue;
    std::size_t from = 0, to = text.size();
    while (from < to && (text[from] == ' ' || text[from] == '\t')) ++from;
    while (to > from && (text[to - 1] == ' ' || text[to - 1] == '\t')) --to;
    if (from < to && text[from] == '|' && encloses) ++from;
    if (to > from && text[to - 1] == '|') --to;
    grid.rows.push_back(split_on(line, '|', from, to));
  }
  return grid;
}

} // namespace ziping::io::text
