#include "ziping/io/pdf/pdf_budget.h"

#include <zlib.h>

#include <array>

namespace ziping::io::pdf {
namespace {

// Inflates one zlib stream starting at `data`, discarding the output; returns its size, at
// most `limit` + one buffer.
std::size_t inflate_count(std::string_view data, std::size_t limit) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return 0;
  std::array<unsigned char, 1u << 16> out;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = uInt(std::min<std::size_t>(data.size(), 0x7fffffff));
  std::size_t total = 0;
  while (total <= limit) {
    z.next_out = out.data();
    z.avail_out = uInt(out.size());
    int status = inflate(&z, Z_NO_FLUSH);
    total += out.size() - z.avail_out;
    if (status != Z_OK) break; // the end, broken data, or nothing left to read
  }
  inflateEnd(&z);
  return total;
}

} // namespace

std::size_t inflated_size(std::string_view pdf, std::size_t limit) {
  std::size_t total = 0;
  std::size_t at = 0;
  while (total <= limit) {
    at = pdf.find("stream", at);
    if (at == std::string_view::npos) break;
    bool ends = at >= 3 && pdf.substr(at - 3, 3) == "end";
    std::size_t start = at + 6;
    at = start;
    if (ends) continue;
    if (start < pdf.size() && pdf[start] == '\r') ++start;
    if (start < pdf.size() && pdf[start] == '\n')
      ++start;
    else
      continue;
    total += inflate_count(pdf.substr(start), limit - total);
  }
  return total;
}

} // namespace ziping::io::pdf
