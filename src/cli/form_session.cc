#include "form_session.h"

#include <cstdio>

#include "ziping/diag/render.h"
#include "ziping/model/source_map.h"

namespace ziping::cli {

int FormSession::exit_code() const {
  if (!usable()) return kExitUnusable;
  return check::count(diagnostics).errors > 0 ? kExitFormErrors : kExitOk;
}

FormSession open_session(const FormOptions& options) {
  FormSession session;
  LoadedForm loaded = load_form(options.file, options.from, parse_kind(options.kind));
  if (loaded.read.map.file().empty()) loaded.read.map.set_file(options.file);
  auto rules = load_rule_set(options.rules);
  if (rules.rules) session.rules = std::make_unique<const rules::RuleSet>(std::move(*rules.rules));
  // Rule-file diagnostics carry their own place; only the form's are located in the form.
  session.diagnostics = std::move(rules.diagnostics);
  if (loaded.usable && session.rules) {
    rules::Mode mode = rules::parse_mode(options.mode).value_or(rules::Mode::Review);
    session.run = check::run(std::move(loaded.read), *session.rules, mode);
    session.diagnostics.insert(session.diagnostics.end(), session.run->diagnostics.begin(),
                               session.run->diagnostics.end());
  } else {
    model::locate(loaded.read.diagnostics, loaded.read.map);
    session.diagnostics.insert(session.diagnostics.end(), loaded.read.diagnostics.begin(),
                               loaded.read.diagnostics.end());
  }
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
