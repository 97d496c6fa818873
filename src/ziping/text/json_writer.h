// text/json_writer.h — a small streaming JSON writer for reports (scores, diagnostics):
// two-space indentation, keys in the order written, numbers passed as exact decimal text.
// It cannot produce invalid JSON from valid calls: strings go through json_quote.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ziping::text {

class JsonWriter {
public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& string(std::string_view value);
  // `decimal_text` must be a JSON number already ("87.26", "-0.5"); Decimal::to_string() is.
  JsonWriter& number(std::string_view decimal_text);
  JsonWriter& integer(long long value);
  JsonWriter& boolean(bool value);
  JsonWriter& null();

  // The document, with a trailing newline.
  std::string finish();

private:
  void before_value();
  void newline();

  std::string out_;
  struct Level {
    bool object;
    bool empty;
  };
  std::vector<Level> stack_;
  bool after_key_ = false;
};

} // namespace ziping::text
