// `ziping convert IN OUT`: read any supported format, write any supported format (chosen by
// extension or --from/--to). Nothing is written unless the whole form was read; the output
// appears atomically.
#include <cstdio>

#include "commands.h"
#include "input.h"
#include "ziping/check/check.h"
#include "ziping/diag/render.h"
#include "ziping/model/source_map.h"

namespace ziping::cli {

int run_convert(const ConvertOptions& options) {
  LoadedForm loaded = load_form(options.input, options.from, parse_kind(options.kind));
  auto& diagnostics = loaded.read.diagnostics;
  const io::Format* target = !options.to.empty()     ? io::find_format(options.to)
                             : options.output == "-" ? io::find_format("json")
                                                     : io::format_for_path(options.output);
  if (!target || !target->write) {
    diagnostics.push_back(diag::make(
        diag::DiagId::err_unknown_format, "",
        {options.to.empty() ? options.output : options.to, io::writable_format_names()}));
  }
  if (loaded.read.map.file().empty()) loaded.read.map.set_file(options.input);
  model::locate(diagnostics, loaded.read.map);
  bool ok = loaded.usable && target && target->write;
  if (ok) {
    // Writers that print scores or diagnostics get them under the chosen rules; a rule set
    // that cannot be loaded is reported and the form is written without them.
    LoadedRules rules = load_rule_set(options.rules);
    diagnostics.insert(diagnostics.end(), rules.diagnostics.begin(), rules.diagnostics.end());
    std::optional<check::Assessment> assessment;
    io::WriteContext context;
    if (rules.rules) {
      rules::Mode mode = options.mode == "auto" ? rules::Mode::Auto : rules::Mode::Review;
      assessment = check::assess(*loaded.read.form, *rules.rules, mode);
      model::locate(assessment->diagnostics, loaded.read.map);
      context = {&assessment->evaluation, &*rules.rules, &assessment->diagnostics};
    }
    try {
      ok = write_atomically(options.output, target->write(*loaded.read.form, context),
                            diagnostics);
    } catch (const io::WriteError& error) {
      diagnostics.push_back(error.diagnostic); // nothing is written
      ok = false;
    }
  }
  if (!diagnostics.empty()) {
    std::string text = diag::render_text(diag::in_source_order(diagnostics)) +
                       diag::render_summary(diagnostics) + "\n";
    std::fwrite(text.data(), 1, text.size(), stderr);
  }
  return ok ? kExitOk : kExitUnusable;
}

} // namespace ziping::cli
