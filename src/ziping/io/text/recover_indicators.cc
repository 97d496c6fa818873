// io/text/recover_indicators.cc — the rows of the indicator table: the labels a row prints
// (绩效目标N, 一级, 二级) and the ones it inherits from the rows above (row-spanning cells are
// printed once), the cells after them fitted to the header's columns by content (align.h),
// wrapped lines joined, and each leaf filed under its goal block.
#include <algorithm>
#include <set>

#include "ziping/io/text/align.h"
#include "ziping/io/text/cell_numbers.h"
#include "ziping/io/text/keys.h"
#include "ziping/io/text/recovery.h"

namespace ziping::io::text::recovery {
namespace {

using num::Decimal;

bool is_level(LabelKind kind) {
  return kind == LabelKind::Level1 || kind == LabelKind::Level2 || kind == LabelKind::Level1or2;
}

std::string level_phrase(const std::string& level1, const std::string& level2) {
  if (level2.empty()) return "「" + level1 + "」";
  return "「" + level1 + " / " + level2 + "」";
}

int index_in_row(const Row& row, const Cell* cell) {
  return int(cell - row.cells.data());
}

// A level name no vocabulary knows, as local frameworks print them: short, no digits, ending
// like a level ("服务质量指标", "行业发展效益").
bool is_level_like(std::string_view text) {
  std::string k = key(text);
  if (k.empty() || code_point_count(k) > 12) return false;
  for (char ch : k) {
    if (ch >= '0' && ch <= '9') return false;
  }
  for (auto suffix : {"指标", "效益", "满意度", "成本", "影响"}) {
    if (k.ends_with(suffix)) return true;
  }
  return false;
}

// A vocabulary label standing in a column left of the one its kind belongs to: a 一级 in the
// goal column, a 二级 in the goal or 一级 column.
bool left_of_its_column(LabelKind kind, Column column) {
  if (kind == LabelKind::Level1) return column == Column::Goal;
  if (kind == LabelKind::Level2) return column == Column::Goal || column == Column::Level1;
  return false;
}

// The cells of a row split into the labels in front and the rest.
struct RowSplit {
  std::vector<LabelCell> labels;
  std::size_t tail_start = 0; // first cell after the labels
};

// Whether the 三级指标 cell at `name_at` reads as a name with no label after it: then the
// cells before it are the row's labels.
bool name_column_holds_name(const Row& row, std::size_t name_at) {
  CellShape shape = shape_of(row.cells[name_at].text);
  bool name_like = !shape.empty && !shape.label && !shape.number && !shape.percent &&
                   !shape.comparator && !shape.placeholder;
  if (!name_like) return false;
  for (std::size_t i = name_at + 1; i < row.cells.size(); ++i) {
    if (!row.cells[i].empty() && shape_of(row.cells[i].text).label &&
        classify_label(row.cells[i].text).kind != LabelKind::Goal)
      return false;
  }
  return true;
}

// The labels before the 三级指标 column, read by the header's columns; false (no labels) when
// one of them is not where the header says or is no label.
bool labels_by_column(const IndicatorHeader& header, const Row& row, std::size_t name_at,
                      RowSplit& split) {
  for (std::size_t i = 0; i < name_at; ++i) {
    const Cell& cell = row.cells[i];
    if (cell.empty()) continue;
    Label label = classify_label(cell.text);
    Column column = i < header.types.size() ? header.types[i] : Column::None;
    // A row under a merged goal cell starts one column early ("效益指标(30分) | 经济效益 |
    // 社会公益服务无经济效益 | …"): its cells are not where the header says.
    if (left_of_its_column(label.kind, column)) return false;
    if (label.kind == LabelKind::None) {
      // A local framework's own level name ("服务质量指标") in a level column.
      if ((column != Column::Level1 && column != Column::Level2) || !is_level_like(cell.text))
        return false;
      label.kind = column == Column::Level1 ? LabelKind::Level1 : LabelKind::Level2;
      label.name = std::string(cell.text);
      label.stem = key(cell.text);
    }
    split.labels.push_back({label, &cell, int(i)});
  }
  return true;
}

// By position, when the row stands under its header: everything before the 三级指标 column
// is a label (even words no vocabulary knows), and no label appears after it.
bool split_by_position(const Context& c, const Row& row, int name_at, RowSplit& split) {
  if (!row.positional || name_at < 0 || std::size_t(name_at) >= row.cells.size()) return false;
  std::size_t name = std::size_t(name_at);
  if (!name_column_holds_name(row, name)) return false;
  if (!labels_by_column(c.header, row, name, split)) split.labels.clear();
  bool complete = true;
  for (std::size_t i = 0; i < name; ++i) {
    if (!row.cells[i].empty()) complete = complete && !split.labels.empty();
  }
  if (complete) {
    split.tail_start = name;
    return true;
  }
  split.labels.clear();
  return false;
}

// By vocabulary: labels from the left until the first cell that is not one.
void split_by_vocabulary(const Row& row, RowSplit& split) {
  split.tail_start = row.cells.size();
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    const Cell& cell = row.cells[i];
    if (cell.empty()) continue;
    Label label = classify_label(cell.text);
    if (label.kind == LabelKind::None) {
      split.tail_start = i;
      break;
    }
    split.labels.push_back({label, &cell, int(i)});
  }
}

// A 三级指标 named like a 二级 ("服务对象满意度" under 服务对象满意度指标): when what follows the
// labels reads as values, not as a name, the last "label" is the row's name. It is one when
// it repeats the level of the label before it (two 二级 on a row), or stands in the 三级指标
// column of a row printed under its header.
void name_read_as_label(const Row& row, int name_at, RowSplit& split) {
  if (split.labels.empty() || split.tail_start >= row.cells.size()) return;
  CellShape next = shape_of(row.cells[split.tail_start].text);
  bool values_follow = next.number || next.percent || next.comparator || next.placeholder;
  const LabelCell& last = split.labels.back();
  bool repeated = split.labels.size() >= 2 &&
                  split.labels[split.labels.size() - 2].label.kind == last.label.kind &&
                  last.label.kind == LabelKind::Level2;
  bool in_name_column = row.positional && name_at >= 0 && last.index == name_at &&
                        last.label.kind == LabelKind::Level2;
  if (values_follow && (repeated || in_name_column)) {
    split.tail_start = std::size_t(last.index);
    split.labels.pop_back();
  }
}

// A cell that can hold a name or a level's words: text, not a figure or a placeholder.
bool wordy(const Cell& cell) {
  CellShape shape = shape_of(cell.text);
  return !shape.empty && !shape.number && !shape.percent && !shape.comparator && !shape.sign &&
         !shape.placeholder && !shape.label && !shape.unit && !shape.nature && !shape.yes_no;
}

// A row that opens a 一级 block opens its first 二级 block too (merged cells start on the same
// row): under a header with a 二级指标 column, the words after a 一级 label are the 二级 even
// where no vocabulary knows them ("满意度指标(10分) | 读者 | 在网络上设置读者满意度调查"), when
// more words follow for the name.
void unknown_level2(const Context& c, const Row& row, RowSplit& split) {
  if (!row.positional || !c.header.present || c.header.index_of(Column::Level2) < 0) return;
  if (split.labels.size() != 1 || split.labels[0].label.kind != LabelKind::Level1) return;
  std::size_t at = split.tail_start;
  // A level's words are a few (10 characters at most); a sentence there is the name.
  if (at >= row.cells.size() || !wordy(row.cells[at]) || row.cells[at].text.size() > 30) return;
  std::size_t next = at + 1;
  while (next < row.cells.size() && row.cells[next].empty()) ++next;
  if (next >= row.cells.size() || !wordy(row.cells[next])) return;
  Label level2;
  level2.kind = LabelKind::Level2;
  level2.name = row.cells[at].text;
  level2.stem = key(row.cells[at].text);
  split.labels.push_back({level2, &row.cells[at], int(at)});
  split.tail_start = next;
}

RowSplit split_labels(const Context& c, const Row& row) {
  RowSplit split;
  int name_at = c.header.present ? c.header.index_of(Column::Name) : -1;
  if (split_by_position(c, row, name_at, split)) return split;
  split_by_vocabulary(row, split);
  name_read_as_label(row, name_at, split);
  unknown_level2(c, row, split);
  return split;
}

struct TailField {
  std::string text;
  const Cell* cell = nullptr;
};

struct Tail {
  std::map<Column, TailField> fields;
  std::vector<const Cell*> unplaced;
  const Cell* name_cell = nullptr;
  bool has(Column column) const { return fields.count(column) > 0; }
};

std::vector<AlignColumn> tail_columns(const Context& c, std::size_t tail_start) {
  std::vector<AlignColumn> columns;
  if (c.header.present) {
    int last = int(c.header.types.size()) - 1;
    for (std::size_t i = 0; i < c.header.types.size(); ++i) {
      Column type = c.header.types[i];
      if (type == Column::None || type == Column::Goal || type == Column::Level1 ||
          type == Column::Level2)
        continue;
      (void)tail_start;
      columns.push_back({type, int(i), last - int(i)});
    }
  }
  if (columns.empty()) {
    for (Column type : {Column::Name, Column::Target, Column::Actual, Column::Weight, Column::Score,
                        Column::Reason})
      columns.push_back({type, -1, -1});
  }
  return columns;
}

Tail align_tail(const Context& c, const Row& row, std::size_t tail_start) {
  Tail tail;
  std::vector<AlignInput> inputs;
  int last_filled = -1;
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    if (!row.cells[i].empty()) last_filled = int(i);
  }
  // Positions counted from the end include the row's trailing empty cells: a dump prints the
  // empty 偏差原因 cell, and so does PDF text, mostly.
  int last = int(row.cells.size()) - 1;
  // A row under merged label cells prints fewer cells in front ("产出指标 | 质量指标 | name | =
  // | 100 |" under "绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | …"):
  // its cells stand as many columns left of their header as its name does.
  int offset = 0;
  bool anchored = false;
  // Only `|` dumps: text copied out of a PDF (tabs) also drops empty cells inside a row.
  if (c.grid.layout == Layout::Pipes && row.positional && c.header.present &&
      tail_start < row.cells.size() && !row.cells[tail_start].empty()) {
    int name_at = c.header.index_of(Column::Name);
    if (name_at > int(tail_start)) offset = name_at - int(tail_start);
    anchored = name_at >= int(tail_start);
  }
  for (std::size_t i = tail_start; i < row.cells.size() && int(i) <= last_filled; ++i) {
    const Cell& cell = row.cells[i];
    if (!row.positional && cell.empty()) continue;
    inputs.push_back({&cell, shape_of(cell.text), int(i) + offset, last - int(i)});
  }
  if (inputs.empty()) return tail;
  auto columns = tail_columns(c, tail_start);
  bool positional = row.positional && c.header.present;
  Alignment alignment = align_cells(inputs, columns, positional, anchored);
  for (std::size_t k = 0; k < inputs.size(); ++k) {
    if (inputs[k].shape.empty) continue;
    int column = alignment.column_of[k];
    if (column < 0) {
      tail.unplaced.push_back(inputs[k].cell);
      continue;
    }
    Column type = columns[std::size_t(column)].type;
    TailField& field = tail.fields[type];
    if (field.cell == nullptr) {
      field.cell = inputs[k].cell;
      field.text = inputs[k].cell->text;
    } else {
      // A piece a space or a line break cut off: the same line keeps its space.
      const Cell* previous = inputs[k - 1].cell;
      if (previous->line == inputs[k].cell->line && previous->page == inputs[k].cell->page)
        field.text += " " + inputs[k].cell->text;
      else
        append_wrapped(field.text, inputs[k].cell->text);
    }
    if (type == Column::Name && tail.name_cell == nullptr) tail.name_cell = inputs[k].cell;
  }
  return tail;
}

Block& current_block(Context& c) {
  if (c.blocks.empty()) c.blocks.push_back(Block{});
  return c.blocks.back();
}

int next_unused(const Context& c) {
  int highest = 0;
  for (const auto& block : c.blocks) highest = std::max(highest, block.number);
  return highest + 1;
}

// A 绩效目标N label: a new block, a block continued after a page break, or a number printed
// twice (filed under the next number when the 一级 order starts over).
void open_goal(Context& c, const LabelCell& goal, int row_rank) {
  if (c.project_hint()) return;
  int number = goal.label.goal_number;
  Block* current = c.blocks.empty() ? nullptr : &c.blocks.back();
  bool used = false;
  for (const auto& block : c.blocks) used = used || block.number == number;
  auto open = [&](int n) {
    Block block;
    block.number = n;
    block.printed_label = goal.label.name;
    block.row = nullptr;
    c.blocks.push_back(std::move(block));
  };
  if (current == nullptr || (current->number == 0 && current->leaves.empty())) {
    if (current) c.blocks.pop_back();
    open(number);
    return;
  }
  if (current->number == number) {
    bool restarts = row_rank >= 0 && current->last_rank >= 0 && row_rank < current->last_rank;
    if (!restarts) return; // continued after a page break
  } else if (!used) {
    open(number);
    return;
  }
  int renumbered = next_unused(c);
  std::string why =
      current->number == number
          ? diag::bilingual("标为「" + goal.label.name + "」，但绩效目标" + std::to_string(number) +
                                "的指标已经列完（一级指标从头开始）",
                            "is labelled " + goal.label.name + ", but goal " +
                                std::to_string(number) +
                                "'s indicators are complete (the 一级 order starts over)")
          : diag::bilingual("标为「" + goal.label.name + "」，但这一序号已经用过",
                            "is labelled " + goal.label.name + ", a number already used");
  c.report(DiagId::warn_import_goal_label_duplicate, c.where(*goal.cell),
           {why, std::to_string(renumbered)});
  open(renumbered);
}

void set_level1(Context& c, const LabelCell& label) {
  c.carry.level1 = label.label.name;
  c.carry.level1_stem = label.label.stem;
  c.carry.level1_cell = label.cell;
  c.carry.level2.clear();
  c.carry.level2_stem.clear();
  c.carry.level2_cell = nullptr;
  if (label.label.points) {
    std::size_t block = c.blocks.empty() ? 0 : c.blocks.size() - 1;
    c.report(DiagId::note_import_level1_points_read, c.where(*label.cell),
             {label.cell->text, label.label.name, label.label.points->to_string()});
    c.level1_points[{block, label.label.stem}] = {*label.label.points, label.cell};
  }
}

void set_level2(Context& c, const LabelCell& label) {
  c.carry.level2 = label.label.name;
  c.carry.level2_stem = label.label.stem;
  c.carry.level2_cell = label.cell;
  // The 二级 names its 一级: when the one carried down cannot hold it, the standard one does.
  std::string_view parent = natural_level1(label.label.stem);
  if (parent.empty()) return;
  if (c.carry.level1.empty()) {
    c.carry.level1 = level_display(parent);
    c.carry.level1_stem = std::string(parent);
    c.carry.level1_cell = nullptr;
    c.report(DiagId::note_import_level1_inferred, c.where(*label.cell),
             {label.label.name, c.carry.level1});
  } else if (level1_rank(c.carry.level1_stem) >= 0 &&
             !level2_belongs(c.carry.level1_stem, label.label.stem)) {
    std::string replacement = level_display(parent);
    c.report(DiagId::warn_import_level1_changed, c.where(*label.cell),
             {label.label.name, c.carry.level1, replacement});
    c.carry.level1 = replacement;
    c.carry.level1_stem = std::string(parent);
    c.carry.level1_cell = nullptr;
  }
}

// The 一级 order starts over with no goal label printed. Either the rows at the head of this
// block were printed before its label's own rows (goal 7's 满意度 row under 绩效目标8 in the
// seed): they end the goal before; or the label was lost (a page break, a merged cell) and
// these rows are the next goal's.
void restart_order(Context& c, const Row& row) {
  if (c.project_hint() || c.blocks.empty() || c.blocks.back().number == 0) return;
  Block& block = c.blocks.back();
  int rank = level1_rank(c.carry.level1_stem);
  if (rank < 0 || block.last_rank <= rank) return;
  bool leading_only = !block.leaves.empty();
  int lowest = 99;
  for (const auto& leaf : block.leaves) {
    int leaf_rank = level1_rank(leaf.level1_stem);
    leading_only = leading_only && leaf_rank > rank;
    lowest = std::min(lowest, leaf_rank);
  }
  if (leading_only && c.blocks.size() >= 2) {
    Block& previous = c.blocks[c.blocks.size() - 2];
    if (previous.number > 0 && previous.last_rank <= lowest) {
      for (auto& leaf : block.leaves) {
        c.report(DiagId::warn_import_row_moved_goal, c.where(*leaf.row),
                 {leaf.indicator.name, leaf.indicator.level1, std::to_string(block.number),
                  c.carry.level1, std::to_string(previous.number)});
        previous.leaves.push_back(std::move(leaf));
      }
      previous.last_rank = std::max(previous.last_rank, block.last_rank);
      block.leaves.clear();
      block.last_rank = -1;
      return;
    }
  }
  int renumbered = next_unused(c);
  c.report(DiagId::warn_import_goal_label_duplicate, c.where(row),
           {diag::bilingual("的一级指标从头开始，但未印出绩效目标标签",
                            "starts the 一级 order over without a goal label"),
            std::to_string(renumbered)});
  Block next;
  next.number = renumbered;
  c.blocks.push_back(std::move(next));
}

struct Chain {
  const LabelCell* goal = nullptr;
  const LabelCell* level1 = nullptr;
  const LabelCell* level2 = nullptr;
  std::vector<const LabelCell*> extras; // printed in front: they open the next block
};

// The row's own labels are the G? L1? L2? run that ends its labels; what stands before it
// (a second 一级, a goal label before it) belongs to the rows below.
Chain read_chain(Context& c, const Row& row, const std::vector<LabelCell>& labels) {
  Chain chain;
  int stage = 0;
  int i = int(labels.size()) - 1;
  for (; i >= 0; --i) {
    LabelKind kind = labels[std::size_t(i)].label.kind;
    if (stage == 0 && (kind == LabelKind::Level2 || kind == LabelKind::Level1or2)) {
      chain.level2 = &labels[std::size_t(i)];
      stage = 1;
    } else if (stage <= 1 && (kind == LabelKind::Level1 || kind == LabelKind::Level1or2)) {
      chain.level1 = &labels[std::size_t(i)];
      stage = 2;
    } else if (stage <= 2 && kind == LabelKind::Goal) {
      chain.goal = &labels[std::size_t(i)];
      stage = 3;
    } else {
      break;
    }
  }
  for (int j = 0; j <= i; ++j) chain.extras.push_back(&labels[std::size_t(j)]);
  // 成本指标 alone: a 二级 under 产出 (the older framework), else a 一级.
  if (chain.level2 && !chain.level1 && chain.level2->label.kind == LabelKind::Level1or2) {
    std::string carried = c.carry.level1_stem;
    for (const auto& pending : c.pending) {
      if (is_level(pending.label.kind) && pending.label.kind != LabelKind::Level2)
        carried = pending.label.stem;
    }
    bool under_output = carried == "产出";
    int l1_column = c.header.present ? c.header.index_of(Column::Level1) : -1;
    int l2_column = c.header.present ? c.header.index_of(Column::Level2) : -1;
    int at = chain.level2->index;
    if (!under_output) {
      chain.level1 = chain.level2;
      chain.level2 = nullptr;
      if (row.positional && at == l2_column && l1_column >= 0)
        c.report(
            DiagId::note_import_label_column, c.where(*chain.level1->cell),
            {chain.level1->label.name, column_name(Column::Level2), column_name(Column::Level1)});
    } else if (row.positional && at == l1_column && l2_column >= 0) {
      c.report(
          DiagId::note_import_label_column, c.where(*chain.level2->cell),
          {chain.level2->label.name, column_name(Column::Level1), column_name(Column::Level2)});
    }
  }
  return chain;
}

std::string labels_phrase(const std::vector<const LabelCell*>& labels) {
  std::string out;
  for (const auto* label : labels) out += "「" + label->cell->text + "」";
  return out;
}

void add_subtotal(Context& c, const Tail& tail) {
  Block& block = current_block(c);
  auto read = [&](Column column, std::optional<Decimal>& out, const Cell*& where) {
    auto it = tail.fields.find(column);
    if (it == tail.fields.end()) return;
    if (auto number = score_number(it->second.text)) {
      out = number;
      where = it->second.cell;
    }
  };
  read(Column::Weight, block.weight, block.weight_cell);
  read(Column::Score, block.score, block.score_cell);
}

// A wrapped line: its pieces go to the same columns of the leaf above, or (a sequence row)
// to the leaf's last text.
bool join_wrapped(Context& c, const Row& row) {
  if (c.blocks.empty() || c.blocks.back().leaves.empty()) return false;
  Leaf& leaf = c.blocks.back().leaves.back();
  auto& ind = leaf.indicator;
  std::string* last = nullptr;
  Column last_column = Column::None;
  for (auto [field, column] : {std::pair{&ind.name, Column::Name},
                               {&ind.target, Column::Target},
                               {&ind.actual, Column::Actual},
                               {&ind.deviation_reason, Column::Reason},
                               {&ind.scoring_standard, Column::Standard},
                               {&ind.explanation, Column::Explanation}}) {
    if (!field->empty()) {
      last = field;
      last_column = column;
    }
  }
  for (const Cell* cell : row.filled()) {
    std::string* target = last;
    Column column = last_column;
    int index = index_in_row(row, cell);
    if (row.positional && c.header.present && std::size_t(index) < c.header.types.size()) {
      switch (c.header.types[std::size_t(index)]) {
      case Column::Name:
        target = &ind.name;
        column = Column::Name;
        break;
      case Column::Target:
        target = &ind.target;
        column = Column::Target;
        break;
      case Column::Actual:
        target = &ind.actual;
        column = Column::Actual;
        break;
      case Column::Reason:
        target = &ind.deviation_reason;
        column = Column::Reason;
        break;
      case Column::Standard:
        target = &ind.scoring_standard;
        column = Column::Standard;
        break;
      case Column::Explanation:
        target = &ind.explanation;
        column = Column::Explanation;
        break;
      default:
        break;
      }
    }
    if (target == nullptr) return false;
    append_wrapped(*target, cell->text);
    c.report(DiagId::note_import_wrapped_joined, c.where(*cell), {column_name(column)});
  }
  return true;
}

} // namespace

bool Context::project_hint() const {
  if (title_project) return *title_project;
  if (options.kind) return *options.kind == model::FormKind::Project;
  return saw_funding_source || saw_project_field;
}

IndicatorHeader read_indicator_header(const Row& row) {
  IndicatorHeader header;
  header.types.assign(row.cells.size(), Column::None);
  header.line = row.line;
  std::set<Column> seen;
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    if (row.cells[i].empty()) continue;
    Column column = indicator_column(key(row.cells[i].text));
    header.types[i] = column;
    if (column != Column::None) header.size = int(i) + 1;
    if (column != Column::None && column != Column::Goal && column != Column::Other &&
        column != Column::Review && column != Column::Name)
      seen.insert(column);
    if (column == Column::Name) header.present = true;
  }
  header.present = header.present && seen.size() >= 3;
  return header;
}

namespace {

// A line that only continues the text of the row above. Not a row of a `|` dump printed to the
// table's full width with only its first cells filled ("减少原件调阅次数 | ||||||"): the dump
// printed a row there, a 三级 with empty values.
bool continues_above(Context& c, const Row& row, bool has_labels, const Tail& tail) {
  bool has_numbers = tail.has(Column::Weight) || tail.has(Column::Score);
  if (has_labels || !c.pending.empty() || has_numbers || !tail.unplaced.empty() ||
      row.filled().size() > 2 || !c.last_row_was_leaf || c.row_index + 1 >= c.row_count)
    return false;
  if (c.grid.layout == Layout::Pipes && c.header.present && row.cells.size() >= 4 &&
      int(row.cells.size()) >= c.header.size)
    return false;
  for (const Cell* cell : row.filled()) {
    CellShape shape = shape_of(cell->text);
    if (shape.number || shape.percent || shape.comparator) return false;
  }
  return (!tail.has(Column::Target) || !tail.has(Column::Actual)) && join_wrapped(c, row);
}

// The row's labels move the carried goal, 一级 and 二级; labels printed in front of its own
// chain wait for the rows below.
void carry_labels(Context& c, const Row& row, const Chain& chain) {
  std::vector<LabelCell> pending = std::move(c.pending);
  c.pending.clear();
  // The 一级 order of this row decides whether a repeated goal label starts a new block.
  auto rank_of_row = [&]() {
    if (chain.level1) return level1_rank(chain.level1->label.stem);
    for (const auto& label : pending) {
      if (label.label.kind == LabelKind::Level1 || label.label.kind == LabelKind::Level1or2)
        return level1_rank(label.label.stem);
    }
    if (chain.level2) {
      auto parent = natural_level1(chain.level2->label.stem);
      if (!parent.empty() && !level2_belongs(c.carry.level1_stem, chain.level2->label.stem))
        return level1_rank(parent);
    }
    return level1_rank(c.carry.level1_stem);
  };
  int row_rank = rank_of_row();

  bool goal_label = chain.goal != nullptr;
  for (const auto& label : pending) {
    if (label.label.kind == LabelKind::Goal && !chain.goal) {
      open_goal(c, label, row_rank);
      goal_label = true;
    }
  }
  if (chain.goal) open_goal(c, *chain.goal, row_rank);
  for (const auto& label : pending) {
    if (chain.level1) break;
    if (label.label.kind == LabelKind::Level1 || label.label.kind == LabelKind::Level1or2)
      set_level1(c, label);
    else if (label.label.kind == LabelKind::Level2 && !chain.level2)
      set_level2(c, label);
  }
  std::string level1_before = c.carry.level1_stem;
  if (chain.level1) set_level1(c, *chain.level1);
  if (chain.level2) set_level2(c, *chain.level2);
  if (!goal_label && c.carry.level1_stem != level1_before) restart_order(c, row);
  for (const auto* label : chain.extras) c.pending.push_back(*label);
}

// A row of labels only (a heading such as "产出指标(50分)"), a 小计 row, or nothing to read:
// true when the row is no leaf.
bool heading_only(Context& c, const Row& row, const Chain& chain, bool has_labels,
                  const Tail& tail) {
  bool has_numbers = tail.has(Column::Weight) || tail.has(Column::Score);
  bool has_values = has_numbers || tail.has(Column::Target) || tail.has(Column::Actual);
  bool subtotal = tail.has(Column::Name) && (key(tail.fields.at(Column::Name).text) == "小计" ||
                                             key(tail.fields.at(Column::Name).text) == "合计");
  if (subtotal || (!tail.has(Column::Name) && has_numbers && !tail.has(Column::Target) &&
                   !tail.has(Column::Actual))) {
    if (subtotal)
      add_subtotal(c, tail);
    else if (chain.level1 && tail.has(Column::Weight)) {
      const TailField& weight = tail.fields.at(Column::Weight);
      if (auto points = score_number(weight.text)) {
        std::size_t block = c.blocks.empty() ? 0 : c.blocks.size() - 1;
        c.level1_points[{block, chain.level1->label.stem}] = {*points, weight.cell};
      }
    }
    return true;
  }
  if (!tail.has(Column::Name) && !has_values) {
    if (!has_labels && tail.unplaced.empty())
      c.report(DiagId::warn_import_row_dropped, c.where(row), {quoted_cells(row)});
    return true;
  }
  return false;
}

// A 分值 / 得分 / 得分系数 cell read as a number (the coefficient without its %).
void read_number_field(Context& c, Leaf& leaf, Column column, const TailField& field) {
  auto& ind = leaf.indicator;
  auto& out = column == Column::Weight  ? ind.weight
              : column == Column::Score ? ind.score
                                        : ind.score_coefficient;
  const char* name = column == Column::Weight  ? "weight"
                     : column == Column::Score ? "score"
                                               : "score_coefficient";
  std::string printed = field.text;
  if (column == Column::Coefficient && !printed.empty() && printed.back() == '%')
    printed.pop_back();
  if (is_placeholder(printed)) return;
  if (auto number = score_number(printed)) {
    out = number;
    leaf.cells[name] = field.cell;
  } else {
    c.report(DiagId::warn_import_number_unreadable, c.where(*field.cell),
             {column_name(column), field.text});
  }
}

// The tail's fields written into the leaf, each with the cell it came from.
void fill_leaf(Context& c, Leaf& leaf, const Tail& tail) {
  auto& ind = leaf.indicator;
  for (const auto& [column, field] : tail.fields) {
    std::string* text = nullptr;
    const char* name = "";
    switch (column) {
    case Column::Name:
      text = &ind.name;
      name = "name";
      break;
    case Column::Target:
      text = &ind.target;
      name = "target";
      break;
    case Column::Actual:
      text = &ind.actual;
      name = "actual";
      break;
    case Column::Reason:
      text = &ind.deviation_reason;
      name = "deviation_reason";
      break;
    case Column::Adjusted:
      text = &ind.adjusted_target;
      name = "adjusted_target";
      break;
    case Column::Nature:
      text = &ind.nature;
      name = "nature";
      break;
    case Column::Unit:
      text = &ind.unit;
      name = "unit";
      break;
    case Column::Standard:
      text = &ind.scoring_standard;
      name = "scoring_standard";
      break;
    case Column::Explanation:
      text = &ind.explanation;
      name = "explanation";
      break;
    case Column::Weight:
    case Column::Score:
    case Column::Coefficient:
      read_number_field(c, leaf, column, field);
      break;
    case Column::Core: {
      std::string k = key(field.text);
      if (k == "是")
        ind.core = true;
      else if (k == "否")
        ind.core = false;
      if (ind.core) leaf.cells["core"] = field.cell;
      break;
    }
    default:
      break;
    }
    if (text != nullptr) {
      *text = field.text;
      leaf.cells[name] = field.cell;
    }
  }
  // 指标性质 printed as the target's comparator ("≥ | 450 | 公里"): it belongs in front of the
  // target, as the stream reading writes it.
  if (!ind.nature.empty() && shape_of(ind.nature).sign) {
    ind.target = ind.nature + ind.target;
    if (auto it = leaf.cells.find("nature"); it != leaf.cells.end()) {
      c.take(it->second); // read: the target's location is its value's cell
      leaf.cells.erase(it);
    }
    ind.nature.clear();
  }
}

// Where the row stands against its header: a row that lost or shifted columns.
void report_shift(Context& c, const Row& row, const Chain& chain, const Tail& tail) {
  if (!row.positional || !c.header.present || !tail.name_cell || c.grid.layout == Layout::Pdf ||
      !chain.extras.empty() || row.labels_moved)
    return;
  int shift = index_in_row(row, tail.name_cell) - c.header.index_of(Column::Name);
  bool report = shift > 0 || (shift < 0 && c.grid.layout == Layout::Tabs);
  if (shift == 0 || !report) return;
  std::string n = std::to_string(shift < 0 ? -shift : shift);
  std::string phrase =
      shift < 0 ? diag::bilingual("缺少前 " + n + " 列", "lost its first " + n + " column(s)")
                : diag::bilingual("右移了 " + n + " 列", "is shifted " + n + " column(s) right");
  c.report(DiagId::note_import_row_shifted, c.where(row), {phrase});
}

} // namespace

void indicator_row(Context& c, const Row& row) {
  RowSplit split = split_labels(c, row);
  // Merged-cell labels of the whole table ("年度 绩效 目标 完成 情况") are layout.
  std::vector<LabelCell> labels;
  for (const auto& label : split.labels) {
    if (label.label.kind == LabelKind::Section) {
      if (label.label.name.find(' ') != std::string::npos ||
          key(label.cell->text) != label.cell->text)
        c.report(DiagId::note_import_layout_label, c.where(*label.cell), {label.cell->text});
      continue;
    }
    labels.push_back(label);
  }
  Tail tail = align_tail(c, row, split.tail_start);
  if (continues_above(c, row, !labels.empty(), tail)) return;
  for (const Cell* cell : tail.unplaced)
    c.report(DiagId::warn_import_cell_unplaced, c.where(*cell), {cell->text});

  Chain chain = read_chain(c, row, labels);
  carry_labels(c, row, chain);
  if (heading_only(c, row, chain, !labels.empty(), tail)) {
    c.last_row_was_leaf = false;
    return;
  }

  Block& block = current_block(c);
  Leaf leaf;
  leaf.row = &row;
  auto& ind = leaf.indicator;
  ind.level1 = c.carry.level1;
  ind.level2 = c.carry.level2;
  leaf.level1_stem = c.carry.level1_stem;
  leaf.level2_stem = c.carry.level2_stem;
  if (c.carry.level1_cell) leaf.cells["level1"] = c.carry.level1_cell;
  if (c.carry.level2_cell) leaf.cells["level2"] = c.carry.level2_cell;
  fill_leaf(c, leaf, tail);
  report_shift(c, row, chain, tail);
  if (!chain.extras.empty()) {
    std::string read_as =
        (block.number > 0 ? "绩效目标" + std::to_string(block.number) : std::string()) +
        level_phrase(ind.level1, ind.level2);
    c.report(DiagId::warn_import_labels_pending, c.where(*chain.extras.front()->cell),
             {labels_phrase(chain.extras), read_as});
  }
  block.last_rank = std::max(block.last_rank, level1_rank(leaf.level1_stem));
  block.leaves.push_back(std::move(leaf));
  c.last_row_was_leaf = true;
}

} // namespace ziping::io::text::recovery
