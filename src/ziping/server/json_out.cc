#include "ziping/server/json_out.h"

#include "ziping/text/utf8.h"

namespace ziping::server {

void JsonOut::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (first_.empty()) return;
  if (!first_.back()) out_.push_back(',');
  first_.back() = false;
}

JsonOut& JsonOut::begin_object() {
  before_value();
  out_.push_back('{');
  first_.push_back(true);
  return *this;
}

JsonOut& JsonOut::end_object() {
  first_.pop_back();
  out_.push_back('}');
  return *this;
}

JsonOut& JsonOut::begin_array() {
  before_value();
  out_.push_back('[');
  first_.push_back(true);
  return *this;
}

JsonOut& JsonOut::end_array() {
  first_.pop_back();
  out_.push_back(']');
  return *this;
}

JsonOut& JsonOut::key(std::string_view name) {
  before_value();
  out_ += text::json_quote(name);
  out_.push_back(':');
  after_key_ = true;
  return *this;
}

JsonOut& JsonOut::string(std::string_view value) {
  before_value();
  out_ += text::json_quote(value);
  return *this;
}

JsonOut& JsonOut::integer(long long value) {
  before_value();
  out_ += std::to_string(value);
  return *this;
}

JsonOut& JsonOut::boolean(bool value) {
  before_value();
  out_ += value ? "true" : "false";
  return *this;
}

JsonOut& JsonOut::null() {
  before_value();
  out_ += "null";
  return *this;
}

JsonOut& JsonOut::decimal(const std::optional<num::Decimal>& value) {
  if (!value) return null();
  before_value();
  out_ += value->to_string();
  return *this;
}

JsonOut& JsonOut::optional_integer(const std::optional<int>& value) {
  if (!value) return null();
  return integer(*value);
}

JsonOut& JsonOut::raw(std::string_view json) {
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
  while (!json.empty() && space(json.front())) json.remove_prefix(1);
  while (!json.empty() && space(json.back())) json.remove_suffix(1);
  before_value();
  out_ += json;
  return *this;
}

std::string JsonOut::take() {
  return std::move(out_);
}

} // namespace ziping::server
