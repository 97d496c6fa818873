// text/json_writer.h — the one streaming JSON writer (canonical forms, score JSON, reports,
// API answers): keys in the order written, numbers passed as exact decimal text, strings
// through json_quote, so it cannot produce invalid JSON from valid calls.
//
// Pretty (the default) is the layout canonical files use: every member and element on its own
// line, two-space indentation, `"key": value`, empty containers as `{}` and `[]`, one trailing
// newline. Compact writes no whitespace at all and no trailing newline (API bodies).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ziping::text {

class JsonWriter {
public:
  enum class Layout { Pretty, Compact };
  explicit JsonWriter(Layout layout = Layout::Pretty) : layout_(layout) {}

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
  JsonWriter& optional_integer(const std::optional<long long>& value);
  // An exact decimal (num::Decimal, or anything whose to_string() is a JSON number) or null;
  // a template so that text/ stays below num/.
  template <class Exact> JsonWriter& decimal(const std::optional<Exact>& value) {
    return value ? decimal(*value) : null();
  }
  JsonWriter& decimal(std::nullopt_t) { return null(); }
  template <class Exact>
  requires requires(const Exact& exact) { exact.to_string(); }
  JsonWriter& decimal(const Exact& value) { return number(value.to_string()); }
  // A complete JSON value rendered elsewhere (a canonical form, a score JSON), spliced in as
  // it is; surrounding whitespace is dropped.
  JsonWriter& raw(std::string_view json);

  // The document: Pretty ends it with a newline, Compact does not.
  std::string finish();

private:
  void before_value();
  void newline();

  Layout layout_;
  std::string out_;
  struct Level {
    bool object;
    bool empty;
  };
  std::vector<Level> stack_;
  bool after_key_ = false;
};

} // namespace ziping::text
