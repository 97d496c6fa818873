#include "ziping/io/text/segment.h"

#include <algorithm>
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
  // row_score(j, i): cells [j, i) as one row.
  auto row_score = [&](std::size_t j, std::size_t i) {
    int score = kRowCost;
    std::size_t k = j;
    while (k < i && is_label[k]) {
      score += kLabel;
      ++k;
    }
    if (k == i) return score; // a row of labels only (a heading)
    std::vector<AlignInput> inputs;
    for (std::size_t m = k; m < i; ++m) inputs.push_back({&cells[m], shapes[m], -1, -1});
    Alignment alignment = align_cells(inputs, columns, false);
    score += alignment.score;
    bool weight = false, score_cell = false;
    for (std::size_t m = 0; m < inputs.size(); ++m) {
      int column = alignment.column_of[m];
      if (column < 0) continue;
      weight = weight || columns[std::size_t(column)].type == Column::Weight;
      score_cell = score_cell || columns[std::size_t(column)].type == Column::Score;
    }
    if (!weight && !score_cell) score += kNoNumbers;
    return score;
  };
  std::vector<Scored> best(n + 1);
  best[0].score = 0;
  for (std::size_t i = 1; i <= n; ++i) {
    std::size_t lowest = i > kMaxRow ? i - kMaxRow : 0;
    for (std::size_t j = lowest; j < i; ++j) {
      int candidate = best[j].score + row_score(j, i);
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
