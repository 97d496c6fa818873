// Fuzzes the PDF reader end to end on raw bytes (poppler's parser, then our table rebuilder):
// a form or a diagnostic, never a crash. Poppler is a third party; the committed corpus keeps
// a few small PDFs whose mutations reach its text extraction.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ziping/io/pdf/pdf_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto result = ziping::io::pdf::read_pdf_form(bytes, {"fuzz.pdf", std::nullopt});
  if (!result.form && result.diagnostics.empty()) __builtin_trap();
  return 0;
}
