// value/fold.cc — one spelling per symbol: NFKC, then our table for what NFKC leaves alone.
#include <climits>
#include <string>
#include <vector>

#include "ziping/text/utf8.h"
#include "ziping/value/fold_general.h"
#include "ziping/value/icu_runtime.h"
#include "ziping/value/value.h"

namespace ziping::value {
namespace {

// Ill-formed bytes become U+FFFD first, so ICU and everything after it see valid UTF-8.
std::string well_formed(std::string_view text) {
  if (!text::first_invalid_utf8(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) text::append_utf8(out, text::next_code_point(text, pos));
  return out;
}

std::string nfkc(const std::string& utf8) {
  // ICU lengths are int32_t; a cell that large is not a value, so it is left unnormalised.
  if (utf8.size() > std::size_t(INT32_MAX / 4)) return utf8;
  return icu_runtime::nfkc(utf8).value_or(utf8);
}

bool is_space(char32_t cp) {
  return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x3000 || cp == 0xA0 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F;
}

// Invisible characters that PDF and Word text carry into cells.
bool is_invisible(char32_t cp) {
  return cp == 0x200B || cp == 0xFEFF || cp == 0x2060;
}

bool is_ascii_digit(char32_t cp) {
  return cp >= '0' && cp <= '9';
}

// Dashes that stand for a minus sign or a range dash when a digit follows ("−5", "90%–95%").
bool is_dash(char32_t cp) {
  return (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0x2796 || cp == 0xFE58;
}

bool is_wave(char32_t cp) {
  return cp == 0x301C || cp == 0x223C || cp == 0x2053;
}

// Single code points that NFKC leaves alone but that mean one of our symbols.
char32_t fold_symbol(char32_t cp) {
  switch (cp) {
  case U'≧':
  case U'⩾':
  case U'≮':
    return U'≥'; // ≮ "not less than" in engineering texts
  case U'≦':
  case U'⩽':
  case U'≯':
    return U'≤';
  case U'═':
  case U'﹦':
    return U'=';
  case U'﹪':
    return U'%';
  case U'【':
    return U'[';
  case U'】':
    return U']';
  case U'〔':
    return U'(';
  case U'〕':
    return U')';
  default:
    return cp;
  }
}

// Two-character comparator spellings; returns 0 when the pair is not one.
char32_t fold_pair(char32_t first, char32_t second) {
  if (second == U'=' && first == U'>') return U'≥';
  if (second == U'=' && first == U'<') return U'≤';
  if (first == U'=' && second == U'>') return U'≥';
  if (first == U'=' && second == U'<') return U'≤';
  return 0;
}

class FoldedText {
public:
  void add(char32_t cp) {
    if (pending_space_) text::append_utf8(out_, U' ');
    pending_space_ = false;
    text::append_utf8(out_, cp);
  }
  // Runs of white space collapse to one space; none at either end.
  void add_space() { pending_space_ = !out_.empty(); }
  std::string take() { return std::move(out_); }

private:
  std::string out_;
  bool pending_space_ = false;
};

std::string apply_table(const std::vector<char32_t>& cps) {
  FoldedText out;
  std::size_t idx = 0;
  while (idx < cps.size()) {
    char32_t cp = fold_symbol(cps[idx]);
    char32_t next = idx + 1 < cps.size() ? fold_symbol(cps[idx + 1]) : 0;
    ++idx;
    if (is_space(cp)) {
      out.add_space();
    } else if (is_invisible(cp)) {
      continue;
    } else if (char32_t pair = fold_pair(cp, next)) {
      out.add(pair);
      ++idx;
    } else if (cp == U'=') {
      while (idx < cps.size() && fold_symbol(cps[idx]) == U'=') ++idx; // "==" is "="
      out.add(U'=');
    } else if (is_dash(cp) && is_ascii_digit(next)) {
      out.add(U'-');
    } else if (is_wave(cp) && is_ascii_digit(next)) {
      out.add(U'~');
    } else {
      out.add(cp);
    }
  }
  return out.take();
}

// Code points that NFKC leaves alone whatever surrounds them (no decomposition, not the
// start of a composition with anything else in this set) and that our table does not touch:
// CJK unified ideographs and the signs and marks every value uses. The helpers of the fast
// path are forced inline: as calls they were a third of fold()'s cost.
[[gnu::always_inline]] inline bool is_plain(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || cp == U'≥' || cp == U'≤' || cp == U'、' || cp == U'。' ||
         (cp >= U'〈' && cp <= U'』') || // 〈〉《》「」『』 (not 【】〔〕: the table's)
         cp == U'‘' || cp == U'’' || cp == U'“' || cp == U'”';
}

// The ASCII character NFKC makes of `cp`: itself, a full-width form's half-width twin (，→ ,),
// a space for the ideographic space; 0 for anything else.
[[gnu::always_inline]] inline char32_t as_ascii(char32_t cp) {
  if (cp < 0x80) return cp;
  if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFEE0;
  if (cp == 0x3000) return U' ';
  return 0;
}

// A three-byte sequence with a lead byte that cannot start an overlong form or a surrogate
// (E1..EC, EE, EF: every plain code point but none of E0 and ED) decoded inline, advancing
// `pos`; 0, `pos` unchanged, for anything else (then next_code_point() decides).
[[gnu::always_inline]] inline char32_t next_three_byte(std::string_view text, std::size_t& pos) {
  if (pos + 3 > text.size()) return 0;
  auto lead = static_cast<unsigned char>(text[pos]);
  auto second = static_cast<unsigned char>(text[pos + 1]);
  auto third = static_cast<unsigned char>(text[pos + 2]);
  bool simple_lead = (lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF;
  if (!simple_lead || (second & 0xC0) != 0x80 || (third & 0xC0) != 0x80) return 0;
  pos += 3;
  return char32_t(lead & 0x0F) << 12 | char32_t(second & 0x3F) << 6 | (third & 0x3F);
}

bool is_comparator_sign(char32_t ascii) {
  return ascii == U'=' || ascii == U'<' || ascii == U'>';
}

// The fold of a text made only of plain code points and of what NFKC makes ASCII (where only
// white space and the comparator pairs >= <= => =< == need the table), written straight into
// `out` with no ICU call and no code-point vector; false, with `out` unspecified, as soon as any
// other code point, a control character, a comparator pair or an ill-formed byte shows up.
// Nearly every cell of a real form takes this path (a Chinese text with full-width commas).
bool fold_plain(std::string_view text, std::string& out) {
  out.reserve(text.size());
  bool pending_space = false;
  // Text that folds to itself is appended a run at a time: `run` is where the bytes copied
  // unchanged and not yet appended begin.
  std::size_t run = 0;
  auto flush = [&](std::size_t end) { out.append(text.data() + run, end - run); };
  auto put_pending_space = [&](std::size_t start) {
    flush(start);
    out.push_back(' ');
    run = start;
    pending_space = false;
  };
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t start = pos;
    auto byte = static_cast<unsigned char>(text[pos]);
    char32_t cp = byte;
    if (byte < 0x80) {
      ++pos;
    } else if (cp = next_three_byte(text, pos); cp == 0) {
      // next_code_point() reads an ill-formed sequence as U+FFFD, which is neither.
      cp = text::next_code_point(text, pos);
    }
    char32_t ascii = as_ascii(cp);
    if (ascii == 0) {
      if (!is_plain(cp)) return false;
      if (pending_space) put_pending_space(start);
      continue; // unchanged: the run goes on
    }
    if (ascii == U' ' || (ascii >= U'\t' && ascii <= U'\r')) {
      flush(start);
      run = pos;
      pending_space = !out.empty();
      continue;
    }
    if (ascii < 0x20 || ascii == 0x7F) return false;
    if (is_comparator_sign(ascii) && pos < text.size()) {
      std::size_t next = pos;
      if (is_comparator_sign(as_ascii(text::next_code_point(text, next)))) return false;
    }
    if (pending_space) put_pending_space(start);
    if (byte < 0x80) continue; // ASCII is its own fold: the run goes on
    flush(start);
    out.push_back(char(ascii));
    run = pos;
  }
  flush(text.size());
  return true;
}

} // namespace

bool is_folded(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      // Printable ASCII without spaces (which fold() trims and collapses) and without the
      // comparator pairs (which it joins).
      if (byte <= 0x20 || byte == 0x7F) return false;
      ++pos;
      if (is_comparator_sign(byte) && pos < text.size() &&
          is_comparator_sign(static_cast<unsigned char>(text[pos])))
        return false;
      continue;
    }
    char32_t cp = next_three_byte(text, pos);
    if (cp == 0 || !is_plain(cp)) return false;
  }
  return true;
}

std::string fold_general(std::string_view text) {
  return apply_table(text::code_points(nfkc(well_formed(text))));
}

std::string fold(std::string_view text) {
  std::string out;
  if (fold_plain(text, out)) return out;
  return fold_general(text);
}

std::string fold(std::string_view text, bool& well_formed) {
  std::string out;
  well_formed = true; // the fast path takes well-formed text only
  if (fold_plain(text, out)) return out;
  well_formed = !text::first_invalid_utf8(text);
  return fold_general(text);
}

} // namespace ziping::value
