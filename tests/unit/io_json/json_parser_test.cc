#include "ziping/io/json/json_parser.h"

#include <gtest/gtest.h>

#include <string>

namespace ziping::io::json {
namespace {

// A syntax phrase as one line, Chinese then English: how a person reads both sides.
std::string phrase(const diag::Diagnostic& d) {
  const std::string& arg = d.args.at(0);
  auto zh = diag::in_language(arg, diag::Language::Chinese);
  auto en = diag::in_language(arg, diag::Language::English);
  return zh == en ? std::string(zh) : std::string(zh) + " (" + std::string(en) + ")";
}

using diag::DiagId;

JsonValue parsed(std::string_view text) {
  auto result = parse_json(text);
  EXPECT_FALSE(result.error) << text << ": " << result.error->message_en();
  return result.value ? *result.value : JsonValue::null({});
}

// The single error of a text that must not parse.
diag::Diagnostic error_of(std::string_view text) {
  auto result = parse_json(text);
  EXPECT_FALSE(result.value) << text;
  EXPECT_TRUE(result.error) << text;
  return result.error ? *result.error : diag::Diagnostic{};
}

void expect_error(std::string_view text, DiagId id, int line, int column) {
  auto error = error_of(text);
  EXPECT_EQ(error.id, id) << text << ": " << error.message_en();
  EXPECT_EQ(error.where.line, line) << text << ": " << error.message_en();
  EXPECT_EQ(error.where.column, column) << text << ": " << error.message_en();
}

void expect_syntax_error(std::string_view text, int line, int column) {
  expect_error(text, DiagId::err_json_syntax, line, column);
}

TEST(JsonParser, ReadsEveryKindOfValue) {
  auto value = parsed(R"({"n": null, "t": true, "f": false, "x": -0.80, "s": "ab", "a": [1, []],
                         "o": {}})");
  ASSERT_TRUE(value.is(JsonType::Object));
  ASSERT_EQ(value.members().size(), 7u);
  EXPECT_TRUE(value.find("n")->is(JsonType::Null));
  EXPECT_TRUE(value.find("t")->boolean_value());
  EXPECT_FALSE(value.find("f")->boolean_value());
  EXPECT_EQ(value.find("x")->text(), "-0.80");
  EXPECT_EQ(value.find("s")->text(), "ab");
  EXPECT_EQ(value.find("a")->items().size(), 2u);
  EXPECT_TRUE(value.find("o")->members().empty());
  EXPECT_EQ(value.find("missing"), nullptr);
}

TEST(JsonParser, KeepsMembersInFileOrder) {
  auto value = parsed(R"({"z": 1, "a": 2, "m": 3})");
  ASSERT_EQ(value.members().size(), 3u);
  EXPECT_EQ(value.members()[0].key, "z");
  EXPECT_EQ(value.members()[1].key, "a");
  EXPECT_EQ(value.members()[2].key, "m");
}

TEST(JsonParser, KeepsNumberTokensExactly) {
  for (std::string token :
       {"0", "-0", "0.80", "95.20", "22681.6", "-3", "1e3", "1E+3", "2.5e-7",
        "12345678901234567890123456789012345678901234567890", "0.000000000000000000000000000001"}) {
    auto value = parsed("[" + token + "]");
    ASSERT_EQ(value.items().size(), 1u);
    EXPECT_TRUE(value.items()[0].is(JsonType::Number));
    EXPECT_EQ(value.items()[0].text(), token);
  }
}

TEST(JsonParser, RefusesNumbersOutsideTheGrammar) {
  expect_syntax_error("[-]", 1, 3);
  expect_syntax_error("[01]", 1, 2);
  expect_syntax_error("[-01]", 1, 2);
  expect_syntax_error("[1.]", 1, 4);
  expect_syntax_error("[1.e3]", 1, 4);
  expect_syntax_error("[1e]", 1, 4);
  expect_syntax_error("[1e+]", 1, 5);
  expect_syntax_error("[+1]", 1, 2);
  expect_syntax_error("[.5]", 1, 2);
  expect_syntax_error("[0x10]", 1, 3);
  expect_syntax_error("[NaN]", 1, 2);
  expect_syntax_error("[Infinity]", 1, 2);
  EXPECT_EQ(phrase(error_of("[01]")),
            "数字不能以多余的 0 开头 (a number cannot have leading zeros)");
}

TEST(JsonParser, PositionsCountLinesAndCodePoints) {
  auto value = parsed("{\n  \"名称\": \"党建\",\n  \"分值\": [2, 0.5]\n}");
  EXPECT_EQ(value.position().line, 1);
  EXPECT_EQ(value.position().column, 1);
  const auto& name = value.members()[0];
  EXPECT_EQ(name.key_position.line, 2);
  EXPECT_EQ(name.key_position.column, 3);
  EXPECT_EQ(name.value.position().line, 2);
  EXPECT_EQ(name.value.position().column, 9); // "名称" is two columns, not six bytes
  const auto& weights = value.members()[1].value;
  EXPECT_EQ(weights.position().column, 9);
  EXPECT_EQ(weights.items()[1].position().line, 3);
  EXPECT_EQ(weights.items()[1].position().column, 13);
}

TEST(JsonParser, CountsCrLfAndLoneCrAsOneLineBreak) {
  auto value = parsed("[\r\n1,\r2,\n3]");
  EXPECT_EQ(value.items()[0].position().line, 2);
  EXPECT_EQ(value.items()[1].position().line, 3);
  EXPECT_EQ(value.items()[2].position().line, 4);
  EXPECT_EQ(value.items()[2].position().column, 1);
  expect_syntax_error("{\r\n  \"a\": x}", 2, 8);
}

TEST(JsonParser, DecodesEveryEscape) {
  auto value = parsed(R"(["\"\\\/\b\f\n\r\t", "\u0041\u00e9\u4E2D", "\uD83D\uDE00", "\u0000"])");
  EXPECT_EQ(value.items()[0].text(), "\"\\/\b\f\n\r\t");
  EXPECT_EQ(value.items()[1].text(), "Aé中");
  EXPECT_EQ(value.items()[2].text(), "\xF0\x9F\x98\x80"); // U+1F600 from a surrogate pair
  EXPECT_EQ(value.items()[3].text(), std::string(1, '\0'));
}

TEST(JsonParser, RefusesLoneSurrogates) {
  expect_syntax_error(R"(["\uD800"])", 1, 3);
  expect_syntax_error(R"(["ab\uD83Dx"])", 1, 5);
  expect_syntax_error(R"(["\uD800\u0041"])", 1, 3);
  expect_syntax_error(R"(["\uD800\uD800"])", 1, 3);
  expect_syntax_error(R"(["\uDC00"])", 1, 3);
  expect_syntax_error(R"(["\uDFFF\uD800"])", 1, 3);
  EXPECT_EQ(phrase(error_of(R"(["\uDC00"])")),
            "孤立的低代理项 \\uDC00 (unpaired low surrogate \\uDC00)");
  EXPECT_EQ(phrase(error_of(R"(["\ud83d"])")),
            "高代理项 \\ud83d 后缺少低代理项 (high surrogate \\ud83d is not followed by a low "
            "surrogate)");
}

TEST(JsonParser, RefusesBadEscapes) {
  expect_syntax_error(R"(["a\x"])", 1, 4);
  expect_syntax_error(R"(["\u12G4"])", 1, 3);
  expect_syntax_error(R"(["\u12"])", 1, 3);
  expect_syntax_error(R"(["\'"])", 1, 3);
  EXPECT_EQ(phrase(error_of(R"(["a\x"])")),
            "无效的转义：反斜杠后为 'x' (invalid escape: 'x' after a backslash)");
}

TEST(JsonParser, RefusesControlCharactersInStrings) {
  expect_syntax_error("[\"a\tb\"]", 1, 4);
  expect_syntax_error(std::string("[\"ab\0\"]", 7), 1, 5);
  expect_syntax_error("[\"党建\x1F\"]", 1, 5);
  auto line_break = error_of("{\"name\": \"党建\n\"}");
  EXPECT_EQ(line_break.where.column, 13);
  EXPECT_EQ(phrase(line_break),
            "字符串中有未转义的换行（U+000A），是否缺少结束引号？ (unescaped line "
            "break (U+000A) in a string; is a closing quote missing?)");
  EXPECT_EQ(line_break.path, "name");
  // DEL and the C1 range are not JSON control characters.
  EXPECT_EQ(parsed("[\"\x7F\xC2\x85\"]").items()[0].text(), "\x7F\xC2\x85");
}

TEST(JsonParser, PointsAtTheOpeningQuoteOfAnUnterminatedString) {
  expect_syntax_error("{\"a\": \"never closed", 1, 7);
  expect_syntax_error("[\"ends in an escape\\", 1, 2);
}

TEST(JsonParser, NamesWhatWasExpectedAndWhatWasFound) {
  auto error = error_of("[1 2]");
  EXPECT_EQ(error.id, DiagId::err_json_syntax);
  EXPECT_EQ(error.where.line, 1);
  EXPECT_EQ(error.where.column, 4);
  EXPECT_EQ(phrase(error), "期望逗号或右方括号，实际为 '2' (expected ',' or ']', found '2')");
  EXPECT_EQ(error.message_zh(), "JSON 语法错误：期望逗号或右方括号，实际为 '2'");
  EXPECT_EQ(phrase(error_of("[1")),
            "期望逗号或右方括号，但输入已结束 (expected ',' or ']', but the input ended)");
  EXPECT_EQ(phrase(error_of("{\"a\": 1 \"b\": 2}")),
            "期望逗号或右花括号，实际为 '\"' (expected ',' or '}', found '\"')");
  EXPECT_EQ(phrase(error_of("{\"a\"：1}")), // a full-width colon, a common slip
            "键后期望冒号，实际为 '：' (expected ':' after the key, found '：')");
  EXPECT_EQ(phrase(error_of("[ \xE3\x80\x80]")),
            "期望一个 JSON 值，实际为 U+3000 (expected a JSON value, found U+3000)");
  EXPECT_EQ(phrase(error_of("{'a': 1}")),
            "期望键（带双引号的字符串），实际为 ''' (expected a key (a string in double quotes), "
            "found ''')");
  EXPECT_EQ(phrase(error_of("[tru]")),
            "无法识别的字面量，应为 true、false 或 null (unknown literal; expected true, false or "
            "null)");
}

TEST(JsonParser, RefusesTrailingCommasAtTheComma) {
  expect_syntax_error("[1, 2, ]", 1, 6);
  expect_syntax_error("{\"a\": 1,\n}", 1, 8);
  EXPECT_EQ(phrase(error_of("[1,]")), "右方括号前多了逗号 (trailing comma before ']')");
}

TEST(JsonParser, RefusesOtherStructuralMistakes) {
  expect_syntax_error("{\"a\" 1}", 1, 6);
  expect_syntax_error("{1: 2}", 1, 2);
  expect_syntax_error("{\"a\": }", 1, 7);
  expect_syntax_error("[1}", 1, 3);
  expect_syntax_error("{\"a\": 1]", 1, 8);
  expect_syntax_error("]", 1, 1);
  expect_syntax_error("[/* comment */]", 1, 2);
  expect_syntax_error("[True]", 1, 2);
}

TEST(JsonParser, RefusesContentAfterTheValue) {
  expect_syntax_error("{} x", 1, 4);
  expect_syntax_error("{}{}", 1, 3);
  expect_syntax_error("1 2", 1, 3);
  EXPECT_EQ(phrase(error_of("{}\n,")),
            "JSON 值之后还有多余内容，实际为 ',' (unexpected content after the JSON value, found "
            "',')");
  parsed("{}\n\n  \t\r\n"); // trailing whitespace is fine
}

TEST(JsonParser, ReportsEmptyInput) {
  expect_error("", DiagId::err_input_empty, 1, 1);
  expect_error(" \n\t\r\n ", DiagId::err_input_empty, 3, 2);
  expect_error("\xEF\xBB\xBF", DiagId::err_input_empty, 1, 1);
}

TEST(JsonParser, SkipsALeadingByteOrderMark) {
  auto value = parsed("\xEF\xBB\xBF{\"a\": 1}");
  EXPECT_EQ(value.position().column, 1);
  EXPECT_EQ(value.members()[0].value.position().column, 7);
  // Only at the very start: elsewhere U+FEFF is an unexpected character.
  expect_syntax_error(" \xEF\xBB\xBF{}", 1, 2);
}

TEST(JsonParser, ReportsInvalidUtf8WithItsByteAndPosition) {
  auto error = error_of("{\"a\":\n \"\xFF\"}");
  EXPECT_EQ(error.id, DiagId::err_input_not_utf8);
  EXPECT_EQ(phrase(error), "9"); // bytes count from 1
  EXPECT_EQ(error.where.line, 2);
  EXPECT_EQ(error.where.column, 3);
  // Inside a key, after CJK text: the column counts the characters before it.
  auto in_key = error_of("{\"名称\xE4\xB8\": 1}");
  EXPECT_EQ(in_key.id, DiagId::err_input_not_utf8);
  EXPECT_EQ(phrase(in_key), "9");
  EXPECT_EQ(in_key.where.column, 5);
  // Overlong, surrogate and truncated sequences.
  for (std::string bad : {"[\"\xC0\xAF\"]", "[\"\xED\xA0\x80\"]", "[\"\xF4\x90\x80\x80\"]",
                          "[\"\xE4\xB8\"]", "[\"\xE4\xB8"}) {
    EXPECT_EQ(error_of(bad).id, DiagId::err_input_not_utf8);
    EXPECT_EQ(phrase(error_of(bad)), "3");
  }
}

TEST(JsonParser, LimitsNestingDepth) {
  std::string deepest_allowed = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  parsed(deepest_allowed);
  std::string too_deep = std::string(kMaxJsonDepth + 1, '[') + std::string(kMaxJsonDepth + 1, ']');
  expect_error(too_deep, DiagId::err_json_too_deep, 1, kMaxJsonDepth + 1);
  EXPECT_EQ(phrase(error_of(too_deep)), "64");
  std::string objects;
  for (int i = 0; i <= kMaxJsonDepth; ++i) objects += "{\"a\":";
  expect_error(objects, DiagId::err_json_too_deep, 1, 5 * kMaxJsonDepth + 1);
}

TEST(JsonParser, RefusesRepeatedKeysAtTheSecondKey) {
  auto error = error_of("{\"a\": 1,\n \"a\": 2}");
  EXPECT_EQ(error.id, DiagId::err_json_duplicate_key);
  EXPECT_EQ(error.where.line, 2);
  EXPECT_EQ(error.where.column, 2);
  EXPECT_EQ(phrase(error), "\"a\"");
  EXPECT_EQ(error.path, "a");
  // Keys compare after unescaping.
  EXPECT_EQ(error_of(R"({"名称": 1, "\u540d\u79f0": 2})").id, DiagId::err_json_duplicate_key);
  // Objects larger than the linear scan use a hash set; both must catch repeats.
  std::string large = "{";
  for (int i = 0; i < 40; ++i) large += "\"k" + std::to_string(i) + "\": 0, ";
  parsed(large + "\"last\": 0}");
  EXPECT_EQ(error_of(large + "\"k3\": 0}").id, DiagId::err_json_duplicate_key);
  EXPECT_EQ(error_of(large + "\"k39\": 0}").id, DiagId::err_json_duplicate_key);
  // The same key in different objects is fine.
  parsed(R"([{"a": 1}, {"a": 2}, {"b": {"a": 3}}])");
}

TEST(JsonParser, NamesThePathOfTheValueBeingRead) {
  EXPECT_EQ(error_of(R"({"goals": [{"indicators": [{}, {"name": tru}]}]})").path,
            "goals[0].indicators[1].name");
  EXPECT_EQ(error_of(R"({"goals": [{"number": 1, "number": 2}]})").path, "goals[0].number");
  EXPECT_EQ(error_of(R"([1, [2, -]])").path, "[1][1]");
  EXPECT_EQ(error_of(R"({"goals": [1 2]})").path, "goals");
  EXPECT_EQ(error_of("[1 2]").path, "");
}

} // namespace
} // namespace ziping::io::json
