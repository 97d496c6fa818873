// io/json/canonical_json.h — builds JSON text in the one layout canonical files use: every
// member and element on its own line, two-space indentation, `"key": value`, empty arrays
// and objects as `[]` and `{}`, strings through text::json_quote.
//
// It writes what it is told in the order it is told; it never reorders, never validates the
// nesting (the caller's code is the grammar) and never converts numbers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ziping::io::json {

class CanonicalJson {
public:
  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  // Starts a member of the current object; the next call writes its value.
  void key(std::string_view name);
  void string(std::string_view text);
  // `token` is written as it is: a number already in its final spelling.
  void number(std::string_view token);
  void boolean(bool value);
  void null();
  // The finished text with its trailing newline.
  std::string finish();

private:
  void begin_value();

  std::string out_;
  std::vector<bool> level_has_items_;
  bool after_key_ = false;
};

} // namespace ziping::io::json
