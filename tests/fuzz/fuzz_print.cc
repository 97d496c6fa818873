// Fuzzes the publication writers with every form the JSON reader accepts: the official layout
// must tile its grid (every row × column covered exactly once), the HTML page must escape every
// text and end where it should, and a PDF of a small form must come out (a large one would make
// each input take too long).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "ziping/check/check.h"
#include "ziping/io/html/html_writer.h"
#include "ziping/io/json/form_reader.h"
#include "ziping/io/pdf_writer/pdf_writer.h"
#include "ziping/io/print/layout.h"
#include "ziping/rules/load.h"

// LeakSanitizer (make test-asan): fontconfig keeps what pango asks of it for the life of the
// process (the family list, matches made on pango's font thread), and cairo 1.16 loses one
// small array (about 1.5 KB) per PDF while finishing the font subsets — neither ours to free.
// The fast unwinder stops inside these libraries (no frame pointers), so they are excused by
// library; a layout or font description of ours (pango, glib) would still be reported.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\nleak:libcairo.so\n";
}

namespace {

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "fuzz_print: %s\n", what);
  __builtin_trap();
}

void check_tiled(const ziping::io::print::Sheet& sheet) {
  int columns = int(sheet.columns.size());
  for (const auto& section : sheet.sections) {
    for (const auto* rows : {&section.header, &section.body}) {
      std::vector<int> cover(rows->size() * std::size_t(columns), 0);
      for (std::size_t r = 0; r < rows->size(); ++r) {
        if (section.label) ++cover[r * std::size_t(columns)];
        for (const auto& cell : (*rows)[r].cells) {
          if (cell.column < 0 || cell.span < 1 || cell.rows < 1 ||
              cell.column + cell.span > columns || r + std::size_t(cell.rows) > rows->size())
            fail("cell outside the grid");
          for (std::size_t k = r; k < r + std::size_t(cell.rows); ++k)
            for (int c = cell.column; c < cell.column + cell.span; ++c)
              ++cover[k * std::size_t(columns) + std::size_t(c)];
        }
      }
      for (int n : cover)
        if (n != 1) fail("grid not tiled");
    }
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ziping;
  static const rules::RuleSet rules = *rules::load_embedded("cn-2020").rules;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto read = io::json::read_form_json(bytes, "fuzz.json");
  if (!read.form) return 0;
  const model::Form& form = *read.form;
  check_tiled(io::print::official_layout(form));
  auto assessment = check::assess(form, rules, rules::Mode::Review);
  std::string page =
      io::html::write_html(form, {&assessment.evaluation, &rules, &assessment.diagnostics});
  if (page.find("<script") != std::string::npos) fail("form text reached the page unescaped");
  if (!page.ends_with("</body>\n</html>\n")) fail("page not closed");
  if (form.indicator_count() <= 40) {
    try {
      std::string pdf = io::pdf_writer::write_pdf(form);
      if (!pdf.starts_with("%PDF-") || pdf.find("%%EOF") == std::string::npos) fail("no PDF");
    } catch (const io::pdf_writer::FontUnavailable&) {
      fail("no Chinese font installed: install fonts-noto-cjk (scripts/deps.sh)");
    }
  }
  return 0;
}
