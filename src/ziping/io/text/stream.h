// io/text/stream.h — the stream recovery: a published indicator table read as one stream of
// characters, whatever the layout did to it. Line breaks, cell separators and spaces are kept as
// evidence of where cells end (never as law), the column model comes from the header words
// (header_synonyms.h), and a dynamic program segments the stream into rows that fit the column
// model and the form's own arithmetic. Internal to io/text; recover_stream.cc is its user.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ziping/diag/diagnostic.h"
#include "ziping/io/text/grid.h"
#include "ziping/io/text/vocabulary.h"
#include "ziping/model/form.h"

namespace ziping::io::text::stream {

// How strongly the text says a cell ends before an atom.
enum class Gap : unsigned char { None = 0, Space = 1, Cell = 2 };

// One code point of the form, with its comparable key and where it came from.
struct Atom {
  std::string text;               // as printed
  std::string key;                // simplified and folded (keys.h); empty for ignorable characters
  Gap gap = Gap::None;            // separator evidence before this atom
  bool empty_cell_before = false; // a positional empty cell lies between this atom and the last
  bool line_start = false;        // the first atom of a printed line
  bool separated = false;         // its line separates cells (tabs, bars): never cut inside a cell
  bool spaced = false;            // its line puts spaces between cells: a cut without one is rare
  int line = 0, column = 0, page = 0;
};

struct Stream {
  std::vector<Atom> atoms;
  std::string keys;                // every atom's key, concatenated
  std::vector<std::size_t> offset; // offset[i]: where atom i's key starts in `keys`; size()+1
  int pinyin_removed = 0;          // glosses "(xiàng)" dropped
  int pinyin_line = 0;

  std::size_t size() const { return atoms.size(); }
  // Atom index just past `word` when the keys from atom i on start with it, else 0.
  std::size_t match(std::size_t i, std::string_view word) const;
  // The printed text of atoms [from, to), a space kept where the print had one inside a cell.
  std::string text(std::size_t from, std::size_t to) const;
  std::string key_text(std::size_t from, std::size_t to) const;
  // The same without a copy: the segmenter asks for every span it tries.
  std::string_view key_view(std::size_t from, std::size_t to) const;
};

// A run of atoms with no gap between them: a word as the page printed it, with its folded key.
struct StreamWord {
  std::size_t begin = 0, end = 0;
  std::string key;
};

std::vector<StreamWord> words_of(const Stream& s);

// Removes pinyin glosses inserted after CJK characters ("項(xiàng)目" → "項目"); how many.
int strip_pinyin(std::string& text);

// The Grid's cells in reading order as one stream; pinyin glosses after CJK characters removed.
Stream make_stream(const Grid& grid);

// The column model read from the indicator header.
struct ColumnModel {
  std::vector<Column> columns; // after the name column, in print order
  bool numbered_rows = false;  // a 序号 column before the labels
  bool level_points = false; // 一级指标 | 得分 | 二级指标 | 得分: each label's points follow it
  bool points_in_names = false; // 三级指标 | 得分 only: each name prints its 分值, "相关性(5分)"
  std::size_t header_begin = 0, header_end = 0; // atoms of the header
  // A figure printed in the header where a column's word should be (the area template's "50":
  // a merged cell holding the section's points): its column's figures are not read.
  std::string unnamed_points;
};
// Finds the indicator header (三级指标 / 指标名称 followed by value columns).
std::optional<ColumnModel> find_header(const Stream& s, std::size_t from);
// Where no header reads in order: the national template's value columns, when their header
// words are all printed, scattered, around 三级指标 (column-wise extraction).
std::optional<ColumnModel> find_scattered_header(const Stream& s);
// Where no header is printed at all: rows that open with a 一级 and a 二级 label.
std::optional<ColumnModel> find_headerless_rows(const Stream& s);
// A scheme table cut off above its header, starting before atom `before`: a 决策/管理 label
// with its points, then rows whose "分值 得分" open the next line.
std::optional<ColumnModel> find_headerless_scheme(const Stream& s, std::size_t before);

// A 分值/得分 cell OCR printed with letters for digits ("IO" for 10), read as the digits.
struct OcrNumber {
  std::string field;   // 分值 or 得分
  std::string printed; // as printed
  std::string read;    // the digits it was read as
};

struct StreamLeaf {
  model::Indicator indicator;
  std::optional<num::Decimal> level1_points;
  std::optional<num::Decimal> level2_points; // the 二级 heading's "(10分)" over the row
  std::vector<OcrNumber> ocr_numbers;
  int line = 0, column = 0, page = 0;
  bool tied = false; // another reading of the row scored the same (ZP0818)
};

struct StreamTable {
  std::vector<StreamLeaf> leaves;
  std::optional<num::Decimal> total_weight, total_score;
  std::size_t end = 0; // atom where the table ended
};

// Segments the atoms after the header into rows (the dynamic program of stream_rows.cc).
StreamTable read_rows(const Stream& s, const ColumnModel& model);

// A table extracted column by column: every row's values in one run after the header, the
// labels and names after them (stream_transposed.cc); nullopt unless the counts agree.
std::optional<StreamTable> read_transposed(const Stream& s, const ColumnModel& model);
// The atom where the indicator table ends (总分 / 合计 with figures, 评价结论 …) from `from` on.
std::size_t table_end(const Stream& s, std::size_t from);
// The atom of the next table's 三级指标 / 指标名称 header word, printed as a cell of its own,
// from `from` on (a form with a scheme table and then a goal's indicator table); s.size() if none.
std::size_t next_header(const Stream& s, std::size_t from);

// What the stream says about the leaves it hands over (stream_headings.cc): a 分值/得分 read
// through OCR look-alikes, and the 二级 headings' "(N分)" against the rows under them — a single
// row's missing 分值 is taken from its heading, with a note. `rows` are the leaves as adopted
// (goals[0].indicators), in the same order.
void check_stream_leaves(const std::vector<StreamLeaf>& leaves, std::vector<model::Indicator>& rows,
                         std::vector<diag::Diagnostic>& out, const std::string& file);

// The budget block's figures read from the stream (stream_budget.cc): the header's amount
// columns in order, the rate as printed, the atom of the first figure. Only where a printed
// 执行率 = B/A and 得分 ≤ 分值 hold.
struct StreamBudget {
  std::vector<std::pair<BudgetColumn, num::Decimal>> figures;
  std::string rate;
  std::size_t at = 0;
};
std::optional<StreamBudget> read_budget(const Stream& s);

// The project's name, department and implementing unit next to their labels
// (stream_preamble.cc): after the label, or before it where another label follows at once (a
// page extracted column by column); words only, fragments joined. `path` is the form field.
struct StreamField {
  Field field = Field::None; // a name field (name_field_path())
  std::string value;
  std::size_t at = 0;
};
std::vector<StreamField> read_preamble(const Stream& s);

// What a cell's text is worth as each kind of field (stream_fields.cc); a negative
// kImpossible when it cannot be that field.
inline constexpr double kImpossible = -1e9;
double fit_name(std::string_view text, std::string_view key);
double fit_value(std::string_view key);
// "2021年12月31日", "2021年12月", "12月31日": a date printed as one cell.
bool is_printed_date(std::string_view key);
double fit_number(std::string_view key, double max);
double fit_free_text(std::string_view key);
double fit_column(Column column, std::string_view text, std::string_view key);

// The whole-span facts the fits above read (counts, brackets, signs), gathered piece by piece.
// The segmenter tries every end of a span from each start, growing the span one atom at a
// time; keeping these up to date as it grows replaces several scans of the whole span per end
// (the text reader's largest cost). Pieces must be whole UTF-8 sequences, so that counting
// them one by one equals counting their concatenation (the segmenter checks its keys are).
struct SpanFacts {
  std::size_t key_points = 0;                    // code points of the key
  std::size_t key_cjk = 0;                       // of them in U+3400..U+9FFF
  int depth = 0;                                 // '(' less ')' so far
  bool closed_unopened = false;                  // a ')' came with nothing open
  std::size_t open_quotes = 0, close_quotes = 0; // “ and ”
  bool sign = false;                             // '=', ';', '≥' or '≤'
  bool scoring = false;        // '(', 得, 扣 or 分: scores_points needs one of them to hold
  std::size_t text_points = 0; // code points of the printed text
  std::size_t text_bytes = 0;
  std::size_t text_space = std::string_view::npos; // the printed text's first ' '

  void add_key(std::string_view piece);
  void add_text(std::string_view piece);
  // Brackets opened and not closed, or closed and not opened: a cell boundary cut through them.
  bool balanced() const { return !closed_unopened && depth == 0 && close_quotes <= open_quotes; }
  static SpanFacts of(std::string_view text, std::string_view key);
};
// The same fits with the span's facts already gathered (equal to the ones above by
// construction: those gather the facts and call these).
double fit_name(std::string_view text, std::string_view key, const SpanFacts& facts);
double fit_value(std::string_view key, const SpanFacts& facts);
double fit_column(Column column, std::string_view text, std::string_view key,
                  const SpanFacts& facts);
// The unit a value ends with ("个", "%", "万元"), for matching target and actual.
std::string unit_of(std::string_view key);
// A unit the value notation knows (个, 次, 万元, %), not just a short run of characters.
bool is_known_unit(std::string_view unit);
// A figure and nothing else ("12.5", "≥80"): no unit, no words.
bool is_bare_figure(std::string_view key);
// A 指标性质 cell that holds the target's comparator ("≥", "═") rather than 定量/定性.
bool is_comparator_only(std::string_view key);
// The same characters in another order (OCR reading a wrapped cell column by column).
bool is_anagram(std::string_view a, std::string_view b);

} // namespace ziping::io::text::stream
