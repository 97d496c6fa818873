// `ziping import FILE [-o OUT.json] [--kind dept|proj]`: reads a published form (the text of
// a PDF or web page, or a PDF) and writes the canonical form JSON. Every guess the importer
// made is a diagnostic on standard error, with its line or page; the JSON holds only what the
// form printed. Exit 0 when a form was written, 2 when none could be recovered.
#include <cstdio>

#include "commands.h"
#include "input.h"
#include "ziping/diag/render.h"
#include "ziping/io/registry.h"
#include "ziping/model/source_map.h"

namespace ziping::cli {

int run_import(const ImportOptions& options) {
  LoadedForm loaded = load_form(options.file, options.from, parse_kind(options.kind));
  auto& diagnostics = loaded.read.diagnostics;
  if (loaded.read.map.file().empty()) loaded.read.map.set_file(options.file);
  model::locate(diagnostics, loaded.read.map);
  bool ok = loaded.usable;
  if (ok) {
    const io::Format* json = io::find_format("json");
    ok = write_atomically(options.output, json->write(*loaded.read.form, io::WriteContext{}),
                          diagnostics);
  }
  if (!diagnostics.empty()) {
    std::string text = diag::render_text(diag::in_source_order(diagnostics), {options.english, true}) +
                       diag::render_summary(diagnostics) + "\n";
    std::fwrite(text.data(), 1, text.size(), stderr);
  }
  return ok ? kExitOk : kExitUnusable;
}

} // namespace ziping::cli
