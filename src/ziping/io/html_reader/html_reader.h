// io/html_reader/html_reader.h — reads a web page that publishes a self-evaluation form (and
// the pages ziping's own HTML writer makes) into a Form.
//
// A small tokenizer of our own walks the markup: every <tr> of every table becomes a row of
// its <td>/<th> texts, in order, as a dump of the table would print them (row-spanned labels
// once, colspans once), and block-level text outside tables (the title, 单位名称 lines) becomes
// rows of one cell; the published-form recovery (io/text/recover.h) then reads the rows, so a
// page gets every guess and diagnostic a text dump gets, located at the line and column of its
// cell in the HTML. <script>, <style>, <head> and comments are skipped, entities decoded, and a
// page in GBK/GB18030 converted. The appendix sections of our own pages (computed scores,
// diagnostics) are not the form and are skipped.
//
// Takes bytes, never touches files, never throws on content.
#pragma once

#include <string_view>

#include "ziping/io/text/recover.h"
#include "ziping/model/read_result.h"

namespace ziping::io::html_reader {

model::ReadResult read_html(std::string_view bytes, const text::RecoverOptions& options);

} // namespace ziping::io::html_reader
