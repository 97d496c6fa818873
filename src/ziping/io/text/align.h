// io/text/align.h — fits a row's cells to the columns of its table header by what the cells
// contain, the way a person reads a shifted row: numbers go to 分值/得分, "≥95%" to a value
// column, long sentences to the reason, and each cell keeps the order it was printed in.
//
// A dynamic programme over (cell, column) with a score per pairing; a cell at its header
// position earns a bonus, so aligned rows stay exactly as printed and only rows that lost or
// shifted columns move. Linear in cells × columns.
#pragma once

#include <string>
#include <vector>

#include "ziping/io/text/grid.h"
#include "ziping/io/text/vocabulary.h"

namespace ziping::io::text {

// What a cell looks like, computed once.
struct CellShape {
  bool empty = true;
  bool number = false;         // "2", "0.75", "2分"
  bool small = false;          // a number from 0 to 100: a possible 分值 or 得分
  bool percent = false;        // "95%", "100.00%"
  bool leading_number = false; // starts with a digit: "1.5（扣0.5）", "2分"
  bool comparator = false;     // "≥5次", "不低于95%", "90%以上"
  bool sign = false;           // a comparator alone, "≥" / "=" (指标性质 printed as a sign)
  bool placeholder = false;    // "—", "/", "无"
  bool label = false;          // a 一级/二级/绩效目标 label
  bool nature = false;         // 定量 / 定性
  bool yes_no = false;         // 是 / 否
  bool unit = false;           // a bare unit: "次", "万元", "%"
  bool long_text = false;      // more than 30 characters
  bool cjk = false;            // has a character outside ASCII
  std::size_t length = 0;      // code points
};
CellShape shape_of(std::string_view text);
// What placing a cell of this shape in a column of this type is worth (the programme's score).
int column_fit(Column type, const CellShape& shape);

struct AlignColumn {
  Column type = Column::None;
  int index = -1;    // position in the header row
  int from_end = -1; // position counted from the header's last non-empty cell
};

struct AlignInput {
  const Cell* cell = nullptr;
  CellShape shape;
  int index = -1;    // position in the row (positional rows)
  int from_end = -1; // position counted from the row's last non-empty cell
};

struct Alignment {
  // For each input cell: the column index (into the columns vector) it went to, or -1 when it
  // was skipped (empty cells) or could not be placed (non-empty: reported by the caller).
  std::vector<int> column_of;
  // Cells joined onto the cell before them (same column), sequence rows only.
  std::vector<bool> joined;
  int score = 0;
};

// `positional`: the cells stand at table positions (bonus for matching the header);
// otherwise they are a sequence and a cell may join the one before it in a text column.
Alignment align_cells(const std::vector<AlignInput>& cells, const std::vector<AlignColumn>& columns,
                      bool positional, bool anchored = false);

// The same programme over a growing sequence of cells: the alignment of the cells pushed so far
// can be asked for after every push. The programme's rows for the first n cells do not depend
// on the cells after them, so each push adds one row instead of aligning the whole sequence
// again (segment.cc aligns every candidate row [k, i) of a cell stream). align_cells is this,
// with every cell pushed.
class GrowingAlignment {
public:
  GrowingAlignment(std::vector<AlignColumn> columns, bool positional, bool anchored = false);
  void push(const AlignInput& cell);
  std::size_t size() const { return cells_.size(); }
  Alignment alignment() const;

private:
  struct Step {
    int score;
    int from_j = -1;
    int from_open = 0;
    int action = 0; // 0 skip cell, 1 place in column j-1, 2 join, 3 skip column
  };
  Step& at(std::size_t i, std::size_t j, int open) {
    return table_[(i * (columns_.size() + 1) + j) * 2 + std::size_t(open)];
  }
  const Step& at(std::size_t i, std::size_t j, int open) const {
    return table_[(i * (columns_.size() + 1) + j) * 2 + std::size_t(open)];
  }
  void relax(std::size_t i, std::size_t j, int open, int score, int from_j, int from_open,
             int action);
  // The steps out of row i: columns left empty, and (when cell i is there) cell i's.
  void steps_from(std::size_t i, bool with_cell);

  std::vector<AlignColumn> columns_;
  bool positional_, anchored_;
  std::vector<AlignInput> cells_;
  std::vector<Step> table_; // best[i][j][open]: i cells read, j columns passed; open = cell i-1
                            // went to column j-1
};

} // namespace ziping::io::text
