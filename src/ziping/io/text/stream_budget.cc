// io/text/stream_budget.cc — the budget block read from the stream where the row reading found
// none: a page printed on one line ("年初预算数 全年预算数 全年执行数 分值 执行率 得分 80.00 80.00
// 76.00 10 9.5 年度资金总额 … 95.00%") or one cell per line. The figures after the header are
// read in the header's order, a percentage being the 执行率 wherever it stands; the reading is
// kept only when its own arithmetic holds: a printed 执行率 = B/A, 得分 ≤ 分值.
#include <algorithm>

#include "ziping/io/text/cell_numbers.h"
#include "ziping/io/text/keys.h"
#include "ziping/io/text/stream.h"

namespace ziping::io::text::stream {
namespace {

using Token = StreamWord;

bool is_amount_column(BudgetColumn c) {
  return c != BudgetColumn::None && c != BudgetColumn::Label;
}

// The budget header's columns from token t on (merged label cells skipped); the token after.
std::pair<std::vector<BudgetColumn>, std::size_t> header_at(const std::vector<Token>& tokens,
                                                            std::size_t t) {
  std::vector<BudgetColumn> columns;
  for (; t < tokens.size(); ++t) {
    BudgetColumn c = budget_column(tokens[t].key);
    if (c == BudgetColumn::Label) continue;
    if (!is_amount_column(c) || std::count(columns.begin(), columns.end(), c) > 0) break;
    columns.push_back(c);
  }
  return {columns, t};
}

bool has(const std::vector<BudgetColumn>& columns, BudgetColumn c) {
  return std::find(columns.begin(), columns.end(), c) != columns.end();
}

bool is_figure(std::string_view k) {
  return num::Decimal::parse(k).has_value();
}

// The figures after the header: in the header's order, one run of figures (on one line or one
// per line: a label alone on its line, its figures on the lines after), a positional empty cell
// in the run standing for its column; a percentage is the rate wherever it is (within a few
// cells after the others: "… 9.5 年度资金总额 … 95.00%").
std::optional<StreamBudget> figures_after(const Stream& s, const std::vector<Token>& tokens,
                                          std::size_t t, const std::vector<BudgetColumn>& header) {
  std::vector<BudgetColumn> order;
  for (BudgetColumn c : header)
    if (c != BudgetColumn::Rate) order.push_back(c);
  StreamBudget out;
  std::size_t skipped = 0, next = 0;
  bool run_open = true;
  for (; t < tokens.size() && skipped <= 8; ++t) {
    const std::string& k = tokens[t].key;
    if (is_percent(k) && out.rate.empty()) {
      out.rate = s.text(tokens[t].begin, tokens[t].end);
    } else if (is_figure(k) && next < order.size() && run_open) {
      if (next == 0) out.at = tokens[t].begin;
      if (next > 0 && s.atoms[tokens[t].begin].empty_cell_before) ++next;
      if (next < order.size()) out.figures.emplace_back(order[next++], *num::Decimal::parse(k));
    } else {
      ++skipped; // a label (总额, 年度资金总额) or text between the figures and the rate
      if (next > 0) run_open = false;
    }
    if (next >= order.size() && (!out.rate.empty() || !has(header, BudgetColumn::Rate))) break;
  }
  if (out.figures.size() < 2) return std::nullopt;
  return out;
}

std::optional<num::Decimal> figure(const StreamBudget& b, BudgetColumn c) {
  for (const auto& [column, value] : b.figures)
    if (column == c) return value;
  return std::nullopt;
}

// 执行率 = B/A within half a point, 得分 ≤ 分值. A printed 执行率 is required: figures read in
// the header's order can be shifted by a missing or glued cell ("20000.00 20000.00 4.52 …
// 9,034 … 45.17%": the executed amount printed after the score), and only the rate, printed
// independently of the amounts, tells a right reading from a shifted one.
bool consistent(const StreamBudget& b) {
  auto annual = figure(b, BudgetColumn::Annual), executed = figure(b, BudgetColumn::Executed);
  if (!annual || !executed || *annual <= num::Decimal::from_int(0)) return false;
  auto weight = figure(b, BudgetColumn::Weight), score = figure(b, BudgetColumn::Score);
  if (weight && score && *score > *weight) return false;
  if (b.rate.empty()) return false;
  std::string k = key(b.rate);
  auto printed = num::Decimal::parse(k.substr(0, k.size() - 1));
  num::Decimal computed =
      (*executed * num::Decimal::from_int(100)).divide(*annual, 2, num::RoundingMode::HalfUp);
  num::Decimal gap = computed > *printed ? computed - *printed : *printed - computed;
  return !(gap > num::Decimal::parse("0.5").value());
}

} // namespace

std::optional<StreamBudget> read_budget(const Stream& s) {
  std::vector<Token> tokens = words_of(s);
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    auto [header, after] = header_at(tokens, t);
    if (header.size() < 3 || !has(header, BudgetColumn::Annual) ||
        !has(header, BudgetColumn::Executed))
      continue;
    auto budget = figures_after(s, tokens, after, header);
    if (budget && consistent(*budget)) return budget;
    t = after;
  }
  return std::nullopt;
}

} // namespace ziping::io::text::stream
