// io/text/recover_centred.cc — text copied out of a PDF in reading order prints a merged cell's
// label on the middle row of the rows it spans, not on the first. When an indicator table's first
// data row prints no 一级 label while later rows do, its labels are taken as centred: each
// kind's labels partition the rows (绩效目标 first, then 一级 inside each goal, 二级 inside each
// 一级) into spans whose middle row holds the label (a line of labels alone standing between two
// rows is the middle of an even span), and each label moves to its span's first row, where the
// recovery expects it.
#include <algorithm>
#include <limits>

#include "ziping/io/text/keys.h"
#include "ziping/io/text/recovery.h"

namespace ziping::io::text::recovery {
namespace {

enum Kind { kGoal = 0, kLevel1 = 1, kLevel2 = 2 };

struct Found {
  double at = 0;        // position in data rows (x.5: on a line of its own before row x+1)
  std::size_t line = 0; // the row it is printed on (an index into the table's rows)
  std::size_t cell = 0; // cell index in that row
  Kind kind = kGoal;
  std::string stem; // 一级/二级 vocabulary stem
};

bool ends_table(const Row& row) {
  auto filled = row.filled();
  if (filled.empty()) return false;
  switch (match_field(filled[0]->text).field) {
  case Field::Total:
  case Field::Conclusion:
  case Field::Grade:
  case Field::Problems:
  case Field::Improvements:
    return true;
  default:
    return false;
  }
}

// Spans [a_j, b_j] over rows [from, to] for labels at rows p_j (sorted), each centred on its
// label; returns the start row of each label's span.
template <typename Extra>
std::vector<std::size_t> partition(const std::vector<double>& at, std::size_t from, std::size_t to,
                                   Extra extra) {
  const std::size_t k = at.size(), n = to - from + 1;
  const double inf = std::numeric_limits<double>::max() / 4;
  std::vector<std::vector<double>> cost(k, std::vector<double>(n, inf));
  std::vector<std::vector<std::size_t>> start(k, std::vector<std::size_t>(n, 0));
  auto span = [&](std::size_t j, std::size_t a, std::size_t b) {
    double p = at[j] - double(from);
    if (p < double(a) - 0.5 || p > double(b)) return inf;
    double d = (double(a) + double(b)) / 2 - p;
    return (d < 0 ? -d : d) + extra(j, from + a, from + b);
  };
  for (std::size_t b = 0; b < n; ++b) cost[0][b] = span(0, 0, b);
  for (std::size_t j = 1; j < k; ++j) {
    for (std::size_t b = j; b < n; ++b) {
      for (std::size_t a = j; a <= b; ++a) {
        if (cost[j - 1][a - 1] >= inf) continue;
        double value = cost[j - 1][a - 1] + span(j, a, b);
        if (value < cost[j][b]) {
          cost[j][b] = value;
          start[j][b] = a;
        }
      }
    }
  }
  std::vector<std::size_t> starts(k, from);
  if (k == 0 || cost[k - 1][n - 1] >= inf) return {};
  std::size_t end = n - 1;
  for (std::size_t j = k; j-- > 0;) {
    std::size_t a = j == 0 ? 0 : start[j][end];
    starts[j] = from + a;
    if (a == 0) break;
    end = a - 1;
  }
  return starts;
}

// The labels printed on line `l` (before its first cell that is not a label); `other` tells
// whether the line holds something besides labels.
std::vector<Found> line_labels(const Row& row, std::size_t l, bool& other) {
  std::vector<Found> here;
  other = false;
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    if (row.cells[i].empty()) continue;
    if (other) continue;
    Label label = classify_label(row.cells[i].text);
    if (label.kind == LabelKind::None) {
      other = true;
      continue;
    }
    if (label.kind == LabelKind::Section) continue;
    // 成本指标 is a 二级 (under 产出) unless a 二级 follows it on its line.
    Kind kind = label.kind == LabelKind::Goal     ? kGoal
                : label.kind == LabelKind::Level1 ? kLevel1
                                                  : kLevel2;
    if (label.kind == LabelKind::Level2 && !here.empty() && here.back().kind == kLevel2 &&
        here.back().stem == "成本")
      here.back().kind = kLevel1;
    here.push_back({0, l, i, kind, label.stem});
  }
  return here;
}

struct TableLabels {
  std::vector<std::size_t> data; // line index of each data row
  std::vector<Found> found;
};

// Data rows are the lines with something besides labels; a line of labels only stands between
// the data rows around it.
TableLabels table_labels(const std::vector<Row*>& lines) {
  TableLabels t;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    bool other = false;
    std::vector<Found> here = line_labels(*lines[l], l, other);
    double at = other ? double(t.data.size()) : double(t.data.size()) - 0.5;
    if (other) t.data.push_back(l);
    for (auto& f : here) {
      f.at = at;
      t.found.push_back(f);
    }
  }
  return t;
}

// 一级 labels span several rows: printed first, the first data row has one; printed centred, it
// has none while rows further down do. (二级 spans are often one row long either way.)
bool printed_centred(const std::vector<Found>& found) {
  bool first_has_level1 = false, later_level1 = false;
  for (const auto& f : found) {
    if (f.kind == kLevel1 && f.at <= 0) first_has_level1 = true;
    if (f.kind == kLevel1 && f.at > 0) later_level1 = true;
  }
  return !first_has_level1 && later_level1;
}

using Span = std::pair<std::size_t, std::size_t>; // first and last data row
using Move = std::pair<Found, std::size_t>;       // label, data row it moves to

// The spans of `kind`'s labels inside [from, to], each label's move to its span's first row.
void span_labels(const std::vector<Found>& found, Kind kind, Span outer, std::vector<Span>& inner,
                 std::vector<Move>& moves) {
  auto [from, to] = outer;
  std::vector<Found> here;
  for (const auto& f : found) {
    if (f.kind == kind && f.at >= double(from) - 0.5 && f.at <= double(to)) here.push_back(f);
  }
  if (here.empty()) {
    inner.push_back({from, to});
    return;
  }
  std::vector<double> at;
  for (const auto& f : here) at.push_back(f.at);
  // A 一级 span cannot hold a 二级 that belongs under another 一级 (数量指标 under 产出): where a
  // centred label falls on a boundary, the 二级 labels decide.
  auto extra = [&](std::size_t j, std::size_t a, std::size_t b) {
    if (kind != kLevel1) return 0.0;
    double penalty = 0;
    for (const auto& f : found) {
      if (f.kind != kLevel2 || f.at < double(a) - 0.5 || f.at > double(b)) continue;
      auto parent = natural_level1(f.stem);
      if (!parent.empty() && level1_rank(here[j].stem) >= 0 && parent != here[j].stem)
        penalty += 100;
    }
    return penalty;
  };
  auto starts = partition(at, from, to, extra);
  if (starts.size() != here.size()) {
    inner.push_back({from, to});
    return;
  }
  for (std::size_t j = 0; j < here.size(); ++j) {
    std::size_t end = j + 1 < here.size() ? starts[j + 1] - 1 : to;
    inner.push_back({starts[j], end});
    moves.push_back({here[j], starts[j]});
  }
}

// Each kind's labels partition the spans of the kind above (goal, then 一级, then 二级).
std::vector<Move> label_moves(const std::vector<Found>& found, std::size_t n) {
  std::vector<Span> outer = {{0, n - 1}};
  std::vector<Move> moves;
  for (Kind kind : {kGoal, kLevel1, kLevel2}) {
    std::vector<Span> inner;
    for (Span span : outer) span_labels(found, kind, span, inner, moves);
    outer = std::move(inner);
  }
  return moves;
}

// Move: take each label out of its line and put it in front of its first row's cells, goal,
// 一级, 二级 in that order (the row is then read by vocabulary).
void move_labels(std::vector<Row*>& lines, const std::vector<std::size_t>& data,
                 std::vector<Move>& moves) {
  std::sort(moves.begin(), moves.end(),
            [](const auto& x, const auto& y) { return x.first.kind > y.first.kind; });
  // All labels leave their lines first (cell indices stay valid), then go to their rows.
  std::vector<std::pair<Cell, std::size_t>> placed;
  for (auto& [label, target] : moves) {
    if (label.line == data[target]) continue;
    placed.push_back({lines[label.line]->cells[label.cell], target});
    lines[label.line]->cells[label.cell].text.clear();
  }
  for (auto& [cell, target] : placed) {
    Row& row = *lines[data[target]];
    std::size_t at = 0;
    while (at < row.cells.size() && row.cells[at].empty()) ++at;
    row.cells.insert(row.cells.begin() + long(at), std::move(cell));
    row.labels_moved = true;
  }
}

void centre_table(Context& c, std::vector<Row*>& lines) {
  TableLabels t = table_labels(lines);
  const std::size_t n = t.data.size();
  if (n < 3) return;
  if (!printed_centred(t.found)) return;
  c.report(DiagId::note_import_labels_centred, c.where(*lines[t.data[0]]));
  std::vector<Move> moves = label_moves(t.found, n);
  move_labels(lines, t.data, moves);
}

} // namespace

void centre_spanned_labels(Context& c, std::vector<Row>& rows) {
  std::vector<Row*> table;
  bool open = false;
  for (auto& row : rows) {
    if (read_indicator_header(row).present) {
      open = true; // a header repeated at a page break continues the same table
      continue;
    }
    if (!open) continue;
    if (ends_table(row)) {
      centre_table(c, table);
      table.clear();
      open = false;
      continue;
    }
    if (!row.filled().empty()) table.push_back(&row);
  }
  if (open) centre_table(c, table);
}

} // namespace ziping::io::text::recovery
