// io/text/recover.h — the recovery stage: from rows of cells (any layout, or PDF word boxes)
// to a Form. It finds the parts of the form (title, header fields, budget, goals, indicator
// table, totals, conclusion), re-attaches row-spanned labels, aligns rows that lost or
// shifted columns by what their cells contain, joins wrapped cells, drops repeated headers
// and page numbers, and files every indicator under its goal.
//
// It never invents a value: a cell it cannot read stays empty and is reported, and every
// guess it makes (a label reassigned, a row moved, a cell dropped) is a diagnostic with the
// line or page it concerns. It never throws on content.
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
