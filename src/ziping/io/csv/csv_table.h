// io/csv/csv_table.h — CSV as a table of fields with their line:column (RFC 4180: quoted
// fields, doubled quotes, CRLF, LF or CR line ends, line breaks inside quotes), after the
// bytes are made UTF-8: a byte order mark is dropped, and a file that is not UTF-8 but is
// valid GB18030 (what Chinese Excel and WPS save as "CSV") is converted with iconv.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ziping/diag/diagnostic.h"

namespace ziping::io::csv {

inline constexpr std::size_t kMaxCsvBytes = 16u << 20;
inline constexpr std::size_t kMaxCsvFields = 2000000;

struct Field {
  std::string text;
  int line = 0;   // 1-based, where the field starts
  int column = 0; // 1-based, in code points
};

using Row = std::vector<Field>;

struct Table {
  std::vector<Row> rows;
  char delimiter = ',';
};

struct TableRead {
  std::optional<Table> table; // empty when the bytes cannot be a CSV file
  std::vector<diag::Diagnostic> diagnostics;
};

// Never throws. Diagnostics carry file:line:column.
TableRead read_table(std::string_view bytes, const std::string& file_name);

// GB18030 → UTF-8 with iconv; nullopt when the bytes are not valid GB18030.
std::optional<std::string> gb18030_to_utf8(std::string_view bytes);

} // namespace ziping::io::csv
