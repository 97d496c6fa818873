#include "ziping/value/icu_runtime.h"

#include <dlfcn.h>
#include <stdexcept>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>
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
    find(uc, ZIPING_ICU_SYMBOL(u_strFromUTF8), icu.from_utf8, icu.error);
    find(uc, ZIPING_ICU_SYMBOL(u_strToUTF8), icu.to_utf8, icu.error);
    find(uc, ZIPING_ICU_SYMBOL(unorm2_getNFKCInstance), icu.nfkc_instance, icu.error);
    find(uc, ZIPING_ICU_SYMBOL(unorm2_normalize), icu.normalize, icu.error);
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

} // namespace ziping::value::icu_runtime
