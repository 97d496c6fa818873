// Fuzzes the XLSX reader. The first byte chooses what the rest is: an .xlsx file as a whole
// (zip and all), or — so that mutations reach the XML and the layout logic instead of dying
// at the zip's checksums — the parts of a one-sheet package separated by "\n--\n": the sheet,
// the shared strings, the styles. Any input must give a form or a diagnostic saying why not,
// without a crash; a form that came back must write to an XLSX that reads back as the same
// form (canonical JSON compared; ZIPING_FUZZ_DEBUG=1 prints both when they differ).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>

#include "ziping/io/json/form_writer.h"
#include "ziping/io/xlsx/xlsx_reader.h"
#include "ziping/io/xlsx/xlsx_writer.h"

namespace {

std::map<std::string, std::string> package(std::string_view rest) {
  std::string parts[3];
  std::size_t index = 0;
  while (index < 3) {
    auto cut = rest.find("\n--\n");
    parts[index++] = std::string(rest.substr(0, cut));
    if (cut == std::string_view::npos) break;
    rest.remove_prefix(cut + 4);
  }
  return {
      {"_rels/.rels", "<Relationships><Relationship Type=\"x/officeDocument\" "
                      "Target=\"xl/workbook.xml\"/></Relationships>"},
      {"xl/workbook.xml",
       "<workbook><sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" "
       "Target=\"worksheets/sheet1.xml\"/>"
       "<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/>"
       "<Relationship Id=\"rId3\" Type=\"x/styles\" Target=\"styles.xml\"/></Relationships>"},
      {"xl/worksheets/sheet1.xml", parts[0]},
      {"xl/sharedStrings.xml", parts[1]},
      {"xl/styles.xml", parts[2]},
  };
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ziping::io;
  if (size == 0) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto first = (data[0] & 1) ? xlsx::read_xlsx_parts(package(rest), "fuzz.xlsx")
                             : xlsx::read_xlsx(rest, "fuzz.xlsx");
  if (!first.form) {
    if (first.diagnostics.empty()) __builtin_trap(); // refused without saying why
    return 0;
  }
  std::string json = json::write_form_json(*first.form);
  auto second = xlsx::read_xlsx(xlsx::write_xlsx(*first.form), "fuzz.xlsx");
  if (!second.form) __builtin_trap();
  if (json::write_form_json(*second.form) != json) {
    if (std::getenv("ZIPING_FUZZ_DEBUG"))
      std::fprintf(stderr, "first:\n%s\nsecond:\n%s\n", json.c_str(),
                   json::write_form_json(*second.form).c_str());
    __builtin_trap();
  }
  return 0;
}
