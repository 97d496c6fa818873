// `ziping convert IN OUT`: read any supported format, write any supported format (chosen by
// extension or --from/--to). Nothing is written unless the whole form was read; the output
// appears atomically.
#include <cstdio>

#include "commands.h"
#include "input.h"
#include "ziping/check/run.h"
#include "ziping/diag/render.h"
#include "ziping/model/source_map.h"

namespace ziping::cli {

int run_convert(const ConvertOptions& options) {
  LoadedForm loaded = load_form(options.input, options.from, parse_kind(options.kind));
  if (loaded.read.map.file().empty()) loaded.read.map.set_file(options.input);
  // What reading said is printed; what scoring and checking say goes into the written file
  // (a diagnostics sheet, an appendix), as the server's exports do.
  std::vector<diag::Diagnostic> diagnostics = std::move(loaded.read.diagnostics);
  loaded.read.diagnostics.clear();
  model::locate(diagnostics, loaded.read.map);
  const io::Format* target = !options.to.empty()     ? io::find_format(options.to)
                             : options.output == "-" ? io::find_format("json")
                                                     : io::format_for_path(options.output);
  if (!target || !target->write) {
    diagnostics.push_back(diag::make(
        diag::DiagId::err_unknown_format, "",
        {options.to.empty() ? options.output : options.to, io::writable_format_names()}));
  }
  bool ok = loaded.usable && target && target->write;
  if (ok) {
    // A rule set that cannot be loaded is reported and the form is written without scores.
    LoadedRules rules = load_rule_set(options.rules);
    diagnostics.insert(diagnostics.end(), rules.diagnostics.begin(), rules.diagnostics.end());
    std::optional<check::Run> run;
    const model::Form* form = &*loaded.read.form;
    io::WriteContext context;
    if (rules.rules) {
      rules::Mode mode = rules::parse_mode(options.mode).value_or(rules::Mode::Review);
      run = check::run(std::move(loaded.read), *rules.rules, mode);
      form = &run->form;
      context = {&run->evaluation, &*rules.rules, &run->diagnostics};
    }
    try {
      ok = write_atomically(options.output, target->write(*form, context), diagnostics);
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
