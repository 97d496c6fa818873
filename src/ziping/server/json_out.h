// server/json_out.h — compact JSON for API responses, built in order, with one addition over
// text::JsonWriter: raw(), which splices in a value some other part already rendered (the
// canonical form, the score JSON, diagnostics) instead of rendering it twice.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ziping/num/decimal.h"

namespace ziping::server {

class JsonOut {
public:
  JsonOut& begin_object();
  JsonOut& end_object();
  JsonOut& begin_array();
  JsonOut& end_array();
  JsonOut& key(std::string_view name);
  JsonOut& string(std::string_view value);
  JsonOut& integer(long long value);
  JsonOut& boolean(bool value);
  JsonOut& null();
  // An exact decimal as a JSON number ("87.26"), or null.
  JsonOut& decimal(const std::optional<num::Decimal>& value);
  JsonOut& optional_integer(const std::optional<int>& value);
  // A complete JSON value rendered elsewhere; surrounding whitespace is dropped.
  JsonOut& raw(std::string_view json);

  std::string take(); // the document, no trailing newline

private:
  void before_value();

  std::string out_;
  std::vector<bool> first_; // per open container: nothing written in it yet
  bool after_key_ = false;
};

} // namespace ziping::server
