// docs/form.schema.json, the reader and the writer describe one format: for every object of a
// form, the schema's properties are the keys the writer emits for a full form, a key is
// required in the schema exactly when the reader reports its absence, and a value of each
// JSON type is accepted by the reader exactly when the schema allows that type.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "ziping/io/json/form_reader.h"
#include "ziping/io/json/form_writer.h"
#include "ziping/io/json/json_parser.h"
#include "ziping/text/utf8.h"

namespace ziping::io::json {
namespace {

using num::Decimal;

JsonValue parse_file(const std::string& relative) {
  std::ifstream in(std::string(ZIPING_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto parsed = parse_json(text);
  EXPECT_TRUE(parsed.value) << relative;
  return parsed.value ? *parsed.value : JsonValue::null({});
}

// Every field of every object set, one element in every array.
model::Form full_form() {
  model::Form form;
  form.kind = model::FormKind::Project;
  form.title = "项目支出绩效自评表";
  form.year = 2023;
  form.department = "部门";
  form.project = "项目";
  form.implementing_unit = "单位";
  form.budget.initial = form.budget.annual = form.budget.executed = Decimal::of("10");
  form.budget.weight = Decimal::of("10");
  form.budget.score = Decimal::of("10");
  form.budget.rate = "100%";
  form.budget.deviation_reason = "无";
  form.budget.sources.push_back(model::FundingRow{"年度资金总额", Decimal::of("1"),
                                                  Decimal::of("1"), Decimal::of("1"), "100%"});
  model::Indicator indicator{"产出指标",
                             "数量指标",
                             "次数",
                             "≥5次",
                             "6次",
                             Decimal::of("2"),
                             Decimal::of("2"),
                             "无",
                             "≥4次",
                             "定量",
                             "次",
                             Decimal::of("100"),
                             true,
                             "完成得满分",
                             "全年组织的培训次数"};
  form.goals.push_back(
      model::Goal{1, "目标", "完成", "无", Decimal::of("2"), Decimal::of("2"), {indicator}});
  form.total_weight = Decimal::of("100");
  form.total_score = Decimal::of("100");
  form.grade = "优";
  form.conclusion = "结论";
  form.problems = "问题";
  form.improvements = "措施";
  form.project_leader = "张三";
  form.finance_leader = "李四";
  return form;
}

// Compact JSON of `value`, leaving out the member whose value is `skip` and writing
// `replacement` instead of the value `replace`.
std::string to_json(const JsonValue& value, const JsonValue* skip, const JsonValue* replace,
                    const std::string& replacement) {
  if (&value == replace) return replacement;
  switch (value.type()) {
  case JsonType::Null:
    return "null";
  case JsonType::Boolean:
    return value.boolean_value() ? "true" : "false";
  case JsonType::Number:
    return value.text();
  case JsonType::String:
    return text::json_quote(value.text());
  case JsonType::Array: {
    std::string out = "[";
    for (const auto& item : value.items()) {
      if (out.size() > 1) out += ",";
      out += to_json(item, skip, replace, replacement);
    }
    return out + "]";
  }
  case JsonType::Object: {
    std::string out = "{";
    for (const auto& member : value.members()) {
      if (&member.value == skip) continue;
      if (out.size() > 1) out += ",";
      out += text::json_quote(member.key) + ":" + to_json(member.value, skip, replace, replacement);
    }
    return out + "}";
  }
  }
  return "null";
}

class SchemaAgreement {
public:
  SchemaAgreement()
      : schema_(parse_file("docs/form.schema.json")),
        form_(*parse_json(write_form_json(full_form())).value) {}

  void check() { check_object(schema_, form_, ""); }

private:
  const JsonValue& resolve(const JsonValue& node) const {
    const JsonValue* ref = node.find("$ref");
    if (ref == nullptr) return node;
    const std::string prefix = "#/$defs/";
    EXPECT_EQ(ref->text().rfind(prefix, 0), 0u) << ref->text();
    const JsonValue* target = schema_.find("$defs")->find(ref->text().substr(prefix.size()));
    EXPECT_NE(target, nullptr) << ref->text();
    return target ? *target : node;
  }

  static std::set<std::string> keys_of(const JsonValue* object) {
    std::set<std::string> keys;
    if (object) {
      for (const auto& member : object->members()) keys.insert(member.key);
    }
    return keys;
  }

  static std::set<std::string> strings_of(const JsonValue* array) {
    std::set<std::string> strings;
    if (array) {
      for (const auto& item : array->items()) strings.insert(item.text());
    }
    return strings;
  }

  // Whether a schema node (resolved) allows a value of `type`; `empty_object` tells whether
  // the value is {} (which an object schema with required keys refuses).
  bool allows(const JsonValue& node, JsonType type, bool empty_object) const {
    const JsonValue* types = node.find("type");
    if (types == nullptr) return false;
    std::set<std::string> names;
    if (types->is(JsonType::String)) names.insert(types->text());
    for (const auto& item : types->items()) names.insert(item.text());
    if (type == JsonType::Object && empty_object && node.find("required")) return false;
    if (type == JsonType::Number) return names.count("number") || names.count("integer");
    return names.count(std::string(json_type_name(type))) > 0;
  }

  model::ReadResult read_variant(const JsonValue* skip, const JsonValue* replace,
                                 const std::string& replacement) const {
    return read_form_json(to_json(form_, skip, replace, replacement), "variant.json");
  }

  void check_object(const JsonValue& schema_node, const JsonValue& object,
                    const std::string& path) {
    const JsonValue& schema = resolve(schema_node);
    const JsonValue* properties = schema.find("properties");
    ASSERT_NE(properties, nullptr) << path;
    EXPECT_EQ(keys_of(properties), keys_of(&object)) << "properties of " << path;
    ASSERT_NE(schema.find("additionalProperties"), nullptr) << path;
    std::set<std::string> required = strings_of(schema.find("required"));

    for (const auto& member : object.members()) {
      std::string member_path = path.empty() ? member.key : path + "." + member.key;
      const JsonValue* property = properties->find(member.key);
      if (property == nullptr) continue;
      check_required(member, member_path, required.count(member.key) > 0);
      const JsonValue& property_schema = resolve(*property);
      if (property_schema.find("type")) check_types(member, member_path, property_schema);

      if (member.value.is(JsonType::Object)) {
        check_object(property_schema, member.value, member_path);
      } else if (member.value.is(JsonType::Array) && !member.value.items().empty()) {
        const JsonValue* items = property_schema.find("items");
        ASSERT_NE(items, nullptr) << member_path;
        check_object(*items, member.value.items()[0], member_path + "[0]");
      }
    }
  }

  void check_required(const JsonMember& member, const std::string& member_path, bool required) {
    auto result = read_variant(&member.value, nullptr, "");
    if (!required) {
      EXPECT_TRUE(result.diagnostics.empty()) << member_path << " is optional in the schema";
      return;
    }
    ASSERT_EQ(result.diagnostics.size(), 1u) << member_path << " is required in the schema";
    EXPECT_EQ(result.diagnostics[0].id, diag::DiagId::err_json_missing_field) << member_path;
    EXPECT_EQ(result.diagnostics[0].path, member_path);
  }

  void check_types(const JsonMember& member, const std::string& member_path,
                   const JsonValue& property_schema) {
    const std::pair<std::string, JsonType> samples[] = {
        {"null", JsonType::Null},    {"true", JsonType::Boolean}, {"7", JsonType::Number},
        {"\"x\"", JsonType::String}, {"[]", JsonType::Array},     {"{}", JsonType::Object},
    };
    for (const auto& [replacement, type] : samples) {
      auto result = read_variant(nullptr, &member.value, replacement);
      bool accepted = result.diagnostics.empty();
      EXPECT_EQ(accepted, allows(property_schema, type, replacement == "{}"))
          << member_path << " = " << replacement;
      if (!accepted) {
        ASSERT_EQ(result.diagnostics.size(), 1u) << member_path << " = " << replacement;
        EXPECT_EQ(result.diagnostics[0].path, member_path) << replacement;
      }
    }
  }

  JsonValue schema_;
  JsonValue form_;
};

TEST(FormSchema, AgreesWithTheReaderAndTheWriter) {
  SchemaAgreement().check();
}

TEST(FormSchema, PinsTheIdentityFields) {
  auto schema = parse_file("docs/form.schema.json");
  const auto* properties = schema.find("properties");
  ASSERT_NE(properties, nullptr);
  EXPECT_EQ(properties->find("format")->find("const")->text(), "ziping-form");
  EXPECT_EQ(properties->find("format_version")->find("const")->text(), "1");
  const auto& kinds = properties->find("kind")->find("enum")->items();
  ASSERT_EQ(kinds.size(), 2u);
  EXPECT_EQ(kinds[0].text(), "department");
  EXPECT_EQ(kinds[1].text(), "project");
  EXPECT_EQ(schema.find("$schema")->text(), "https://json-schema.org/draft/2020-12/schema");
}

} // namespace
} // namespace ziping::io::json
