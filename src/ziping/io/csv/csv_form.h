// io/csv/csv_form.h — a self-evaluation form as one CSV table: one row per indicator (三级
// 指标) carrying its goal's columns and the form's columns, so that the rows of many forms can
// be put in one file and pivoted (docs/spreadsheets.md lists the columns). A goal without
// indicators is a row whose indicator columns are empty.
//
// Written as UTF-8 with a byte order mark and CRLF line ends, which Excel and WPS open
// without asking; read from UTF-8 (with or without the mark) or GB18030/GBK, with columns
// found by their header (our names first, then the synonyms people use). Numbers are written
// with exactly their digits; a text starting with = + or @ is written ="…" so that Excel
// shows it instead of computing it. Never throws on content.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ziping/model/read_result.h"

namespace ziping::io::csv {

model::ReadResult read_csv(std::string_view bytes, const std::string& file_name,
                           std::optional<model::FormKind> kind = std::nullopt);

std::string write_csv(const model::Form& form);

} // namespace ziping::io::csv
