// io/text/recover_stream.cc — the recovery every reader (text, PDF, HTML) hands its rows to.
// The row-by-row reading (recover.cc) goes first; where it leaves the indicator table
// incomplete, the stream recovery (stream.h) reads the table again from the characters, and the
// better-filled reading of the table is kept. Then the checks that only the importer can make.
#include <algorithm>

#include "ziping/io/text/fragments.h"
#include "ziping/io/text/keys.h"
#include "ziping/io/text/recover.h"
#include "ziping/io/text/recovery.h"
#include "ziping/io/text/stream.h"
#include "ziping/text/utf8.h"

namespace ziping::io::text {
namespace {

using diag::DiagId;

// A leaf's name and values as the stream's cell fits judge them: a name that is a placeholder
// ("(50分)", "……") or carries a value ("数量 60个"), a value with text run into it ("32公里指标2:")
// does not count as read.
bool name_fits(const model::Indicator& leaf) {
  return !leaf.name.empty() && stream::fit_name(leaf.name, key(leaf.name)) > 0;
}

bool value_fits(const std::string& value) {
  return !value.empty() && stream::fit_value(key(value)) > stream::kImpossible / 2;
}

// How well a reading filled its leaves: name, target, actual, 分值, 得分, and 得分 ≤ 分值.
double quality(const std::vector<model::Indicator>& leaves) {
  double q = 0;
  for (const auto& leaf : leaves) {
    if (leaf.name.empty()) continue;
    bool target = value_fits(leaf.target), actual = value_fits(leaf.actual);
    if (!name_fits(leaf) || (!target && !actual && !leaf.weight && !leaf.score)) {
      q -= 0.5; // a placeholder, a label or a value read as a row
      continue;
    }
    q += 1 + (target ? 0.5 : 0) + (actual ? 0.5 : 0) + (leaf.weight ? 0.7 : 0) +
         (leaf.score ? 0.7 : 0);
    if (leaf.weight && leaf.score && *leaf.score > *leaf.weight) q -= 2;
    if (!leaf.level1.empty()) q += 0.3;
  }
  return q;
}

std::vector<model::Indicator> all_leaves(const model::ReadResult& result) {
  std::vector<model::Indicator> out;
  if (!result.form) return out;
  for (const auto& goal : result.form->goals)
    out.insert(out.end(), goal.indicators.begin(), goal.indicators.end());
  return out;
}

// Leaves with a name, a target or actual, and a 得分; in a scheme table (no target or actual
// anywhere), a name with its 分值 and 得分.
std::size_t filled(const std::vector<model::Indicator>& leaves) {
  bool scheme = std::all_of(leaves.begin(), leaves.end(), [](const model::Indicator& leaf) {
    return leaf.target.empty() && leaf.actual.empty();
  });
  std::size_t n = 0;
  for (const auto& leaf : leaves) {
    bool values =
        scheme ? leaf.weight.has_value() : value_fits(leaf.target) || value_fits(leaf.actual);
    n += name_fits(leaf) && values && leaf.score;
  }
  return n;
}

// Leaves whose name is no name: placeholders, labels, values read as rows.
std::size_t junk(const std::vector<model::Indicator>& leaves) {
  return std::count_if(leaves.begin(), leaves.end(),
                       [](const model::Indicator& leaf) { return !name_fits(leaf); });
}

// Rows the row reading did not write as leaves because they printed no figure (ZP0833), as
// leaves with their names only (the diagnostic's argument).
std::vector<model::Indicator> fragments_said(const model::ReadResult& result) {
  std::vector<model::Indicator> out;
  for (const auto& d : result.diagnostics) {
    if (d.id != DiagId::warn_import_row_without_figures || d.args.empty()) continue;
    out.emplace_back().name = d.args[0];
  }
  return out;
}

// Every leaf the row reading filled completely: nothing for the stream to improve.
bool complete(const std::vector<model::Indicator>& leaves) {
  if (leaves.empty()) return false;
  for (const auto& leaf : leaves) {
    if (leaf.name.empty() || (leaf.target.empty() && leaf.actual.empty()) || !leaf.score)
      return false;
  }
  return true;
}

// A scheme table (no target or actual anywhere) that the row reading left mostly without 得分
// — its level labels read as rows, their points shifted into the rows' cells — while the
// stream scored most of its rows. Quality alone misses it: every shifted row still has a 分值.
bool scheme_unscored(const std::vector<model::Indicator>& rows,
                     const std::vector<model::Indicator>& stream) {
  auto no_values = [](const model::Indicator& leaf) {
    return leaf.target.empty() && leaf.actual.empty();
  };
  if (rows.empty() || !std::all_of(rows.begin(), rows.end(), no_values) ||
      !std::all_of(stream.begin(), stream.end(), no_values))
    return false;
  return 2 * filled(rows) < rows.size() && 3 * filled(stream) >= 2 * stream.size() &&
         filled(stream) >= filled(rows) + 2;
}

struct StreamReading {
  std::vector<stream::StreamLeaf> leaves;
  std::optional<num::Decimal> total_weight, total_score;
  std::string columns;
  int header_line = 0;
  std::string unnamed_points; // ColumnModel::unnamed_points of the first table
};

// The header's columns as the catalogue's Chinese names ("三级指标、分值、年度指标值 …").
std::string describe(const stream::ColumnModel& model) {
  auto chinese = [](Column c) {
    std::string name = column_name(c);
    for (std::size_t i = 0; i < name.size(); ++i) {
      if (static_cast<unsigned char>(name[i]) < 0x80) return name.substr(0, i);
    }
    return name;
  };
  std::string out = chinese(Column::Name);
  for (Column c : model.columns) out += "、" + chinese(c);
  return out;
}

StreamReading read_stream(const stream::Stream& s) {
  StreamReading reading;
  std::size_t from = 0;
  // A scheme table cut off above its header, before the first table with one.
  auto first = stream::find_header(s, 0);
  if (auto scheme = stream::find_headerless_scheme(s, first ? first->header_begin : s.size())) {
    stream::StreamTable table = stream::read_rows(s, *scheme);
    reading.columns = describe(*scheme);
    reading.header_line = s.atoms[scheme->header_begin].line;
    for (auto& leaf : table.leaves) reading.leaves.push_back(std::move(leaf));
    reading.total_weight = table.total_weight;
    reading.total_score = table.total_score;
    from = table.end;
  }
  while (auto model = stream::find_header(s, from)) {
    stream::StreamTable table = stream::read_rows(s, *model);
    if (reading.columns.empty()) {
      reading.columns = describe(*model);
      reading.header_line = s.atoms[model->header_begin].line;
      reading.unnamed_points = model->unnamed_points;
    }
    for (auto& leaf : table.leaves) reading.leaves.push_back(std::move(leaf));
    if (!reading.total_weight) reading.total_weight = table.total_weight;
    if (!reading.total_score) reading.total_score = table.total_score;
    from = std::max(table.end, model->header_end + 1);
  }
  if (reading.columns.empty()) {
    auto model = stream::find_scattered_header(s);
    if (!model) model = stream::find_headerless_rows(s);
    if (model) {
      stream::StreamTable table = stream::read_rows(s, *model);
      reading.columns = describe(*model);
      reading.header_line = s.atoms[model->header_begin].line;
      reading.leaves = std::move(table.leaves);
      reading.total_weight = table.total_weight;
      reading.total_score = table.total_score;
    }
  }
  return reading;
}

// Diagnostics of the row reading about the table the stream has read again.
bool superseded(const diag::Diagnostic& d, int header_line) {
  switch (d.id) {
  case DiagId::err_import_no_form:
    return true;
  case DiagId::warn_import_cell_unplaced:
  case DiagId::warn_import_row_dropped:
  case DiagId::warn_import_text_unread:
  case DiagId::note_import_wrapped_joined:
  case DiagId::warn_import_labels_pending:
  case DiagId::warn_import_level1_changed:
  case DiagId::note_import_row_shifted:
  case DiagId::warn_import_numbers_run_together:
  case DiagId::warn_import_score_repeated:
  case DiagId::warn_import_level1_points:
  case DiagId::warn_import_row_without_figures:
    return d.where.line == 0 || d.where.line >= header_line;
  case DiagId::warn_import_missing_part:
    return d.path.empty() || d.path.starts_with("goals");
  default:
    return false;
  }
}

model::Form form_for_stream(const Grid& grid, const RecoverOptions& options) {
  model::Form form;
  form.kind = options.kind.value_or(model::FormKind::Project);
  for (const Row& row : grid.rows) {
    for (const Cell& cell : row.cells) {
      if (cell.text.find("部门整体") != std::string::npos) {
        if (!options.kind) form.kind = model::FormKind::Department;
        return form;
      }
    }
  }
  return form;
}

diag::SourceLocation located(const model::ReadResult& result, const std::string& path) {
  const diag::SourceLocation* at = result.map.find(path);
  return at ? *at : diag::SourceLocation{};
}

// Rows segmented with a name and nothing to score (fragments.h) are no leaves: each is said.
void drop_fragments(StreamReading& reading, model::ReadResult& result,
                    const RecoverOptions& options) {
  std::erase_if(reading.leaves, [&](const stream::StreamLeaf& leaf) {
    if (has_figures(leaf.indicator)) return false;
    result.diagnostics.push_back(row_without_figures(
        leaf.indicator,
        leaf.page > 0 ? diag::SourceLocation::at_page(options.file_name, leaf.page)
                      : diag::SourceLocation::text(options.file_name, leaf.line, leaf.column)));
    return true;
  });
}

void adopt(model::ReadResult& result, StreamReading& reading, const Grid& grid,
           const RecoverOptions& options, std::size_t row_leaves) {
  std::erase_if(result.diagnostics,
                [&](const diag::Diagnostic& d) { return superseded(d, reading.header_line); });
  drop_fragments(reading, result, options);
  if (!result.form) result.form = form_for_stream(grid, options);
  model::Form& form = *result.form;
  if (form.goals.empty()) form.goals.emplace_back();
  if (form.kind == model::FormKind::Department && !form.goals[0].number) form.goals[0].number = 1;
  // The row reading's leaves go, and with them their locations: a diagnostic about a stream
  // leaf must not find the row leaf that had the same index.
  for (std::size_t g = 0; g < form.goals.size(); ++g) {
    form.goals[g].indicators.clear();
    result.map.erase_below(model::goal_path(g) + ".indicators");
  }
  for (std::size_t i = 0; i < reading.leaves.size(); ++i) {
    const auto& leaf = reading.leaves[i];
    form.goals[0].indicators.push_back(leaf.indicator);
    diag::SourceLocation at =
        leaf.page > 0 ? diag::SourceLocation::at_page(options.file_name, leaf.page)
                      : diag::SourceLocation::text(options.file_name, leaf.line, leaf.column);
    result.map.set(model::indicator_path(0, i), at);
  }
  if (!form.total_weight) form.total_weight = reading.total_weight;
  if (!form.total_score) form.total_score = reading.total_score;
  result.diagnostics.push_back(diag::make(
      DiagId::note_import_stream_rows, "goals[0]",
      {reading.columns, std::to_string(reading.leaves.size()), std::to_string(row_leaves)}));
  result.diagnostics.back().where =
      diag::SourceLocation::text(options.file_name, reading.header_line, 1);
  if (!reading.unnamed_points.empty()) {
    result.diagnostics.push_back(
        diag::make(DiagId::note_import_unnamed_points, "goals[0]", {reading.unnamed_points}));
    result.diagnostics.back().where =
        diag::SourceLocation::text(options.file_name, reading.header_line, 1);
  }
  stream::check_stream_leaves(reading.leaves, form.goals[0].indicators, result.diagnostics,
                              options.file_name);
  for (std::size_t i = 0; i < reading.leaves.size(); ++i) {
    if (!reading.leaves[i].tied) continue;
    std::string path = model::indicator_path(0, i);
    result.diagnostics.push_back(
        diag::make(DiagId::warn_import_tie, path, {reading.leaves[i].indicator.name}));
    result.diagnostics.back().where = located(result, path);
  }
}

// Mirror sites gloss characters with their pinyin: "項(xiàng)目". Removed before either reading
// looks, so that headers and labels match again; a note says how many.
std::optional<Grid> without_pinyin(const Grid& grid, model::ReadResult& notes,
                                   const RecoverOptions& options) {
  std::optional<Grid> cleaned;
  int removed = 0, line = 0;
  for (std::size_t r = 0; r < grid.rows.size(); ++r) {
    for (std::size_t c = 0; c < grid.rows[r].cells.size(); ++c) {
      std::string text = grid.rows[r].cells[c].text;
      int n = stream::strip_pinyin(text);
      if (n == 0) continue;
      if (!cleaned) cleaned = grid;
      cleaned->rows[r].cells[c].text = std::move(text);
      if (removed == 0) line = grid.rows[r].cells[c].line;
      removed += n;
    }
  }
  if (removed > 0) {
    notes.diagnostics.push_back(
        diag::make(DiagId::note_import_pinyin_removed, "", {std::to_string(removed)}));
    notes.diagnostics.back().where = diag::SourceLocation::text(options.file_name, line, 1);
  }
  return cleaned;
}

// A 一级 heading's "(50分)" against the 分值 of the rows under it, where every row prints one.
void check_block_points(model::ReadResult& result, const StreamReading& reading,
                        const RecoverOptions& options) {
  for (std::size_t i = 0; i < reading.leaves.size();) {
    const auto& first = reading.leaves[i];
    std::size_t j = i;
    num::Decimal sum = num::Decimal::from_int(0);
    bool all = true;
    while (j < reading.leaves.size() &&
           reading.leaves[j].indicator.level1 == first.indicator.level1) {
      if (reading.leaves[j].indicator.weight)
        sum = sum + *reading.leaves[j].indicator.weight;
      else
        all = false;
      ++j;
    }
    if (first.level1_points && all && sum != *first.level1_points) {
      result.diagnostics.push_back(
          diag::make(DiagId::warn_block_points_mismatch, model::indicator_path(0, i),
                     {first.indicator.level1, first.level1_points->to_string(), sum.to_string()}));
      result.diagnostics.back().where =
          diag::SourceLocation::text(options.file_name, first.line, first.column);
    }
    i = j;
  }
}

// The budget block where the row reading found none: from the stream (stream_budget.cc), the
// header's figures in order, kept only where 执行率 = B/A holds; a note says so.
bool budget_missing(const model::ReadResult& result) {
  return result.form && !result.form->budget.annual && !result.form->budget.executed;
}

void recover_budget(model::ReadResult& result, const stream::Stream& s,
                    const RecoverOptions& options) {
  if (!budget_missing(result)) return;
  auto read = stream::read_budget(s);
  if (!read) return;
  model::Budget& budget = result.form->budget;
  for (const auto& [column, value] : read->figures) {
    if (column == BudgetColumn::Initial) budget.initial = value;
    if (column == BudgetColumn::Annual) budget.annual = value;
    if (column == BudgetColumn::Executed) budget.executed = value;
    if (column == BudgetColumn::Weight && !budget.weight) budget.weight = value;
    if (column == BudgetColumn::Score) budget.score = value;
  }
  budget.rate = read->rate;
  const stream::Atom& at = s.atoms[read->at];
  diag::SourceLocation where =
      at.page > 0 ? diag::SourceLocation::at_page(options.file_name, at.page)
                  : diag::SourceLocation::text(options.file_name, at.line, at.column);
  result.map.set("budget", where);
  std::erase_if(result.diagnostics, [](const diag::Diagnostic& d) {
    return d.id == DiagId::warn_import_missing_part && !d.args.empty() &&
           d.args[0].find("预算执行情况") != std::string::npos;
  });
  result.diagnostics.push_back(diag::make(DiagId::note_import_stream_budget, "budget",
                                          {budget.annual->to_string(), budget.executed->to_string(),
                                           read->rate.empty() ? "—" : read->rate}));
  result.diagnostics.back().where = where;
}

// The project's name, department and implementing unit where the row reading left them empty
// (a page extracted column by column), from the stream (stream_preamble.cc).
void recover_preamble(model::ReadResult& result, const stream::Stream& s,
                      const RecoverOptions& options) {
  if (!result.form) return;
  model::Form& form = *result.form;
  for (const auto& field : stream::read_preamble(s)) {
    std::string* target = recovery::name_text(form, field.field);
    if (target == nullptr || !target->empty()) continue;
    *target = field.value;
    const stream::Atom& at = s.atoms[field.at];
    result.map.set(std::string(name_field_path(field.field)),
                   at.page > 0 ? diag::SourceLocation::at_page(options.file_name, at.page)
                               : diag::SourceLocation::text(options.file_name, at.line, at.column));
  }
}

// Neither name read: the row reading did not find the preamble at all.
bool preamble_missing(const model::ReadResult& result) {
  return result.form && result.form->project.empty() && result.form->department.empty();
}

// What the stream adds where the row reading left the budget or the names empty; the stream is
// made here only when needed (`s` null), so a form the rows read fully costs nothing more.
void recover_rest(model::ReadResult& result, const Grid& grid, const stream::Stream* s,
                  const RecoverOptions& options) {
  if (!budget_missing(result) && !preamble_missing(result)) return;
  std::optional<stream::Stream> made;
  if (s == nullptr) s = &made.emplace(stream::make_stream(grid));
  if (budget_missing(result)) recover_budget(result, *s, options);
  if (preamble_missing(result)) recover_preamble(result, *s, options);
}

// Checks only the importer can make, because they are about what the page printed.
// A text without digits (fragments.h) keeps no leaf.
void check_printed(model::ReadResult& result, const Grid& grid) {
  if (!result.form) return;
  if (prints_no_digit(grid)) drop_leaves_without_digits(result);
  const model::Form& form = *result.form;
  const model::Budget& budget = form.budget;
  if (budget.annual && budget.executed && ziping::text::trim(budget.rate).empty()) {
    result.diagnostics.push_back(
        diag::make(DiagId::warn_import_rate_missing, "budget.rate",
                   {budget.annual->to_string(), budget.executed->to_string()}));
    result.diagnostics.back().where = located(result, "budget");
  }
  if (!budget.weight && !budget.score) return;
  for (std::size_t g = 0; g < form.goals.size(); ++g) {
    for (std::size_t i = 0; i < form.goals[g].indicators.size(); ++i) {
      const auto& leaf = form.goals[g].indicators[i];
      if (key(leaf.name).find("预算执行率") == std::string::npos) continue;
      std::string path = model::indicator_path(g, i);
      result.diagnostics.push_back(
          diag::make(DiagId::warn_execution_rate_double_counted, path, {leaf.name}));
      result.diagnostics.back().where = located(result, path);
    }
  }
}

} // namespace

model::ReadResult recover_form(const Grid& printed, const RecoverOptions& options) {
  model::ReadResult notes;
  std::optional<Grid> cleaned = without_pinyin(printed, notes, options);
  const Grid& grid = cleaned ? *cleaned : printed;
  model::ReadResult result = recovery::recover_rows(grid, options);
  result.diagnostics.insert(result.diagnostics.end(), notes.diagnostics.begin(),
                            notes.diagnostics.end());
  std::vector<model::Indicator> row_leaves = all_leaves(result);
  if (complete(row_leaves) && fragments_said(result).empty()) {
    recover_rest(result, grid, nullptr, options);
    check_printed(result, grid);
    return result;
  }
  // The row reading knows goals and merged cells; the stream only replaces it where it is
  // clearly better: a table the rows did not read, or one read much less fully — and never
  // where the rows found several goals' tables, so the (costly) stream is not even read then.
  std::size_t goals_with_leaves = 0;
  if (result.form) {
    for (const auto& goal : result.form->goals) goals_with_leaves += !goal.indicators.empty();
  }
  if (goals_with_leaves > 1) {
    recover_rest(result, grid, nullptr, options);
    check_printed(result, grid);
    return result;
  }
  stream::Stream s = stream::make_stream(grid);
  StreamReading reading = read_stream(s);
  std::vector<model::Indicator> stream_leaves;
  for (const auto& leaf : reading.leaves) stream_leaves.push_back(leaf.indicator);
  // The rows the row reading read as no leaf (fragments.h) count against it as they would
  // have counted as leaves, so that dropping them never makes a poor reading look better.
  std::vector<model::Indicator> fragments = fragments_said(result);
  std::size_t row_fragments = fragments.size();
  double row_quality = quality(row_leaves) - 0.5 * double(row_fragments),
         stream_quality = quality(stream_leaves);
  // A row reading that filled most of its leaves knows the table (merged cells, goals) better,
  // unless the stream filled more leaves still (rows the row reading dropped).
  std::size_t row_count = row_leaves.size() + row_fragments;
  bool mostly = row_count > 0 && 3 * filled(row_leaves) >= 2 * row_count &&
                filled(stream_leaves) < filled(row_leaves) + 2;
  bool better =
      scheme_unscored(row_leaves, stream_leaves) ||
      (!mostly && stream_quality > row_quality &&
       (filled(stream_leaves) >= filled(row_leaves) + 2 ||
        (row_count == 0 && !stream_leaves.empty()) || stream_quality > 2 * row_quality + 1 ||
        (stream_leaves.size() <= row_count && filled(stream_leaves) > filled(row_leaves)) ||
        (junk(row_leaves) + junk(fragments) > 0 && junk(stream_leaves) == 0 &&
         filled(stream_leaves) >= filled(row_leaves))));
  if (better) {
    adopt(result, reading, grid, options, row_count);
    check_block_points(result, reading, options);
  }
  recover_rest(result, grid, &s, options);
  check_printed(result, grid);
  return result;
}

} // namespace ziping::io::text
