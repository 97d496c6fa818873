// io/full_formats.h — the formats whose libraries a JSON check should not load: XLSX (libzip,
// which brings OpenSSL, libxlsxwriter, pugixml) and PDF (poppler; pango + cairo). Loading
// them cost a `ziping check` of the seed most of its 20 ms start (issue 13), so the `ziping`
// program does not link them: these five functions are defined by full_formats.cc in every
// program that links `ziping_io` (the server, ziping-full, tests, bench), and by the CLI front
// (src/cli/hand_over.cc) as a hand-over of the whole command to `ziping-full`
// (ARCHITECTURE.md, "Two programs"). The registry's rows name them; nothing else calls them.
#pragma once

#include "ziping/io/registry.h"

namespace ziping::io::full {

model::ReadResult read_xlsx(std::string_view bytes, const ReadOptions& options);
std::string write_xlsx(const model::Form& form, const WriteContext& context);
model::ReadResult read_pdf(std::string_view bytes, const ReadOptions& options);
// "pdf" is the publication copy (the declared form only, so that it imports back to the same
// form); "pdf-review" adds the computed scores and the diagnostics on pages of their own.
std::string write_pdf(const model::Form& form, const WriteContext& context);
std::string write_pdf_review(const model::Form& form, const WriteContext& context);

} // namespace ziping::io::full
