#include "form_session.h"

#include <cstdio>

#include "ziping/diag/render.h"
#include "ziping/model/source_map.h"

namespace ziping::cli {

int FormSession::exit_code() const {
  if (!usable()) return kExitUnusable;
  for (const auto& d : diagnostics) {
    if (d.severity == diag::Severity::Error) return kExitFormErrors;
  }
  return kExitOk;
}

FormSession open_session(const FormOptions& options) {
  FormSession session;
  session.loaded = load_form(options.file, options.from, parse_kind(options.kind));
  // Only what concerns the form is located in it; rule-file diagnostics carry their own place.
  std::vector<diag::Diagnostic> about_form = session.loaded.read.diagnostics;
  auto rules = load_rule_set(options.rules);
  session.rules = std::move(rules.rules);
  if (session.loaded.usable && session.rules) {
    rules::Mode mode = options.mode == "auto" ? rules::Mode::Auto : rules::Mode::Review;
    session.assessment = check::assess(*session.loaded.read.form, *session.rules, mode);
    about_form.insert(about_form.end(), session.assessment->diagnostics.begin(),
                      session.assessment->diagnostics.end());
  }
  auto& map = session.loaded.read.map;
  if (map.file().empty()) map.set_file(options.file);
  model::locate(about_form, map);
  session.diagnostics = std::move(rules.diagnostics);
  session.diagnostics.insert(session.diagnostics.end(), about_form.begin(), about_form.end());
  session.diagnostics = diag::in_source_order(std::move(session.diagnostics));
  return session;
}

int report_unusable(const FormSession& session, const FormOptions& options) {
  std::string out = options.format == "json"
                        ? diag::render_json(session.diagnostics)
                        : diag::render_text(session.diagnostics, {options.english, true}) +
                              diag::render_summary(session.diagnostics) + "\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitUnusable;
}

} // namespace ziping::cli
