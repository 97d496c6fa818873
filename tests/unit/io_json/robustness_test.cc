// Hostile and broken input: the reader must answer every byte sequence with a form or a
// diagnostic, quickly, without crashing.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <random>
#include <regex>
#include <sstream>
#include <string>

#include "ziping/io/json/form_reader.h"
#include "ziping/io/json/form_writer.h"
#include "ziping/io/json/json_parser.h"

namespace ziping::io::json {
namespace {

using diag::DiagId;
// These inputs are sized so that quadratic work would run for minutes: the unit tests' CTest
// TIMEOUT catches that; speed itself is measured by the benchmarks, never here.

std::string corpus_file(const std::string& name) {
  std::ifstream in(std::string(ZIPING_SOURCE_DIR) + "/tests/fuzz/corpus/json/" + name,
                   std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool has_error(const model::ReadResult& result) {
  for (const auto& d : result.diagnostics) {
    if (d.severity == diag::Severity::Error) return true;
  }
  return false;
}

TEST(JsonRobustness, EveryTruncationOfAFormGivesADiagnostic) {
  for (const char* name : {"canonical_project.json", "canonical_department.json"}) {
    std::string text = corpus_file(name);
    ASSERT_GT(text.size(), 1000u);
    ASSERT_EQ(text.back(), '\n');
    for (std::size_t length = 0; length + 1 < text.size(); ++length) {
      auto result = read_form_json(std::string_view(text).substr(0, length), name);
      ASSERT_FALSE(result.form) << name << " cut at " << length;
      ASSERT_TRUE(has_error(result)) << name << " cut at " << length;
      const auto& where = result.diagnostics.front().where;
      ASSERT_EQ(where.file, name);
      ASSERT_GE(where.line, 1);
      ASSERT_GE(where.column, 1);
    }
    EXPECT_TRUE(read_form_json(std::string_view(text).substr(0, text.size() - 1), name).form);
  }
}

TEST(JsonRobustness, FiveMegabytesOfRandomBytesEndQuickly) {
  std::mt19937_64 random(20240611);
  std::string bytes(5 * 1024 * 1024, '\0');
  for (auto& byte : bytes) byte = static_cast<char>(random() & 0xFF);
  auto result = read_form_json(bytes, "random.bin");
  EXPECT_FALSE(result.form);
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].id, DiagId::err_input_not_utf8);
}

TEST(JsonRobustness, RandomJsonPunctuationEndsQuickly) {
  // Valid UTF-8 made of JSON's own characters gets past the encoding check into the parser.
  const std::string alphabet = "{}[]\",:0123456789-.eE truefalsnul\\/\n\t";
  std::mt19937_64 random(7);
  for (int round = 0; round < 200; ++round) {
    std::string bytes(4096, ' ');
    for (auto& byte : bytes) byte = alphabet[random() % alphabet.size()];
    auto result = read_form_json(bytes, "punctuation.json");
    EXPECT_TRUE(has_error(result));
  }
}

TEST(JsonRobustness, AHundredThousandNestedBracketsStopAtTheDepthLimit) {
  for (std::string opener : {"[", "{\"a\":", "[{\"goals\":"}) {
    std::string text;
    for (int i = 0; i < 100000; ++i) text += opener;
    auto result = read_form_json(text, "deep.json");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].id, DiagId::err_json_too_deep) << opener;
  }
}

TEST(JsonRobustness, LargeValidInputStaysLinear) {
  // A five-megabyte text, a million-element array and an object with 200,000 keys.
  std::string header = R"({"format": "ziping-form", "format_version": 1, "kind": "project", )"
                       R"("goals": [], )";
  auto long_text = read_form_json(
      header + "\"conclusion\": \"" + std::string(5 * 1024 * 1024, 'a') + "\"}", "long.json");
  ASSERT_TRUE(long_text.form);
  EXPECT_EQ(long_text.form->conclusion.size(), 5u * 1024 * 1024);

  std::string numbers = "[0";
  for (int i = 1; i < 1000000; ++i) numbers += ",0";
  auto array = read_form_json(numbers + "]", "array.json");
  EXPECT_FALSE(array.form);
  EXPECT_EQ(array.diagnostics.size(), 1u);

  std::string keys = header;
  for (int i = 0; i < 200000; ++i) keys += "\"k" + std::to_string(i) + "\": 0, ";
  auto many = read_form_json(keys + "\"last\": 0}", "keys.json");
  ASSERT_TRUE(many.form);
  EXPECT_EQ(many.diagnostics.size(), 101u); // 100 unknown fields, then ZP0116
  auto repeated = read_form_json(keys + "\"k199999\": 0}", "keys.json");
  EXPECT_FALSE(repeated.form);
  EXPECT_EQ(repeated.diagnostics[0].id, DiagId::err_json_duplicate_key);
}

TEST(JsonRobustness, InvalidUtf8InStringsAndKeysIsLocated) {
  std::string text = corpus_file("canonical_project.json");
  auto in_value = text;
  in_value.replace(in_value.find("张三"), 3, "\xE5\xBC"); // a truncated 张
  auto value_result = read_form_json(in_value, "p.json");
  ASSERT_EQ(value_result.diagnostics.size(), 1u);
  EXPECT_EQ(value_result.diagnostics[0].id, DiagId::err_input_not_utf8);
  EXPECT_EQ(value_result.diagnostics[0].where.line, 129);
  EXPECT_EQ(value_result.diagnostics[0].where.column, 22);

  auto in_key = text;
  in_key.replace(in_key.find("\"title\""), 7, "\"ti\xC0\x80tle\"");
  auto key_result = read_form_json(in_key, "p.json");
  ASSERT_EQ(key_result.diagnostics.size(), 1u);
  EXPECT_EQ(key_result.diagnostics[0].id, DiagId::err_input_not_utf8);
  EXPECT_EQ(key_result.diagnostics[0].where.line, 5);
  EXPECT_EQ(key_result.diagnostics[0].where.column, 6);
}

TEST(JsonRobustness, AWrongValueOnAnyLineIsReportedOnThatLine) {
  // Every scalar member of a full form gets values of every other type; the reader must
  // report at most the one problem, on the line that was changed, and keep the form unless
  // the line names the format itself.
  std::string text = corpus_file("canonical_project.json");
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  const std::regex scalar_member(R"re(^(\s*"[a-z_0-9]+": )([^\[{].*?)(,?)$)re");
  int changed = 0;
  for (std::size_t index = 0; index < lines.size(); ++index) {
    std::smatch match;
    if (!std::regex_match(lines[index], match, scalar_member)) continue;
    for (std::string wrong : {"{}", "[]", "\"x\"", "7", "-0.5", "true", "null", "1e2", "[[{}]]",
                              "{\"a\": [1]}", "12345678901234567890123456789012"}) {
      if (wrong == match[2].str()) continue;
      std::string broken;
      for (std::size_t i = 0; i < lines.size(); ++i) {
        broken += i == index ? match[1].str() + wrong + match[3].str() : lines[i];
        broken += '\n';
      }
      auto result = read_form_json(broken, "p.json");
      ++changed;
      bool names_the_file = lines[index].find("\"format") != std::string::npos;
      ASSERT_LE(result.diagnostics.size(), 1u) << lines[index] << " ← " << wrong;
      if (result.diagnostics.empty()) {
        ASSERT_TRUE(result.form);
        continue;
      }
      const auto& d = result.diagnostics[0];
      EXPECT_EQ(d.where.line, static_cast<int>(index + 1)) << lines[index] << " ← " << wrong;
      EXPECT_FALSE(d.path.empty()) << lines[index] << " ← " << wrong;
      EXPECT_EQ(result.form.has_value(), !names_the_file) << lines[index] << " ← " << wrong;
    }
  }
  EXPECT_GT(changed, 500);
}

TEST(JsonRobustness, ReaderOutputAlwaysRoundTrips) {
  // Whatever the reader accepts, even with errors, writes and re-reads to the same bytes.
  std::string text = corpus_file("canonical_department.json");
  std::mt19937_64 random(99);
  for (int round = 0; round < 300; ++round) {
    std::string mutated = text;
    std::size_t at = random() % mutated.size();
    mutated[at] = "0123456789\"{}[],:-. \\anxyz"[random() % 26];
    auto result = read_form_json(mutated, "m.json");
    if (!result.form) continue;
    std::string first = write_form_json(*result.form);
    auto again = read_form_json(first, "m.json");
    ASSERT_TRUE(again.form);
    ASSERT_EQ(write_form_json(*again.form), first) << "mutation at " << at;
  }
}

} // namespace
} // namespace ziping::io::json
