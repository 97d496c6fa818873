// cli/form_session.h — what every form-reading subcommand starts with: the file read, the rule
// set loaded, and the core's one pipeline (check::run) over them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"
#include "input.h"
#include "ziping/check/run.h"

namespace ziping::cli {

struct FormSession {
  // Behind a pointer so that `run.rules` stays valid when the session is moved.
  std::unique_ptr<const rules::RuleSet> rules;
  std::optional<check::Run> run; // a form was read and the rule set loaded
  // The rule file's diagnostics and the form's (reading, scoring, checking), located, in
  // source order: what the commands print.
  std::vector<diag::Diagnostic> diagnostics;

  bool usable() const { return run.has_value(); }
  int exit_code() const;
};

FormSession open_session(const FormOptions& options);

// Prints the diagnostics (text or JSON) when the form could not be scored; returns the exit code.
int report_unusable(const FormSession& session, const FormOptions& options);

} // namespace ziping::cli
