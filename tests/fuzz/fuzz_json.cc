// Fuzzes the canonical form JSON reader and writer. Any bytes must come back as a form or as
// diagnostics without a crash; a form that came back must write to a file the reader takes
// without a single diagnostic, and reading and writing that file must give the same bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ziping/io/json/form_reader.h"
#include "ziping/io/json/form_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using ziping::io::json::read_form_json;
  using ziping::io::json::write_form_json;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto first = read_form_json(bytes, "fuzz.json");
  if (!first.form) {
    if (first.diagnostics.empty()) __builtin_trap(); // refused without saying why
    return 0;
  }
  std::string written = write_form_json(*first.form);
  auto second = read_form_json(written, "fuzz.json");
  if (!second.form || !second.diagnostics.empty()) __builtin_trap();
  if (write_form_json(*second.form) != written) __builtin_trap();
  return 0;
}
