// io/text/text_reader.h — reads the text of a published self-evaluation form (text extracted
// from a PDF, a web page, a dump of an HTML table) into a Form: the layout is recognised and
// split into rows (layout.h), then the form is recovered from the rows (recover.h).
//
// Takes bytes, never touches files, never throws on content, never invents a value; every
// guess is a diagnostic with its line. Texts are kept exactly as printed (docs/import.md).
#pragma once

#include <cstddef>
#include <string_view>

#include "ziping/io/text/recover.h"
#include "ziping/model/read_result.h"

namespace ziping::io::text {

// Published forms are tens of kilobytes; the limit bounds time and memory on hostile input.
inline constexpr std::size_t kMaxTextBytes = 8 * 1024 * 1024;
// A published form is a few hundred lines; every row the layout splitter makes is a line, so
// this bounds the rows and cells the recovery walks (8 MiB of line breaks would be 8 M rows).
inline constexpr std::size_t kMaxTextLines = 100000;

model::ReadResult read_text_form(std::string_view bytes, const RecoverOptions& options);

} // namespace ziping::io::text
