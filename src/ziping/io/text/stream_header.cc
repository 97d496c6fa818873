// io/text/stream_header.cc — the column model of an indicator table, read from its header
// words wherever the layout put them: one line, two lines, one word per line, or run together.
#include <algorithm>

#include "ziping/io/text/header_synonyms.h"
#include "ziping/io/text/keys.h"
#include "ziping/io/text/stream.h"
#include "ziping/io/text/stream_dp.h"

namespace ziping::io::text::stream {
namespace {

struct Word {
  Column column = Column::None;
  std::size_t end = 0; // 0: no header word here
};

const std::vector<std::pair<std::string, Column>>& synonym_keys() {
  static const auto table = [] {
    std::vector<std::pair<std::string, Column>> out;
    for (const auto& synonym : indicator_header_synonyms())
      out.emplace_back(key(synonym.word), synonym.column);
    return out;
  }();
  return table;
}

// synonym_keys() by their first two bytes (one-byte words by their byte), each bucket in table
// order: header_word runs at every atom, and comparing each of the few hundred synonyms there
// was most of a text import's time. A word can only match where the keys start with its bytes.
struct SynonymIndex {
  std::vector<std::vector<std::size_t>> by_two_bytes = std::vector<std::vector<std::size_t>>(65536);
  std::vector<std::vector<std::size_t>> by_one_byte = std::vector<std::vector<std::size_t>>(256);
};

const SynonymIndex& synonym_index() {
  static const auto index = [] {
    SynonymIndex out;
    const auto& keys = synonym_keys();
    for (std::size_t k = 0; k < keys.size(); ++k) {
      const std::string& word = keys[k].first;
      if (word.size() >= 2)
        out.by_two_bytes[static_cast<unsigned char>(word[0]) << 8 |
                         static_cast<unsigned char>(word[1])]
            .push_back(k);
      else if (word.size() == 1)
        out.by_one_byte[static_cast<unsigned char>(word[0])].push_back(k);
    }
    return out;
  }();
  return index;
}

// The atom past a column tag printed right after a header word: "(A)", "(B/A)", "(%)", "(分)",
// or OCR's "(八)" for "(A)" — a bracketed run of at most four characters — else `i` itself.
std::size_t past_tag(const Stream& s, std::size_t i) {
  if (i >= s.size() || (s.atoms[i].text != "(" && s.atoms[i].text != "（")) return i;
  for (std::size_t j = i + 1; j < s.size() && j <= i + 5; ++j) {
    const std::string& t = s.atoms[j].text;
    // "()" too: a template's unit tag whose letter a document viewer dropped ("预算数()").
    if (t == ")" || t == "）") return j + 1;
    if (t == "(" || t == "（") return i;
  }
  return i;
}

Word header_word(const Stream& s, std::size_t i, bool notes = true);

// A longer bracketed note after a header word, "指标评价内容(公式计算结果=x)", up to the next
// header word printed right after it: the atom past it, else `i` itself.
std::size_t past_note(const Stream& s, std::size_t i) {
  constexpr std::size_t kNote = 16;
  if (i >= s.size() || (s.atoms[i].text != "(" && s.atoms[i].text != "（")) return i;
  for (std::size_t j = i + 1; j < s.size() && j <= i + kNote; ++j) {
    const std::string& t = s.atoms[j].text;
    if (t == "(" || t == "（") return i;
    // (The word after is looked up without notes of its own: one step, never a chain.)
    if (t == ")" || t == "）") return header_word(s, j + 1, false).end != 0 ? j + 1 : i;
  }
  return i;
}

// The longest header word at atom i, with an optional "(A)"-style suffix; of equally long
// words, the first in the table.
Word header_word(const Stream& s, std::size_t i, bool notes) {
  if (i >= s.size()) return {};
  std::string_view rest = std::string_view(s.keys).substr(s.offset[i]);
  if (rest.empty()) return {};
  const auto& keys = synonym_keys();
  const auto& index = synonym_index();
  Word best;
  std::size_t best_length = 0, best_k = 0;
  auto consider = [&](const std::vector<std::size_t>& bucket) {
    for (std::size_t k : bucket) {
      const auto& [word, column] = keys[k];
      if (word.size() < best_length || (word.size() == best_length && k > best_k)) continue;
      if (std::size_t end = s.match(i, word)) {
        best = {column, end};
        best_length = word.size();
        best_k = k;
      }
    }
  };
  auto first = static_cast<unsigned char>(rest[0]);
  if (rest.size() >= 2)
    consider(index.by_two_bytes[first << 8 | static_cast<unsigned char>(rest[1])]);
  consider(index.by_one_byte[first]);
  if (best.end == 0) return best;
  std::size_t tagged = past_tag(s, best.end);
  best.end = tagged != best.end || !notes ? tagged : past_note(s, best.end);
  return best;
}

bool has(const std::vector<Column>& columns, Column c);
bool is_value_column(Column c);

// A value column's word the synonym table knows only in two pieces: the area template's
// "实际完成指标值" reads as 实际完成 then 指标值, a second 年度指标值 that would take each row's
// next cell. A value word printed with no separator right after another value word, naming a
// column the header already has, is the rest of that word's cell, not a column of its own.
bool rest_of_previous_word(const Stream& s, std::size_t i, Column column,
                           const std::vector<Column>& so_far) {
  return i > 0 && s.atoms[i].gap == Gap::None && !so_far.empty() && is_value_column(column) &&
         is_value_column(so_far.back()) && has(so_far, column);
}

// A header cell the synonym table does not know but that names a value ("全年实现值", or OCR's
// "年成值全完值"): a few characters ending in 值, directly followed by another header word. It
// is the 年度指标值 where there is none yet, else the 实际完成值.
Word value_word(const Stream& s, std::size_t i, const std::vector<Column>& so_far) {
  for (std::size_t j = i + 1; j < s.size() && j < i + 8; ++j) {
    if (s.atoms[j].key != "值" || header_word(s, j + 1).end == 0) continue;
    if (!has(so_far, Column::Target)) return {Column::Target, j + 1};
    if (!has(so_far, Column::Actual)) return {Column::Actual, j + 1};
    return {};
  }
  return {};
}

// A four-character header word with its characters permuted: OCR reading a cell wrapped over
// two lines column by column prints "考值参分" for 参考分值. Tried only where no word reads.
Word permuted_word(const Stream& s, std::size_t i) {
  constexpr std::size_t kLength = 4;
  if (i + kLength > s.size()) return {};
  std::string_view printed =
      std::string_view(s.keys).substr(s.offset[i], s.offset[i + kLength] - s.offset[i]);
  for (const auto& [word, column] : synonym_keys()) {
    if (column != Column::None && word.size() == printed.size() &&
        code_point_count(word) == kLength && is_anagram(printed, word))
      return {column, past_tag(s, i + kLength)};
  }
  return {};
}

bool is_value_column(Column c) {
  return c == Column::Target || c == Column::Actual || c == Column::Weight || c == Column::Score;
}

// Fragments (年度 / 实际) take the halves printed after the rest of the header, in order:
// "年度 实际 分值 得分 … 指标值 完成值" → 年度指标值, 实际完成值, 分值, 得分, ….
void join_fragments(std::vector<Column>& columns) {
  auto fragments = std::count(columns.begin(), columns.end(), Column::None);
  std::vector<Column> tail;
  while (fragments > 0 && !columns.empty() &&
         (columns.back() == Column::Target || columns.back() == Column::Actual) &&
         long(tail.size()) < fragments) {
    tail.insert(tail.begin(), columns.back());
    columns.pop_back();
  }
  std::size_t next = 0;
  for (Column& c : columns) {
    if (c == Column::None && next < tail.size()) c = tail[next++];
  }
  std::erase(columns, Column::None);
}

// The header words in a row from atom i on: their columns and the atom after the last.
std::pair<std::vector<Column>, std::size_t> header_run(const Stream& s, std::size_t i,
                                                       std::size_t stop) {
  std::vector<Column> columns;
  std::size_t j = i;
  while (j < stop) {
    Word word = header_word(s, j);
    if (word.end == 0 || word.column == Column::Name || word.end > stop) break;
    columns.push_back(word.column);
    j = word.end;
  }
  return {columns, j};
}

bool has(const std::vector<Column>& columns, Column c) {
  return std::find(columns.begin(), columns.end(), c) != columns.end();
}

// A two-row header: 年度指标值 | 实际完成值 | 分值 | 得分 above, 三级指标 | 指标性质 | 指标值 |
// 度量单位 below. The lower row's sub-columns take the place of the upper row's 年度指标值.
void merge_upper_row(const Stream& s, ColumnModel& model) {
  if (has(model.columns, Column::Actual) || has(model.columns, Column::Weight) ||
      has(model.columns, Column::Score))
    return;
  std::size_t floor = model.header_begin > 160 ? model.header_begin - 160 : 0;
  for (std::size_t k = model.header_begin; k-- > floor;) {
    auto [upper, end] = header_run(s, k, model.header_begin);
    if (upper.size() < 3 || !has(upper, Column::Target) ||
        (k > 0 && header_word(s, k - 1).end == k))
      continue;
    std::vector<Column> merged;
    for (Column c : upper) {
      if (c == Column::Target)
        merged.insert(merged.end(), model.columns.begin(), model.columns.end());
      else if (c != Column::None)
        merged.push_back(c);
    }
    model.columns = std::move(merged);
    return;
  }
}

// A header that gives each level its own points column prints a 得分 (or 分值) after 一级指标
// and 二级指标 as well as after 三级指标: "一级指标 得分 二级指标 得分 三级指标 得分 评价标准 …
// 得分". Then each label is followed by its points, and of the leaf's two 得分 columns the first
// holds its 分值 (there is no other) and the last its score. A header that names the leaf's
// 分值 as well ("一级指标 分值 二级指标 分值 三级指标 分值 得分") keeps its columns.
void read_level_points(const Stream& s, ColumnModel& model) {
  std::size_t back = model.header_begin > 24 ? model.header_begin - 24 : 0;
  std::string before = s.key_text(back, model.header_begin);
  bool level_points = false;
  for (std::string_view level : {"一级指标", "二级指标"}) {
    for (std::string_view points : {"得分", "分值"})
      level_points = level_points ||
                     before.find(std::string(level) + std::string(points)) != std::string::npos;
  }
  if (!level_points) return;
  auto scores = std::count(model.columns.begin(), model.columns.end(), Column::Score);
  // "一级指标 分值 二级指标 分值 三级指标 分值 得分": the leaf's own 分值 is printed as such.
  if (has(model.columns, Column::Weight) && scores >= 1) {
    model.level_points = true;
    return;
  }
  if (scores < 2 || has(model.columns, Column::Weight)) return;
  model.level_points = true;
  *std::find(model.columns.begin(), model.columns.end(), Column::Score) = Column::Weight;
}

bool is_trailing_column(Column c) {
  return c == Column::Standard || c == Column::Explanation || c == Column::Other ||
         c == Column::Reason || c == Column::Review || c == Column::Rate;
}

// A header cut by the first row (a label and row printed between its cells, "评价内容 分值
// 自评分 | 项目决策 2 分 决策依据 2 2 | 复核分 评价标准及依据 | 有项目…"): a run of at least two
// trailing columns' words the model lacks, printed within a few cells after the header, ends it.
void append_header_tail(const Stream& s, ColumnModel& model) {
  constexpr std::size_t kReach = 40;
  for (std::size_t i = model.header_end; i < s.size() && i < model.header_end + kReach; ++i) {
    if (s.atoms[i].gap == Gap::None) continue;
    auto [tail, end] = header_run(s, i, s.size());
    if (tail.size() < 2) continue;
    bool fits = std::all_of(tail.begin(), tail.end(), [&](Column c) {
      return is_trailing_column(c) && !has(model.columns, c);
    });
    if (fits) model.columns.insert(model.columns.end(), tail.begin(), tail.end());
    return;
  }
}

// The atom past a figure printed alone in its cell from atom i on ("50"), else i itself.
std::size_t past_figure_cell(const Stream& s, std::size_t i) {
  if (i >= s.size() || s.atoms[i].gap != Gap::Cell) return i;
  std::size_t j = i;
  while (j < s.size() && (j == i || s.atoms[j].gap == Gap::None) && s.atoms[j].key.size() == 1 &&
         s.atoms[j].key[0] >= '0' && s.atoms[j].key[0] <= '9')
    ++j;
  bool alone = j > i && (j >= s.size() || s.atoms[j].gap != Gap::None);
  return alone ? j : i;
}

// A header with a 年度指标值 and an 实际完成值 but no 分值 or 得分 word that prints a figure
// where the next column's word should be ("年度指标值 | 实际完成指标值 | 50", the area
// template's merged cell of the section's points): each row prints a figure in that column
// too, but whether it is the row's 分值 or its 得分 the page does not say. The column is kept
// (so the figures do not shift the rows) and not read; the figure is noted.
void read_unnamed_points(const Stream& s, ColumnModel& model) {
  if (!has(model.columns, Column::Target) || !has(model.columns, Column::Actual) ||
      has(model.columns, Column::Weight) || has(model.columns, Column::Score))
    return;
  std::size_t end = past_figure_cell(s, model.header_end);
  if (end == model.header_end) return;
  model.unnamed_points = s.key_text(model.header_end, end);
  model.columns.push_back(Column::Other);
  model.header_end = end;
}

} // namespace

std::optional<ColumnModel> find_header(const Stream& s, std::size_t from) {
  for (std::size_t i = from; i < s.size(); ++i) {
    Word name = header_word(s, i);
    if (name.column != Column::Name) continue;
    ColumnModel model;
    model.header_begin = i;
    std::size_t j = name.end, last = name.end;
    int values = 0;
    while (j < s.size()) {
      Word word = header_word(s, j);
      if (word.end == 0) word = value_word(s, j, model.columns);
      if (word.end == 0) word = permuted_word(s, j);
      if (word.end == 0 || word.column == Column::Name) break;
      if (rest_of_previous_word(s, j, word.column, model.columns)) {
        j = last = word.end;
        continue;
      }
      model.columns.push_back(word.column);
      values += is_value_column(word.column);
      j = word.end;
      if (word.column != Column::None) last = j;
    }
    while (!model.columns.empty() && model.columns.back() == Column::None) model.columns.pop_back();
    join_fragments(model.columns);
    model.header_end = last;
    read_unnamed_points(s, model);
    read_level_points(s, model);
    append_header_tail(s, model);
    if (values < 3) merge_upper_row(s, model);
    values = 0;
    for (Column c : model.columns) values += is_value_column(c);
    // A score sheet (部门整体支出绩效评价得分表: 一级 | 二级 | 三级指标 | 得分) prints each row's
    // 分值 in its name's brackets, "相关性(5 分)", and its 得分 after it.
    model.points_in_names = model.columns == std::vector<Column>{Column::Score} &&
                            s.key_text(i, model.header_end) == "三级指标得分";
    if (values < 2 && !model.points_in_names) continue;
    std::size_t back = i > 40 ? i - 40 : 0;
    model.numbered_rows = s.key_text(back, i).find("序号") != std::string::npos;
    return model;
  }
  return std::nullopt;
}

std::size_t next_header(const Stream& s, std::size_t from) {
  for (std::size_t i = from; i < s.size(); ++i) {
    if (i > 0 && s.atoms[i].gap == Gap::None) continue;
    Word name = header_word(s, i);
    if (name.column == Column::Name && (name.end >= s.size() || s.atoms[name.end].gap != Gap::None))
      return i;
  }
  return s.size();
}

// Column-wise extraction (PDFs, spreadsheets read column by column) scatters the header words
// among the cells: their order says nothing, but when the four value columns of the national
// template are all named near 三级指标, the rows are read in the template's order. The rows
// start after the last header word of that neighbourhood.
std::optional<ColumnModel> find_scattered_header(const Stream& s) {
  constexpr std::size_t kReach = 200;
  for (std::size_t i = 0; i < s.size(); ++i) {
    Word name = header_word(s, i);
    if (name.column != Column::Name) continue;
    std::size_t from = i > kReach ? i - kReach : 0, to = std::min(s.size(), i + kReach);
    std::vector<Column> seen;
    std::size_t first = i, last = name.end;
    for (std::size_t j = from; j < to;) {
      Word word = header_word(s, j);
      if (word.end == 0 || word.column == Column::None) {
        ++j;
        continue;
      }
      seen.push_back(word.column);
      first = std::min(first, j);
      last = std::max(last, word.end);
      j = word.end;
    }
    if (!has(seen, Column::Target) || !has(seen, Column::Actual) || !has(seen, Column::Weight) ||
        !has(seen, Column::Score))
      continue;
    ColumnModel model;
    model.columns = {Column::Target, Column::Actual, Column::Weight, Column::Score};
    if (has(seen, Column::Reason)) model.columns.push_back(Column::Reason);
    model.header_begin = first;
    model.header_end = last;
    return model;
  }
  return std::nullopt;
}

// An excerpt that starts inside the indicator table prints no header: rows that open with a
// 一级 label and a 二级 label are read in the national template's order. The labels are
// found by the vocabulary of the row reading (a 一级 among 产出/效益/满意度/成本 followed within a
// few characters by a 二级), so running text that only mentions them does not start a table.
// Text run together prints them with no separator ("产出指标数量指标足额…"): two whole label
// words in a row are no running text either.
std::optional<ColumnModel> find_headerless_rows(const Stream& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && s.atoms[i].gap == Gap::None) continue;
    StreamLabel first = label_at(s, i, false);
    if (first.end == 0 || first.level != LabelLevel::Level1) continue;
    std::size_t next = first.end;
    if (next >= s.size()) continue;
    if (s.atoms[next].gap == Gap::None &&
        (!first.name.ends_with("指标") || !label_at(s, next, false).name.ends_with("指标")))
      continue;
    StreamLabel second = label_at(s, next, false);
    if (second.end == 0 || second.level == LabelLevel::Level1) continue;
    ColumnModel model;
    model.columns = {Column::Target, Column::Actual, Column::Weight, Column::Score, Column::Reason};
    model.header_begin = model.header_end = i;
    return model;
  }
  return std::nullopt;
}

namespace {

// A bare figure at the start of a line, a space, another bare figure no larger: a scheme row's
// 分值 and 得分 ("5 5", "3 2") printed at the head of the line after its name.
bool points_pair_at(const Stream& s, std::size_t i) {
  if (!s.atoms[i].line_start) return false;
  auto figure_end = [&](std::size_t k) {
    std::size_t e = k;
    while (e < s.size() && e < k + 4 &&
           (s.atoms[e].key == "." ||
            (s.atoms[e].key.size() == 1 && s.atoms[e].key[0] >= '0' && s.atoms[e].key[0] <= '9')) &&
           (e == k || s.atoms[e].gap == Gap::None))
      ++e;
    return e;
  };
  std::size_t first = figure_end(i);
  if (first == i || first >= s.size() || s.atoms[first].gap != Gap::Space) return false;
  std::size_t second = figure_end(first);
  if (second == first || (second < s.size() && s.atoms[second].gap == Gap::None)) return false;
  auto weight = num::Decimal::parse(s.key_text(i, first));
  auto score = num::Decimal::parse(s.key_text(first, second));
  return weight && score && *score <= *weight;
}

} // namespace

// A scheme table whose header was cut off (a page that starts inside it): a 决策/管理/绩效 一级
// label with its points, "项目决策(10 分)", then rows whose 分值 and 得分 open the next line
// ("5 5 可行性…"), at least three of them within a few lines. Read as name | 分值 | 得分.
std::optional<ColumnModel> find_headerless_scheme(const Stream& s, std::size_t before) {
  constexpr std::size_t kReach = 300;
  constexpr int kRows = 3;
  for (std::size_t i = 0; i < before && i < s.size(); ++i) {
    StreamLabel label = label_at(s, i, false);
    if (label.end == 0 || label.level != LabelLevel::Level1 || !label.points ||
        label.name.size() < 6) // 项目决策, 部门管理: not the outputs' 产出 / 效益
      continue;
    int pairs = 0;
    for (std::size_t j = label.end; j < s.size() && j < label.end + kReach; ++j)
      pairs += points_pair_at(s, j);
    if (pairs < kRows) continue;
    ColumnModel model;
    model.columns = {Column::Weight, Column::Score};
    model.header_begin = model.header_end = i;
    return model;
  }
  return std::nullopt;
}

} // namespace ziping::io::text::stream
