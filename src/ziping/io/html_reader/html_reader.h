// io/html_reader/html_reader.h — reads a web page that publishes a self-evaluation form (and
// the pages ziping's own HTML writer makes) into a Form.
//
// The page is parsed by libgumbo, a complete HTML5 parser, and its tree turned into rows of
// cells (page_rows.h): every data-table row a row of its cells at their table columns, text
// outside tables rows of one cell. The published-form recovery (io/text/recover.h) then reads
// the rows, so a page gets every guess and diagnostic a text dump gets, located at the line
// and column of its cell in the HTML. A page that is not UTF-8 is converted from GB18030 when
// it declares a Chinese set or nothing (page_charset.h).
//
// Takes bytes, never touches files, never throws on content.
#pragma once

#include <string_view>

#include "ziping/io/text/recover.h"
#include "ziping/model/read_result.h"

namespace ziping::io::html_reader {

model::ReadResult read_html(std::string_view bytes, const text::RecoverOptions& options);

} // namespace ziping::io::html_reader
