// io/json/json_value.h — a JSON document tree (RFC 8259) that remembers where every value
// was written and keeps every number exactly as its token was spelled.
//
// Numbers are never converted here (no binary floating point anywhere): `0.80` stays the
// text "0.80" and the reader decides what it means. Object members keep their file order.
// The tree is built only by parse_json(); it never throws on content.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ziping::io::json {

enum class JsonType { Null, Boolean, Number, String, Array, Object };

// "null", "boolean", …: the RFC 8259 names, for messages meant for developers.
std::string_view json_type_name(JsonType type);

// 1-based line and column; the column counts code points, as editors show it.
struct JsonPosition {
  int line = 1;
  int column = 1;
};

struct JsonMember;

class JsonValue {
public:
  static JsonValue null(JsonPosition position);
  static JsonValue boolean(bool value, JsonPosition position);
  // `token` is the number exactly as written ("-0.80", "1e3"); its grammar is the parser's job.
  static JsonValue number(std::string token, JsonPosition position);
  static JsonValue string(std::string text, JsonPosition position);
  static JsonValue array(JsonPosition position);
  static JsonValue object(JsonPosition position);

  JsonValue(const JsonValue&);
  JsonValue(JsonValue&&) noexcept;
  JsonValue& operator=(const JsonValue&);
  JsonValue& operator=(JsonValue&&) noexcept;
  ~JsonValue();

  JsonType type() const { return type_; }
  bool is(JsonType type) const { return type_ == type; }
  // Where the value starts: its first character ('{', '"', '-', 't', …).
  JsonPosition position() const { return position_; }

  bool boolean_value() const { return boolean_; }
  // Number: the token as written. String: the decoded UTF-8 text. Empty for other types.
  const std::string& text() const { return text_; }
  const std::vector<JsonValue>& items() const { return items_; }
  const std::vector<JsonMember>& members() const { return members_; }
  // The member called `key`, or nullptr. Keys are unique: the parser refuses repeats.
  const JsonValue* find(std::string_view key) const;

  void append_item(JsonValue item);
  JsonMember& append_member(std::string key, JsonPosition key_position, JsonValue value);

private:
  // Out of line like the special members: constructing the member vectors needs JsonMember
  // complete (clang instantiates their destructors for the unwinding path).
  JsonValue(JsonType type, JsonPosition position);

  JsonType type_ = JsonType::Null;
  bool boolean_ = false;
  JsonPosition position_;
  std::string text_;
  std::vector<JsonValue> items_;
  std::vector<JsonMember> members_;
};

struct JsonMember {
  std::string key;
  JsonPosition key_position; // the key's opening quote
  JsonValue value;
};

} // namespace ziping::io::json
