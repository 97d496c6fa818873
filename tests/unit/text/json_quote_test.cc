// text::json_quote copies runs that need no escape whole (server lists quote ~1,000 texts a
// page); these pin its output to the code point by code point definition it replaced.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ziping/text/utf8.h"

namespace ziping {
namespace {

// The definition: every code point escaped or copied on its own, an ill-formed byte U+FFFD.
std::string quoted_by_code_point(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t start = pos;
    char32_t cp = text::next_code_point(text, pos);
    if (cp == '"')
      out += "\\\"";
    else if (cp == '\\')
      out += "\\\\";
    else if (cp == '\n')
      out += "\\n";
    else if (cp == '\r')
      out += "\\r";
    else if (cp == '\t')
      out += "\\t";
    else if (cp == '\b')
      out += "\\b";
    else if (cp == '\f')
      out += "\\f";
    else if (cp < 0x20)
      out += std::string("\\u00") + kHex[cp >> 4] + kHex[cp & 0xF];
    else if (cp == 0xFFFD && pos - start == 1)
      out += "\xEF\xBF\xBD";
    else
      out.append(text.substr(start, pos - start));
  }
  return out + "\"";
}

TEST(JsonQuote, EscapesQuotesBackslashesAndControls) {
  EXPECT_EQ(text::json_quote(""), "\"\"");
  EXPECT_EQ(text::json_quote("培训次数 \"≥ 3\" \\ 次\n\t\x01\x1f\x7f"),
            "\"培训次数 \\\"≥ 3\\\" \\\\ 次\\n\\t\\u0001\\u001f\x7f\"");
  // Each ill-formed byte becomes U+FFFD (a truncated 中 is two), never invalid UTF-8.
  EXPECT_EQ(text::json_quote("a\xE4\xB8z\xFF"), "\"a\xEF\xBF\xBD\xEF\xBF\xBDz\xEF\xBF\xBD\"");
}

TEST(JsonQuote, EveryTripleOfInterestingBytesAsTheDefinitionSays) {
  std::vector<std::string> parts = {"a",
                                    " ",
                                    "\"",
                                    "\\",
                                    "\n",
                                    "\x01",
                                    "\x7f",
                                    "\xC2\xA0",
                                    "\xC2",
                                    "\xE4\xB8\xAD",
                                    "\xE4\xB8",
                                    "\xED\xA0\x80",
                                    "\xF0\x9F\x98\x80",
                                    "\xF0\x9F",
                                    "\xEF\xBF\xBD",
                                    "\x80",
                                    "\xFF",
                                    "abc def"};
  for (const auto& a : parts)
    for (const auto& b : parts)
      for (const auto& c : parts) {
        std::string text = a + b + c;
        ASSERT_EQ(text::json_quote(text), quoted_by_code_point(text))
            << testing::PrintToString(text);
      }
}

} // namespace
} // namespace ziping
