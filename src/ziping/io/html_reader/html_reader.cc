#include "ziping/io/html_reader/html_reader.h"

#include <algorithm>
#include <string>
#include <vector>

#include "ziping/io/csv/csv_table.h"
#include "ziping/io/html_reader/page_charset.h"
#include "ziping/io/html_reader/page_depth.h"
#include "ziping/io/html_reader/page_rows.h"
#include "ziping/io/text/grid.h"
#include "ziping/io/text/keys.h"
#include "ziping/io/text/text_reader.h"
#include "ziping/text/utf8.h"

namespace ziping::io::html_reader {
namespace {

using diag::DiagId;

// Line and code-point column of a byte offset.
diag::SourceLocation location_of(std::string_view html, std::size_t offset,
                                 const std::string& file) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < html.size(); ++i) {
    if (html[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(html[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return diag::SourceLocation::text(file, line, column);
}

void note_at_start(std::vector<diag::Diagnostic>& out, diag::Diagnostic d,
                   const std::string& file) {
  d.where = diag::SourceLocation::text(file, 1, 1);
  out.push_back(std::move(d));
}

} // namespace

model::ReadResult read_html(std::string_view bytes, const text::RecoverOptions& options) {
  model::ReadResult result;
  auto fail = [&](DiagId id, std::vector<std::string> args) {
    result.diagnostics.push_back(diag::make(id, "", std::move(args)));
    result.diagnostics.back().where.file = options.file_name;
    return result;
  };
  if (bytes.size() > text::kMaxTextBytes)
    return fail(DiagId::err_input_too_large,
                {std::to_string(bytes.size()), std::to_string(text::kMaxTextBytes)});
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::string converted;
  bool from_gb18030 = false;
  if (auto bad = ziping::text::first_invalid_utf8(bytes)) {
    DeclaredCharset declared = declared_charset(bytes);
    bool may_be_gb = declared == DeclaredCharset::Chinese || declared == DeclaredCharset::None;
    auto gb = may_be_gb ? csv::gb18030_to_utf8(bytes) : std::nullopt;
    if (!gb) return fail(DiagId::err_input_not_utf8, {std::to_string(*bad + 1)});
    converted = std::move(*gb);
    from_gb18030 = true;
  }
  std::string_view html = from_gb18030 ? std::string_view(converted) : bytes;
  if (ziping::text::trim(html).empty()) return fail(DiagId::err_input_empty, {});
  std::size_t radicals = 0;
  std::string unified = text::unify_radicals(html, radicals);
  // Refused before parsing: the parser's time grows with depth × tags, its memory with the
  // cells (page_depth.h).
  PageScan scan = scan_page(unified);
  if (scan.too_deep_at || scan.too_many_cells_at) {
    bool deep = scan.too_deep_at.has_value();
    if (deep)
      fail(DiagId::err_html_too_deep, {std::to_string(kMaxOpenElements)});
    else
      fail(DiagId::err_html_too_many_cells,
           {std::to_string(kMaxCells), std::to_string(kMaxElements)});
    result.diagnostics.back().where =
        location_of(unified, deep ? *scan.too_deep_at : *scan.too_many_cells_at, options.file_name);
    return result;
  }
  text::Grid grid = page_rows(unified, options.file_name);
  std::vector<diag::Diagnostic> notes;
  if (from_gb18030)
    note_at_start(notes, diag::make(DiagId::note_csv_converted_gb18030, "", {}), options.file_name);
  grid.diagnostics.insert(grid.diagnostics.begin(), notes.begin(), notes.end());
  if (radicals > 0)
    note_at_start(grid.diagnostics,
                  diag::make(DiagId::note_import_radicals, "", {std::to_string(radicals)}),
                  options.file_name);
  bool fatal =
      std::any_of(grid.diagnostics.begin(), grid.diagnostics.end(),
                  [](const diag::Diagnostic& d) { return d.severity == diag::Severity::Error; });
  if (fatal) {
    result.diagnostics = std::move(grid.diagnostics);
    return result;
  }
  return text::recover_form(grid, options);
}

} // namespace ziping::io::html_reader
