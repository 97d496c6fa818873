// io/text/split_runs.cc — text with no separators at all (a PDF whose text layer lost its
// spacing): each line is one row whose cells run together, numbers included ("≥386公里386公里66").
// Cells are cut apart by what they must be: header words and field labels by vocabulary, 一级/
// 二级 labels at the front of an indicator row, the value notation for 年度指标值/实际完成值, the
// trailing digits split into 分值 and 得分 (the only split of two valid scores, score ≤ weight),
// budget figures split so that the printed 执行率 agrees with them. A split that had more than
// one reading is reported (ZP0130); what cannot be cut stays in one cell.
#include <algorithm>
#include <optional>

#include "ziping/io/text/keys.h"
#include "ziping/io/text/layout.h"
#include "ziping/io/text/split_runs.h"
#include "ziping/io/text/vocabulary.h"
#include "ziping/num/decimal.h"
#include "ziping/text/utf8.h"

namespace ziping::io::text {
namespace runs {

std::string Chars::text(std::size_t from, std::size_t to) const {
  std::string out;
  for (std::size_t i = from; i < to && i < raw.size(); ++i) out += raw[i];
  return out;
}

bool Chars::at(std::size_t pos, std::string_view word) const {
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

std::size_t Chars::length_of(std::string_view word) const {
  std::size_t n = 0;
  std::size_t pos = 0;
  while (pos < word.size()) {
    ziping::text::next_code_point(word, pos);
    ++n;
  }
  return n;
}

namespace {

std::vector<std::string> code_points(std::string_view text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t start = pos;
    ziping::text::next_code_point(text, pos);
    out.emplace_back(text.substr(start, pos - start));
  }
  return out;
}

} // namespace

Chars chars_of(std::string_view line) {
  Chars chars;
  chars.raw = code_points(line);
  std::vector<std::string> simple_chars = code_points(simplified(line));
  if (simple_chars.size() != chars.raw.size()) simple_chars = chars.raw;
  for (auto& c : simple_chars) {
    if (c == "（")
      c = "(";
    else if (c == "）")
      c = ")";
    else if (c == "：")
      c = ":";
  }
  chars.match = std::move(simple_chars);
  return chars;
}

bool valid_score_text(std::string_view text, int max_places) {
  if (text.empty() || text.front() == '.' || text.back() == '.') return false;
  auto dot = text.find('.');
  if (dot != std::string_view::npos && text.find('.', dot + 1) != std::string_view::npos)
    return false;
  std::string_view whole = text.substr(0, dot);
  if (whole.size() > 1 && whole.front() == '0') return false;
  if (dot != std::string_view::npos && int(text.size() - dot - 1) > max_places) return false;
  return true;
}

RowBuilder::RowBuilder(const Line& l) : line(l) {
  row.line = l.number;
  row.positional = false;
  row.page_break_before = l.page_break_before;
}

void RowBuilder::add(const Chars& chars, std::size_t from, std::size_t to) {
  if (to <= from) return;
  Cell cell;
  cell.text = std::string(ziping::text::trim(chars.text(from, to)));
  if (cell.text.empty()) return;
  cell.line = line.number;
  cell.column = int(from) + 1;
  row.cells.push_back(std::move(cell));
}

void RowBuilder::add_text(std::string text, std::size_t column) {
  Cell cell;
  cell.text = std::move(text);
  cell.line = line.number;
  cell.column = int(column) + 1;
  row.cells.push_back(std::move(cell));
}

void report_split(Grid& grid, const Line& line, std::size_t column, std::string printed,
                  std::string split) {
  auto d = diag::make(diag::DiagId::warn_import_numbers_run_together, "",
                      {std::move(printed), std::move(split)});
  d.where = diag::SourceLocation::text("", line.number, int(column) + 1);
  grid.diagnostics.push_back(std::move(d));
}

} // namespace runs

namespace {

using num::Decimal;
using runs::Chars;
using runs::RowBuilder;
using runs::valid_score_text;
using namespace std::string_view_literals;

// clang-format off: word lists read best packed.
constexpr std::string_view kHeaderWords[] = {"年度绩效目标完成情况",
                                             "年度指标完成情况",
                                             "年度绩效指标",
                                             "绩效指标",
                                             "一级指标",
                                             "二级指标",
                                             "三级指标",
                                             "年度指标值",
                                             "实际完成值",
                                             "偏差原因分析及改进措施",
                                             "指标性质",
                                             "度量单位",
                                             "计量单位",
                                             "调整后指标值",
                                             "权重",
                                             "分值",
                                             "得分",
                                             "项目资金(万元)",
                                             "项目资金(元)",
                                             "项目资金",
                                             "资金来源",
                                             "年初预算数",
                                             "全年预算数(A)",
                                             "全年预算数",
                                             "全年执行数(B)",
                                             "全年执行数",
                                             "执行率(B/A)",
                                             "执行率",
                                             "年度总体目标",
                                             "预期目标",
                                             "实际完成情况",
                                             "目标序号",
                                             "年度绩效目标",
                                             "年度预算执行情况(万元)",
                                             "预算执行情况",
                                             "部门预算金额(万元)"};

constexpr std::string_view kFieldWords[] = {"部门(单位)名称",
                                            "部门名称",
                                            "单位名称",
                                            "项目名称",
                                            "主管部门",
                                            "实施单位",
                                            "年度资金总额:",
                                            "年度资金总额",
                                            "其中:本年财政拨款",
                                            "其中:当年财政拨款",
                                            "本年财政拨款",
                                            "当年财政拨款",
                                            "上年结转资金",
                                            "其他资金",
                                            "偏差原因分析及改进措施",
                                            "总分",
                                            "合计",
                                            "整体支出绩效自评结论",
                                            "自评结论",
                                            "评价结论",
                                            "自评等级",
                                            "评价等级",
                                            "存在问题",
                                            "改进措施",
                                            "项目负责人",
                                            "财务负责人",
                                            "填表人",
                                            "联系电话",
                                            "填报日期"};
// clang-format on

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

// Reads the lines one by one, remembering which part of the form the last header opened (a
// line without a field label is cut by that part's columns).
class RunSplitter {
public:
  explicit RunSplitter(Grid& grid) : grid_(grid) {}
  void line(const Line& line);

private:
  enum class Part { None, Budget, GoalTable, OverallGoal, Indicators };
  bool header_row(RowBuilder& row, const Chars& chars, std::string_view text);
  bool labelled_row(RowBuilder& row, const Chars& chars);
  bool total_row(RowBuilder& row, const Chars& chars, std::size_t label);
  void field_values(RowBuilder& row, const Chars& chars, std::size_t label);
  void part_row(RowBuilder& row, const Chars& chars);
  void texts(RowBuilder& row, const Chars& chars, std::size_t from, std::size_t to, int count);
  void guess(const Line& line, std::size_t column, std::string printed, std::string split) {
    runs::report_split(grid_, line, column, std::move(printed), std::move(split));
  }

  Grid& grid_;
  Part part_ = Part::None;
  std::vector<BudgetColumn> budget_columns_; // the budget header's value columns, in order
};

void RunSplitter::line(const Line& line) {
  RowBuilder row(line);
  std::string_view text = ziping::text::trim(line.text);
  Chars chars = runs::chars_of(text);
  if (chars.size() > 0) {
    if (header_row(row, chars, text)) return;
    if (labelled_row(row, chars)) return;
    part_row(row, chars);
  }
  grid_.rows.push_back(std::move(row.row));
}

// A header line made of header words only: cut at the words; it opens a part of the form.
bool RunSplitter::header_row(RowBuilder& row, const Chars& chars, std::string_view text) {
  auto cuts = header_cuts(chars);
  if (!cuts) return false;
  for (std::size_t i = 0; i + 1 < cuts->size(); ++i) row.add(chars, (*cuts)[i], (*cuts)[i + 1]);
  std::string k = key(text);
  if (k.find("三级指标") != std::string::npos)
    part_ = Part::Indicators;
  else if (k.find("目标序号") != std::string::npos)
    part_ = Part::GoalTable;
  else if (k.find("预期目标") != std::string::npos)
    part_ = Part::OverallGoal;
  else if (k.find("预算数") != std::string::npos) {
    part_ = Part::Budget;
    budget_columns_.clear();
    for (const auto& cell : row.row.cells) {
      BudgetColumn column = budget_column(key(cell.text));
      if (column != BudgetColumn::None && column != BudgetColumn::Label)
        budget_columns_.push_back(column);
    }
  }
  grid_.rows.push_back(std::move(row.row));
  return true;
}

// A line that starts with a field label (项目名称, 年度资金总额, 总分, 自评结论 …): the label is a
// cell and what follows is cut by the label's kind.
bool RunSplitter::labelled_row(RowBuilder& row, const Chars& chars) {
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
  if (label == 0) return false;
  std::string word = key(chars.text(start, label));
  row.add(chars, start, label);
  if (word.starts_with("年度资金总额") || word.find("财政拨款") != std::string::npos ||
      word == "上年结转资金" || word == "其他资金") {
    runs::split_budget_figures(grid_, row, chars, label, budget_columns_);
  } else if (word == "总分" || word == "合计") {
    if (total_row(row, chars, label)) return true;
  } else if (word == "年度总体目标") {
    texts(row, chars, label, chars.size(), 2);
  } else if (word.find("结论") != std::string::npos || word == "存在问题" || word == "改进措施" ||
             word.starts_with("偏差原因")) {
    row.add(chars, label, chars.size());
  } else {
    field_values(row, chars, label);
  }
  grid_.rows.push_back(std::move(row.row));
  return true;
}

// 总分 with 分值 and 得分 run together ("10095.5"): the split of two valid scores, score ≤
// weight ≤ 100; false (the row not yet added) when there is none.
bool RunSplitter::total_row(RowBuilder& row, const Chars& chars, std::size_t label) {
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
    return false;
  }
  if (splits.size() > 1)
    guess(row.line, label, digits, splits.front().first + " | " + splits.front().second);
  row.add_text(splits.front().first, label);
  row.add_text(splits.front().second, label);
  row.add(chars, end, chars.size());
  grid_.rows.push_back(std::move(row.row));
  return true;
}

// Values up to the next field label inside the line (主管部门X实施单位Y).
void RunSplitter::field_values(RowBuilder& row, const Chars& chars, std::size_t label) {
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

// A line without a label, cut by the columns of the part the last header opened.
void RunSplitter::part_row(RowBuilder& row, const Chars& chars) {
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
  case Part::Indicators:
    runs::split_indicator(grid_, row, chars, 0);
    break;
  default:
    row.add(chars, 0, chars.size());
    break;
  }
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

} // namespace

Grid split_runs(const std::vector<Line>& lines) {
  Grid grid;
  grid.layout = Layout::Runs;
  RunSplitter splitter(grid);
  for (const auto& line : lines) splitter.line(line);
  return grid;
}

} // namespace ziping::io::text
