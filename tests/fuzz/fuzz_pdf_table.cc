// Fuzzes the PDF table rebuilder (our geometry, not poppler's parser): the bytes are read as
// word boxes (page, x, width, baseline, height, text) and handed to table_from_words and the
// recovery. Any words must give a form or diagnostics, without a crash or a hang.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "ziping/io/pdf/pdf_table.h"
#include "ziping/io/text/recover.h"
#include "ziping/text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ziping;
  std::vector<io::pdf::Word> words;
  std::size_t pos = 0;
  // Each word: page (1 byte), x (2), width (1), y (2), height (1), length (1), text.
  while (pos + 8 <= size && words.size() < 2000) {
    io::pdf::Word w;
    w.page = 1 + data[pos] % 4;
    w.x0 = double(data[pos + 1] | (data[pos + 2] << 8)) / 64.0;
    w.x1 = w.x0 + double(data[pos + 3]) / 4.0;
    w.y = double(data[pos + 4] | (data[pos + 5] << 8)) / 64.0;
    w.height = double(data[pos + 6]) / 8.0;
    std::size_t length = data[pos + 7] % 48;
    pos += 8;
    if (pos + length > size) length = size - pos;
    w.text.assign(reinterpret_cast<const char*>(data) + pos, length);
    pos += length;
    if (text::first_invalid_utf8(w.text) || text::trim(w.text).empty()) continue;
    words.push_back(std::move(w));
  }
  auto grid = io::pdf::table_from_words(std::move(words), "fuzz.pdf");
  auto result = io::text::recover_form(grid, {"fuzz.pdf", std::nullopt});
  if (!result.form && result.diagnostics.empty()) __builtin_trap();
  return 0;
}
