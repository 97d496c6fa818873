// Fuzzes the CSV reader and writer: any bytes give a form or a diagnostic saying why not,
// without a crash; a form that came back writes to a CSV that reads back as the same form
// (ZIPING_FUZZ_DEBUG=1 prints both when they differ).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ziping/io/csv/csv_form.h"
#include "ziping/io/json/form_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ziping::io;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto first = csv::read_csv(bytes, "fuzz.csv");
  if (!first.form) {
    if (first.diagnostics.empty()) __builtin_trap();
    return 0;
  }
  std::string json = json::write_form_json(*first.form);
  auto second = csv::read_csv(csv::write_csv(*first.form), "fuzz.csv");
  if (!second.form) __builtin_trap();
  if (json::write_form_json(*second.form) != json) {
    if (std::getenv("ZIPING_FUZZ_DEBUG"))
      std::fprintf(stderr, "first:\n%s\nsecond:\n%s\n", json.c_str(),
                   json::write_form_json(*second.form).c_str());
    __builtin_trap();
  }
  return 0;
}
