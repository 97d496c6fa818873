// value/icu_runtime.h — ICU, loaded the first time a text needs it rather than at program start.
//
// Linking ICU made every process pay for loading libicuuc and libicui18n (about 5 ms of a
// `ziping check` that now takes a few, issue 13), yet fold() reads nearly every cell by its plain
// fast path and never calls ICU. So ICU is opened with dlopen() on first use, through its C API
// (the versioned names of the ICU these headers belong to, U_ICU_VERSION_SHORT). Only value/'s
// fold() calls it, for NFKC; Hant→Hans is a table made at build time (value/hant_hans.h). A missing
// ICU library throws std::runtime_error: a broken installation, never a property of the text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ziping::value::icu_runtime {

// NFKC of well-formed UTF-8; nullopt when ICU reports an error for this text.
std::optional<std::string> nfkc(std::string_view utf8);

} // namespace ziping::value::icu_runtime
