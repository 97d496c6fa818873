// model/read_result.h — what every reader returns: the form it could read (if any), where each
// node came from, and everything it has to say. Readers never throw on content; a form that is
// present may still carry error diagnostics (a cell that could not be read stays empty).
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
