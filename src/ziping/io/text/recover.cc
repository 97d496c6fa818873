// io/text/recover.cc — the walk over the rows: page numbers out, then each row to the part
// of the form it belongs to (headers switch parts; field labels name their own part).
#include "ziping/io/text/recover.h"

#include "ziping/io/text/cell_numbers.h"
#include "ziping/io/text/keys.h"
#include "ziping/io/text/recovery.h"
#include "ziping/text/utf8.h"

namespace ziping::io::text {
namespace recovery {
namespace {

using namespace std::string_view_literals;

// Byte length of a dash at `pos` ("-", "—", "–", "－"), else 0.
std::size_t dash_at(std::string_view text, std::size_t pos) {
  for (auto dash : {"-"sv, "—"sv, "–"sv, "－"sv}) {
    if (text.substr(pos).starts_with(dash)) return dash.size();
  }
  return 0;
}

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// Cuts a page number that a page break spliced into a cell: "- 2 -" anywhere (not touching
// other digits or letters, so "2023-12-31" stays), or "第3页" at either end.
bool strip_spliced_page_number(std::string& text, std::string& removed) {
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    std::size_t open = dash_at(text, pos);
    if (open == 0) continue;
    if (pos > 0 && is_ascii_alnum(text[pos - 1])) continue;
    std::size_t i = pos + open;
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t digits = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == digits || i - digits > 3) continue;
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t close = dash_at(text, i);
    if (close == 0) continue;
    std::size_t end = i + close;
    if (end < text.size() && is_ascii_alnum(text[end])) continue;
    if (pos == 0 && end == text.size()) return false; // the whole cell: a page-number cell
    std::size_t cut_begin = pos, cut_end = end;
    while (cut_begin > 0 && text[cut_begin - 1] == ' ') --cut_begin;
    while (cut_end < text.size() && text[cut_end] == ' ') ++cut_end;
    removed = text.substr(pos, end - pos);
    text = std::string(ziping::text::trim(text.substr(0, cut_begin))) +
           std::string(cut_begin > 0 && cut_end < text.size() &&
                               is_ascii_alnum(text[cut_begin - 1]) && is_ascii_alnum(text[cut_end])
                           ? " "
                           : "") +
           std::string(ziping::text::trim(text.substr(cut_end)));
    return true;
  }
  for (int side = 0; side < 2; ++side) {
    std::string_view t = text;
    if (side == 0 ? !t.starts_with("第") : !t.ends_with("页")) continue;
    for (std::size_t len = 4; len <= 30 && len < t.size(); ++len) {
      std::string_view piece = side == 0 ? t.substr(0, len) : t.substr(t.size() - len);
      // Lengths that cut a character in two are skipped before the key is asked for: keying
      // ill-formed text takes value::fold's slow path (ICU) for every such prefix.
      if (ziping::text::first_invalid_utf8(piece) || !is_page_number(piece, false)) continue;
      removed = std::string(ziping::text::trim(piece));
      text =
          std::string(ziping::text::trim(side == 0 ? t.substr(len) : t.substr(0, t.size() - len)));
      return true;
    }
  }
  return false;
}

void process(Context& c, const Row& row) {
  auto filled = row.filled();
  if (filled.empty()) return;
  if (!c.traditional) {
    for (const Cell* cell : filled) {
      if (code_point_count(cell->text) <= kMaxKeyCodePoints && has_traditional(cell->text)) {
        c.traditional = true;
        c.report(DiagId::note_import_traditional, c.where(*cell));
        break;
      }
    }
  }
  if (try_header_rows(c, row)) return;
  if (try_closing_row(c, row)) return;
  if (try_preamble_row(c, row)) return;
  switch (c.section) {
  case Section::Budget:
    budget_row(c, row);
    break;
  case Section::Goals:
    goal_row(c, row);
    break;
  case Section::Indicators:
    indicator_row(c, row);
    break;
  case Section::Closing:
    closing_continuation(c, row);
    break;
  case Section::Preamble:
    c.report(DiagId::warn_import_row_dropped, c.where(row), {quoted_cells(row)});
    break;
  }
}

} // namespace

int IndicatorHeader::index_of(Column column) const {
  for (std::size_t i = 0; i < types.size(); ++i) {
    if (types[i] == column) return int(i);
  }
  return -1;
}

void Context::take(const Row& row) const {
  for (const auto& cell : row.cells) spoken_for.insert(&cell);
}

diag::SourceLocation Context::where(const Cell& cell) const {
  take(&cell);
  if (cell.page > 0) return diag::SourceLocation::at_page(options.file_name, cell.page);
  return diag::SourceLocation::text(options.file_name, cell.line, cell.column);
}

diag::SourceLocation Context::where(const Row& row) const {
  if (row.page > 0) return diag::SourceLocation::at_page(options.file_name, row.page);
  int column = 1;
  for (const auto& cell : row.cells) {
    if (!cell.empty()) {
      column = cell.column;
      break;
    }
  }
  return diag::SourceLocation::text(options.file_name, row.line, column);
}

diag::Diagnostic& Context::report(DiagId id, const diag::SourceLocation& at,
                                  std::vector<std::string> args, std::string path) {
  // These speak for the whole row being read: it was skipped, joined to the text above, or
  // is a header printed again.
  if ((id == DiagId::warn_import_row_dropped || id == DiagId::note_import_wrapped_joined ||
       id == DiagId::note_import_header_repeated) &&
      row_index < row_count)
    take(grid.rows[row_index]);
  diagnostics.push_back(diag::make(id, std::move(path), std::move(args)));
  diagnostics.back().where = at;
  return diagnostics.back();
}

void Context::locate(const std::string& path, const Cell* cell) {
  if (cell != nullptr) map.set(path, where(*cell));
}

namespace {

// Words that are the form's structure, not its content: headers, labels, field names,
// placeholders. A cell holding only such a word carries nothing to lose.
bool is_layout_word(const Cell& cell) {
  std::string k = key(cell.text);
  if (k.empty() || is_placeholder(cell.text) || is_page_number(cell.text, false)) return true;
  if (k.find_first_not_of('|') == std::string::npos) return true; // a separator left as a cell
  if (indicator_column(k) != Column::None || budget_column(k) != BudgetColumn::None ||
      goal_column(k) != GoalColumn::None || is_title(k))
    return true;
  if (classify_label(cell.text).kind != LabelKind::None) return true;
  FieldMatch field = match_field(cell.text);
  return field.field != Field::None && key(field.rest).empty();
}

} // namespace

void account_for_cells(Context& c) {
  for (const Row& row : c.grid.rows) {
    std::vector<const Cell*> unread;
    for (const Cell* cell : row.filled()) {
      if (!c.spoken_for.contains(cell) && !is_layout_word(*cell)) unread.push_back(cell);
    }
    if (unread.empty()) continue;
    std::string quoted;
    for (const Cell* cell : unread) {
      if (!quoted.empty()) quoted += " | ";
      quoted += ziping::text::truncate_display(cell->text, 40);
    }
    c.report(DiagId::warn_import_text_unread, c.where(*unread.front()),
             {ziping::text::truncate_display(quoted, 80)});
  }
}

std::string joined_text(const std::vector<const Cell*>& cells) {
  std::string out;
  for (const Cell* cell : cells) append_wrapped(out, cell->text);
  return out;
}

bool is_page_number(std::string_view text, bool bare_numbers) {
  return looks_like_page_number(text, bare_numbers);
}

std::string quoted_cells(const Row& row) {
  std::string out;
  for (const Cell* cell : row.filled()) {
    if (!out.empty()) out += " | ";
    out += ziping::text::truncate_display(cell->text, 40);
  }
  return ziping::text::truncate_display(out, 80);
}

} // namespace recovery

model::ReadResult recovery::recover_rows(const Grid& grid, const RecoverOptions& options) {
  // A private copy of the rows: page numbers are cut out of it before anything else looks.
  Grid rows_grid;
  rows_grid.layout = grid.layout;
  rows_grid.rows.reserve(grid.rows.size());
  Context c(rows_grid, options);
  c.diagnostics = grid.diagnostics;
  c.map.set_file(options.file_name);
  bool bare_numbers = grid.layout != Layout::OnePerLine;
  for (const auto& original : grid.rows) {
    Row row = original;
    auto filled = row.filled();
    if (filled.size() == 1 && is_page_number(filled[0]->text, bare_numbers)) {
      c.report(DiagId::note_import_page_number, c.where(*filled[0]), {filled[0]->text});
      continue;
    }
    for (auto& cell : row.cells) {
      if (cell.empty()) continue;
      std::string removed;
      if (is_page_number(cell.text, false) && filled.size() > 1) {
        c.report(DiagId::note_import_page_number, c.where(cell), {cell.text});
        cell.text.clear();
      } else if (strip_spliced_page_number(cell.text, removed)) {
        c.report(DiagId::note_import_page_number, c.where(cell), {removed});
      }
    }
    rows_grid.rows.push_back(std::move(row));
  }
  if (grid.layout != Layout::Pdf) centre_spanned_labels(c, rows_grid.rows);
  c.row_count = rows_grid.rows.size();
  for (c.row_index = 0; c.row_index < c.row_count; ++c.row_index)
    process(c, rows_grid.rows[c.row_index]);
  assemble(c);
  account_for_cells(c);
  model::ReadResult result;
  result.map = std::move(c.map);
  result.diagnostics = std::move(c.diagnostics);
  bool leaves = false;
  for (const auto& goal : c.form.goals) leaves = leaves || !goal.indicators.empty();
  bool anything = leaves || c.saw_budget || c.saw_title || !c.goal_rows.empty() ||
                  c.saw_overall_goal || c.saw_indicator_header || c.saw_total ||
                  !c.form.department.empty() || !c.form.project.empty();
  if (!anything) {
    result.diagnostics.push_back(diag::make(DiagId::err_import_no_form, ""));
    result.diagnostics.back().where.file = options.file_name;
    return result;
  }
  result.form = std::move(c.form);
  return result;
}

} // namespace ziping::io::text
