// io/xlsx/table_book.h — plain tables as an XLSX workbook, one sheet each: a bold title row, a
// header row, then the rows, numbers written as numbers (from their exact text, so Excel shows
// the digits the program computed). Used by `ziping report` for the analyses (issue 13).
#pragma once

#include <span>
#include <string>
#include <vector>

namespace ziping::io::xlsx {

struct TableCell {
  std::string text;
  bool number = false; // a decimal or integer in plain notation
};

struct TableSheet {
  std::string name;  // the sheet's tab (≤ 31 characters, no []:*?/\)
  std::string title; // the first row
  std::vector<std::string> header;
  std::vector<std::vector<TableCell>> rows;
};

// Throws std::runtime_error when libxlsxwriter fails (no temporary file, a full disk).
std::string write_table_book(std::span<const TableSheet> sheets);

} // namespace ziping::io::xlsx
