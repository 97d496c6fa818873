// Fuzzes the HTML reader: any bytes give a form or a diagnostic saying why not, without a
// crash, a hang or an exception; a form that came back writes as canonical JSON.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ziping/io/html_reader/html_reader.h"
#include "ziping/io/json/form_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ziping::io;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto result = html_reader::read_html(bytes, {"fuzz.html", std::nullopt});
  if (!result.form) {
    if (result.diagnostics.empty()) __builtin_trap();
    return 0;
  }
  (void)json::write_form_json(*result.form);
  return 0;
}
