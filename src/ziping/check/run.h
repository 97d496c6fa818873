// check/run.h — the one pipeline every caller shares (CLI commands, the server, the writers'
// callers): a form as a reader gave it → scored under a rule set → checked → every diagnostic
// located through the reader's SourceMap and put in source order, with the counts by severity.
//
// Nothing else puts these steps together: a caller that needs a scored form asks for a Run.
#pragma once

#include <vector>

#include "ziping/check/check.h"
#include "ziping/diag/diagnostic.h"
#include "ziping/model/read_result.h"

namespace ziping::check {

struct DiagnosticCounts {
  int errors = 0;
  int warnings = 0;
  int notes = 0;
};
DiagnosticCounts count(const std::vector<diag::Diagnostic>& diagnostics);

struct Run {
  model::Form form;
  model::SourceMap map;
  const rules::RuleSet* rules = nullptr;
  rules::Mode mode = rules::Mode::Review;
  rules::Evaluation evaluation;
  // What reading said, then scoring and checking: located, in source order.
  std::vector<diag::Diagnostic> diagnostics;
  DiagnosticCounts counts;
};

// `read.form` must hold a form (a reader that gave none has nothing to score). A map without
// a file name is given `file_name` when that is not empty.
Run run(model::ReadResult read, const rules::RuleSet& rules, rules::Mode mode);
// A form that came from no file (a stored revision): its diagnostics carry paths only.
Run run(model::Form form, const rules::RuleSet& rules, rules::Mode mode);

} // namespace ziping::check
