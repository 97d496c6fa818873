// io/text/split_runs_budget.cc — a budget line whose figures ran together ("13001466.51400.46
// 1095.50%9.55"): the budget header's columns are filled in order from the digits, a
// placeholder ("—") filling one column, the rate ending at its "%"; the split taken is the one
// whose figures agree (B/A = the printed rate, score = rate × weight), and it is reported.
#include <algorithm>
#include <optional>
#include <tuple>

#include "ziping/io/text/cell_numbers.h"
#include "ziping/io/text/split_runs.h"
#include "ziping/num/decimal.h"

namespace ziping::io::text::runs {
namespace {

using num::Decimal;

struct Piece {
  std::string text;
  bool digits = false;  // a run of digits and dots
  bool percent = false; // the run ends with "%"
  std::size_t at = 0;
};

// The line from `from` on as runs of digits (thousands commas dropped, a "%" and a 万/元 unit
// eaten) and single other characters.
std::vector<Piece> figure_pieces(const Chars& chars, std::size_t from) {
  std::vector<Piece> pieces;
  std::size_t i = from;
  while (i < chars.size()) {
    Piece piece;
    piece.at = i;
    if (chars.digit_or_dot(i)) {
      while (i < chars.size() && (chars.digit_or_dot(i) || chars.raw[i] == ",")) {
        if (chars.raw[i] != ",") piece.text += chars.raw[i];
        ++i;
      }
      piece.digits = true;
      if (i < chars.size() && (chars.raw[i] == "%" || chars.raw[i] == "％")) {
        piece.percent = true;
        ++i;
      }
      while (i < chars.size() && (chars.match[i] == "万" || chars.match[i] == "元")) ++i;
    } else {
      piece.text = chars.raw[i];
      ++i;
    }
    pieces.push_back(std::move(piece));
  }
  return pieces;
}

struct Value {
  std::string text;
  bool placeholder = false;
};
using Split = std::vector<Value>;

bool is_amount(BudgetColumn column) {
  return column == BudgetColumn::Initial || column == BudgetColumn::Annual ||
         column == BudgetColumn::Executed;
}

// Every split of the pieces into the columns whose figures agree, and how alike they look.
class FigureSearch {
public:
  FigureSearch(const std::vector<Piece>& pieces, std::vector<BudgetColumn> columns)
      : pieces_(pieces), columns_(std::move(columns)) {}
  std::vector<Split> splits();

private:
  std::optional<Decimal> number(const Split& values, BudgetColumn column) const;
  bool agrees(const Split& values) const;
  void search(std::size_t p, std::size_t offset, std::size_t column);
  std::size_t spread(const Split& values) const;
  std::tuple<int, std::size_t, std::size_t> rank(const Split& values) const;

  const std::vector<Piece>& pieces_;
  std::vector<BudgetColumn> columns_;
  std::vector<Split> solutions_;
  Split chosen_;
};

std::optional<Decimal> FigureSearch::number(const Split& values, BudgetColumn column) const {
  for (std::size_t k = 0; k < values.size() && k < columns_.size(); ++k) {
    if (columns_[k] != column || values[k].placeholder) continue;
    std::string_view text = values[k].text;
    if (text.ends_with("%")) text.remove_suffix(1);
    return Decimal::parse(text);
  }
  return std::nullopt;
}

bool FigureSearch::agrees(const Split& values) const {
  auto annual = number(values, BudgetColumn::Annual);
  auto executed = number(values, BudgetColumn::Executed);
  auto rate = number(values, BudgetColumn::Rate);
  auto weight = number(values, BudgetColumn::Weight);
  auto score = number(values, BudgetColumn::Score);
  if (weight && *weight > Decimal::from_int(100)) return false;
  if (weight && score && *score > *weight) return false;
  if (annual && executed && rate && !annual->is_zero()) {
    Decimal computed =
        executed->divide(*annual, 6, num::RoundingMode::HalfUp) * Decimal::from_int(100);
    if ((computed - *rate).abs() > Decimal::of("0.05")) return false;
  }
  if (rate && weight && score) {
    Decimal capped = min(*rate, Decimal::from_int(100));
    Decimal computed =
        (capped * *weight).divide(Decimal::from_int(100), 6, num::RoundingMode::HalfUp);
    if ((computed - *score).abs() > Decimal::of("0.05")) return false;
  }
  return true;
}

// Depth-first over (piece, offset in piece, column).
void FigureSearch::search(std::size_t p, std::size_t offset, std::size_t column) {
  if (solutions_.size() > 64) return;
  if (p == pieces_.size()) {
    if (column >= 3 && agrees(chosen_)) solutions_.push_back(chosen_);
    return;
  }
  if (column == columns_.size()) return;
  const Piece& piece = pieces_[p];
  if (!piece.digits) {
    if (!is_placeholder(piece.text)) return;
    chosen_.push_back({piece.text, true});
    search(p + 1, 0, column + 1);
    chosen_.pop_back();
    return;
  }
  for (std::size_t end = offset + 1; end <= piece.text.size(); ++end) {
    std::string part = piece.text.substr(offset, end - offset);
    if (!valid_score_text(part)) continue;
    bool last = end == piece.text.size();
    bool is_rate = columns_[column] == BudgetColumn::Rate;
    if (is_rate != (last && piece.percent)) continue;
    chosen_.push_back({part + (is_rate ? "%" : ""), false});
    if (last)
      search(p + 1, 0, column + 1);
    else
      search(p, end, column + 1);
    chosen_.pop_back();
  }
}

// How far apart the amounts are in size (年初, 全年 and 执行 are close to each other in any
// real budget).
std::size_t FigureSearch::spread(const Split& values) const {
  std::size_t lowest = 99, highest = 0;
  for (std::size_t k = 0; k < values.size() && k < columns_.size(); ++k) {
    if (values[k].placeholder) continue;
    if (!is_amount(columns_[k])) continue;
    std::size_t digits = values[k].text.find('.');
    if (digits == std::string::npos) digits = values[k].text.size();
    if (values[k].text == "0") continue;
    lowest = std::min(lowest, digits);
    highest = std::max(highest, digits);
  }
  return highest >= lowest ? highest - lowest : 0;
}

// Prefer splits whose rate could be checked against B/A, with amounts rather than
// placeholders under 年初/全年/执行, then the most alike amounts.
std::tuple<int, std::size_t, std::size_t> FigureSearch::rank(const Split& values) const {
  std::size_t placeholders = 0;
  for (std::size_t k = 0; k < values.size() && k < columns_.size(); ++k) {
    if (values[k].placeholder && is_amount(columns_[k])) ++placeholders;
  }
  bool checked = number(values, BudgetColumn::Annual) && number(values, BudgetColumn::Executed) &&
                 number(values, BudgetColumn::Rate);
  return std::tuple(checked ? 0 : 1, placeholders, spread(values));
}

// The agreeing splits, likeliest first.
std::vector<Split> FigureSearch::splits() {
  search(0, 0, 0);
  std::stable_sort(solutions_.begin(), solutions_.end(),
                   [&](const auto& x, const auto& y) { return rank(x) < rank(y); });
  return std::move(solutions_);
}

} // namespace

void split_budget_figures(Grid& grid, RowBuilder& row, const Chars& chars, std::size_t from,
                          const std::vector<BudgetColumn>& budget_columns) {
  std::vector<Piece> pieces = figure_pieces(chars, from);
  std::vector<BudgetColumn> columns = budget_columns;
  if (columns.empty())
    columns = {BudgetColumn::Initial, BudgetColumn::Annual, BudgetColumn::Executed,
               BudgetColumn::Weight,  BudgetColumn::Rate,   BudgetColumn::Score};
  std::vector<Split> solutions = FigureSearch(pieces, std::move(columns)).splits();
  if (solutions.empty()) {
    row.add(chars, from, chars.size());
    return;
  }
  std::string shown;
  for (const auto& v : solutions.front()) shown += (shown.empty() ? "" : " | ") + v.text;
  bool run_together = false;
  for (const auto& piece : pieces) {
    std::size_t numbers = 0;
    for (const auto& v : solutions.front()) numbers += !v.placeholder;
    run_together = run_together || (piece.digits && numbers > 0);
  }
  if (run_together) report_split(grid, row.line, from, chars.text(from, chars.size()), shown);
  for (const auto& v : solutions.front()) row.add_text(v.text, from);
}

} // namespace ziping::io::text::runs
