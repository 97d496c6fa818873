// io/text/stream_ocr.cc — OCR look-alikes (stream_ocr.h).
#include "ziping/io/text/stream_ocr.h"

#include <algorithm>
#include <array>

namespace ziping::io::text::stream {
namespace {

using namespace std::string_view_literals;

struct LookAlike {
  std::string_view character; // as the vocabulary writes it (a key)
  std::string_view read;      // what OCR printed for it (a key)
};
// Confusions seen on scanned Chinese forms: a character read as a rarer one of the same shape,
// or split into Latin letters (目 → "Fl"). Keys lower-case Latin letters (stream_atoms.cc).
constexpr std::array kLookAlikes = {
    LookAlike{"项"sv, "顼"sv}, LookAlike{"目"sv, "fl"sv}, LookAlike{"目"sv, "fi"sv},
    LookAlike{"目"sv, "el"sv}, LookAlike{"标"sv, "杯"sv}, LookAlike{"效"sv, "郊"sv},
};

std::size_t code_point_length(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// Up to three bytes with their count, as one number.
std::uint32_t pack(std::string_view bytes) {
  std::uint32_t out = std::uint32_t(bytes.size()) << 24;
  for (std::size_t i = 0; i < bytes.size(); ++i)
    out |= std::uint32_t(static_cast<unsigned char>(bytes[i])) << (8 * (2 - i));
  return out;
}

} // namespace

FirstCharacters::FirstCharacters(const std::vector<std::string_view>& words) {
  auto add = [&](std::string_view first) {
    if (first.size() > 3)
      any_ = true;
    else
      packed_.push_back(pack(first));
  };
  for (std::string_view word : words) {
    if (word.empty()) continue;
    std::string_view first = word.substr(0, code_point_length(static_cast<unsigned char>(word[0])));
    add(first);
    for (const auto& alike : kLookAlikes) {
      if (alike.character == first) add(alike.read);
    }
  }
  std::sort(packed_.begin(), packed_.end());
}

bool FirstCharacters::may_begin(const Stream& s, std::size_t i) const {
  if (any_) return true;
  if (i >= s.size()) return false;
  std::string_view keys = std::string_view(s.keys).substr(s.offset[i]);
  for (std::size_t n = 1; n <= 3 && n <= keys.size(); ++n) {
    if (std::binary_search(packed_.begin(), packed_.end(), pack(keys.substr(0, n)))) return true;
  }
  return false;
}

std::size_t match_read(const Stream& s, std::size_t i, std::string_view word) {
  std::size_t at = i;
  for (std::size_t pos = 0; pos < word.size();) {
    std::size_t n = code_point_length(static_cast<unsigned char>(word[pos]));
    std::string_view character = word.substr(pos, n);
    std::size_t next = s.match(at, character);
    for (const auto& alike : kLookAlikes) {
      if (next != 0) break;
      if (alike.character == character) next = s.match(at, alike.read);
    }
    if (next == 0) return 0;
    at = next;
    pos += n;
  }
  return at;
}

std::optional<std::string> ocr_digits(std::string_view k) {
  std::string digits;
  bool letter = false;
  for (char c : k) {
    if ((c >= '0' && c <= '9') || c == '.') {
      digits += c;
    } else if (c == 'I' || c == 'i' || c == 'l' || c == '|') {
      digits += '1';
      letter = true;
    } else if (c == 'O' || c == 'o') {
      digits += '0';
      letter = true;
    } else {
      return std::nullopt;
    }
  }
  if (!letter || digits.empty() || digits.size() > 4) return std::nullopt;
  return digits;
}

bool is_dash_placeholder(std::string_view k) {
  return k == "—" || k == "-" || k == "–" || k == "/" || k == "——" || k == "一" || k == "-—";
}

} // namespace ziping::io::text::stream
