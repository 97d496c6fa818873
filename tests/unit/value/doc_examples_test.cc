// Runs the examples of docs/value-notation.md: every row "| `写法` | role | Kind | `规范写法` |"
// must parse to that kind and format to that canonical spelling, so the doc cannot drift.
// (No std::regex: GCC 12 warns inside it under the sanitizer build, and warnings are errors.)
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
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

// "`≥5次`" → "≥5次"; "(空)" → ""; anything else is not an example cell.
std::optional<std::string> code_cell(std::string_view cell, bool allow_empty_mark) {
  if (allow_empty_mark && cell == "(空)") return std::string();
  if (cell.size() < 2 || cell.front() != '`' || cell.back() != '`') return std::nullopt;
  cell = cell.substr(1, cell.size() - 2);
  if (cell.find('`') != std::string_view::npos) return std::nullopt;
  return std::string(cell);
}

std::vector<std::string_view> cells(std::string_view line) {
  std::vector<std::string_view> out;
  if (!line.starts_with("| ") || !line.ends_with(" |")) return out;
  line = line.substr(2, line.size() - 4);
  for (std::size_t bar; (bar = line.find(" | ")) != std::string_view::npos;) {
    out.push_back(line.substr(0, bar));
    line.remove_prefix(bar + 3);
  }
  out.push_back(line);
  return out;
}

// Rows "| `写法` | target or actual | Kind | `规范写法` or (空) |"; other tables do not match.
std::optional<DocExample> example_row(std::string_view line) {
  std::vector<std::string_view> row = cells(line);
  if (row.size() != 4 || (row[1] != "target" && row[1] != "actual")) return std::nullopt;
  std::optional<std::string> input = code_cell(row[0], false);
  std::optional<std::string> canonical = code_cell(row[3], true);
  if (!input || !canonical) return std::nullopt;
  return DocExample{0, *input, row[1] == "target" ? Role::Target : Role::Actual,
                    std::string(row[2]), *canonical};
}

std::vector<DocExample> read_examples() {
  std::ifstream in(std::string(ZIPING_SOURCE_DIR) + "/docs/value-notation.md");
  std::vector<DocExample> examples;
  std::string text;
  for (int line = 1; std::getline(in, text); ++line) {
    if (std::optional<DocExample> example = example_row(text)) {
      example->line = line;
      examples.push_back(*example);
    }
  }
  return examples;
}

TEST(ValueDocExamples, EveryExampleParsesAsDocumented) {
  std::vector<DocExample> examples = read_examples();
  ASSERT_GE(examples.size(), 100u) << "docs/value-notation.md examples not found";
  EXPECT_EQ(examples.size(), 107u) << "update this count when examples are added or removed";
  for (const DocExample& example : examples) {
    SCOPED_TRACE("docs/value-notation.md:" + std::to_string(example.line) + " " + example.input);
    Value value = parse_value(example.input, example.role).value;
    EXPECT_EQ(kind_name(value.kind), example.kind);
    EXPECT_EQ(format_value(value), example.canonical);
  }
}

} // namespace
} // namespace ziping::value
