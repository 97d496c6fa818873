// Fuzzes the chain plans' sheet readers (io/csv/plan_csv.h, io/xlsx/plan_xlsx.h): any bytes
// come back as a plan or as diagnostics without a crash, and a plan that came back writes to
// a CSV that reads back to the same plan.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ziping/io/csv/plan_csv.h"
#include "ziping/io/json/plan_json.h"
#include "ziping/io/xlsx/plan_xlsx.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ziping::io;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (auto read : {csv::read_plan_csv(bytes, "fuzz.csv"), xlsx::read_plan_xlsx(bytes, "f.xlsx")}) {
    if (!read.plan) {
      if (read.diagnostics.empty()) __builtin_trap(); // refused without saying why
      continue;
    }
    std::string json = json::write_plan_json(*read.plan);
    auto again = csv::read_plan_csv(csv::write_plan_csv(*read.plan), "again.csv");
    if (!again.plan || json::write_plan_json(*again.plan) != json) __builtin_trap();
  }
  return 0;
}
