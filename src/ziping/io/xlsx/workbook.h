// io/xlsx/workbook.h — the cells of an XLSX workbook as the reader needs them: per sheet,
// each cell's type, its text or its number exactly as stored (never through a double), its
// number format, whether it holds a formula, and the merged ranges. Reading the parts
// (libzip + pugixml) happens in workbook_reader.cc; nothing here knows about forms.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ziping/diag/diagnostic.h"

namespace ziping::io::xlsx {

// What a number format says about how a number is shown.
struct NumberStyle {
  int decimals = -1; // fixed decimals ("0.00" → 2); -1 for General and the like
  bool percent = false;
  bool date = false;
  bool text = false; // "@"
};

NumberStyle analyse_number_format(std::string_view code);
// The format code of a built-in numFmtId ("0.00" for 2), "" when unknown.
std::string_view builtin_number_format(int id);

struct Cell {
  enum class Type { Blank, Text, Number, Boolean, Error };
  Type type = Type::Blank;
  std::string value; // text; a number as written in the XML ("8.7300000000000004", "1E-3")
  bool formula = false;
  NumberStyle style;
};

struct CellRef {
  int row = 0; // 0-based
  int column = 0;
  friend auto operator<=>(const CellRef&, const CellRef&) = default;
};

struct Range {
  CellRef first;
  CellRef last;
  bool contains(CellRef at) const {
    return at.row >= first.row && at.row <= last.row && at.column >= first.column &&
           at.column <= last.column;
  }
};

// "C7" for row 6, column 2; "AB12" → row 11, column 27.
std::string cell_name(CellRef at);
std::string range_name(const Range& range);
std::optional<CellRef> parse_cell_name(std::string_view name);
std::optional<Range> parse_range_name(std::string_view name);

struct Sheet {
  std::string name;
  std::map<CellRef, Cell> cells; // only cells with a value
  std::vector<Range> merges;     // as read, overlaps already dropped
  // Each covered cell → the index of its merge in `merges` (top-left cells included).
  std::map<CellRef, std::size_t> merged_at;
  int rows = 0; // one past the last row with a cell
  int columns = 0;

  const Cell* at(CellRef where) const;
  // The merge covering `where`, if any.
  const Range* merge_of(CellRef where) const;
};

struct Workbook {
  std::vector<Sheet> sheets;
};

struct WorkbookRead {
  std::optional<Workbook> workbook; // empty when the file is not a readable workbook
  std::vector<diag::Diagnostic> diagnostics;
};

// Reads the workbook in `bytes`. Never throws on content: a broken file gives diagnostics
// (located at the file, or at Sheet!Cell) and, when nothing is readable, no workbook.
WorkbookRead read_workbook(std::string_view bytes, const std::string& file_name);
// The same from parts already unpacked ("xl/workbook.xml" → its XML), with the same limits;
// for tests and the fuzzer, which thereby reach the XML without forging zip archives.
WorkbookRead read_workbook_parts(const std::map<std::string, std::string>& parts,
                                 const std::string& file_name);

} // namespace ziping::io::xlsx
