// Fuzzes the organisation CSV reader (`ziping org import`): any bytes give rows or diagnostics,
// never a crash, and every row read carries its location for the import's diagnostics.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ziping/access/org_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto csv = ziping::access::read_org_csv(bytes, "fuzz.csv");
  for (const auto& row : csv.rows)
    if (row.where.empty()) __builtin_trap();
  return 0;
}
