#include "ziping/io/xlsx/table_book.h"

#include <xlsxwriter.h>

#include <stdexcept>

#include "ziping/io/xlsx/scratch_file.h"

namespace ziping::io::xlsx {

std::string write_table_book(std::span<const TableSheet> sheets) {
  ScratchFile file("ziping-tables", "write_table_book");
  lxw_workbook* book = workbook_new(file.path().c_str());
  if (!book) throw std::runtime_error("write_table_book: libxlsxwriter could not start");
  lxw_format* title = workbook_add_format(book);
  format_set_bold(title);
  format_set_font_size(title, 13);
  lxw_format* header = workbook_add_format(book);
  format_set_bold(header);
  format_set_bg_color(header, 0xF2F2F2);
  format_set_border(header, LXW_BORDER_THIN);
  for (const auto& s : sheets) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, s.name.c_str());
    worksheet_write_string(sheet, 0, 0, s.title.c_str(), title);
    for (std::size_t c = 0; c < s.header.size(); ++c) {
      worksheet_write_string(sheet, 1, lxw_col_t(c), s.header[c].c_str(), header);
      worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), c == 0 ? 24 : 16, nullptr);
    }
    for (std::size_t r = 0; r < s.rows.size(); ++r) {
      for (std::size_t c = 0; c < s.rows[r].size(); ++c) {
        const TableCell& cell = s.rows[r][c];
        auto row = lxw_row_t(r + 2);
        if (cell.text.empty()) continue;
        // A number cell keeps its digits: the value Excel stores is read from the same text.
        if (cell.number)
          worksheet_write_number(sheet, row, lxw_col_t(c), std::strtod(cell.text.c_str(), nullptr),
                                 nullptr);
        else
          worksheet_write_string(sheet, row, lxw_col_t(c), cell.text.c_str(), nullptr);
      }
    }
    worksheet_freeze_panes(sheet, 2, 0);
  }
  if (workbook_close(book) != LXW_NO_ERROR)
    throw std::runtime_error("write_table_book: libxlsxwriter failed to write the workbook");
  return file.bytes();
}

} // namespace ziping::io::xlsx
