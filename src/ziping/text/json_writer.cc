#include "ziping/text/json_writer.h"

#include "ziping/text/utf8.h"

namespace ziping::text {

void JsonWriter::newline() {
  if (layout_ == Layout::Compact) return;
  out_.push_back('\n');
  out_.append(stack_.size() * 2, ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  if (!stack_.back().empty) out_.push_back(',');
  stack_.back().empty = false;
  newline();
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_.push_back('{');
  stack_.push_back({true, true});
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  bool empty = stack_.back().empty;
  stack_.pop_back();
  if (!empty) newline();
  out_.push_back('}');
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  out_.push_back('[');
  stack_.push_back({false, true});
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  bool empty = stack_.back().empty;
  stack_.pop_back();
  if (!empty) newline();
  out_.push_back(']');
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  before_value();
  out_ += json_quote(name);
  out_ += layout_ == Layout::Compact ? ":" : ": ";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view value) {
  before_value();
  out_ += json_quote(value);
  return *this;
}

JsonWriter& JsonWriter::number(std::string_view decimal_text) {
  before_value();
  out_ += decimal_text;
  return *this;
}

JsonWriter& JsonWriter::integer(long long value) {
  return number(std::to_string(value));
}

JsonWriter& JsonWriter::boolean(bool value) {
  return number(value ? "true" : "false");
}

JsonWriter& JsonWriter::null() {
  return number("null");
}

JsonWriter& JsonWriter::optional_integer(const std::optional<long long>& value) {
  return value ? integer(*value) : null();
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
  while (!json.empty() && space(json.front())) json.remove_prefix(1);
  while (!json.empty() && space(json.back())) json.remove_suffix(1);
  return number(json);
}

std::string JsonWriter::finish() {
  if (layout_ == Layout::Pretty) out_.push_back('\n');
  return std::move(out_);
}

} // namespace ziping::text
