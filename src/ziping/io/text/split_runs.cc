// io/text/split_runs.cc — text with no separators at all (a PDF whose text layer lost its
// spacing): each line is one row whose cells run together, numbers included ("≥386公里386公里66").
// Cells are cut apart by what they must be: header words and field labels by vocabulary, 一级/
// 二级 labels at the front of an indicator row, the value notation for 年度指标值/实际完成值, the
// trailing digits split into 分值 and 得分 (the only split of two valid scores, score ≤ weight),
// budget figures split so that the printed 执行率 agrees with them. A split that had more than
// one reading is reported (ZP0130); what cannot be cut stays in one cell.
#include <algorithm>
#include <optional>
#include <tuple>

#include "ziping/io/text/cell_numbers.h"
#include "ziping/io/text/keys.h"
#include "ziping/io/text/layout.h"
#include "ziping/io/text/vocabulary.h"
#include "ziping/num/decimal.h"
#include "ziping/text/utf8.h"
#include "ziping/value/value.h"

namespace ziping::io::text {
namespace {

using num::Decimal;
using namespace std::string_view_literals;

// A line as code points, with a simplified, bracket-folded copy of the same length for matching.
struct Chars {
  std::vector<std::string> raw;    // one UTF-8 code point each
  std::vector<std::string> match;  // simplified, （）：→ ():
  std::string text(std::size_t from, std::size_t to) const {
    std::string out;
    for (std::size_t i = from; i < to && i < raw.size(); ++i) out += raw[i];
    return out;
  }
  std::size_t size() const { return raw.size(); }
  bool digit(std::size_t i) const {
    return i < raw.size() && raw[i].size() == 1 && raw[i][0] >= '0' && raw[i][0] <= '9';
  }
  bool digit_or_dot(std::size_t i) const {
    return digit(i) || (i < raw.size() && raw[i] == ".");
  }
  // Whether `word` (simplified, folded) stands at `at`.
  bool at(std::size_t pos, std::string_view word) const {
    std::size_t i = pos;
    std::size_t offset = 0;
    while (offset < word.size()) {
      if (i >= match.size()) return false;
      const std::string& piece = match[i];
      if (word.substr(offset, piece.size()) != piece) return false;
      offset += piece.size();
      ++i;
    }
    return true;
  }
  std::size_t length_of(std::string_view word) const {
    std::size_t n = 0;
    std::size_t pos = 0;
    while (pos < word.size()) {
      ziping::text::next_code_point(word, pos);
      ++n;
    }
    return n;
  }
};

Chars chars_of(std::string_view line) {
  Chars chars;
  std::size_t pos = 0;
  while (pos < line.size()) {
    std::size_t start = pos;
    ziping::text::next_code_point(line, pos);
    chars.raw.emplace_back(line.substr(start, pos - start));
  }
  std::string simple = simplified(line);
  std::vector<std::string> simple_chars;
  pos = 0;
  while (pos < simple.size()) {
    std::size_t start = pos;
    ziping::text::next_code_point(simple, pos);
    simple_chars.emplace_back(simple.substr(start, pos - start));
  }
  if (simple_chars.size() != chars.raw.size()) simple_chars = chars.raw;
  for (auto& c : simple_chars) {
    if (c == "（") c = "(";
    else if (c == "）") c = ")";
    else if (c == "：") c = ":";
  }
  chars.match = std::move(simple_chars);
  return chars;
}

constexpr std::string_view kHeaderWords[] = {
    "年度绩效目标完成情况", "年度指标完成情况", "年度绩效指标", "绩效指标", "一级指标", "二级指标",
    "三级指标", "年度指标值", "实际完成值", "偏差原因分析及改进措施", "指标性质", "度量单位", "计量单位",
    "调整后指标值", "权重", "分值", "得分", "项目资金(万元)", "项目资金(元)", "项目资金", "资金来源",
    "年初预算数", "全年预算数(A)", "全年预算数", "全年执行数(B)", "全年执行数", "执行率(B/A)", "执行率",
    "年度总体目标", "预期目标", "实际完成情况", "目标序号", "年度绩效目标", "年度预算执行情况(万元)",
    "预算执行情况", "部门预算金额(万元)"};

constexpr std::string_view kFieldWords[] = {
    "部门(单位)名称", "部门名称", "单位名称", "项目名称", "主管部门", "实施单位", "年度资金总额:",
    "年度资金总额", "其中:本年财政拨款", "其中:当年财政拨款", "本年财政拨款", "当年财政拨款",
    "上年结转资金", "其他资金", "偏差原因分析及改进措施", "总分", "合计", "整体支出绩效自评结论", "自评结论",
    "评价结论", "自评等级", "评价等级", "存在问题", "改进措施", "项目负责人", "财务负责人", "填表人",
    "联系电话", "填报日期"};

// Greedy longest match of header words over the whole line; nullopt unless it covers it all.
std::optional<std::vector<std::size_t>> header_cuts(const Chars& chars) {
  std::vector<std::size_t> cuts{0};
  std::size_t pos = 0;
  while (pos < chars.size()) {
    std::size_t best = 0;
    for (auto word : kHeaderWords) {
      if (chars.at(pos, word)) best = std::max(best, chars.length_of(word));
    }
    if (best == 0) return std::nullopt;
    pos += best;
    cuts.push_back(pos);
  }
  if (cuts.size() < 3) return std::nullopt;
  return cuts;
}

std::size_t field_at(const Chars& chars, std::size_t pos) {
  std::size_t best = 0;
  for (auto word : kFieldWords) {
    if (chars.at(pos, word)) best = std::max(best, chars.length_of(word));
  }
  return best;
}

bool valid_score_text(std::string_view text, int max_places = 2) {
  if (text.empty() || text.front() == '.' || text.back() == '.') return false;
  auto dot = text.find('.');
  if (dot != std::string_view::npos && text.find('.', dot + 1) != std::string_view::npos) return false;
  std::string_view whole = text.substr(0, dot);
  if (whole.size() > 1 && whole.front() == '0') return false;
  if (dot != std::string_view::npos && int(text.size() - dot - 1) > max_places) return false;
  return true;
}

struct RowBuilder {
  Row row;
  const Line& line;
  explicit RowBuilder(const Line& l) : line(l) {
    row.line = l.number;
    row.positional = false;
    row.page_break_before = l.page_break_before;
  }
  void add(const Chars& chars, std::size_t from, std::size_t to) {
    if (to <= from) return;
    Cell cell;
    cell.text = std::string(ziping::text::trim(chars.text(from, to)));
    if (cell.text.empty()) return;
    cell.line = line.number;
    cell.column = int(from) + 1;
    row.cells.push_back(std::move(cell));
  }
};

class RunSplitter {
public:
  explicit RunSplitter(Grid& grid) : grid_(grid) {}
  void line(const Line& line);

private:
  enum class Part { None, Budget, GoalTable, OverallGoal, Indicators };
  void indicator(RowBuilder& row, const Chars& chars, std::size_t from);
  void texts(RowBuilder& row, const Chars& chars, std::size_t from, std::size_t to, int count);
  void amounts(RowBuilder& row, const Chars& chars, std::size_t from);
  void guess(const Line& line, std::size_t column, std::string printed, std::string split);

  Grid& grid_;
  Part part_ = Part::None;
  std::vector<BudgetColumn> budget_columns_; // the budget header's value columns, in order
};

void RunSplitter::guess(const Line& line, std::size_t column, std::string printed,
                        std::string split) {
  auto d = diag::make(diag::DiagId::warn_import_numbers_run_together, "",
                      {std::move(printed), std::move(split)});
  d.where = diag::SourceLocation::text("", line.number, int(column) + 1);
  grid_.diagnostics.push_back(std::move(d));
}

void RunSplitter::line(const Line& line) {
  RowBuilder row(line);
  std::string_view text = ziping::text::trim(line.text);
  std::size_t offset = std::size_t(text.data() - line.text.data());
  Chars chars = chars_of(text);
  (void)offset;
  if (chars.size() == 0) {
    grid_.rows.push_back(std::move(row.row));
    return;
  }
  if (auto cuts = header_cuts(chars)) {
    for (std::size_t i = 0; i + 1 < cuts->size(); ++i) row.add(chars, (*cuts)[i], (*cuts)[i + 1]);
    std::string k = key(text);
    if (k.find("三级指标") != std::string::npos) part_ = Part::Indicators;
    else if (k.find("目标序号") != std::string::npos) part_ = Part::GoalTable;
    else if (k.find("预期目标") != std::string::npos) part_ = Part::OverallGoal;
    else if (k.find("预算数") != std::string::npos) {
      part_ = Part::Budget;
      budget_columns_.clear();
      for (const auto& cell : row.row.cells) {
        BudgetColumn column = budget_column(key(cell.text));
        if (column != BudgetColumn::None && column != BudgetColumn::Label) budget_columns_.push_back(column);
      }
    }
    grid_.rows.push_back(std::move(row.row));
    return;
  }
  std::size_t label = field_at(chars, 0), start = 0;
  // 项目资金（万元） run into the total's label (年度资金总额1200…): the block's label is a cell of
  // its own and the row is the total's.
  if (label == 0) {
    std::size_t head = 0;
    for (auto word : {"项目资金(万元)"sv, "项目资金(元)"sv, "项目资金"sv}) {
      if (chars.at(0, word)) head = std::max(head, chars.length_of(word));
    }
    if (std::size_t next = head > 0 ? field_at(chars, head) : 0; next > 0) {
      row.add(chars, 0, head);
      start = head;
      label = head + next;
    }
  }
  if (label > 0) {
    std::string word = key(chars.text(start, label));
    row.add(chars, start, label);
    if (word.starts_with("年度资金总额") || word.find("财政拨款") != std::string::npos ||
        word == "上年结转资金" || word == "其他资金") {
      amounts(row, chars, label);
    } else if (word == "总分" || word == "合计") {
      std::size_t end = label;
      while (chars.digit_or_dot(end)) ++end;
      std::string digits = chars.text(label, end);
      std::vector<std::pair<std::string, std::string>> splits;
      for (std::size_t cut = 1; cut < digits.size(); ++cut) {
        std::string w = digits.substr(0, cut), s = digits.substr(cut);
        auto wd = Decimal::parse(w), sd = Decimal::parse(s);
        if (valid_score_text(w) && valid_score_text(s) && wd && sd && *wd <= Decimal::from_int(100) &&
            *sd <= *wd)
          splits.push_back({w, s});
      }
      if (splits.empty()) {
        row.add(chars, label, chars.size());
      } else {
        if (splits.size() > 1) guess(line, label, digits, splits.front().first + " | " + splits.front().second);
        grid_.rows.push_back(std::move(row.row));
        Row& added = grid_.rows.back();
        for (auto* piece : {&splits.front().first, &splits.front().second}) {
          Cell cell;
          cell.text = *piece;
          cell.line = line.number;
          cell.column = int(label) + 1;
          added.cells.push_back(std::move(cell));
        }
        RowBuilder rest(line);
        rest.add(chars, end, chars.size());
        for (auto& cell : rest.row.cells) added.cells.push_back(std::move(cell));
        return;
      }
    } else if (word == "年度总体目标") {
      texts(row, chars, label, chars.size(), 2);
    } else if (word.find("结论") != std::string::npos || word == "存在问题" || word == "改进措施" ||
               word.starts_with("偏差原因")) {
      row.add(chars, label, chars.size());
    } else {
      // Values up to the next field label inside the line (主管部门X实施单位Y).
      std::size_t from = label;
      for (std::size_t pos = label + 1; pos < chars.size(); ++pos) {
        std::size_t next = field_at(chars, pos);
        if (next == 0) continue;
        row.add(chars, from, pos);
        row.add(chars, pos, pos + next);
        from = pos + next;
        pos = from;
      }
      row.add(chars, from, chars.size());
    }
    grid_.rows.push_back(std::move(row.row));
    return;
  }
  switch (part_) {
  case Part::OverallGoal:
    texts(row, chars, 0, chars.size(), 2);
    part_ = Part::None;
    break;
  case Part::GoalTable:
    if (chars.digit(0)) {
      std::size_t end = 0;
      while (chars.digit(end) && end < 2) ++end;
      row.add(chars, 0, end);
      texts(row, chars, end, chars.size(), 2);
    } else {
      row.add(chars, 0, chars.size());
    }
    break;
  case Part::Indicators: indicator(row, chars, 0); break;
  default: row.add(chars, 0, chars.size()); break;
  }
  grid_.rows.push_back(std::move(row.row));
}

// Two (or three) texts run together: cut after the sentence end nearest the middle.
void RunSplitter::texts(RowBuilder& row, const Chars& chars, std::size_t from, std::size_t to,
                        int count) {
  if (count < 2 || to <= from) {
    row.add(chars, from, to);
    return;
  }
  std::size_t middle = from + (to - from) / 2;
  std::size_t best = 0, distance = std::string::npos;
  for (std::size_t i = from + 1; i + 1 < to; ++i) {
    if (chars.raw[i] != "。") continue;
    std::size_t d = i + 1 > middle ? i + 1 - middle : middle - i - 1;
    if (d < distance) {
      distance = d;
      best = i + 1;
    }
  }
  if (best == 0) {
    row.add(chars, from, to);
    return;
  }
  guess(row.line, from, ziping::text::truncate_display(chars.text(from, to), 24),
        ziping::text::truncate_display(chars.text(from, best), 12) + " | " +
            ziping::text::truncate_display(chars.text(best, to), 12));
  row.add(chars, from, best);
  row.add(chars, best, to);
}

// 年度资金总额 figures: amounts, weight, rate and score run together ("13001466.51400.461095.50%
// 9.55"). The columns of the budget header are filled in order from the digits, a placeholder
// ("—") filling one column, the rate ending at its "%"; the split taken is the one whose
// figures agree (B/A = the printed rate, score = rate × weight), and it is reported.
void RunSplitter::amounts(RowBuilder& row, const Chars& chars, std::size_t from) {
  struct Piece {
    std::string text;
    bool digits = false;  // a run of digits and dots
    bool percent = false; // the run ends with "%"
    std::size_t at = 0;
  };
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
  std::vector<BudgetColumn> columns = budget_columns_;
  if (columns.empty())
    columns = {BudgetColumn::Initial, BudgetColumn::Annual, BudgetColumn::Executed,
               BudgetColumn::Weight, BudgetColumn::Rate, BudgetColumn::Score};
  struct Value {
    std::string text;
    bool placeholder = false;
  };
  std::vector<std::vector<Value>> solutions;
  std::vector<Value> chosen;
  auto number = [](const std::vector<Value>& values, const std::vector<BudgetColumn>& cols,
                   BudgetColumn column) -> std::optional<Decimal> {
    for (std::size_t k = 0; k < values.size() && k < cols.size(); ++k) {
      if (cols[k] != column || values[k].placeholder) continue;
      std::string_view text = values[k].text;
      if (text.ends_with("%")) text.remove_suffix(1);
      return Decimal::parse(text);
    }
    return std::nullopt;
  };
  auto agrees = [&](const std::vector<Value>& values) {
    auto annual = number(values, columns, BudgetColumn::Annual);
    auto executed = number(values, columns, BudgetColumn::Executed);
    auto rate = number(values, columns, BudgetColumn::Rate);
    auto weight = number(values, columns, BudgetColumn::Weight);
    auto score = number(values, columns, BudgetColumn::Score);
    if (weight && *weight > Decimal::from_int(100)) return false;
    if (weight && score && *score > *weight) return false;
    if (annual && executed && rate && !annual->is_zero()) {
      Decimal computed = executed->divide(*annual, 6, num::RoundingMode::HalfUp) * Decimal::from_int(100);
      if ((computed - *rate).abs() > Decimal::of("0.05")) return false;
    }
    if (rate && weight && score) {
      Decimal capped = min(*rate, Decimal::from_int(100));
      Decimal computed = (capped * *weight).divide(Decimal::from_int(100), 6, num::RoundingMode::HalfUp);
      if ((computed - *score).abs() > Decimal::of("0.05")) return false;
    }
    return true;
  };
  // Depth-first over (piece, offset in piece, column).
  auto search = [&](auto&& self, std::size_t p, std::size_t offset, std::size_t column) -> void {
    if (solutions.size() > 64) return;
    if (p == pieces.size()) {
      if (column >= 3 && agrees(chosen)) solutions.push_back(chosen);
      return;
    }
    if (column == columns.size()) return;
    const Piece& piece = pieces[p];
    if (!piece.digits) {
      if (!is_placeholder(piece.text)) return;
      chosen.push_back({piece.text, true});
      self(self, p + 1, 0, column + 1);
      chosen.pop_back();
      return;
    }
    for (std::size_t end = offset + 1; end <= piece.text.size(); ++end) {
      std::string part = piece.text.substr(offset, end - offset);
      if (!valid_score_text(part)) continue;
      bool last = end == piece.text.size();
      bool is_rate = columns[column] == BudgetColumn::Rate;
      if (is_rate != (last && piece.percent)) continue;
      chosen.push_back({part + (is_rate ? "%" : ""), false});
      if (last) self(self, p + 1, 0, column + 1);
      else self(self, p, end, column + 1);
      chosen.pop_back();
    }
  };
  search(search, 0, 0, 0);
  // Several splits agree: take the one whose amounts are most alike in size (年初, 全年 and 执行
  // are close to each other in any real budget).
  auto spread = [&](const std::vector<Value>& values) {
    std::size_t lowest = 99, highest = 0;
    for (std::size_t k = 0; k < values.size() && k < columns.size(); ++k) {
      if (values[k].placeholder) continue;
      if (columns[k] != BudgetColumn::Initial && columns[k] != BudgetColumn::Annual &&
          columns[k] != BudgetColumn::Executed)
        continue;
      std::size_t digits = values[k].text.find('.');
      if (digits == std::string::npos) digits = values[k].text.size();
      if (values[k].text == "0") continue;
      lowest = std::min(lowest, digits);
      highest = std::max(highest, digits);
    }
    return highest >= lowest ? highest - lowest : 0;
  };
  // Prefer splits whose rate could be checked against B/A, with amounts rather than
  // placeholders under 年初/全年/执行, then the most alike amounts.
  auto rank = [&](const std::vector<Value>& values) {
    std::size_t placeholders = 0;
    for (std::size_t k = 0; k < values.size() && k < columns.size(); ++k) {
      if (values[k].placeholder && (columns[k] == BudgetColumn::Initial || columns[k] == BudgetColumn::Annual ||
                                    columns[k] == BudgetColumn::Executed))
        ++placeholders;
    }
    bool checked = number(values, columns, BudgetColumn::Annual) &&
                   number(values, columns, BudgetColumn::Executed) &&
                   number(values, columns, BudgetColumn::Rate);
    return std::tuple(checked ? 0 : 1, placeholders, spread(values));
  };
  std::stable_sort(solutions.begin(), solutions.end(),
                   [&](const auto& x, const auto& y) { return rank(x) < rank(y); });
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
  if (run_together) guess(row.line, from, chars.text(from, chars.size()), shown);
  for (const auto& v : solutions.front()) {
    Cell cell;
    cell.text = v.text;
    cell.line = row.line.number;
    cell.column = int(from) + 1;
    row.row.cells.push_back(std::move(cell));
  }
}

bool is_unit_start(const Chars& chars, std::size_t pos) {
  if (pos >= chars.size()) return false;
  const std::string& c = chars.match[pos];
  if (c == "%" || c == "％" || c == "‰") return true;
  if (c == "年") return false; // "2023年…" starts a reason as often as 年 is a unit
  for (std::size_t len = 1; len <= 2 && pos + len <= chars.size(); ++len) {
    std::string unit;
    for (std::size_t i = pos; i < pos + len; ++i) unit += chars.match[i];
    if (value::lookup_unit(unit)) return true;
  }
  return false;
}

bool parses(std::string_view text, value::Role role) {
  if (text.empty()) return false;
  auto parsed = value::parse_value(text, role);
  return parsed.value.kind != value::ValueKind::Text && parsed.value.kind != value::ValueKind::Empty;
}

void RunSplitter::indicator(RowBuilder& row, const Chars& chars, std::size_t from) {
  // Labels at the front: 绩效目标N, 一级, 二级 (with their points), longest first.
  std::size_t pos = from;
  while (pos < chars.size()) {
    std::size_t best = 0;
    for (std::size_t len = 2; len <= 16 && pos + len <= chars.size(); ++len) {
      Label label = classify_label(chars.text(pos, pos + len));
      if (label.kind != LabelKind::None && label.kind != LabelKind::Section) best = len;
    }
    if (best == 0) break;
    row.add(chars, pos, pos + best);
    pos += best;
  }
  std::size_t n = chars.size();
  // 分值 and 得分: two valid scores (score ≤ weight) cut from a run of digits that is not a
  // number with a unit; the digits before them may end the 实际完成值 ("353.3").
  struct Cut {
    std::size_t actual_end, weight_end, score_end, run_end;
  };
  std::vector<Cut> cuts;
  std::vector<std::vector<Cut>> runs;
  for (std::size_t i = pos + 1; i < n; ++i) {
    if (!chars.digit(i) || chars.digit_or_dot(i - 1)) continue;
    std::size_t end = i;
    while (end < n && chars.digit_or_dot(end)) ++end;
    if (end < n && (chars.match[end] == "%" || chars.match[end] == "％" || chars.match[end] == "‰" ||
                    chars.match[end] == "."))
      continue;
    // A date: "2022年", "12月", "31日" are not scores.
    if (end < n && ((end - i == 4 && chars.match[end] == "年") ||
                    (end - i <= 2 && (chars.match[end] == "月" || chars.match[end] == "日"))))
      continue;
    for (std::size_t c = i; c < end; ++c) {
      if (c > i && !valid_score_text(chars.text(i, c), 4)) continue; // a bare actual value
      for (std::size_t d = c + 1; d < end; ++d) {
        std::string w = chars.text(c, d);
        if (!valid_score_text(w)) continue;
        for (std::size_t e = d + 1; e <= end; ++e) {
          std::string s = chars.text(d, e);
          if (!valid_score_text(s)) continue;
          auto wd = Decimal::parse(w), sd = Decimal::parse(s);
          if (!wd || !sd || *wd > Decimal::from_int(100) || *sd > *wd || wd->is_zero()) continue;
          // What is left of the run must start the reason as a year does ("2023年").
          if (e < end) {
            std::string rest = chars.text(e, end);
            if (!(rest.size() == 4 && (rest.starts_with("20") || rest.starts_with("19")) &&
                  end < n && chars.match[end] == "年"))
              continue;
          }
          cuts.push_back({c, d, e, end});
        }
      }
    }
    if (!cuts.empty()) runs.push_back(std::move(cuts));
    cuts.clear();
  }
  // Which run holds 分值 and 得分: the one at the end of the line, or before a reason's usual
  // opening; not one followed by a measure word ("6413笔").
  auto run_plausibility = [&](const std::vector<Cut>& candidates, std::size_t index) {
    std::size_t end = candidates.front().run_end;
    int score = index + 1 == runs.size() ? 1 : 0;
    if (end == n) score += 4;
    else {
      static constexpr std::string_view kOpenings[] = {"一是", "受", "因", "由于", "主要", "下一步", "年初",
                                                       "该", "我单位", "我办", "部分", "经", "通过", "根据",
                                                       "在", "为", "按照", "今年", "本年", "指标"};
      for (auto opening : kOpenings) {
        if (chars.at(end, opening)) score += 2;
      }
      if (chars.match[end] == "，" || chars.match[end] == "、" || chars.match[end] == "。" ||
          chars.match[end] == ")" || chars.match[end] == "）")
        score -= 3;
      bool measure_word = is_unit_start(chars, end);
      for (auto measure : {"笔", "项", "个", "家", "次", "件", "人", "名", "户", "万", "亿", "多", "余"}) {
        measure_word = measure_word || chars.match[end] == measure;
      }
      if (measure_word) score -= 3;
    }
    return score;
  };
  if (!runs.empty()) {
    std::size_t best = 0;
    for (std::size_t r = 1; r < runs.size(); ++r) {
      if (run_plausibility(runs[r], r) >= run_plausibility(runs[best], best)) best = r;
    }
    cuts = runs[best];
  }
  if (cuts.empty()) {
    row.add(chars, pos, n);
    return;
  }
  // Prefer the actual taking no digits, then the shortest reason-year remainder, then equal places.
  std::stable_sort(cuts.begin(), cuts.end(), [&](const Cut& x, const Cut& y) {
    auto rank = [&](const Cut& cut) {
      int r = 0;
      bool before_unit = cut.actual_end > 0 && !chars.digit_or_dot(cut.actual_end - 1);
      if (!before_unit) r += 4; // the actual is a bare number: less likely
      if (cut.score_end < cut.run_end) r += 1;
      std::string w = chars.text(cut.actual_end, cut.weight_end);
      std::string s = chars.text(cut.weight_end, cut.score_end);
      if (Decimal::parse(w) == Decimal::parse(s)) r -= 1;
      // 分值 and 得分 are alike in size: "0.6 | 0.4", not "80.6 | 0.4".
      auto whole = [](const std::string& t) { return t.find('.') == std::string::npos ? t.size() : t.find('.'); };
      r += int(whole(w) > whole(s) ? whole(w) - whole(s) : whole(s) - whole(w)) * 2;
      return r;
    };
    return rank(x) < rank(y);
  });
  Cut cut = cuts.front();
  if (cuts.size() > 1) {
    guess(row.line, cut.actual_end,
          chars.text(cuts.front().actual_end, cuts.front().run_end),
          chars.text(cut.actual_end, cut.weight_end) + " | " + chars.text(cut.weight_end, cut.score_end));
  }
  // 三级指标, 年度指标值, 实际完成值 before the numbers.
  std::size_t c = cut.actual_end;
  std::size_t target_start = std::string::npos;
  for (std::size_t i = pos + 1; i < c; ++i) {
    const std::string& m = chars.match[i];
    if (m == "≥" || m == "≤" || m == "=" || m == "<" || m == ">" || m == "≧" || m == "≦" ||
        m == "═" || m == "﹦" || m == "＝" || m == "＞" || m == "＜") {
      target_start = i;
      break;
    }
  }
  std::size_t target_end = std::string::npos;
  if (target_start == std::string::npos) {
    // A qualitative target printed twice ("合格合格"), or a date.
    for (std::size_t k = (c - pos) / 2; k >= 1 && target_start == std::string::npos; --k) {
      if (c < 2 * k || c - 2 * k <= pos) continue;
      if (chars.text(c - 2 * k, c - k) == chars.text(c - k, c)) {
        target_start = c - 2 * k;
        target_end = c - k;
      }
    }
  }
  if (target_start == std::string::npos) {
    for (std::size_t i = pos + 1; i + 4 < c; ++i) {
      if (chars.digit(i) && chars.digit(i + 1) && chars.digit(i + 2) && chars.digit(i + 3) &&
          chars.match[i + 4] == "年" && !chars.digit(i - 1)) {
        target_start = i;
        break;
      }
    }
  }
  if (target_start == std::string::npos) {
    // A qualitative target: the first place a known phrase (longest first) or a word the value
    // notation reads as a level starts.
    static constexpr std::string_view kPhrases[] = {
        "持续有效运行", "有效运行", "持续改善", "逐步改善", "明显改善", "有所改善", "有所提高", "有所提升",
        "明显提高", "显著提高", "显著提升", "有所降低", "有所下降", "明显降低", "持续推进", "稳步提升",
        "全部完成", "按时完成", "达到预期", "符合要求", "合格", "达标", "及时", "优秀", "良好"};
    for (std::size_t i = pos + 2; i < c && target_start == std::string::npos; ++i) {
      std::size_t longest = 0;
      for (auto phrase : kPhrases) {
        std::size_t len = chars.length_of(phrase);
        if (i + len < c && chars.at(i, phrase)) longest = std::max(longest, len);
      }
      for (std::size_t len = 6; len >= 2 && len > longest; --len) {
        if (i + len >= c) continue;
        auto parsed = value::parse_value(chars.text(i, i + len), value::Role::Target);
        if (parsed.value.kind == value::ValueKind::Ordinal) {
          longest = len;
          break;
        }
      }
      if (longest > 0) {
        target_start = i;
        target_end = i + longest;
      }
    }
  }
  if (target_start == std::string::npos) {
    row.add(chars, pos, c);
  } else {
    if (target_end == std::string::npos) {
      // Where both sides read as values; best where both carry the same unit (≤35微克/立方米 |
      // 33微克/立方米), else the longest target.
      std::size_t same_unit = std::string::npos, longest = std::string::npos;
      // The same unit text after the digits of both (units the notation does not know too).
      auto unit_after_digits = [&](std::size_t begin, std::size_t to) {
        std::size_t last = to;
        while (last > begin && !chars.digit(last - 1)) --last;
        return last > begin ? chars.text(last, to) : std::string();
      };
      for (std::size_t b = c - 1; b > target_start + 1 && same_unit == std::string::npos; --b) {
        if (!chars.digit(b) || chars.digit_or_dot(b - 1)) continue;
        std::string unit = unit_after_digits(target_start, b);
        if (!unit.empty() && unit == unit_after_digits(b, c)) same_unit = b;
      }
      for (std::size_t b = c - 1; b > target_start && same_unit == std::string::npos; --b) {
        auto target = value::parse_value(chars.text(target_start, b), value::Role::Target).value;
        auto actual = value::parse_value(chars.text(b, c), value::Role::Actual).value;
        bool both = target.kind != value::ValueKind::Text && target.kind != value::ValueKind::Empty &&
                    actual.kind != value::ValueKind::Text && actual.kind != value::ValueKind::Empty;
        if (!both) continue;
        if (longest == std::string::npos) longest = b;
        if (target.kind == value::ValueKind::Quantity && actual.kind == value::ValueKind::Quantity &&
            !target.unit.text.empty() && target.unit.text == actual.unit.text) {
          same_unit = b;
          break;
        }
      }
      target_end = same_unit != std::string::npos ? same_unit : longest;
      if (target_end == std::string::npos) {
        for (std::size_t b = c; b > target_start + 1; --b) {
          if (parses(chars.text(target_start, b), value::Role::Target)) {
            target_end = b;
            break;
          }
        }
      }
      if (target_end == std::string::npos) target_end = c;
    }
    row.add(chars, pos, target_start);
    row.add(chars, target_start, target_end);
    row.add(chars, target_end, c);
  }
  row.add(chars, cut.actual_end, cut.weight_end);
  row.add(chars, cut.weight_end, cut.score_end);
  row.add(chars, cut.score_end, n);
}

} // namespace

Grid split_runs(const std::vector<Line>& lines) {
  Grid grid;
  grid.layout = Layout::Runs;
  RunSplitter splitter(grid);
  for (const auto& line : lines) splitter.line(line);
  return grid;
}

} // namespace ziping::io::text
