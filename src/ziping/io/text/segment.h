// io/text/segment.h — rows rebuilt from a stream of cells that lost its row boundaries (one
// cell per line): the indicator table's cells are cut into rows by a dynamic programme that
// scores each candidate row with the same cell-to-column fit the recovery uses (align.h), so a
// text after a score becomes the next row's 三级指标 when what follows it reads as a row, and
// that row's 偏差原因 when it does not.
#pragma once

#include <vector>

#include "ziping/io/text/grid.h"
#include "ziping/io/text/vocabulary.h"

namespace ziping::io::text {

// `columns`: the header's column types in order (as read from its header row).
std::vector<Row> segment_indicator_cells(const std::vector<Cell>& cells,
                                         const std::vector<Column>& columns);

} // namespace ziping::io::text
