#include "ziping/io/text/align.h"

#include <limits>

#include "ziping/io/text/cell_numbers.h"
#include "ziping/io/text/keys.h"
#include "ziping/value/value.h"

namespace ziping::io::text {
namespace {

using namespace std::string_view_literals;

constexpr int kUnplaced = -12;   // a non-empty cell left out
constexpr int kNameMissing = -6; // a row without a 三级指标
constexpr int kAtPosition = 4;   // a cell where the header puts its column
constexpr int kAtEndPosition = 3;
constexpr int kAtAnchoredPosition = 7;
constexpr int kJoin = -3; // two sequence cells read as one
constexpr int kImpossible = -1000000;

bool starts_with_comparator(std::string_view folded) {
  for (auto sign : {"≥"sv, "≤"sv, ">"sv, "<"sv, "="sv, "不低于"sv, "不少于"sv, "不超过"sv,
                    "不高于"sv, "不大于"sv, "不小于"sv, "达到"sv, "控制在"sv, "大于"sv, "小于"sv,
                    "低于"sv, "高于"sv, "超过"sv}) {
    if (folded.starts_with(sign)) return true;
  }
  for (auto tail : {"以上"sv, "以下"sv, "以内"sv}) {
    if (folded.ends_with(tail)) {
      for (char c : folded) {
        if (c >= '0' && c <= '9') return true;
      }
    }
  }
  return false;
}

bool is_comparator_sign(std::string_view folded) {
  for (auto sign : {"≥"sv, "≤"sv, ">"sv, "<"sv, "="sv, ">="sv, "<="sv, "≧"sv, "≦"sv, "═"sv, "﹦"sv})
    if (folded == sign) return true;
  return false;
}

bool is_text_column(Column type) {
  return type == Column::Name || type == Column::Target || type == Column::Adjusted ||
         type == Column::Actual || type == Column::Reason || type == Column::Standard ||
         type == Column::Explanation || type == Column::Other;
}

int compat(Column type, const CellShape& s) {
  bool numeric = s.number || s.percent;
  switch (type) {
  case Column::Name:
    if (numeric) return -9;
    if (s.placeholder) return -8;
    if (s.label || s.comparator) return -5;
    return 3;
  case Column::Target:
  case Column::Adjusted: {
    int bonus = type == Column::Adjusted ? -1 : 0;
    if (s.label) return -6;
    if (s.comparator) return 5 + bonus;
    if (s.percent) return 4 + bonus;
    if (s.number) return 3 + bonus;
    if (s.placeholder) return 0;
    if (s.long_text) return 0 + bonus;
    return 2 + bonus;
  }
  case Column::Actual:
    if (s.label) return -6;
    if (numeric) return 4;
    if (s.comparator) return 2;
    if (s.placeholder) return 0;
    if (s.long_text) return 1;
    return 2;
  case Column::Weight:
  case Column::Score:
    if (s.small) return 8;
    if (s.number) return 1;
    if (s.placeholder) return 1;
    if (s.percent) return -2;
    if (!s.cjk && s.length <= 6) return -3;
    if (s.leading_number && s.length <= 16) return -1; // a score with a remark: read, then refused
    return -30;
  case Column::Coefficient:
    if (numeric) return 5;
    if (s.placeholder) return 1;
    return -20;
  case Column::Reason:
    if (numeric) return -4;
    if (s.label) return -6;
    if (s.comparator) return -2;
    if (s.placeholder) return 1;
    if (s.long_text) return 3;
    return 2;
  case Column::Standard:
  case Column::Explanation:
    if (numeric) return -4;
    return 1;
  case Column::Nature:
    if (s.nature || s.sign) return 8;
    if (s.placeholder) return 0;
    return -20;
  case Column::Unit:
    if (s.unit) return 6;
    if (s.placeholder) return 0;
    return -20;
  case Column::Core:
    if (s.yes_no) return 6;
    if (s.placeholder) return 0;
    return -20;
  case Column::Other:
  case Column::Rate:
    return 0;
  case Column::Review:
    return numeric || s.placeholder ? 2 : -5;
  case Column::Goal:
  case Column::Level1:
  case Column::Level2:
    return s.label ? 6 : -20;
  case Column::None:
    break;
  }
  return -20;
}

} // namespace

int column_fit(Column type, const CellShape& shape) {
  return compat(type, shape);
}

CellShape shape_of(std::string_view text) {
  CellShape s;
  if (text.empty()) return s;
  s.empty = false;
  s.length = code_point_count(text);
  for (unsigned char c : text) {
    if (c >= 0x80) s.cjk = true;
  }
  s.long_text = s.length > 30;
  if (s.length > 64) return s; // a sentence: nothing below applies
  std::string folded = value::fold(text);
  std::string compact;
  for (char c : folded) {
    if (c != ' ') compact.push_back(c);
  }
  auto number = score_number(compact);
  s.number = number.has_value();
  s.small = number && !number->is_negative() && *number <= num::Decimal::from_int(100);
  s.percent = is_percent(compact);
  s.leading_number = !compact.empty() && compact[0] >= '0' && compact[0] <= '9';
  s.comparator = starts_with_comparator(compact);
  s.sign = is_comparator_sign(compact);
  s.placeholder = is_placeholder(compact);
  auto label = classify_label(text);
  s.label = label.kind == LabelKind::Goal || label.kind == LabelKind::Level1 ||
            label.kind == LabelKind::Level2 || label.kind == LabelKind::Level1or2;
  std::string k = key(text);
  s.nature = k == "定量" || k == "定性" || k == "定量指标" || k == "定性指标";
  s.yes_no = k == "是" || k == "否";
  if (!s.number && !s.percent && s.length <= 6) {
    bool digit = false;
    for (char c : compact) digit = digit || (c >= '0' && c <= '9');
    s.unit = !digit && (compact == "%" || value::lookup_unit(compact).has_value());
  }
  return s;
}

Alignment align_cells(const std::vector<AlignInput>& cells, const std::vector<AlignColumn>& columns,
                      bool positional, bool anchored) {
  GrowingAlignment growing(columns, positional, anchored);
  for (const AlignInput& cell : cells) growing.push(cell);
  return growing.alignment();
}

GrowingAlignment::GrowingAlignment(std::vector<AlignColumn> columns, bool positional, bool anchored)
    : columns_(std::move(columns)), positional_(positional), anchored_(anchored) {
  table_.assign((columns_.size() + 1) * 2, Step{kImpossible});
  at(0, 0, 0).score = 0;
  steps_from(0, false);
}

void GrowingAlignment::relax(std::size_t i, std::size_t j, int open, int score, int from_j,
                             int from_open, int action) {
  Step& step = at(i, j, open);
  if (score > step.score) step = {score, from_j, from_open, action};
}

void GrowingAlignment::push(const AlignInput& cell) {
  cells_.push_back(cell);
  std::size_t n = cells_.size();
  table_.resize((n + 1) * (columns_.size() + 1) * 2, Step{kImpossible});
  // Row n - 1 was the last: its empty columns are taken already (offered again, they change
  // nothing: a step is replaced only by a strictly better one); now its cell's steps.
  steps_from(n - 1, true);
  steps_from(n, false);
}

void GrowingAlignment::steps_from(std::size_t i, bool with_cell) {
  const std::size_t m = columns_.size();
  for (std::size_t j = 0; j <= m; ++j) {
    for (int open = 0; open < 2; ++open) {
      const Step current = at(i, j, open);
      if (current.score == kImpossible) continue;
      // Leave column j empty.
      if (j < m) {
        int cost = columns_[j].type == Column::Name ? kNameMissing : 0;
        relax(i, j + 1, 0, current.score + cost, int(j), open, 3);
      }
      if (!with_cell) continue;
      const AlignInput& cell = cells_[i];
      // Skip cell i.
      relax(i + 1, j, 0, current.score + (cell.shape.empty ? 0 : kUnplaced), int(j), open, 0);
      if (cell.shape.empty) {
        // An empty cell may hold its own column's place (keeps aligned rows aligned).
        if (positional_ && j < m && cell.index == columns_[j].index)
          relax(i + 1, j + 1, 1, current.score + 1, int(j), open, 1);
        continue;
      }
      // Place cell i in column j.
      if (j < m) {
        int score = compat(columns_[j].type, cell.shape);
        if (positional_) {
          // Anchored: the row's name stands at (or was shifted to) its header column, so
          // the other cells' positions are evidence worth more than their looks.
          if (cell.index == columns_[j].index)
            score += anchored_ ? kAtAnchoredPosition : kAtPosition;
          else if (cell.from_end >= 0 && cell.from_end == columns_[j].from_end)
            score += kAtEndPosition;
        }
        relax(i + 1, j + 1, 1, current.score + score, int(j), open, 1);
      }
      // Join cell i onto cell i-1 in column j-1 (sequence rows).
      if (!positional_ && open == 1 && j > 0 && is_text_column(columns_[j - 1].type)) {
        int score = kJoin;
        if (cell.shape.unit) score = 1;
        relax(i + 1, j, 1, current.score + score, int(j), open, 2);
      }
    }
  }
}

Alignment GrowingAlignment::alignment() const {
  const std::size_t n = cells_.size(), m = columns_.size();
  // Best end state.
  int best_open = 0;
  for (int open = 0; open < 2; ++open) {
    if (at(n, m, open).score > at(n, m, best_open).score) best_open = open;
  }
  Alignment result;
  result.column_of.assign(n, -1);
  result.joined.assign(n, false);
  result.score = at(n, m, best_open).score;
  std::size_t i = n, j = m;
  int open = best_open;
  while (i > 0 || j > 0) {
    const Step& step = at(i, j, open);
    if (step.from_j < 0) break;
    switch (step.action) {
    case 0:
      --i;
      break;
    case 1:
      --i;
      if (!cells_[i].shape.empty) result.column_of[i] = int(j) - 1;
      break;
    case 2:
      --i;
      result.column_of[i] = int(j) - 1;
      result.joined[i] = true;
      break;
    case 3:
      break;
    }
    j = std::size_t(step.from_j);
    open = step.from_open;
  }
  return result;
}

} // namespace ziping::io::text
