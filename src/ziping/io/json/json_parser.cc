#include "ziping/io/json/json_parser.h"

#include <cstdio>
#include <string>
#include <unordered_set>
#include <vector>

#include "ziping/text/utf8.h"

namespace ziping::io::json {
namespace {

using diag::DiagId;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
// Objects up to this size look for a repeated key by scanning; larger ones use a hash set,
// so that a hostile object with a million members stays linear.
constexpr std::size_t kLinearKeyScanLimit = 16;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string code_point_label(char32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
  return buffer;
}

// How a character is shown in a message: quoted when it is visible, U+XXXX when it is not
// (a space, a control character or an invisible format character).
std::string show_code_point(char32_t cp) {
  bool invisible = cp <= 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xFEFF || cp == 0x3000 ||
                   (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F);
  if (invisible) return code_point_label(cp);
  std::string shown = "'";
  text::append_utf8(shown, cp);
  shown += "'";
  return shown;
}

// One step of the path to the value being parsed, collected innermost first while an error
// unwinds the recursion, so a path costs nothing on the success path.
struct PathStep {
  bool is_index;
  std::size_t index;
  std::string key;
};

// Remembers the keys of one object to refuse a repeated one.
class KeySet {
public:
  // True when `key` was not seen before (and records it).
  bool insert(const std::string& key) {
    if (hashed_.empty() && linear_.size() < kLinearKeyScanLimit) {
      for (const auto& seen : linear_) {
        if (seen == key) return false;
      }
      linear_.push_back(key);
      return true;
    }
    if (hashed_.empty()) {
      hashed_.insert(linear_.begin(), linear_.end());
      linear_.clear();
    }
    return hashed_.insert(key).second;
  }

private:
  std::vector<std::string> linear_;
  std::unordered_set<std::string> hashed_;
};

class Parser {
public:
  explicit Parser(std::string_view input) : in_(input) {}

  JsonParseResult run() {
    JsonParseResult result;
    if (auto bad = text::first_invalid_utf8(in_)) {
      result.error = not_utf8(*bad);
      return result;
    }
    if (in_.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
      pos_ = kByteOrderMark.size(); // Windows editors write one; it is not content
    }
    skip_whitespace();
    if (at_end()) {
      fail(DiagId::err_input_empty, here(), {});
      result.error = std::move(error_);
      return result;
    }
    JsonValue root = JsonValue::null(here());
    if (parse_value(root, 0)) {
      skip_whitespace();
      if (!at_end()) {
        fail_expected(here(), "JSON 值之后还有多余内容", "unexpected content after the JSON value");
      }
    }
    if (error_) {
      error_->path = joined_error_path();
      result.error = std::move(error_);
    } else {
      result.value = std::move(root);
    }
    return result;
  }

private:
  bool at_end() const { return pos_ >= in_.size(); }
  char peek() const { return in_[pos_]; }
  JsonPosition here() const { return {line_, column_}; }
  // Moves past one ASCII character that is not a line break.
  void step() {
    ++pos_;
    ++column_;
  }

  void skip_whitespace() {
    while (!at_end()) {
      char c = peek();
      if (c == ' ' || c == '\t') {
        step();
      } else if (c == '\n') {
        ++pos_;
        ++line_;
        column_ = 1;
      } else if (c == '\r') {
        ++pos_;
        if (at_end() || peek() != '\n') { // a lone CR ends a line too; CRLF ends it once
          ++line_;
          column_ = 1;
        }
      } else {
        return;
      }
    }
  }

  // ---- errors ------------------------------------------------------------------------

  bool fail(DiagId id, JsonPosition at, std::vector<std::string> args) {
    error_ = diag::make(id, "", std::move(args));
    error_->where = diag::SourceLocation::text("", at.line, at.column);
    return false;
  }

  // ZP0102 carries one bilingual phrase: "期望冒号" / "expected ':'".
  bool fail_syntax(JsonPosition at, const std::string& zh, const std::string& en) {
    return fail(DiagId::err_json_syntax, at, {diag::bilingual(zh, en)});
  }

  // A syntax error that also says what was found at the current position.
  bool fail_expected(JsonPosition at, const std::string& zh, const std::string& en) {
    if (at_end()) return fail_syntax(at, zh + "，但输入已结束", en + ", but the input ended");
    std::size_t pos = pos_;
    std::string found = show_code_point(text::next_code_point(in_, pos));
    return fail_syntax(at, zh + "，实际为 " + found, en + ", found " + found);
  }

  diag::Diagnostic not_utf8(std::size_t offset) {
    // Lines and columns as an editor shows the valid text before the bad byte.
    std::size_t pos = 0;
    int line = 1;
    int column = 1;
    if (in_.substr(0, kByteOrderMark.size()) == kByteOrderMark && offset >= 3) pos = 3;
    while (pos < offset) {
      char c = in_[pos];
      if (c == '\n' || (c == '\r' && (pos + 1 >= in_.size() || in_[pos + 1] != '\n'))) {
        ++line;
        column = 1;
        ++pos;
      } else {
        text::next_code_point(in_, pos);
        if (c != '\r') ++column;
      }
    }
    auto diagnostic = diag::make(DiagId::err_input_not_utf8, "", {std::to_string(offset + 1)});
    diagnostic.where = diag::SourceLocation::text("", line, column);
    return diagnostic;
  }

  std::string joined_error_path() const {
    std::string path;
    for (auto step = error_path_.rbegin(); step != error_path_.rend(); ++step) {
      if (step->is_index) {
        path += "[" + std::to_string(step->index) + "]";
      } else {
        if (!path.empty()) path += ".";
        path += step->key;
      }
    }
    return path;
  }

  bool unwind_index(std::size_t index) {
    error_path_.push_back(PathStep{true, index, {}});
    return false;
  }
  bool unwind_key(const std::string& key) {
    error_path_.push_back(PathStep{false, 0, key});
    return false;
  }

  // ---- values ------------------------------------------------------------------------

  // `depth` counts the arrays and objects around the value.
  bool parse_value(JsonValue& out, int depth) {
    skip_whitespace();
    JsonPosition start = here();
    if (at_end()) return fail_expected(start, "期望一个 JSON 值", "expected a JSON value");
    char c = peek();
    if (c == '{' || c == '[') {
      if (depth + 1 > kMaxJsonDepth) {
        return fail(DiagId::err_json_too_deep, start, {std::to_string(kMaxJsonDepth)});
      }
      return c == '{' ? parse_object(out, depth + 1) : parse_array(out, depth + 1);
    }
    if (c == '"') {
      std::string text;
      if (!parse_string(text)) return false;
      out = JsonValue::string(std::move(text), start);
      return true;
    }
    if (c == '-' || is_digit(c)) return parse_number(out);
    if (c == 't' || c == 'f' || c == 'n') return parse_literal(out);
    return fail_expected(start, "期望一个 JSON 值", "expected a JSON value");
  }

  bool parse_literal(JsonValue& out) {
    JsonPosition start = here();
    for (std::string_view word : {"true", "false", "null"}) {
      if (in_.substr(pos_, word.size()) != word) continue;
      pos_ += word.size();
      column_ += static_cast<int>(word.size());
      out = word == "null" ? JsonValue::null(start) : JsonValue::boolean(word == "true", start);
      return true;
    }
    return fail_syntax(start, "无法识别的字面量，应为 true、false 或 null",
                       "unknown literal; expected true, false or null");
  }

  bool parse_number(JsonValue& out) {
    JsonPosition start = here();
    std::size_t first = pos_;
    if (peek() == '-') step();
    if (at_end() || !is_digit(peek())) {
      return fail_expected(here(), "负号后应有数字", "expected a digit after '-'");
    }
    if (peek() == '0') {
      step();
      if (!at_end() && is_digit(peek())) {
        return fail_syntax(start, "数字不能以多余的 0 开头", "a number cannot have leading zeros");
      }
    } else {
      while (!at_end() && is_digit(peek())) step();
    }
    if (!at_end() && peek() == '.') {
      step();
      if (at_end() || !is_digit(peek())) {
        return fail_expected(here(), "小数点后应有数字", "expected a digit after '.'");
      }
      while (!at_end() && is_digit(peek())) step();
    }
    if (!at_end() && (peek() == 'e' || peek() == 'E')) {
      step();
      if (!at_end() && (peek() == '+' || peek() == '-')) step();
      if (at_end() || !is_digit(peek())) {
        return fail_expected(here(), "指数部分应有数字", "expected a digit in the exponent");
      }
      while (!at_end() && is_digit(peek())) step();
    }
    out = JsonValue::number(std::string(in_.substr(first, pos_ - first)), start);
    return true;
  }

  bool parse_string(std::string& out) {
    JsonPosition start = here();
    step(); // the opening quote
    while (true) {
      if (at_end()) {
        return fail_syntax(start, "字符串缺少结束引号", "the string has no closing quote");
      }
      unsigned char c = static_cast<unsigned char>(peek());
      if (c == '"') {
        step();
        return true;
      }
      if (c == '\\') {
        if (!parse_escape(out, start)) return false;
        continue;
      }
      if (c < 0x20) return fail_control_character(c);
      // Copy a run of plain bytes at once; the input is valid UTF-8, so every byte that is
      // not a continuation byte starts one code point (one column).
      std::size_t run = pos_;
      while (run < in_.size()) {
        unsigned char b = static_cast<unsigned char>(in_[run]);
        if (b == '"' || b == '\\' || b < 0x20) break;
        if ((b & 0xC0) != 0x80) ++column_;
        ++run;
      }
      out.append(in_.substr(pos_, run - pos_));
      pos_ = run;
    }
  }

  bool fail_control_character(unsigned char c) {
    std::string label = code_point_label(c);
    if (c == '\n' || c == '\r') {
      return fail_syntax(here(), "字符串中有未转义的换行（" + label + "），是否缺少结束引号？",
                         "unescaped line break (" + label +
                             ") in a string; is a closing quote missing?");
    }
    return fail_syntax(here(), "字符串中有未转义的控制字符 " + label,
                       "unescaped control character " + label + " in a string");
  }

  bool parse_escape(std::string& out, JsonPosition string_start) {
    JsonPosition at = here();
    std::size_t backslash = pos_;
    step();
    if (at_end()) {
      return fail_syntax(string_start, "字符串缺少结束引号", "the string has no closing quote");
    }
    char c = peek();
    switch (c) {
    case '"':
      out.push_back('"');
      break;
    case '\\':
      out.push_back('\\');
      break;
    case '/':
      out.push_back('/');
      break;
    case 'b':
      out.push_back('\b');
      break;
    case 'f':
      out.push_back('\f');
      break;
    case 'n':
      out.push_back('\n');
      break;
    case 'r':
      out.push_back('\r');
      break;
    case 't':
      out.push_back('\t');
      break;
    case 'u':
      return parse_unicode_escape(out, at, backslash);
    default: {
      std::size_t pos = pos_;
      std::string found = show_code_point(text::next_code_point(in_, pos));
      return fail_syntax(at, "无效的转义：反斜杠后为 " + found,
                         "invalid escape: " + found + " after a backslash");
    }
    }
    step();
    return true;
  }

  // Reads the four hex digits after "\u"; -1 when they are not there.
  long read_hex4() {
    if (in_.size() - pos_ < 4) return -1;
    long value = 0;
    for (int i = 0; i < 4; ++i) {
      int digit = hex_value(in_[pos_ + i]);
      if (digit < 0) return -1;
      value = value * 16 + digit;
    }
    pos_ += 4;
    column_ += 4;
    return value;
  }

  bool parse_unicode_escape(std::string& out, JsonPosition at, std::size_t backslash) {
    step(); // 'u'
    long unit = read_hex4();
    if (unit < 0) {
      return fail_syntax(at, "\\u 后应有 4 位十六进制数字", "expected four hex digits after \\u");
    }
    std::string written(in_.substr(backslash, 6));
    if (unit >= 0xDC00 && unit <= 0xDFFF) {
      return fail_syntax(at, "孤立的低代理项 " + written, "unpaired low surrogate " + written);
    }
    char32_t cp = static_cast<char32_t>(unit);
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      long low = -1;
      if (in_.substr(pos_, 2) == "\\u") {
        std::size_t saved_pos = pos_;
        int saved_column = column_;
        pos_ += 2;
        column_ += 2;
        low = read_hex4();
        if (low < 0xDC00 || low > 0xDFFF) {
          pos_ = saved_pos;
          column_ = saved_column;
          low = -1;
        }
      }
      if (low < 0) {
        return fail_syntax(at, "高代理项 " + written + " 后缺少低代理项",
                           "high surrogate " + written + " is not followed by a low surrogate");
      }
      cp = 0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) +
           (static_cast<char32_t>(low) - 0xDC00);
    }
    text::append_utf8(out, cp);
    return true;
  }

  bool parse_array(JsonValue& out, int depth) {
    out = JsonValue::array(here());
    step(); // '['
    skip_whitespace();
    if (!at_end() && peek() == ']') {
      step();
      return true;
    }
    for (std::size_t index = 0;; ++index) {
      JsonValue item = JsonValue::null(here());
      if (!parse_value(item, depth)) return unwind_index(index);
      out.append_item(std::move(item));
      skip_whitespace();
      if (!at_end() && peek() == ',') {
        JsonPosition comma = here();
        step();
        skip_whitespace();
        if (!at_end() && peek() == ']') {
          return fail_syntax(comma, "右方括号前多了逗号", "trailing comma before ']'");
        }
        continue;
      }
      if (!at_end() && peek() == ']') {
        step();
        return true;
      }
      return fail_expected(here(), "期望逗号或右方括号", "expected ',' or ']'");
    }
  }

  bool parse_object(JsonValue& out, int depth) {
    out = JsonValue::object(here());
    step(); // '{'
    skip_whitespace();
    if (!at_end() && peek() == '}') {
      step();
      return true;
    }
    KeySet keys;
    while (true) {
      if (at_end() || peek() != '"') {
        return fail_expected(here(), "期望键（带双引号的字符串）",
                             "expected a key (a string in double quotes)");
      }
      JsonPosition key_position = here();
      std::string key;
      if (!parse_string(key)) return false;
      if (!keys.insert(key)) {
        fail(DiagId::err_json_duplicate_key, key_position, {text::json_quote(key)});
        return unwind_key(key);
      }
      skip_whitespace();
      if (at_end() || peek() != ':') {
        fail_expected(here(), "键后期望冒号", "expected ':' after the key");
        return unwind_key(key);
      }
      step();
      JsonValue value = JsonValue::null(here());
      if (!parse_value(value, depth)) return unwind_key(key);
      out.append_member(std::move(key), key_position, std::move(value));
      skip_whitespace();
      if (!at_end() && peek() == ',') {
        JsonPosition comma = here();
        step();
        skip_whitespace();
        if (!at_end() && peek() == '}') {
          return fail_syntax(comma, "右花括号前多了逗号", "trailing comma before '}'");
        }
        continue;
      }
      if (!at_end() && peek() == '}') {
        step();
        return true;
      }
      return fail_expected(here(), "期望逗号或右花括号", "expected ',' or '}'");
    }
  }

  std::string_view in_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
  std::optional<diag::Diagnostic> error_;
  std::vector<PathStep> error_path_;
};

} // namespace

JsonParseResult parse_json(std::string_view bytes) {
  return Parser(bytes).run();
}

} // namespace ziping::io::json
