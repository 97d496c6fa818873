// Runs the examples of docs/value-notation.md: every row "| `写法` | role | Kind | `规范写法` |"
// must parse to that kind and format to that canonical spelling, so the doc cannot drift.
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ziping/value/value.h"

namespace ziping::value {
namespace {

struct DocExample {
  int line = 0;
  std::string input;
  Role role = Role::Target;
  std::string kind;
  std::string canonical;
};

std::string kind_name(ValueKind kind) {
  switch (kind) {
  case ValueKind::Empty:
    return "Empty";
  case ValueKind::Quantity:
    return "Quantity";
  case ValueKind::Range:
    return "Range";
  case ValueKind::Date:
    return "Date";
  case ValueKind::Ordinal:
    return "Ordinal";
  case ValueKind::Tier:
    return "Tier";
  case ValueKind::Text:
    return "Text";
  }
  return "?";
}

std::vector<DocExample> read_examples() {
  std::ifstream in(std::string(ZIPING_SOURCE_DIR) + "/docs/value-notation.md");
  const std::regex row(R"(^\| `([^`]+)` \| (target|actual) \| (\w+) \| (?:`([^`]*)`|\(空\)) \|$)");
  std::vector<DocExample> examples;
  std::string text;
  for (int line = 1; std::getline(in, text); ++line) {
    std::smatch match;
    if (!std::regex_match(text, match, row)) continue;
    examples.push_back(
        {line, match[1], match[2] == "target" ? Role::Target : Role::Actual, match[3], match[4]});
  }
  return examples;
}

TEST(ValueDocExamples, EveryExampleParsesAsDocumented) {
  std::vector<DocExample> examples = read_examples();
  ASSERT_GE(examples.size(), 100u) << "docs/value-notation.md examples not found";
  for (const DocExample& example : examples) {
    SCOPED_TRACE("docs/value-notation.md:" + std::to_string(example.line) + " " + example.input);
    Value value = parse_value(example.input, example.role).value;
    EXPECT_EQ(kind_name(value.kind), example.kind);
    EXPECT_EQ(format_value(value), example.canonical);
  }
}

} // namespace
} // namespace ziping::value
