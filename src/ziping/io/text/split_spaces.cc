// io/text/split_spaces.cc — cells joined by spaces, one table row per line (text copied from a
// PDF viewer, or pdftotext without -layout). When most gaps are two spaces or more
// (pdftotext -layout) only those separate cells; otherwise every space does, and the pieces a
// space wrongly cut apart ("≤353.3 万元", "≥ 95%") are put back together. Cells are a sequence
// here: empty columns leave no trace.
#include "ziping/io/text/layout.h"
#include "ziping/text/utf8.h"
#include "ziping/value/value.h"

namespace ziping::io::text {
namespace {

using namespace std::string_view_literals;

// Byte length of the whitespace character at `pos` (space, tab, U+3000, U+00A0), else 0.
std::size_t space_at(std::string_view text, std::size_t pos) {
  if (text[pos] == ' ' || text[pos] == '\t') return 1;
  if (text.substr(pos).starts_with("\u3000")) return "\u3000"sv.size();
  if (text.substr(pos).starts_with("\u00a0")) return "\u00a0"sv.size();
  return 0;
}

struct Piece {
  std::size_t begin, end;
};

// Splits on whitespace runs at least `min_gap` wide (U+3000 counts two).
std::vector<Piece> pieces(std::string_view text, int min_gap) {
  std::vector<Piece> out;
  std::size_t pos = 0, begin = std::string_view::npos;
  while (pos < text.size()) {
    std::size_t run_start = pos;
    int width = 0;
    while (pos < text.size()) {
      std::size_t n = space_at(text, pos);
      if (n == 0) break;
      width += n == 1 ? 1 : 2;
      pos += n;
    }
    if (pos > run_start) {
      if ((width >= min_gap || pos == text.size()) && begin != std::string_view::npos) {
        out.push_back({begin, run_start});
        begin = std::string_view::npos;
      }
      continue;
    }
    if (begin == std::string_view::npos) begin = pos;
    std::size_t next = pos;
    ziping::text::next_code_point(text, next);
    pos = next;
  }
  if (begin != std::string_view::npos) out.push_back({begin, text.size()});
  return out;
}

bool is_comparator_only(std::string_view piece) {
  std::string folded = value::fold(piece);
  for (auto sign : {"≥"sv, "≤"sv, "="sv, "<"sv, ">"sv, ">="sv, "<="sv, "=="sv}) {
    if (folded == sign) return true;
  }
  return false;
}

bool ends_with_digit_or_percent_sign(std::string_view piece) {
  if (piece.empty()) return false;
  char last = piece.back();
  return (last >= '0' && last <= '9');
}

bool is_unit_only(std::string_view piece) {
  if (piece.empty() || piece.size() > 12) return false;
  for (char c : piece) {
    if (c >= '0' && c <= '9') return false;
  }
  std::string folded = value::fold(piece);
  if (folded == "%") return true;
  return value::lookup_unit(folded).has_value();
}

} // namespace

// Whether most gaps in the text are two spaces or wider (a column-aligned dump).
bool wide_gaps(const std::vector<Line>& lines) {
  int narrow = 0, wide = 0;
  for (const auto& line : lines) {
    std::string_view text = ziping::text::trim(line.text);
    std::size_t pos = 0;
    while (pos < text.size()) {
      std::size_t n = space_at(text, pos);
      if (n == 0) {
        ++pos;
        continue;
      }
      int width = 0;
      while (pos < text.size() && (n = space_at(text, pos)) != 0) {
        width += n == 1 ? 1 : 2;
        pos += n;
      }
      (width >= 2 ? wide : narrow) += 1;
    }
  }
  return wide > 2 * narrow;
}

Grid split_spaces(const std::vector<Line>& lines) {
  Grid grid;
  grid.layout = Layout::Spaces;
  int min_gap = wide_gaps(lines) ? 2 : 1;
  for (const auto& line : lines) {
    Row row;
    row.line = line.number;
    row.positional = false;
    row.page_break_before = line.page_break_before;
    auto parts = pieces(line.text, min_gap);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      Piece piece = parts[i];
      // Put back what a single space cut apart: "≥ 95%", "353.3 万元".
      while (min_gap == 1 && i + 1 < parts.size()) {
        std::string_view current = line.text.substr(piece.begin, piece.end - piece.begin);
        std::string_view next = line.text.substr(parts[i + 1].begin,
                                                 parts[i + 1].end - parts[i + 1].begin);
        if (is_comparator_only(current) ||
            (ends_with_digit_or_percent_sign(current) && is_unit_only(next))) {
          piece.end = parts[i + 1].end;
          ++i;
          continue;
        }
        break;
      }
      Cell cell;
      cell.text = std::string(line.text.substr(piece.begin, piece.end - piece.begin));
      cell.line = line.number;
      cell.column = column_of(line.text, piece.begin);
      row.cells.push_back(std::move(cell));
    }
    grid.rows.push_back(std::move(row));
  }
  return grid;
}

} // namespace ziping::io::text
