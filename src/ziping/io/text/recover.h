// io/text/recover.h — the recovery stage: from rows of cells (any layout, or PDF word boxes)
// to a Form. It finds the parts of the form (title, header fields, budget, goals, indicator
// table, totals, conclusion), re-attaches row-spanned labels, aligns rows that lost or
// shifted columns by what their cells contain, joins wrapped cells, drops repeated headers
// and page numbers, and files every indicator under its goal.
//
// It never invents a value: a cell it cannot read stays empty and is reported, and every
// guess it makes (a label reassigned, a row moved, a cell dropped) is a diagnostic with the
// line or page it concerns. It never throws on content.
//
// Where things are (ARCHITECTURE.md, "io/text, the recovery engine: a map"): a reader makes a
// Grid (grid.h) — the text reader through lines → layout → split (layout.h, split_*.cc), the
// PDF reader from word boxes (io/pdf/pdf_table.h), the HTML reader from table cells — and
// hands it here. recover_form() (recover_stream.cc) reads it row by row (recover.cc walking
// recover_sections.cc and recover_indicators.cc over the state in recovery.h), reads the
// indicator table again as a stream where that left it incomplete (stream.h, stream_*.cc),
// and puts the form together (recover_assemble.cc).
#pragma once

#include <optional>
#include <string>

#include "ziping/io/text/grid.h"
#include "ziping/model/read_result.h"

namespace ziping::io::text {

struct RecoverOptions {
  std::string file_name;               // as diagnostics name it
  std::optional<model::FormKind> kind; // the user's --kind: used when the title says nothing
};

model::ReadResult recover_form(const Grid& grid, const RecoverOptions& options);

} // namespace ziping::io::text
