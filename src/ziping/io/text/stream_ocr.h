// io/text/stream_ocr.h — what OCR does to the characters of a scanned form, for the stream
// recovery: a vocabulary word read through look-alike glyphs (顼目 for 项目, 项Fl for 项目), and
// digits read as letters where a number is expected (IO for 10). Only words and cells the
// recovery already expects are read this way; the printed text is never changed, and a number
// read through a confusion is said (ZP0820). Internal to io/text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ziping/io/text/stream.h"

namespace ziping::io::text::stream {

// Atom index just past `word` when the atoms from i on print it, each character exactly or as
// an OCR look-alike of it; 0 when they do not.
std::size_t match_read(const Stream& s, std::size_t i, std::string_view word);

// The first characters of some words, each also as OCR prints it: whether match_read() of one
// of the words may succeed at an atom, from the atom's first key bytes, without a comparison
// per word (the segmenter asks at every atom, and most begin none).
class FirstCharacters {
public:
  explicit FirstCharacters(const std::vector<std::string_view>& words);
  bool may_begin(const Stream& s, std::size_t i) const;

private:
  std::vector<std::uint32_t> packed_; // sorted: (length << 24) | bytes, up to three bytes
  bool any_ = false;                  // a first character longer than that: every atom may
};

// A score or weight cell printed with letters for digits ("IO", "l5", "2O"): the digits it
// stands for, when at least one letter was read and every character is a digit, a point or a
// look-alike of one; nullopt otherwise (a cell of plain digits included).
std::optional<std::string> ocr_digits(std::string_view key);

// A dash-like placeholder filling a whole cell: "—", "-", "–", "/", and the ideograph 一 that
// OCR and some fonts print for a dash.
bool is_dash_placeholder(std::string_view key);

} // namespace ziping::io::text::stream
