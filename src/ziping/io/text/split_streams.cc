// io/text/split_streams.cc — one cell per line (a web page or a PDF viewer's copy): the rows are
// rebuilt from what the cells are. Header words gather into a header row; a field label (项目名称,
// 年度资金总额, 总分, 自评结论) opens a row that the values after it join; a goal number opens a
// goal row; and the indicator table's cells are cut into rows by segment.h.
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
  if (word.indicator == Column::Other && k.find("完成情况") != std::string::npos)
    word.indicator = Column::None;
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

// Page numbers stay rows of their own for the recovery to report.
bool is_page_number(const Cell& cell) {
  std::string pk = key(cell.text);
  return !pk.empty() && (pk.front() == '-' || pk.starts_with("第") || pk.starts_with("—")) &&
         pk.find_first_of("0123456789") != std::string::npos && pk.size() <= 24 &&
         !shape_of(cell.text).number && !shape_of(cell.text).comparator;
}

std::vector<Cell> cells_of(const std::vector<Line>& lines) {
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
  return cells;
}

// Walks the cells, remembering which part of the form the last header opened.
class OnePerLineSplitter {
public:
  OnePerLineSplitter(std::vector<Cell> cells, Grid& grid)
      : cells_(std::move(cells)), n_(cells_.size()), grid_(grid) {}
  void split();

private:
  std::size_t header_run(std::size_t i);
  std::size_t indicator_table(std::size_t i);
  std::size_t repeated_header(std::size_t k) const;
  bool starts_row(std::size_t k) const;
  void add_row(std::size_t from, std::size_t to) {
    grid_.rows.push_back(make_row({cells_.begin() + long(from), cells_.begin() + long(to)}));
  }
  void flush(std::vector<Cell>& body) {
    for (auto& row : segment_indicator_cells(body, indicator_header_))
      grid_.rows.push_back(std::move(row));
    body.clear();
  }

  std::vector<Cell> cells_;
  const std::size_t n_;
  Grid& grid_;
  Part part_ = Part::None;
  std::vector<Column> indicator_header_;
};

bool OnePerLineSplitter::starts_row(std::size_t k) const {
  return header_word(cells_[k]).any() || is_field_label(cells_[k]) ||
         (part_ == Part::Budget && (is_value_start(cells_[k]) || false)) ||
         ((part_ == Part::GoalTable) && is_small_number(cells_[k]));
}

void OnePerLineSplitter::split() {
  std::size_t i = 0;
  while (i < n_) {
    // A run of header words: one header row (a field label such as 改进措施 or
    // 偏差原因分析及改进措施 opens a row of its own; inside a run of header words it is the last
    // column's name).
    if (header_word(cells_[i]).any() && !is_field_label(cells_[i])) {
      i = header_run(i);
      continue;
    }
    // The 年度总体目标's texts: the cells up to the next row start (预期目标, 实际完成情况).
    std::size_t j = i + 1;
    while (j < n_ && !starts_row(j)) ++j;
    if (part_ == Part::OverallGoal) part_ = Part::None;
    if (is_field_label(cells_[i]) && match_field(cells_[i].text).field == Field::Total)
      part_ = Part::Closing;
    add_row(i, j);
    i = j;
  }
}

// The header row starting at `i`; it opens the part its words name (an indicator header is
// followed by its table). Returns where the next row starts.
std::size_t OnePerLineSplitter::header_run(std::size_t i) {
  std::size_t j = i;
  std::vector<Column> types;
  bool budget = false, goal = false, number = false;
  while (j < n_ && header_word(cells_[j]).any()) {
    HeaderWord word = header_word(cells_[j]);
    types.push_back(word.indicator);
    budget = budget || word.budget;
    goal = goal || word.goal;
    number = number || goal_column(key(cells_[j].text)) == GoalColumn::Number;
    ++j;
  }
  bool indicator = std::count(types.begin(), types.end(), Column::Name) > 0;
  add_row(i, j);
  if (indicator) {
    part_ = Part::Indicators;
    indicator_header_ = types;
    return indicator_table(j);
  }
  if (budget)
    part_ = Part::Budget;
  else if (number)
    part_ = Part::GoalTable;
  else if (goal)
    part_ = Part::OverallGoal;
  return j;
}

// A header repeated at a page break (three header words in a row, 三级指标 among them): where
// it ends, else `k`.
std::size_t OnePerLineSplitter::repeated_header(std::size_t k) const {
  std::size_t m = k;
  bool name = false;
  while (m < n_ && header_word(cells_[m]).any()) {
    name = name || header_word(cells_[m]).indicator == Column::Name;
    ++m;
  }
  return m - k >= 3 && name ? m : k;
}

// The indicator table from `i`: it runs to the next field label (总分, 自评结论) or a header
// that is not its own repeated at a page break. Returns where it ends.
std::size_t OnePerLineSplitter::indicator_table(std::size_t i) {
  std::size_t end = i;
  std::vector<Cell> body;
  while (end < n_ && !is_field_label(cells_[end])) {
    std::size_t header_end = repeated_header(end);
    if (header_end > end) {
      flush(body);
      add_row(end, header_end);
      end = header_end;
      continue;
    }
    if (header_word(cells_[end]).any() && !header_word(cells_[end]).section &&
        header_word(cells_[end]).indicator == Column::None)
      break; // a budget or goal header: the table has ended
    std::size_t k = end++;
    if (is_page_number(cells_[k])) {
      flush(body);
      grid_.rows.push_back(make_row({cells_[k]}));
      continue;
    }
    body.push_back(cells_[k]);
  }
  flush(body);
  return end;
}

} // namespace

Grid split_one_per_line(const std::vector<Line>& lines) {
  Grid grid;
  grid.layout = Layout::OnePerLine;
  OnePerLineSplitter(cells_of(lines), grid).split();
  return grid;
}

} // namespace ziping::io::text
