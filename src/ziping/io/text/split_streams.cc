// io/text/split_streams.cc — one cell per line (a web page or a PDF viewer's copy): the rows are
// rebuilt from what the cells are. Header words gather into a header row; a field label (项目名称,
// 年度资金总额, 总分, 自评结论) opens a row that the values after it join; a goal number opens a goal
// row; and the indicator table's cells are cut into rows by segment.h.
#include <algorithm>

#include "ziping/io/text/align.h"
#include "ziping/io/text/cell_numbers.h"
#include "ziping/io/text/keys.h"
#include "ziping/io/text/layout.h"
#include "ziping/io/text/segment.h"
#include "ziping/io/text/vocabulary.h"
#include "ziping/text/utf8.h"

namespace ziping::io::text {
namespace {

enum class Part { None, Budget, GoalTable, OverallGoal, Indicators, Closing };

struct HeaderWord {
  Column indicator = Column::None;
  bool budget = false;
  bool goal = false;
  bool section = false;
  bool any() const { return indicator != Column::None || budget || goal || section; }
};

HeaderWord header_word(const Cell& cell) {
  HeaderWord word;
  std::string k = key(cell.text);
  if (k.empty() || code_point_count(k) > 16) return word;
  word.indicator = indicator_column(k);
  if (word.indicator == Column::Other && k.find("完成情况") != std::string::npos) word.indicator = Column::None;
  BudgetColumn budget = budget_column(k);
  word.budget = budget != BudgetColumn::None && budget != BudgetColumn::Label &&
                budget != BudgetColumn::Weight && budget != BudgetColumn::Score;
  word.budget = word.budget || match_field(cell.text).field == Field::FundingHeader;
  GoalColumn goal = goal_column(k);
  word.goal = goal != GoalColumn::None;
  word.section = classify_label(cell.text).kind == LabelKind::Section ||
                 match_field(cell.text).field == Field::OverallGoal;
  return word;
}

bool is_small_number(const Cell& cell) {
  std::string k = key(cell.text);
  return !k.empty() && k.size() <= 2 && k.find_first_not_of("0123456789") == std::string::npos &&
         k != "0";
}

bool is_field_label(const Cell& cell) {
  Field field = match_field(cell.text).field;
  return field != Field::None && field != Field::FundingHeader && field != Field::OverallGoal;
}

// In the budget block a funding label opens a row (年度资金总额, 其中：本年财政拨款, 上年结转资金).
bool is_value_start(const Cell& cell) {
  Field field = match_field(cell.text).field;
  return field == Field::FundingTotal || field == Field::FundingSource;
}

Row make_row(std::vector<Cell> cells) {
  Row row;
  row.positional = false;
  row.line = cells.empty() ? 0 : cells.front().line;
  row.cells = std::move(cells);
  return row;
}

} // namespace

Grid split_one_per_line(const std::vector<Line>& lines) {
  Grid grid;
  grid.layout = Layout::OnePerLine;
  std::vector<Cell> cells;
  for (const auto& line : lines) {
    std::string_view text = ziping::text::trim(line.text);
    if (text.empty()) continue;
    Cell cell;
    cell.text = std::string(text);
    cell.line = line.number;
    cell.column = column_of(line.text, std::size_t(text.data() - line.text.data()));
    cells.push_back(std::move(cell));
  }
  Part part = Part::None;
  std::vector<Column> indicator_header;
  std::size_t i = 0;
  const std::size_t n = cells.size();
  auto starts_row = [&](std::size_t k) {
    return header_word(cells[k]).any() || is_field_label(cells[k]) ||
           (part == Part::Budget && (is_value_start(cells[k]) || false)) ||
           ((part == Part::GoalTable) && is_small_number(cells[k]));
  };
  while (i < n) {
    // A run of header words: one header row (a field label such as 改进措施 or 偏差原因分析及改进措施
    // opens a row of its own; inside a run of header words it is the last column's name).
    if (header_word(cells[i]).any() && !is_field_label(cells[i])) {
      std::size_t j = i;
      std::vector<Column> types;
      bool budget = false, goal = false, number = false;
      while (j < n && header_word(cells[j]).any()) {
        HeaderWord word = header_word(cells[j]);
        types.push_back(word.indicator);
        budget = budget || word.budget;
        goal = goal || word.goal;
        number = number || goal_column(key(cells[j].text)) == GoalColumn::Number;
        ++j;
      }
      bool indicator = std::count(types.begin(), types.end(), Column::Name) > 0;
      grid.rows.push_back(make_row({cells.begin() + long(i), cells.begin() + long(j)}));
      i = j;
      if (indicator) {
        part = Part::Indicators;
        indicator_header = types;
        // The table runs to the next field label (总分, 自评结论) or a header that is not its own
        // repeated at a page break (three header words in a row, 三级指标 among them).
        auto repeated_header = [&](std::size_t k) {
          std::size_t m = k;
          bool name = false;
          while (m < n && header_word(cells[m]).any()) {
            name = name || header_word(cells[m]).indicator == Column::Name;
            ++m;
          }
          return m - k >= 3 && name ? m : k;
        };
        std::size_t end = i;
        std::vector<Cell> body;
        auto flush = [&]() {
          for (auto& row : segment_indicator_cells(body, indicator_header)) grid.rows.push_back(std::move(row));
          body.clear();
        };
        while (end < n && !is_field_label(cells[end])) {
          std::size_t header_end = repeated_header(end);
          if (header_end > end) {
            flush();
            grid.rows.push_back(make_row({cells.begin() + long(end), cells.begin() + long(header_end)}));
            end = header_end;
            continue;
          }
          if (header_word(cells[end]).any() && !header_word(cells[end]).section &&
              header_word(cells[end]).indicator == Column::None)
            break; // a budget or goal header: the table has ended
          std::size_t k = end++;
          // Page numbers stay rows of their own for the recovery to report.
          std::string pk = key(cells[k].text);
          bool page = !pk.empty() && (pk.front() == '-' || pk.starts_with("第") || pk.starts_with("—")) &&
                      pk.find_first_of("0123456789") != std::string::npos && pk.size() <= 24 &&
                      !shape_of(cells[k].text).number && !shape_of(cells[k].text).comparator;
          if (page) {
            flush();
            grid.rows.push_back(make_row({cells[k]}));
            continue;
          }
          body.push_back(cells[k]);
        }
        flush();
        i = end;
      } else if (budget) {
        part = Part::Budget;
      } else if (number) {
        part = Part::GoalTable;
      } else if (goal) {
        part = Part::OverallGoal;
      }
      continue;
    }
    // The 年度总体目标's texts: the cells up to the next row start (预期目标, 实际完成情况).
    std::size_t j = i + 1;
    while (j < n && !starts_row(j)) ++j;
    if (part == Part::OverallGoal) part = Part::None;
    if (is_field_label(cells[i]) && match_field(cells[i].text).field == Field::Total) part = Part::Closing;
    grid.rows.push_back(make_row({cells.begin() + long(i), cells.begin() + long(j)}));
    i = j;
  }
  return grid;
}

} // namespace ziping::io::text
