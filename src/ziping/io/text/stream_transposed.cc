// io/text/stream_transposed.cc — an indicator table extracted column by column (PDFs and
// spreadsheets read cell column after cell column): under the header, the value cells of every
// row in one run (target, actual, 分值, 得分; then the totals), and only after them the level
// labels and the names in another. The value tuples belong to the names in print order; a
// name's wrapped tail ("…结算完成" / "率") is joined back; each row's 二级 cell pairs with its name
// when every row printed one. Read only when the counts agree: otherwise the association is
// not certain and the dynamic program's reading stands.
#include <algorithm>

#include "ziping/io/text/header_synonyms.h"
#include "ziping/io/text/keys.h"
#include "ziping/io/text/stream_dp.h"

namespace ziping::io::text::stream {
namespace {

// A cell between separators: atoms [begin, end).
struct Token {
  std::size_t begin = 0, end = 0;
};

std::size_t token_end(const Stream& s, std::size_t from, std::size_t to) {
  std::size_t j = from + 1;
  while (j < to && s.atoms[j].gap == Gap::None) ++j;
  return j;
}

// The value columns of the model, in print order: all four, or none (not this layout).
std::vector<Column> value_columns(const ColumnModel& model) {
  std::vector<Column> out;
  for (Column c : model.columns) {
    if (c == Column::Target || c == Column::Actual || c == Column::Weight || c == Column::Score)
      out.push_back(c);
  }
  if (out.size() != 4) out.clear();
  return out;
}

struct Tuple {
  std::vector<Token> cells; // one per value column
};

// The run of complete value tuples from atom `at`; `at` is left after the last.
std::vector<Tuple> read_tuples(const Stream& s, const std::vector<Column>& columns, std::size_t& at,
                               std::size_t end) {
  std::vector<Tuple> out;
  while (at < end) {
    Tuple tuple;
    std::size_t p = at;
    std::optional<num::Decimal> weight;
    for (Column c : columns) {
      if (p >= end) break;
      std::size_t q = token_end(s, p, end);
      std::string k = s.key_text(p, q);
      if (fit_column(c, s.text(p, q), k) <= 0) break;
      auto figure = num::Decimal::parse(k);
      if (c == Column::Weight) weight = figure;
      if (c == Column::Score && weight && figure && *figure > *weight) break;
      tuple.cells.push_back({p, q});
      p = q;
    }
    if (tuple.cells.size() != columns.size()) break;
    out.push_back(std::move(tuple));
    at = p;
  }
  return out;
}

// "100 98.62" after the tuples: the 分值 and 得分 totals.
void read_total_pair(const Stream& s, std::size_t& at, std::size_t end, StreamTable& table) {
  if (at >= end) return;
  std::size_t q = token_end(s, at, end);
  if (q >= end) return;
  std::size_t r = token_end(s, q, end);
  auto weight = num::Decimal::parse(s.key_text(at, q));
  auto score = num::Decimal::parse(s.key_text(q, r));
  if (!weight || !score || *score > *weight) return;
  table.total_weight = weight;
  table.total_score = score;
  at = r;
}

struct Name {
  std::string text;
  std::size_t at = 0; // first atom
};

struct NamesRun {
  std::vector<Name> names;
  std::vector<StreamLabel> level2;    // the 二级 labels in print order
  std::vector<StreamLabel> level1;    // the 一级 labels in print order
  std::vector<std::size_t> level2_at; // how many names were read when each 二级 came
  bool unread = false;                // a cell that is neither name, label nor layout
};

bool is_header_word(std::string_view k) {
  if (k.ends_with("指标")) return true; // 一级指标, 二级指标, 绩效指标
  for (const auto& synonym : indicator_header_synonyms())
    if (key(synonym.word) == k) return true;
  return false;
}

// A header word printed one character per cell ("绩 效 指 标", a vertical merged cell): the
// atom after it, else 0.
std::size_t spaced_header_word(const Stream& s, std::size_t p, std::size_t end) {
  std::size_t q = p;
  while (q < end && token_end(s, q, end) == q + 1 && code_point_count(s.atoms[q].key) == 1) ++q;
  return q >= p + 2 && is_header_word(s.key_text(p, q)) ? q : 0;
}

// One cell of the names run: a label, layout, a name or a one-character tail of the last name.
void read_name_cell(const Stream& s, std::size_t& p, std::size_t end, const ColumnModel& model,
                    NamesRun& run, bool header_zone) {
  StreamLabel label = label_at(s, p, false);
  if (label.end != 0 && label.end <= end) {
    (label.level == LabelLevel::Level1 ? run.level1 : run.level2).push_back(label);
    if (label.level != LabelLevel::Level1) run.level2_at.push_back(run.names.size());
    p = label.end;
    return;
  }
  if (std::size_t q = skippable_at(s, p, end, model); q != 0 && q <= end) {
    p = q;
    return;
  }
  if (std::size_t q = spaced_header_word(s, p, end)) {
    p = q;
    return;
  }
  std::size_t start = p, q = token_end(s, p, end);
  std::string text = s.text(p, q), k = s.key_text(p, q);
  p = q;
  if (header_zone && is_header_word(k)) return;
  if (fit_name(text, k) > 0 && !is_header_word(k)) {
    run.names.push_back({text, start});
    return;
  }
  if (code_point_count(k) == 1 && !run.names.empty()) {
    run.names.back().text += " " + text; // a wrapped name's last character
    return;
  }
  if (!header_zone) run.unread = true;
}

// Where the header's words begin around its Name word (三级指标): from 一级指标 when it is printed
// shortly before, else the Name word; the end of the header when there is none.
std::pair<std::size_t, std::size_t> header_zone(const Stream& s, const ColumnModel& model) {
  std::size_t from = model.header_begin, start = model.header_end;
  for (std::size_t p = from; p < model.header_end; p = token_end(s, p, model.header_end)) {
    std::string k = s.key_text(p, token_end(s, p, model.header_end));
    if (k == "一级指标") start = p;
    if (exact_header_column(k) == std::optional<Column>(Column::Name)) {
      if (start == model.header_end || p - start > 40) start = p;
      return {start, p};
    }
  }
  return {start, start};
}

// The labels and names of the header zone [from, values) (a name the column-wise extraction
// printed among the header words), then of the run after the values.
NamesRun read_names(const Stream& s, const ColumnModel& model, std::size_t from, std::size_t values,
                    std::size_t names, std::size_t end) {
  NamesRun run;
  for (std::size_t p = from; p < values;) read_name_cell(s, p, values, model, run, true);
  for (std::size_t p = names; p < end && !run.unread;) read_name_cell(s, p, end, model, run, false);
  return run;
}

void put_values(model::Indicator& leaf, const Stream& s, const std::vector<Column>& columns,
                const Tuple& tuple) {
  for (std::size_t c = 0; c < columns.size(); ++c) {
    auto [from, to] = tuple.cells[c];
    std::string text = s.text(from, to), k = s.key_text(from, to);
    if (columns[c] == Column::Target) leaf.target = text;
    if (columns[c] == Column::Actual) leaf.actual = text;
    if (columns[c] == Column::Weight) leaf.weight = num::Decimal::parse(k);
    if (columns[c] == Column::Score) leaf.score = num::Decimal::parse(k);
  }
}

// Each row's 二级 in print order when there is one per name, else the labels read before it.
void put_levels(model::Indicator& leaf, const NamesRun& run, std::size_t n) {
  const StreamLabel* level2 = nullptr;
  if (run.level2.size() == run.names.size()) {
    level2 = &run.level2[n];
  } else {
    for (std::size_t l = 0; l < run.level2.size() && run.level2_at[l] <= n; ++l)
      level2 = &run.level2[l];
  }
  if (!level2) return;
  leaf.level2 = level2->name;
  std::string_view natural = natural_level1(level2->stem);
  if (!natural.empty()) leaf.level1 = level_display(natural);
}

// "指标3:…": a name with the template's numbering.
bool numbered(std::string_view k) {
  return k.starts_with("指标") && k.size() > 6 && k[6] >= '0' && k[6] <= '9';
}

// The names of a block: cells that read as names; a one-character cell, or an unnumbered cell
// after a numbered name, joined to the name before it (a wrapped "…及失能" / "老人户数");
// stops at a label or anything else.
std::vector<Name> block_names(const Stream& s, std::size_t& p, std::size_t end) {
  std::vector<Name> names;
  while (p < end && names.size() < 4) {
    if (label_at(s, p, false).end != 0) break;
    std::size_t q = token_end(s, p, end);
    std::string text = s.text(p, q), k = s.key_text(p, q);
    bool name = fit_name(text, k) > 0;
    bool tail = name && !names.empty() && numbered(key(names.back().text)) && !numbered(k);
    if (name && !tail) {
      names.push_back({text, p});
    } else if (!names.empty() && (tail || (code_point_count(k) == 1 && fit_value(k) <= 0))) {
      names.back().text += " " + text;
    } else {
      break;
    }
    p = q;
  }
  return names;
}

} // namespace

std::optional<NameBlock> name_block_at(const Stream& s, const ColumnModel& model, std::size_t p,
                                       std::size_t end) {
  std::vector<Column> columns = value_columns(model);
  if (columns.size() != model.columns.size() || (p > 0 && s.atoms[p].gap == Gap::None))
    return std::nullopt;
  std::size_t at = p;
  std::vector<Name> names = block_names(s, at, end);
  if (names.size() < 2) return std::nullopt;
  std::vector<Tuple> tuples = read_tuples(s, columns, at, end);
  if (tuples.size() < names.size()) return std::nullopt;
  tuples.resize(names.size());
  at = tuples.back().cells.back().end;
  NameBlock block;
  block.end = at;
  for (std::size_t n = 0; n < names.size(); ++n) {
    model::Indicator leaf;
    leaf.name = names[n].text;
    put_values(leaf, s, columns, tuples[n]);
    block.gain += 1.0 + fit_name(leaf.name, key(leaf.name));
    for (const Token& cell : tuples[n].cells)
      block.gain += 1.0 + std::min(2.0, fit_value(s.key_text(cell.begin, cell.end)));
    block.leaves.push_back(std::move(leaf));
  }
  return block;
}

std::optional<StreamTable> read_transposed(const Stream& s, const ColumnModel& model) {
  std::vector<Column> columns = value_columns(model);
  if (columns.empty()) return std::nullopt;
  auto [zone, name_word] = header_zone(s, model);
  if (name_word >= s.size()) return std::nullopt;
  // The values start at the first cell after the Name word that opens two complete tuples.
  constexpr std::size_t kReach = 120;
  std::vector<Tuple> tuples;
  std::size_t values = name_word, at = name_word;
  for (std::size_t p = name_word; p < s.size() && p < name_word + kReach && tuples.size() < 2;
       p = token_end(s, p, s.size())) {
    at = values = p;
    tuples = read_tuples(s, columns, at, s.size());
  }
  if (tuples.size() < 2) return std::nullopt;
  std::size_t end = table_end(s, at);
  StreamTable table;
  read_total_pair(s, at, end, table);
  NamesRun run = read_names(s, model, zone, values, at, end);
  if (run.unread || run.names.size() != tuples.size()) return std::nullopt;
  for (std::size_t n = 0; n < tuples.size(); ++n) {
    StreamLeaf leaf;
    leaf.indicator.name = run.names[n].text;
    put_values(leaf.indicator, s, columns, tuples[n]);
    put_levels(leaf.indicator, run, n);
    const Atom& first = s.atoms[run.names[n].at];
    leaf.line = first.line;
    leaf.column = first.column;
    leaf.page = first.page;
    table.leaves.push_back(std::move(leaf));
  }
  table.end = end;
  return table;
}

} // namespace ziping::io::text::stream
