#include "ziping/io/text/text_reader.h"

#include "ziping/io/text/keys.h"
#include "ziping/io/text/layout.h"
#include "ziping/text/utf8.h"

namespace ziping::io::text {

model::ReadResult read_text_form(std::string_view bytes, const RecoverOptions& options) {
  model::ReadResult result;
  auto fail = [&](diag::DiagId id, std::vector<std::string> args) {
    result.diagnostics.push_back(diag::make(id, "", std::move(args)));
    result.diagnostics.back().where.file = options.file_name;
    return result;
  };
  if (bytes.size() > kMaxTextBytes)
    return fail(diag::DiagId::err_input_too_large,
                {std::to_string(bytes.size()), std::to_string(kMaxTextBytes)});
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (auto bad = ziping::text::first_invalid_utf8(bytes))
    return fail(diag::DiagId::err_input_not_utf8, {std::to_string(*bad + 1)});
  if (ziping::text::trim(bytes).empty()) return fail(diag::DiagId::err_input_empty, {});
  std::size_t lines = 1;
  for (std::size_t at = bytes.find('\n'); at != std::string_view::npos;
       at = bytes.find('\n', at + 1)) {
    if (++lines > kMaxTextLines) {
      fail(diag::DiagId::err_text_too_many_lines,
           {std::to_string(kMaxTextLines), std::to_string(lines)});
      result.diagnostics.back().where =
          diag::SourceLocation::text(options.file_name, int(lines), 1);
      return result;
    }
  }
  std::size_t radicals = 0;
  std::string unified = unify_radicals(bytes, radicals);
  Grid grid = split_text(unified, options.file_name);
  if (radicals > 0) {
    grid.diagnostics.push_back(
        diag::make(diag::DiagId::note_import_radicals, "", {std::to_string(radicals)}));
    grid.diagnostics.back().where = diag::SourceLocation::text(options.file_name, 1, 1);
  }
  return recover_form(grid, options);
}

} // namespace ziping::io::text
