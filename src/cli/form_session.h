// cli/form_session.h — the path every form-reading subcommand shares: read the file, load the
// rule set, score and check, and attach source locations to every diagnostic.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "commands.h"
#include "input.h"
#include "ziping/check/check.h"

namespace ziping::cli {

struct FormSession {
  LoadedForm loaded;
  std::optional<rules::RuleSet> rules;
  std::optional<check::Assessment> assessment;
  std::vector<diag::Diagnostic> diagnostics; // reading, rules, scoring and checking, located

  bool usable() const { return assessment.has_value(); }
  int exit_code() const;
};

FormSession open_session(const FormOptions& options);

// Prints the diagnostics (text or JSON) when the form could not be scored; returns the exit code.
int report_unusable(const FormSession& session, const FormOptions& options);

} // namespace ziping::cli
