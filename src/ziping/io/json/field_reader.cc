#include "ziping/io/json/field_reader.h"

#include "ziping/text/utf8.h"

namespace ziping::io::json {
namespace {

using diag::DiagId;

// Integers in the form (format_version, year, goal numbers) are small; nine digits keep any
// of them far from the limits of int.
constexpr std::size_t kMaxIntegerDigits = 9;
// Texts quoted in a message are cut to this many display columns.
constexpr std::size_t kQuotedTextWidth = 40;

// Type names as the messages print them ("字段 year 应为整数，实际为字符串").
std::string_view type_name_zh(JsonType type) {
  switch (type) {
  case JsonType::Null:
    return "null";
  case JsonType::Boolean:
    return "布尔值";
  case JsonType::Number:
    return "数值";
  case JsonType::String:
    return "字符串";
  case JsonType::Array:
    return "数组";
  case JsonType::Object:
    return "对象";
  }
  return "null";
}

// A number token as a message shows it; tokens can be arbitrarily long.
std::string shown_token(const std::string& token) {
  return text::truncate_display(token, kQuotedTextWidth);
}

bool has_exponent(const std::string& token) {
  return token.find_first_of("eE") != std::string::npos;
}

// A type name for both languages of a message.
std::string type_phrase(std::string_view zh) {
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"null", "null"},     {"布尔值", "a boolean"}, {"数值", "a number"},  {"字符串", "a string"},
      {"数组", "an array"}, {"对象", "an object"},   {"整数", "an integer"}};
  for (const auto& [name, english] : kNames) {
    if (name == zh) return diag::bilingual(zh, english);
  }
  return std::string(zh);
}

} // namespace

std::string shown_value(const JsonValue& value) {
  if (value.is(JsonType::String)) {
    return text::json_quote(text::truncate_display(value.text(), kQuotedTextWidth));
  }
  if (value.is(JsonType::Number)) return shown_token(value.text());
  return std::string(type_name_zh(value.type()));
}

std::string member_path(const std::string& parent, std::string_view key) {
  if (parent.empty()) return std::string(key);
  std::string path = parent;
  path += '.';
  path += key;
  return path;
}

std::string item_path(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

FieldReader::FieldReader(std::string file, model::SourceMap& map,
                         std::vector<diag::Diagnostic>& diagnostics)
    : file_(std::move(file)), map_(map), diagnostics_(diagnostics) {}

void FieldReader::report(DiagId id, const std::string& path, JsonPosition at,
                         std::vector<std::string> args) {
  ++reported_;
  if (reported_ > kMaxReadDiagnostics) {
    if (reported_ == kMaxReadDiagnostics + 1) {
      auto stop =
          diag::make(DiagId::err_too_many_errors, "", {std::to_string(kMaxReadDiagnostics)});
      stop.where.file = file_;
      diagnostics_.push_back(std::move(stop));
    }
    return;
  }
  auto diagnostic = diag::make(id, path, std::move(args));
  diagnostic.where = diag::SourceLocation::text(file_, at.line, at.column);
  diagnostics_.push_back(std::move(diagnostic));
}

void FieldReader::locate(const std::string& path, JsonPosition at) {
  map_.set(path, diag::SourceLocation::text(file_, at.line, at.column));
}

void FieldReader::report_wrong_type(const JsonValue& value, const std::string& path,
                                    std::string_view expected) {
  report(
      DiagId::err_json_wrong_type, path, value.position(),
      {path.empty() ? "$" : path, type_phrase(expected), type_phrase(type_name_zh(value.type()))});
}

bool FieldReader::expect_object(const JsonValue& value, const std::string& path) {
  if (value.is(JsonType::Object)) return true;
  report_wrong_type(value, path, "对象");
  return false;
}

bool FieldReader::expect_array(const JsonValue& value, const std::string& path) {
  if (value.is(JsonType::Array)) return true;
  report_wrong_type(value, path, "数组");
  return false;
}

bool FieldReader::read_text(const JsonValue& value, const std::string& path, std::string& out) {
  if (!value.is(JsonType::String)) {
    report_wrong_type(value, path, "字符串");
    return false;
  }
  out = value.text();
  return true;
}

bool FieldReader::read_decimal(const JsonValue& value, const std::string& path,
                               std::optional<num::Decimal>& out) {
  if (value.is(JsonType::Null)) {
    out.reset();
    return true;
  }
  if (!value.is(JsonType::Number)) {
    report_wrong_type(value, path, "数值");
    return false;
  }
  const std::string& token = value.text();
  if (has_exponent(token)) {
    report(DiagId::err_json_number_exponent, path, value.position(), {shown_token(token)});
    return false;
  }
  auto decimal = num::Decimal::parse(token);
  if (!decimal) {
    report(DiagId::err_json_bad_number, path, value.position(), {shown_token(token)});
    return false;
  }
  out = *decimal;
  return true;
}

bool FieldReader::read_integer(const JsonValue& value, const std::string& path,
                               std::optional<int>& out) {
  if (value.is(JsonType::Null)) {
    out.reset();
    return true;
  }
  if (!value.is(JsonType::Number)) {
    report_wrong_type(value, path, "整数");
    return false;
  }
  const std::string& token = value.text();
  if (has_exponent(token)) {
    report(DiagId::err_json_number_exponent, path, value.position(), {shown_token(token)});
    return false;
  }
  bool negative = token.front() == '-';
  std::string_view digits = std::string_view(token).substr(negative ? 1 : 0);
  if (digits.find('.') != std::string_view::npos) {
    report(DiagId::err_json_wrong_type, path, value.position(),
           {path, type_phrase("整数"), shown_token(token)});
    return false;
  }
  if (digits.size() > kMaxIntegerDigits) {
    report(DiagId::err_json_wrong_type, path, value.position(),
           {path, std::to_string(kMaxIntegerDigits) + " 位以内的整数", shown_token(token)});
    return false;
  }
  int magnitude = 0;
  for (char c : digits) magnitude = magnitude * 10 + (c - '0');
  out = negative ? -magnitude : magnitude;
  return true;
}

bool FieldReader::read_flag(const JsonValue& value, const std::string& path,
                            std::optional<bool>& out) {
  if (value.is(JsonType::Null)) {
    out.reset();
    return true;
  }
  if (!value.is(JsonType::Boolean)) {
    report_wrong_type(value, path, "布尔值");
    return false;
  }
  out = value.boolean_value();
  return true;
}

} // namespace ziping::io::json
