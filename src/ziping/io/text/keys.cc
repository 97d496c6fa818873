#include "ziping/io/text/keys.h"

#include <climits>
#include <memory>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "ziping/text/utf8.h"
#include "ziping/value/value.h"

namespace ziping::io::text {
namespace {

bool is_ascii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

// One transliterator per thread: ICU transliterators keep state while they run.
const icu::Transliterator* hant_to_hans() {
  thread_local std::unique_ptr<icu::Transliterator> instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(
        icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) made.reset();
    return made;
  }();
  return instance.get();
}

bool is_space(char32_t cp) {
  return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x3000 || cp == 0xA0 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0xFEFF;
}

} // namespace

std::size_t code_point_count(std::string_view text) {
  std::size_t count = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::string simplified(std::string_view text) {
  if (is_ascii(text) || text.size() > std::size_t(INT32_MAX / 4)) return std::string(text);
  const icu::Transliterator* transliterator = hant_to_hans();
  if (transliterator == nullptr || ziping::text::first_invalid_utf8(text)) return std::string(text);
  icu::UnicodeString unicode =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), int32_t(text.size())));
  transliterator->transliterate(unicode);
  std::string out;
  unicode.toUTF8String(out);
  return out;
}

bool has_traditional(std::string_view text) {
  return !is_ascii(text) && simplified(text) != text;
}

std::string key(std::string_view text) {
  if (code_point_count(text) > kMaxKeyCodePoints) return {};
  std::string folded = value::fold(simplified(text));
  std::string out;
  out.reserve(folded.size());
  std::size_t pos = 0;
  while (pos < folded.size()) {
    char32_t cp = ziping::text::next_code_point(folded, pos);
    if (is_space(cp)) continue;
    ziping::text::append_utf8(out, cp);
  }
  std::size_t hashes = 0;
  while (hashes < out.size() && out[hashes] == '#') ++hashes;
  return out.substr(hashes);
}

} // namespace ziping::io::text
