// model/read_result.h — what every form reader (canonical JSON, spreadsheets, PDF text) hands
// back: the form it could read, where each node came from, and what was wrong.
//
// A reader never throws on content. `form` is empty only when the input is too broken to be
// a form at all (unreadable, a syntax error, the wrong kind of file); otherwise it holds
// everything that could be read, and `diagnostics` says what could not.
#pragma once

#include <optional>
#include <vector>

#include "ziping/diag/diagnostic.h"
#include "ziping/model/form.h"
#include "ziping/model/source_map.h"

namespace ziping::model {

struct ReadResult {
  std::optional<Form> form;
  SourceMap map;
  std::vector<diag::Diagnostic> diagnostics;
};

} // namespace ziping::model
