#include "ziping/diag/cap.h"

#include <string>

namespace ziping::diag {

void cap_diagnostics(std::vector<diag::Diagnostic>& diagnostics, std::size_t limit) {
  if (diagnostics.size() <= limit) return;
  // A reader that stopped reporting on its own (the JSON, CSV and XLSX readers: `limit`
  // diagnostics, then ZP0116) has already said so; a second closing note would count ZP0116.
  if (diagnostics.size() == limit + 1 && diagnostics.back().id == DiagId::err_too_many_errors)
    return;
  std::vector<bool> keep(diagnostics.size(), false);
  std::size_t kept = 0;
  for (int pass = 0; pass < 2 && kept < limit; ++pass)
    for (std::size_t i = 0; i < diagnostics.size() && kept < limit; ++i) {
      bool error = diagnostics[i].severity == diag::Severity::Error;
      if (!keep[i] && (pass == 1 || error)) {
        keep[i] = true;
        ++kept;
      }
    }
  std::vector<diag::Diagnostic> out;
  out.reserve(limit + 1);
  diag::SourceLocation where;
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    if (keep[i])
      out.push_back(std::move(diagnostics[i]));
    else if (where.file.empty())
      where.file = diagnostics[i].where.file;
  }
  std::size_t more = diagnostics.size() - kept;
  out.push_back(diag::make(diag::DiagId::note_more_diagnostics, "",
                           {std::to_string(more), std::to_string(limit)}));
  out.back().where = where;
  diagnostics = std::move(out);
}

} // namespace ziping::diag
