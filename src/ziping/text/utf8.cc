#include "ziping/text/utf8.h"

#include <cstdint>
#include <cstring>

namespace ziping::text {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Length of the well-formed sequence starting at `pos`, or 0 if ill-formed (RFC 3629 table).
std::size_t sequence_length(std::string_view s, std::size_t pos) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char lead = byte(pos);
  std::size_t left = s.size() - pos;
  auto cont = [&](std::size_t i, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return i < left && byte(pos + i) >= lo && byte(pos + i) <= hi;
  };
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return cont(1) ? 2 : 0;
  if (lead == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
  if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF)
    return cont(1) && cont(2) ? 3 : 0;
  if (lead == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
  if (lead == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (lead >= 0xF1 && lead <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (lead == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

bool is_wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
         (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

} // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view bytes) {
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    // ASCII (most bytes of most inputs) eight bytes at a time.
    std::uint64_t word;
    while (pos + 8 <= bytes.size() &&
           (std::memcpy(&word, bytes.data() + pos, 8), (word & 0x8080808080808080ULL) == 0))
      pos += 8;
    if (pos == bytes.size()) break;
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    std::size_t length = sequence_length(bytes, pos);
    if (length == 0) return pos;
    pos += length;
  }
  return std::nullopt;
}

char32_t next_code_point(std::string_view text, std::size_t& pos) {
  std::size_t length = sequence_length(text, pos);
  if (length == 0) {
    ++pos;
    return kReplacement;
  }
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  char32_t cp;
  switch (length) {
  case 1:
    cp = byte(0);
    break;
  case 2:
    cp = char32_t(byte(0) & 0x1F) << 6 | (byte(1) & 0x3F);
    break;
  case 3:
    cp = char32_t(byte(0) & 0x0F) << 12 | char32_t(byte(1) & 0x3F) << 6 | (byte(2) & 0x3F);
    break;
  default:
    cp = char32_t(byte(0) & 0x07) << 18 | char32_t(byte(1) & 0x3F) << 12 |
         char32_t(byte(2) & 0x3F) << 6 | (byte(3) & 0x3F);
  }
  pos += length;
  return cp;
}

std::vector<char32_t> code_points(std::string_view text) {
  std::vector<char32_t> result;
  result.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) result.push_back(next_code_point(text, pos));
  return result;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
  if (cp < 0x80) {
    out.push_back(char(cp));
  } else if (cp < 0x800) {
    out.push_back(char(0xC0 | (cp >> 6)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(char(0xE0 | (cp >> 12)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(char(0xF0 | (cp >> 18)));
    out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  }
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = next_code_point(text, pos);
    if (cp < 0x20 || (cp >= 0x300 && cp <= 0x36F) || cp == 0x200B) continue;
    width += is_wide(cp) ? 2 : 1;
  }
  return width;
}

std::string pad_right(std::string_view text, std::size_t width) {
  std::string result(text);
  std::size_t current = display_width(text);
  if (current < width) result.append(width - current, ' ');
  return result;
}

std::string truncate_display(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return std::string(text);
  std::string result;
  std::size_t used = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t start = pos;
    char32_t cp = next_code_point(text, pos);
    std::size_t cp_width = is_wide(cp) ? 2 : 1;
    if (used + cp_width + 1 > width) break;
    result.append(text.substr(start, pos - start));
    used += cp_width;
  }
  result += "…";
  return result;
}

std::string json_quote(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('"');
  std::size_t pos = 0;
  while (pos < text.size()) {
    // What needs no escape (printable ASCII but " and \, well-formed UTF-8: nearly every byte of
    // a form's texts) is copied a run at a time; a list page quotes ~1,000 texts.
    std::size_t run = pos;
    while (run < text.size()) {
      auto byte = static_cast<unsigned char>(text[run]);
      if (byte >= 0x80) {
        std::size_t length = sequence_length(text, run);
        if (length == 0) break;
        run += length;
      } else if (byte < 0x20 || byte == '"' || byte == '\\') {
        break;
      } else {
        ++run;
      }
    }
    out.append(text.data() + pos, run - pos);
    pos = run;
    if (pos == text.size()) break;
    std::size_t start = pos;
    char32_t cp = next_code_point(text, pos);
    switch (cp) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
      break;
    default:
      if (cp < 0x20) {
        out += "\\u00";
        out.push_back(kHex[cp >> 4]);
        out.push_back(kHex[cp & 0xF]);
      } else if (cp == kReplacement && pos - start == 1) {
        append_utf8(out, kReplacement); // ill-formed byte: never emit invalid UTF-8
      } else {
        out.append(text.substr(start, pos - start));
      }
    }
  }
  out.push_back('"');
  return out;
}

std::string_view trim(std::string_view text) {
  auto is_space_at_front = [&](std::size_t& skip) {
    if (text.empty()) return false;
    unsigned char c = static_cast<unsigned char>(text.front());
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      skip = 1;
      return true;
    }
    if (text.substr(0, 3) == "\xE3\x80\x80") { // U+3000 ideographic space
      skip = 3;
      return true;
    }
    return false;
  };
  auto is_space_at_back = [&](std::size_t& skip) {
    if (text.empty()) return false;
    unsigned char c = static_cast<unsigned char>(text.back());
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      skip = 1;
      return true;
    }
    if (text.size() >= 3 && text.substr(text.size() - 3) == "\xE3\x80\x80") {
      skip = 3;
      return true;
    }
    return false;
  };
  std::size_t skip = 0;
  while (is_space_at_front(skip)) text.remove_prefix(skip);
  while (is_space_at_back(skip)) text.remove_suffix(skip);
  return text;
}

} // namespace ziping::text
