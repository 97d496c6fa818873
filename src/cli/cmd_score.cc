// `ziping score FILE`: the scored form — per goal, per leaf with its derivation, totals, grade.
#include <cstdio>

#include "form_session.h"
#include "ziping/diag/render.h"
#include "ziping/report/score_report.h"

namespace ziping::cli {

int run_score(const FormOptions& options) {
  FormSession session = open_session(options);
  if (!session.usable()) return report_unusable(session, options);
  report::ScoredForm scored{session.run->form, session.run->evaluation, *session.rules,
                            session.diagnostics};
  std::string out;
  if (options.format == "json") {
    out = report::render_score_json(scored);
  } else {
    out = report::render_score_text(scored);
    if (!session.diagnostics.empty()) {
      out += "\n诊断 (diagnostics)\n" +
             diag::render_text(session.diagnostics, {options.english, true});
    }
    out += diag::render_summary(session.diagnostics) + "\n";
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return session.exit_code();
}

} // namespace ziping::cli
