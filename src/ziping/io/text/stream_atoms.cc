// io/text/stream_atoms.cc — a Grid's cells as one stream of atoms (code points with keys and
// separator evidence), and word matching over the keys.
#include <algorithm>
#include <vector>

#include "ziping/io/text/keys.h"
#include "ziping/io/text/layout.h"
#include "ziping/io/text/stream.h"
#include "ziping/text/utf8.h"
#include "ziping/value/value.h"

namespace ziping::io::text::stream {
namespace {

bool is_space(char32_t cp) {
  return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x3000 || cp == 0xA0 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0xFEFF;
}

bool is_cjk(char32_t cp) {
  return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

// Letters of Hanyu Pinyin, with or without tone marks.
bool is_pinyin_letter(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x1E00 && cp <= 0x1EFF);
}

// The key of one code point: simplified, then folded; cached, since ICU is slow per call. In a
// fixed table of slots by code point (as keys.cc's caches): a map grew a node for every new
// character, and the fuzzers' leak check ran every input that grew it twice.
const std::string& key_of(char32_t cp, std::string_view printed) {
  struct Slot {
    char32_t cp = 0;
    std::string key;
    bool used = false;
  };
  static constexpr std::size_t kSlots = 4096;
  thread_local std::vector<Slot> cache(kSlots);
  Slot& slot = cache[cp % kSlots];
  if (slot.used && slot.cp == cp) return slot.key;
  std::string k = value::fold(is_cjk(cp) ? simplified(printed) : std::string(printed));
  if (k.size() == 1 && k[0] >= 'A' && k[0] <= 'Z') k[0] = char(k[0] - 'A' + 'a');
  slot.cp = cp;
  slot.key = std::move(k);
  slot.used = true;
  return slot.key;
}

struct Decoded {
  char32_t cp;
  std::size_t begin, end;
};

std::vector<Decoded> decode(std::string_view text) {
  std::vector<Decoded> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t begin = pos;
    char32_t cp = ziping::text::next_code_point(text, pos);
    out.push_back({cp, begin, pos});
  }
  return out;
}

// Length (in code points) of a pinyin gloss "(xiàng)" starting at `i`, else 0.
std::size_t gloss_at(const std::vector<Decoded>& cps, std::size_t i) {
  if (i == 0 || !is_cjk(cps[i - 1].cp)) return 0;
  if (cps[i].cp != '(' && cps[i].cp != 0xFF08) return 0;
  std::size_t j = i + 1;
  bool marked = false;
  while (j < cps.size() && j - i <= 8 && is_pinyin_letter(cps[j].cp)) {
    marked = marked || cps[j].cp >= 0xC0;
    ++j;
  }
  if (j == i + 1 || j >= cps.size() || (cps[j].cp != ')' && cps[j].cp != 0xFF09)) return 0;
  // Plain ASCII letters in brackets may be a real abbreviation ("(A)", "(B/A)"): only a
  // lower-case syllable of two letters or more, or one with a tone mark, is a gloss.
  if (!marked && j - i - 1 < 2) return 0;
  return j + 1 - i;
}

class Builder {
public:
  explicit Builder(Stream& s) : s_(s) {}

  void cell(const Cell& cell, Gap gap, bool line_start) {
    std::string_view text = cell.text;
    if (text.find_first_not_of("| ") == std::string_view::npos) { // a lone "|": an empty cell
      empty_ = true;
      return;
    }
    pending_ = std::max(pending_, gap);
    line_start_ = line_start_ || line_start;
    auto cps = decode(text);
    int column = cell.column;
    for (std::size_t i = 0; i < cps.size(); ++i, ++column) {
      if (std::size_t gloss = gloss_at(cps, i)) {
        if (s_.pinyin_removed++ == 0) s_.pinyin_line = cell.line;
        i += gloss - 1;
        column += int(gloss) - 1;
        continue;
      }
      if (is_space(cps[i].cp)) {
        pending_ = std::max(pending_, Gap::Space);
        continue;
      }
      std::string_view printed = text.substr(cps[i].begin, cps[i].end - cps[i].begin);
      Atom atom;
      atom.text = std::string(printed);
      atom.key = key_of(cps[i].cp, printed);
      atom.gap = s_.atoms.empty() ? Gap::Cell : pending_;
      atom.empty_cell_before = empty_;
      atom.line_start = line_start_;
      atom.separated = separated;
      atom.line = cell.line;
      atom.column = column;
      atom.page = cell.page;
      s_.atoms.push_back(std::move(atom));
      pending_ = Gap::None;
      empty_ = line_start_ = false;
    }
  }
  void empty_cell() { empty_ = true; }
  bool separated = false;

private:
  Stream& s_;
  Gap pending_ = Gap::Cell;
  bool empty_ = false, line_start_ = true;
};

} // namespace

int strip_pinyin(std::string& text) {
  if (text.find('(') == std::string::npos && text.find("\xEF\xBC\x88") == std::string::npos)
    return 0;
  auto cps = decode(text);
  std::string out;
  int removed = 0;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (std::size_t gloss = gloss_at(cps, i)) {
      ++removed;
      i += gloss - 1;
      continue;
    }
    out.append(text, cps[i].begin, cps[i].end - cps[i].begin);
  }
  if (removed > 0) text = std::move(out);
  return removed;
}

// The printed text's lines as cells: "|" and tabs end a cell, two spaces or more too; a
// single space stays inside the cell as weaker evidence.
void stream_source(Builder& b, std::string_view text) {
  for (const Line& line : split_lines(text)) {
    std::string_view t = line.text;
    b.separated = t.find('|') != std::string_view::npos || t.find('\t') != std::string_view::npos;
    bool first = true;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= t.size(); ++i) {
      bool end = i == t.size() || t[i] == '|' || t[i] == '\t' ||
                 (t[i] == ' ' && i + 1 < t.size() && t[i + 1] == ' ');
      if (!end) continue;
      std::string_view piece = ziping::text::trim(t.substr(start, i - start));
      bool rest_blank =
          ziping::text::trim(t.substr(std::min(i + 1, t.size()))).find_first_not_of('|') ==
          std::string_view::npos;
      if (piece.empty()) {
        // "| a |": the leading bar opens the row; a line of bars alone is an empty cell.
        if (i < t.size() && t[i] == '|' && (!first || rest_blank)) b.empty_cell();
      } else {
        Cell cell{std::string(piece), line.number, column_of(t, start), 0, 0, 0};
        b.cell(cell, Gap::Cell, first);
        first = false;
      }
      while (i + 1 < t.size() && t[i] == ' ' && t[i + 1] == ' ') ++i;
      start = i + 1;
    }
  }
}

// The Grid's rows, for readers that have no printed text (PDF word boxes, HTML tables).
void stream_grid(Builder& b, const Grid& grid) {
  b.separated = true;
  for (const Row& row : grid.rows) {
    bool first = true;
    for (const Cell& cell : row.cells) {
      if (cell.empty()) {
        if (row.positional && !first) b.empty_cell();
        continue;
      }
      b.cell(cell, Gap::Cell, first);
      first = false;
    }
  }
}

// The atoms of each printed line: [begin, end) pairs in order.
std::vector<std::pair<std::size_t, std::size_t>> line_spans(const Stream& s) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (std::size_t i = 0; i < s.atoms.size();) {
    std::size_t j = i + 1;
    while (j < s.atoms.size() && s.atoms[j].line == s.atoms[i].line && !s.atoms[j].line_start) ++j;
    spans.emplace_back(i, j);
    i = j;
  }
  return spans;
}

// A text laid out one cell per line whose lines are nearly all as short as cells: lines are
// cells. (A viewer's text, also read one per line, prints chunks of hundreds of characters.)
bool lines_are_cells(const std::vector<std::pair<std::size_t, std::size_t>>& lines) {
  constexpr std::size_t kCellLine = 40;
  std::size_t short_lines = 0;
  for (auto [begin, end] : lines) short_lines += end - begin <= kCellLine;
  return !lines.empty() && 10 * short_lines >= 9 * lines.size();
}

// A line with two separators or more inside it prints its cells apart; a line with none runs
// them together (a viewer's text), where cells are cut without evidence — unless every line is
// a cell (`one_per_line`, lines_are_cells()): then cutting one in two ("已完工,剩余|3%尾款未付…"
// in a reason) takes evidence as in a spaced line.
void mark_spaced_lines(Stream& s, bool one_per_line) {
  auto lines = line_spans(s);
  bool cells = one_per_line && lines_are_cells(lines);
  for (auto [begin, end] : lines) {
    int gaps = 0;
    for (std::size_t k = begin + 1; k < end; ++k) gaps += s.atoms[k].gap != Gap::None;
    for (std::size_t k = begin; k < end; ++k) s.atoms[k].spaced = gaps >= 2 || cells;
  }
}

// A page-chunk marker "2、" at atom i (a line start): its number and the atom after it.
std::pair<int, std::size_t> chunk_marker_at(const std::vector<Atom>& atoms, std::size_t i) {
  int number = 0;
  std::size_t j = i;
  while (j < atoms.size() && j < i + 3 && atoms[j].text.size() == 1 && atoms[j].text[0] >= '0' &&
         atoms[j].text[0] <= '9')
    number = number * 10 + (atoms[j++].text[0] - '0');
  if (j == i || j + 1 >= atoms.size() || atoms[j].text != "、" || atoms[j + 1].line_start)
    return {0, 0};
  return {number, j + 1};
}

// Document viewers cut a long text into chunks and print each on a line of its own that starts
// "2、", "3、" — anywhere, inside a cell or a number ("申报的数量12.51" / "3、2.512.5"). A marker
// from 2 on, numbered one after the last line-start marker, after a line too long to be a list
// item, is the viewer's: it is dropped and the text either side joined, as the page printed it.
void drop_chunk_markers(std::vector<Atom>& atoms) {
  constexpr std::size_t kChunkLine = 120;
  std::vector<Atom> kept;
  kept.reserve(atoms.size());
  std::size_t line_length = 0;
  int last = 0;
  for (std::size_t i = 0; i < atoms.size(); ++i) {
    if (atoms[i].line_start) {
      auto [number, after] = chunk_marker_at(atoms, i);
      // "1、" opens the text (before the title) or an enumerated cell ("1、除…(1分)"): left.
      bool drop = after != 0 && number >= 2 && number == last + 1 && line_length >= kChunkLine;
      if (after != 0) last = number;
      line_length = 0;
      if (drop) {
        atoms[after].gap = Gap::None;
        i = after - 1;
        continue;
      }
    }
    ++line_length;
    kept.push_back(std::move(atoms[i]));
  }
  atoms = std::move(kept);
}

Stream make_stream(const Grid& grid) {
  Stream s;
  Builder b(s);
  if (!grid.source.empty())
    stream_source(b, grid.source);
  else
    stream_grid(b, grid);
  drop_chunk_markers(s.atoms);
  mark_spaced_lines(s, grid.layout == Layout::OnePerLine);
  s.offset.reserve(s.atoms.size() + 1);
  for (const Atom& atom : s.atoms) {
    s.offset.push_back(s.keys.size());
    s.keys += atom.key;
  }
  s.offset.push_back(s.keys.size());
  return s;
}

std::size_t Stream::match(std::size_t i, std::string_view word) const {
  if (i >= atoms.size() || word.empty()) return 0;
  if (keys.compare(offset[i], word.size(), word) != 0) return 0;
  std::size_t end = offset[i] + word.size();
  auto it = std::lower_bound(offset.begin() + long(i), offset.end(), end);
  if (it == offset.end() || *it != end) return 0;
  return std::size_t(it - offset.begin());
}

std::string Stream::text(std::size_t from, std::size_t to) const {
  std::string out;
  for (std::size_t i = from; i < to && i < atoms.size(); ++i) {
    if (i > from && atoms[i].gap != Gap::None) out += ' ';
    out += atoms[i].text;
  }
  return out;
}

std::string Stream::key_text(std::size_t from, std::size_t to) const {
  return std::string(key_view(from, to));
}

std::string_view Stream::key_view(std::size_t from, std::size_t to) const {
  to = std::min(to, atoms.size());
  if (from >= to) return {};
  return std::string_view(keys).substr(offset[from], offset[to] - offset[from]);
}

std::vector<StreamWord> words_of(const Stream& s) {
  std::vector<StreamWord> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t j = i + 1;
    while (j < s.size() && s.atoms[j].gap == Gap::None) ++j;
    out.push_back({i, j, s.key_text(i, j)});
    i = j;
  }
  return out;
}

} // namespace ziping::io::text::stream
