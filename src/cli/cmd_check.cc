// `ziping check FILE`: compiler-style diagnostics; exit 0 clean, 1 errors, 2 unusable input.
#include <cstdio>

#include "form_session.h"
#include "ziping/diag/render.h"

namespace ziping::cli {

int run_check(const FormOptions& options) {
  FormSession session = open_session(options);
  if (!session.usable()) return report_unusable(session, options);
  std::string out;
  if (options.format == "json") {
    out = diag::render_json(session.diagnostics);
  } else {
    out = diag::render_text(session.diagnostics, {options.english, true});
    const auto& e = session.run->evaluation;
    out += "总分 " + e.total.to_string_min_places(session.rules->places) + "，等级 " + e.grade +
           "（规则集 " + session.rules->name + "，模式 " + options.mode + "）\n";
    out += diag::render_summary(session.diagnostics) + "\n";
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return session.exit_code();
}

} // namespace ziping::cli
