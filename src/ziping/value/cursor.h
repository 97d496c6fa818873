// value/cursor.h — a read position in folded text, shared by the hand-written productions.
//
// Folded text is valid UTF-8, and every literal matched here is a whole code point sequence,
// so byte-wise matching never splits a character.
#pragma once

#include <cstddef>
#include <string_view>

namespace ziping::value {

// Byte-wise prefix, suffix and equality tests written out inline: the value tables compare a
// text with dozens of short words, and a library memcmp call per word was a third of
// parse_value()'s time (perf, issue 13). Most words differ from the text in the first byte
// or two.
inline bool begins_with(std::string_view text, std::string_view word) {
  if (word.size() > text.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (text[i] != word[i]) return false;
  return true;
}

inline bool finishes_with(std::string_view text, std::string_view word) {
  return word.size() <= text.size() && begins_with(text.substr(text.size() - word.size()), word);
}

inline bool same_bytes(std::string_view a, std::string_view b) {
  return a.size() == b.size() && begins_with(a, b);
}

// True when `text` starts with a CJK unified ideograph (U+4E00..U+9FFF: lead byte E4..E9), as
// every word of the tier and level tables does: the cheap refusal of numbers and signs.
inline bool begins_with_ideograph(std::string_view text) {
  if (text.empty()) return false;
  auto lead = static_cast<unsigned char>(text[0]);
  return lead >= 0xE4 && lead <= 0xE9;
}

class Cursor {
public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool at_end() const { return pos_ >= text_.size(); }
  std::size_t position() const { return pos_; }
  void rewind(std::size_t pos) { pos_ = pos; }
  std::string_view rest() const { return text_.substr(pos_); }
  std::string_view consumed_since(std::size_t start) const {
    return text_.substr(start, pos_ - start);
  }

  bool at_digit() const { return !at_end() && is_digit(text_[pos_]); }
  bool at(char c) const { return !at_end() && text_[pos_] == c; }
  void advance() { ++pos_; }

  bool consume(std::string_view literal) {
    if (!begins_with(rest(), literal)) return false;
    pos_ += literal.size();
    return true;
  }
  void skip_spaces() {
    while (at(' ')) ++pos_;
  }

  // Reads a run of ASCII digits of at most `max_length` (used for date parts); 0 digits fails.
  bool read_small_int(int max_length, int& out) {
    std::size_t start = pos_;
    int value = 0;
    while (at_digit() && int(pos_ - start) < max_length) value = value * 10 + (text_[pos_++] - '0');
    if (pos_ == start || at_digit()) {
      pos_ = start;
      return false;
    }
    out = value;
    return true;
  }

  static bool is_digit(char c) { return c >= '0' && c <= '9'; }

private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// Folded text has single ASCII spaces only, so this is all the trimming it needs.
inline std::string_view trim_spaces(std::string_view text) {
  while (text.starts_with(' ')) text.remove_prefix(1);
  while (text.ends_with(' ')) text.remove_suffix(1);
  return text;
}

} // namespace ziping::value
