// The Hant-Hans table made at build time says what ICU's transliterator says, code point by
// code point, and io/text's simplified() reads texts through it.
#include <gtest/gtest.h>

#include <string>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utrans.h>

#include "ziping/io/text/keys.h"
#include "ziping/value/hant_hans.h"

namespace {

std::string transliterated(UTransliterator* transliterator, char32_t cp) {
  UChar buffer[64];
  int32_t length = 0;
  U16_APPEND_UNSAFE(buffer, length, UChar32(cp));
  int32_t limit = length;
  UErrorCode status = U_ZERO_ERROR;
  utrans_transUChars(transliterator, buffer, &length, 64, 0, &limit, &status);
  EXPECT_TRUE(U_SUCCESS(status)) << std::hex << unsigned(cp);
  char utf8[256];
  int32_t bytes = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(utf8, sizeof utf8, &bytes, buffer, length, &status);
  return std::string(utf8, std::size_t(bytes));
}

std::string utf8_of(char32_t cp) {
  std::string out;
  UChar units[2];
  int32_t length = 0;
  U16_APPEND_UNSAFE(units, length, UChar32(cp));
  char utf8[8];
  int32_t bytes = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strToUTF8(utf8, sizeof utf8, &bytes, units, length, &status);
  return std::string(utf8, std::size_t(bytes));
}

TEST(HantHans, EveryCodePointAsTheTransliteratorSaysAlone) {
  UErrorCode status = U_ZERO_ERROR;
  const UChar id[] = u"Hant-Hans";
  UTransliterator* transliterator =
      utrans_openU(id, -1, UTRANS_FORWARD, nullptr, 0, nullptr, &status);
  ASSERT_TRUE(U_SUCCESS(status));
  std::size_t changed = 0;
  for (char32_t cp = 0x80; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string icu = transliterated(transliterator, cp);
    std::string_view table = ziping::value::simplified_form(cp);
    if (icu == utf8_of(cp)) {
      ASSERT_TRUE(table.empty()) << std::hex << unsigned(cp);
    } else {
      ASSERT_EQ(table, icu) << std::hex << unsigned(cp);
      ++changed;
    }
  }
  utrans_close(transliterator);
  EXPECT_GT(changed, 2000u); // the traditional characters of CJK, not an empty table
}

TEST(HantHans, TextsReadThroughTheTable) {
  using ziping::io::text::simplified;
  EXPECT_EQ(simplified("績效評價(總分)"), "绩效评价(总分)");
  EXPECT_EQ(simplified("绩效 ≥95% abc"), "绩效 ≥95% abc");
  EXPECT_EQ(simplified("「滿意度」"), "“满意度”");
  EXPECT_EQ(simplified(""), "");
  // Each byte of an ill-formed sequence reads as U+FFFD, as the transliterator's reading did.
  EXPECT_EQ(simplified("績\xE7\xB8"), "绩\xEF\xBF\xBD\xEF\xBF\xBD");
}

} // namespace
