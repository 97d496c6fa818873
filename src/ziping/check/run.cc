#include "ziping/check/run.h"

#include <cassert>

#include "ziping/diag/render.h"
#include "ziping/model/source_map.h"

namespace ziping::check {

DiagnosticCounts count(const std::vector<diag::Diagnostic>& diagnostics) {
  DiagnosticCounts counts;
  for (const auto& d : diagnostics) {
    if (d.severity == diag::Severity::Error) ++counts.errors;
    if (d.severity == diag::Severity::Warning) ++counts.warnings;
    if (d.severity == diag::Severity::Note) ++counts.notes;
  }
  return counts;
}

Run run(model::ReadResult read, const rules::RuleSet& rules, rules::Mode mode) {
  assert(read.form);
  Run out;
  out.form = std::move(*read.form);
  out.map = std::move(read.map);
  out.rules = &rules;
  out.mode = mode;
  Assessment assessment = assess(out.form, rules, mode);
  out.evaluation = std::move(assessment.evaluation);
  out.diagnostics = std::move(read.diagnostics);
  out.diagnostics.insert(out.diagnostics.end(),
                         std::make_move_iterator(assessment.diagnostics.begin()),
                         std::make_move_iterator(assessment.diagnostics.end()));
  model::locate(out.diagnostics, out.map);
  out.diagnostics = diag::in_source_order(std::move(out.diagnostics));
  out.counts = count(out.diagnostics);
  return out;
}

Run run(model::Form form, const rules::RuleSet& rules, rules::Mode mode) {
  model::ReadResult read;
  read.form = std::move(form);
  return run(std::move(read), rules, mode);
}

} // namespace ziping::check
