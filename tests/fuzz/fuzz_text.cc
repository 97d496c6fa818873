// Fuzzes the published-text importer. The first byte picks the layout (0: detect it, 1-5: force
// tabs, pipes, spaces, one per line, runs), the rest is the text. Any bytes must come back as a
// form or as diagnostics, without a crash or a hang; a form that came back must write canonical
// JSON that the JSON reader takes without an error.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ziping/io/json/form_reader.h"
#include "ziping/io/json/form_writer.h"
#include "ziping/io/text/layout.h"
#include "ziping/io/text/recover.h"
#include "ziping/io/text/text_reader.h"
#include "ziping/text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ziping;
  if (size == 0) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  io::text::RecoverOptions options{"fuzz.txt", std::nullopt};
  if (data[0] % 3 == 1) options.kind = model::FormKind::Project;
  model::ReadResult result;
  int layout = data[0] % 6;
  if (layout == 0 || text::first_invalid_utf8(bytes)) {
    result = io::text::read_text_form(bytes, options);
  } else {
    static constexpr io::text::Layout kLayouts[] = {io::text::Layout::Tabs, io::text::Layout::Pipes,
                                                    io::text::Layout::Spaces, io::text::Layout::OnePerLine,
                                                    io::text::Layout::Runs};
    result = io::text::recover_form(io::text::split_text_as(bytes, kLayouts[layout - 1]), options);
  }
  if (!result.form) {
    if (result.diagnostics.empty()) __builtin_trap(); // refused without saying why
    return 0;
  }
  std::string written = io::json::write_form_json(*result.form);
  auto again = io::json::read_form_json(written, "fuzz.json");
  if (!again.form) __builtin_trap();
  for (const auto& d : again.diagnostics) {
    if (d.severity == diag::Severity::Error) __builtin_trap();
  }
  return 0;
}
