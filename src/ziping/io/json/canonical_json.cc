#include "ziping/io/json/canonical_json.h"

#include "ziping/text/utf8.h"

namespace ziping::io::json {

void CanonicalJson::begin_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (level_has_items_.empty()) return;
  if (level_has_items_.back()) out_ += ',';
  level_has_items_.back() = true;
  out_ += '\n';
  out_.append(2 * level_has_items_.size(), ' ');
}

void CanonicalJson::begin_object() {
  begin_value();
  out_ += '{';
  level_has_items_.push_back(false);
}

void CanonicalJson::end_object() {
  bool had_items = level_has_items_.back();
  level_has_items_.pop_back();
  if (had_items) {
    out_ += '\n';
    out_.append(2 * level_has_items_.size(), ' ');
  }
  out_ += '}';
}

void CanonicalJson::begin_array() {
  begin_value();
  out_ += '[';
  level_has_items_.push_back(false);
}

void CanonicalJson::end_array() {
  bool had_items = level_has_items_.back();
  level_has_items_.pop_back();
  if (had_items) {
    out_ += '\n';
    out_.append(2 * level_has_items_.size(), ' ');
  }
  out_ += ']';
}

void CanonicalJson::key(std::string_view name) {
  begin_value();
  out_ += text::json_quote(name);
  out_ += ": ";
  after_key_ = true;
}

void CanonicalJson::string(std::string_view text) {
  begin_value();
  out_ += text::json_quote(text);
}

void CanonicalJson::number(std::string_view token) {
  begin_value();
  out_ += token;
}

void CanonicalJson::boolean(bool value) {
  begin_value();
  out_ += value ? "true" : "false";
}

void CanonicalJson::null() {
  begin_value();
  out_ += "null";
}

std::string CanonicalJson::finish() {
  out_ += '\n';
  return std::move(out_);
}

} // namespace ziping::io::json
