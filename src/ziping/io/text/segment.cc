#include "ziping/io/text/segment.h"

#include <algorithm>
#include <deque>
#include <limits>

#include "ziping/io/text/align.h"

namespace ziping::io::text {
namespace {

constexpr int kRowCost = -2;        // every row costs a little: prefer whole rows
constexpr int kNoNumbers = -10;     // a row without 分值 and 得分
constexpr int kLabel = 6;           // a label where a row begins
constexpr std::size_t kMaxRow = 24; // cells one row may take

struct Scored {
  int score = std::numeric_limits<int>::min() / 2;
  std::size_t from = 0;
};

} // namespace

std::vector<Row> segment_indicator_cells(const std::vector<Cell>& cells,
                                         const std::vector<Column>& header) {
  std::vector<AlignColumn> columns;
  for (Column type : header) {
    if (type == Column::None || type == Column::Goal || type == Column::Level1 ||
        type == Column::Level2)
      continue;
    columns.push_back({type, -1, -1});
  }
  if (columns.empty()) {
    for (Column type : {Column::Name, Column::Target, Column::Actual, Column::Weight, Column::Score,
                        Column::Reason})
      columns.push_back({type, -1, -1});
  }
  const std::size_t n = cells.size();
  std::vector<CellShape> shapes;
  std::vector<bool> is_label;
  shapes.reserve(n);
  for (const auto& cell : cells) {
    shapes.push_back(shape_of(cell.text));
    auto kind = classify_label(cell.text).kind;
    is_label.push_back(kind != LabelKind::None);
  }
  // A row [j, i): its leading labels [j, k), then cells [k, i) aligned to the columns. Every
  // start k still within kMaxRow of i keeps its alignment growing with i (GrowingAlignment), so
  // each candidate row costs one step of the programme rather than a whole alignment.
  std::vector<std::size_t> after_labels(n + 1, n); // first cell at or after j that is no label
  for (std::size_t j = n; j-- > 0;) after_labels[j] = is_label[j] ? after_labels[j + 1] : j;
  struct Start {
    std::size_t k;
    GrowingAlignment cells;
    int score = 0; // of [k, i) for the current i: alignment, and kNoNumbers without 分值/得分
  };
  std::deque<Start> starts; // by k, ascending
  std::vector<Scored> best(n + 1);
  best[0].score = 0;
  for (std::size_t i = 1; i <= n; ++i) {
    std::size_t lowest = i > kMaxRow ? i - kMaxRow : 0;
    while (!starts.empty() && starts.front().k < lowest) starts.pop_front();
    if (!is_label[i - 1]) starts.push_back({i - 1, GrowingAlignment(columns, false)});
    for (Start& start : starts) {
      start.cells.push({&cells[i - 1], shapes[i - 1], -1, -1});
      Alignment alignment = start.cells.alignment();
      bool weight = false, score_cell = false;
      for (int column : alignment.column_of) {
        if (column < 0) continue;
        weight = weight || columns[std::size_t(column)].type == Column::Weight;
        score_cell = score_cell || columns[std::size_t(column)].type == Column::Score;
      }
      start.score = alignment.score + (!weight && !score_cell ? kNoNumbers : 0);
    }
    for (std::size_t j = lowest; j < i; ++j) {
      std::size_t k = std::min(after_labels[j], i);
      int row = kRowCost + kLabel * int(k - j); // a row of labels only is a heading
      if (k < i) {
        auto start =
            std::find_if(starts.begin(), starts.end(), [&](const Start& s) { return s.k == k; });
        row += start->score;
      }
      int candidate = best[j].score + row;
      if (candidate > best[i].score) best[i] = {candidate, j};
    }
  }
  std::vector<Row> rows;
  for (std::size_t i = n; i > 0;) {
    std::size_t j = best[i].from;
    Row row;
    row.positional = false;
    row.line = cells[j].line;
    row.page = cells[j].page;
    row.cells.assign(cells.begin() + long(j), cells.begin() + long(i));
    rows.push_back(std::move(row));
    i = j;
  }
  std::reverse(rows.begin(), rows.end());
  return rows;
}

} // namespace ziping::io::text
