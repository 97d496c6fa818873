// Fuzzes the multipart/form-data parser (server/multipart.h) and the query parser: any bytes
// give parts or nullopt without a crash, never more than kMaxParts parts, every part's content
// a piece of the body. The first line of the input is the Content-Type header's value, the
// rest the body.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ziping/server/http_types.h"
#include "ziping/server/multipart.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ziping::server;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t eol = input.find('\n');
  std::string_view type = input.substr(0, eol);
  std::string_view body =
      eol == std::string_view::npos ? std::string_view() : input.substr(eol + 1);
  if (auto boundary = multipart_boundary(type)) {
    if (boundary->empty() || boundary->size() > 70) __builtin_trap();
    if (auto parts = parse_multipart(body, *boundary)) {
      if (parts->size() > kMaxParts) __builtin_trap();
      for (const auto& [name, item] : *parts) {
        if (name != item.name) __builtin_trap();
        if (!item.content.empty() && body.find(item.content) == std::string_view::npos)
          __builtin_trap();
      }
    }
  }
  (void)parse_query(type);
  (void)percent_decode(body, false);
  return 0;
}
