// io/text/recovery.h — the state the recover_*.cc files share while they walk the rows of a
// Grid: what has been found so far, where each piece came from, and what was reported.
// Internal to io/text.
#pragma once

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "ziping/diag/diagnostic.h"
#include "ziping/io/text/grid.h"
#include "ziping/io/text/keys.h" // append_wrapped
#include "ziping/io/text/recover.h"
#include "ziping/io/text/vocabulary.h"
#include "ziping/model/form.h"
#include "ziping/model/read_result.h"

namespace ziping::io::text::recovery {

using diag::DiagId;

// The form's member a name label fills (name_field_path()), or null for any other field.
std::string* name_text(model::Form& form, Field field);

enum class Section { Preamble, Budget, Goals, Indicators, Closing };

struct LabelCell {
  Label label;
  const Cell* cell = nullptr;
  int index = -1; // position in its row
};

// Where each field of a recovered node was printed (field name → cell).
using Cells = std::map<std::string, const Cell*>;

struct Leaf {
  model::Indicator indicator;
  const Row* row = nullptr;
  Cells cells;
  std::string level1_stem; // vocabulary stems for ordering and checks
  std::string level2_stem;
};

// The rows one goal label opens in the indicator table (department), or the whole table
// (project).
struct Block {
  int number = 0;
  std::string printed_label; // "绩效目标9"
  const Row* row = nullptr;
  std::vector<Leaf> leaves;
  int last_rank = -1;                        // 一级 order reached so far
  std::optional<num::Decimal> weight, score; // a 小计 row, where the template prints one
  const Cell* weight_cell = nullptr;
  const Cell* score_cell = nullptr;
};

struct GoalRow {
  model::Goal goal;
  const Row* row = nullptr;
  Cells cells;
};

struct IndicatorHeader {
  std::vector<Column> types; // by cell position
  int size = 0;              // positions up to the last non-empty header cell
  int line = 0;
  bool present = false;
  int index_of(Column column) const;
};

struct Carry {
  std::string level1, level1_stem;
  const Cell* level1_cell = nullptr;
  std::string level2, level2_stem;
  const Cell* level2_cell = nullptr;
};

struct Context {
  Context(const Grid& g, const RecoverOptions& o) : grid(g), options(o) {}
  const Grid& grid;
  const RecoverOptions& options;

  model::Form form;
  model::SourceMap map;
  std::vector<diag::Diagnostic> diagnostics;

  Section section = Section::Preamble;
  bool traditional = false;
  std::optional<bool> title_project; // what the title says
  bool saw_title = false, saw_budget = false, saw_goal_table = false, saw_overall_goal = false;
  bool saw_indicator_header = false, saw_total = false, saw_conclusion = false;
  bool saw_funding_source = false, saw_project_field = false, saw_department_field = false;

  // budget
  std::vector<BudgetColumn> budget_types;
  bool budget_total_read = false;
  // "预算执行情况(20分)": the weight the header prints, for a total row without a 分值 cell.
  std::optional<num::Decimal> budget_header_points;
  const Cell* budget_header_points_cell = nullptr;
  // goals
  std::vector<GoalColumn> goal_types;
  std::vector<GoalRow> goal_rows;
  GoalRow overall;                   // project / national department template
  bool overall_expect_texts = false; // the 年度总体目标 header was read, texts follow
  // indicators
  IndicatorHeader header;
  std::vector<Block> blocks;
  Carry carry;
  std::vector<LabelCell> pending; // labels printed on the row above that open this block
  // Cells cut out of a printed cell (a funding label and its first figure joined by a single
  // space); a deque, so that pointers to them stay valid.
  std::deque<Cell> cut_cells;
  std::map<std::pair<std::size_t, std::string>, std::pair<num::Decimal, const Cell*>> level1_points;
  // closing: the field the last text went to, for wrapped continuation lines
  std::string* last_text = nullptr;
  const Row* last_text_row = nullptr;
  // the leaf a wrapped line may continue
  bool last_row_was_leaf = false;
  std::size_t row_count = 0; // rows in the grid, to tell the last row
  std::size_t row_index = 0; // the row being read
  bool project_hint() const; // what is known so far says "project form"

  // Cells spoken for: placed in the form or reported on (asking where a cell is does one of the
  // two), or deliberately skipped (take). The last pass reports every other cell holding text,
  // so no row is lost without a diagnostic at its line.
  mutable std::unordered_set<const Cell*> spoken_for;
  void take(const Cell* cell) const { spoken_for.insert(cell); }
  void take(const Row& row) const;

  diag::SourceLocation where(const Cell& cell) const;
  diag::SourceLocation where(const Row& row) const;
  diag::Diagnostic& report(DiagId id, const diag::SourceLocation& at,
                           std::vector<std::string> args = {}, std::string path = {});
  void locate(const std::string& path, const Cell* cell);
};

// recover_sections.cc
bool try_header_rows(Context& c, const Row& row);
bool try_preamble_row(Context& c, const Row& row);
void budget_row(Context& c, const Row& row);
void goal_row(Context& c, const Row& row);
bool try_closing_row(Context& c, const Row& row);
void closing_continuation(Context& c, const Row& row);

// recover_indicators.cc
void indicator_row(Context& c, const Row& row);
IndicatorHeader read_indicator_header(const Row& row);

// recover_assemble.cc
void assemble(Context& c);

// recover_centred.cc: labels printed on the middle row of their span, moved to its first row.
void centre_spanned_labels(Context& c, std::vector<Row>& rows);

// recover.cc: the row-by-row recovery (recover_stream.cc's first reading).
model::ReadResult recover_rows(const Grid& grid, const RecoverOptions& options);

// recover.cc: reports the cells with text that no part of the recovery spoke for (ZP0155).
void account_for_cells(Context& c);

// Shared helpers (recover.cc)
std::string joined_text(const std::vector<const Cell*>& cells);
bool is_page_number(std::string_view text, bool bare_numbers);
std::string quoted_cells(const Row& row);

} // namespace ziping::io::text::recovery
