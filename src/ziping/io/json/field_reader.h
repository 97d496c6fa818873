// io/json/field_reader.h — reads the typed fields of parsed JSON objects into model structs,
// turning every value that does not fit into a diagnostic with its model path and its
// file:line:column, and recording where each field was found in the SourceMap.
//
// Never throws on content and never stops early: a field that cannot be read keeps its
// default and reading goes on with the next one. After kMaxReadDiagnostics it reports ZP0116
// once and drops the rest, so a hostile file cannot make the report unbounded.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "ziping/diag/diagnostic.h"
#include "ziping/io/json/json_value.h"
#include "ziping/model/source_map.h"
#include "ziping/num/decimal.h"

namespace ziping::io::json {

inline constexpr std::size_t kMaxReadDiagnostics = 100;

// "goals" + "number" → "goals.number"; "" + "kind" → "kind".
std::string member_path(const std::string& parent, std::string_view key);
// "goals" + 3 → "goals[3]".
std::string item_path(const std::string& parent, std::size_t index);
// A JSON value as a message shows it: a string quoted (and cut when long), a number as
// written, anything else by its type name ("对象", "数组", "null", …).
std::string shown_value(const JsonValue& value);

class FieldReader;

enum class Need { Optional, Required };

// A member whose value the caller read (and checked) before the walk: the walk only locates it.
struct AlreadyRead {};

// How one member of an object is read: into a model field of a known kind, or by a function
// for nested objects and enumerations.
template <class Target> struct FieldRule {
  using ReadFunction = void (*)(FieldReader&, const JsonValue&, const std::string& path, Target&);

  std::string_view key;
  Need need;
  std::variant<std::string Target::*, std::optional<num::Decimal> Target::*,
               std::optional<int> Target::*, std::optional<bool> Target::*, ReadFunction,
               AlreadyRead>
      read;
};

class FieldReader {
public:
  FieldReader(std::string file, model::SourceMap& map, std::vector<diag::Diagnostic>& diagnostics);

  void report(diag::DiagId id, const std::string& path, JsonPosition at,
              std::vector<std::string> args);
  void locate(const std::string& path, JsonPosition at);

  // Each checks the type first: on a mismatch it reports ZP0104, leaves `out` alone and
  // returns false. `null` reads as "absent" where the format allows it (numbers, flags).
  bool expect_object(const JsonValue& value, const std::string& path);
  bool expect_array(const JsonValue& value, const std::string& path);
  bool read_text(const JsonValue& value, const std::string& path, std::string& out);
  bool read_decimal(const JsonValue& value, const std::string& path,
                    std::optional<num::Decimal>& out);
  bool read_integer(const JsonValue& value, const std::string& path, std::optional<int>& out);
  bool read_flag(const JsonValue& value, const std::string& path, std::optional<bool>& out);

  // Walks the members of `object` (already known to be an object) in file order: each known
  // key is located and read by its rule, each unknown one reported (ZP0106), and each
  // required key that is absent reported (ZP0105) at the object.
  template <class Target>
  void read_fields(const JsonValue& object, const std::string& path, Target& target,
                   std::type_identity_t<std::span<const FieldRule<Target>>> rules);

  // Reads an array of objects, one model element per JSON element, so that indices in the
  // model stay the indices in the file; an element of the wrong type becomes a default one.
  template <class Item>
  void read_objects(const JsonValue& array, const std::string& path, std::vector<Item>& out,
                    void (*read_item)(FieldReader&, const JsonValue&, const std::string&, Item&));

private:
  template <class Target>
  void read_member(const FieldRule<Target>& rule, const JsonValue& value, const std::string& path,
                   Target& target);
  void report_wrong_type(const JsonValue& value, const std::string& path,
                         std::string_view expected);

  std::string file_;
  model::SourceMap& map_;
  std::vector<diag::Diagnostic>& diagnostics_;
  std::size_t reported_ = 0;
};

template <class Target>
void FieldReader::read_fields(const JsonValue& object, const std::string& path, Target& target,
                              std::type_identity_t<std::span<const FieldRule<Target>>> rules) {
  for (const auto& rule : rules) {
    if (rule.need == Need::Required && object.find(rule.key) == nullptr) {
      report(diag::DiagId::err_json_missing_field, member_path(path, rule.key), object.position(),
             {member_path(path, rule.key)});
    }
  }
  for (const auto& member : object.members()) {
    std::string field_path = member_path(path, member.key);
    const FieldRule<Target>* known = nullptr;
    for (const auto& rule : rules) {
      if (rule.key == member.key) known = &rule;
    }
    if (known == nullptr) {
      report(diag::DiagId::warn_json_unknown_field, field_path, member.key_position, {field_path});
      continue;
    }
    locate(field_path, member.value.position());
    read_member(*known, member.value, field_path, target);
  }
}

template <class Target>
void FieldReader::read_member(const FieldRule<Target>& rule, const JsonValue& value,
                              const std::string& path, Target& target) {
  using Rule = FieldRule<Target>;
  const auto& read = rule.read;
  if (auto* text = std::get_if<std::string Target::*>(&read)) {
    read_text(value, path, target.**text);
  } else if (auto* number = std::get_if<std::optional<num::Decimal> Target::*>(&read)) {
    read_decimal(value, path, target.**number);
  } else if (auto* integer = std::get_if<std::optional<int> Target::*>(&read)) {
    read_integer(value, path, target.**integer);
  } else if (auto* flag = std::get_if<std::optional<bool> Target::*>(&read)) {
    read_flag(value, path, target.**flag);
  } else if (auto* function = std::get_if<typename Rule::ReadFunction>(&read)) {
    (*function)(*this, value, path, target);
  }
}

template <class Item>
void FieldReader::read_objects(const JsonValue& array, const std::string& path,
                               std::vector<Item>& out,
                               void (*read_item)(FieldReader&, const JsonValue&, const std::string&,
                                                 Item&)) {
  if (!expect_array(array, path)) return;
  out.reserve(array.items().size());
  for (std::size_t index = 0; index < array.items().size(); ++index) {
    const JsonValue& element = array.items()[index];
    std::string element_path = item_path(path, index);
    locate(element_path, element.position());
    Item item;
    if (expect_object(element, element_path)) read_item(*this, element, element_path, item);
    out.push_back(std::move(item));
  }
}

} // namespace ziping::io::json
