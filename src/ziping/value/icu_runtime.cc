#include "ziping/value/icu_runtime.h"

#include <dlfcn.h>
#include <stdexcept>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uvernum.h>

namespace ziping::value::icu_runtime {
namespace {

// The ICU headers rename every function to its versioned symbol (unorm2_normalize →
// unorm2_normalize_72); stringizing after expansion gives the name to look up.
#define ZIPING_ICU_SYMBOL_TEXT(name) #name
#define ZIPING_ICU_SYMBOL(name) ZIPING_ICU_SYMBOL_TEXT(name)

struct Library {
  decltype(&u_strFromUTF8) from_utf8 = nullptr;
  decltype(&u_strToUTF8) to_utf8 = nullptr;
  decltype(&unorm2_getNFKCInstance) nfkc_instance = nullptr;
  decltype(&unorm2_normalize) normalize = nullptr;
  decltype(&utrans_openU) open_transliterator = nullptr;
  decltype(&utrans_transUChars) transliterate = nullptr;
  decltype(&utrans_close) close_transliterator = nullptr;
  std::string error; // empty when every function was found
};

void* open_library(const char* name, std::string& error) {
  void* handle = ::dlopen(name, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr && error.empty()) error = ::dlerror();
  return handle;
}

template <typename Fn> void find(void* handle, const char* name, Fn& fn, std::string& error) {
  if (handle == nullptr) return;
  fn = reinterpret_cast<Fn>(::dlsym(handle, name));
  if (fn == nullptr && error.empty()) error = std::string("no ") + name;
}

// Opened once per process and never closed: the functions stay valid until exit.
const Library& library() {
  static const Library loaded = [] {
    Library icu;
    void* uc = open_library("libicuuc.so." U_ICU_VERSION_SHORT, icu.error);
    void* i18n = open_library("libicui18n.so." U_ICU_VERSION_SHORT, icu.error);
    find(uc, ZIPING_ICU_SYMBOL(u_strFromUTF8), icu.from_utf8, icu.error);
    find(uc, ZIPING_ICU_SYMBOL(u_strToUTF8), icu.to_utf8, icu.error);
    find(uc, ZIPING_ICU_SYMBOL(unorm2_getNFKCInstance), icu.nfkc_instance, icu.error);
    find(uc, ZIPING_ICU_SYMBOL(unorm2_normalize), icu.normalize, icu.error);
    find(i18n, ZIPING_ICU_SYMBOL(utrans_openU), icu.open_transliterator, icu.error);
    find(i18n, ZIPING_ICU_SYMBOL(utrans_transUChars), icu.transliterate, icu.error);
    find(i18n, ZIPING_ICU_SYMBOL(utrans_close), icu.close_transliterator, icu.error);
    return icu;
  }();
  if (!loaded.error.empty())
    throw std::runtime_error("ICU " U_ICU_VERSION_SHORT " 无法载入 (cannot be loaded): " +
                             loaded.error);
  return loaded;
}

// ICU's preflight: a call with no room reports the length it needs (U_BUFFER_OVERFLOW_ERROR).
bool preflight_ok(UErrorCode status) {
  return U_SUCCESS(status) || status == U_BUFFER_OVERFLOW_ERROR;
}

std::optional<std::u16string> to_utf16(const Library& icu, std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  icu.from_utf8(nullptr, 0, &length, utf8.data(), int32_t(utf8.size()), &status);
  if (!preflight_ok(status)) return std::nullopt;
  std::u16string out(std::size_t(length), u'\0');
  status = U_ZERO_ERROR;
  icu.from_utf8(out.data(), length, &length, utf8.data(), int32_t(utf8.size()), &status);
  if (U_FAILURE(status)) return std::nullopt;
  return out;
}

std::optional<std::string> to_utf8(const Library& icu, std::u16string_view utf16) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  icu.to_utf8(nullptr, 0, &length, utf16.data(), int32_t(utf16.size()), &status);
  if (!preflight_ok(status)) return std::nullopt;
  std::string out(std::size_t(length), '\0');
  status = U_ZERO_ERROR;
  icu.to_utf8(out.data(), length, &length, utf16.data(), int32_t(utf16.size()), &status);
  if (U_FAILURE(status)) return std::nullopt;
  return out;
}

// ICU transliterators keep state while they run: one per thread, closed when the thread ends.
class ThreadTransliterator {
public:
  ~ThreadTransliterator() {
    if (transliterator_ != nullptr) library().close_transliterator(transliterator_);
  }
  UTransliterator* get(const Library& icu) {
    if (!opened_) {
      opened_ = true;
      UErrorCode status = U_ZERO_ERROR;
      const std::u16string id = u"Hant-Hans";
      transliterator_ = icu.open_transliterator(id.data(), int32_t(id.size()), UTRANS_FORWARD,
                                                nullptr, 0, nullptr, &status);
      if (U_FAILURE(status)) transliterator_ = nullptr;
    }
    return transliterator_;
  }

private:
  bool opened_ = false;
  UTransliterator* transliterator_ = nullptr;
};

} // namespace

std::optional<std::string> nfkc(std::string_view utf8) {
  const Library& icu = library();
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2* normalizer = icu.nfkc_instance(&status);
  if (U_FAILURE(status) || normalizer == nullptr) return std::nullopt;
  auto source = to_utf16(icu, utf8);
  if (!source) return std::nullopt;
  int32_t length =
      icu.normalize(normalizer, source->data(), int32_t(source->size()), nullptr, 0, &status);
  if (!preflight_ok(status)) return std::nullopt;
  std::u16string normalized(std::size_t(length), u'\0');
  status = U_ZERO_ERROR;
  icu.normalize(normalizer, source->data(), int32_t(source->size()), normalized.data(), length,
                &status);
  if (U_FAILURE(status)) return std::nullopt;
  return to_utf8(icu, normalized);
}

std::optional<std::string> hant_to_hans(char32_t code_point) {
  const Library& icu = library();
  thread_local ThreadTransliterator thread_transliterator;
  UTransliterator* transliterator = thread_transliterator.get(icu);
  if (transliterator == nullptr) return std::nullopt;
  std::u16string text;
  if (code_point < 0x10000) {
    text.push_back(char16_t(code_point));
  } else {
    text.push_back(char16_t(0xD800 + ((code_point - 0x10000) >> 10)));
    text.push_back(char16_t(0xDC00 + ((code_point - 0x10000) & 0x3FF)));
  }
  // Room for what one character may become; grown and retried if ICU needs more.
  for (std::size_t capacity = 16; capacity <= 4096; capacity *= 4) {
    std::u16string buffer = text;
    buffer.resize(capacity);
    int32_t length = int32_t(text.size());
    int32_t limit = length;
    UErrorCode status = U_ZERO_ERROR;
    icu.transliterate(transliterator, buffer.data(), &length, int32_t(capacity), 0, &limit,
                      &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status)) return std::nullopt;
    buffer.resize(std::size_t(length));
    return to_utf8(icu, buffer);
  }
  return std::nullopt;
}

} // namespace ziping::value::icu_runtime
