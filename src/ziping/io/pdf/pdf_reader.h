// io/pdf/pdf_reader.h — reads a published self-evaluation form from a PDF: poppler-cpp gives the
// words with their boxes (never one flattened string), the table is rebuilt from their positions
// (pdf_table.h), and the rows go to the same recovery as text (io/text/recover.h).
//
// Takes bytes, never touches files, never throws on content; an unreadable or encrypted PDF is
// one diagnostic and no form. Locations are pages.
#pragma once

#include <cstddef>
#include <string_view>

#include "ziping/io/pdf/pdf_budget.h"
#include "ziping/io/text/recover.h"
#include "ziping/model/read_result.h"

namespace ziping::io::pdf {

// Published forms are a few hundred kilobytes; the limit bounds what a hostile file can cost.
inline constexpr std::size_t kMaxPdfBytes = 32 * 1024 * 1024;

// `max_characters`: the text of all pages together (pdf_budget.h); a parameter so that a test
// can pass it with a small file.
model::ReadResult read_pdf_form(std::string_view bytes, const text::RecoverOptions& options,
                                std::size_t max_characters = kMaxPdfCharacters);

} // namespace ziping::io::pdf
