// Benchmarks of the publication writers, forms per second, each with a baseline measured in
// the same run (bench/ratios.py prints the ratios):
// - HTML writing against writing the same forms as canonical JSON (the same data without the
//   layout, the escaping or the links);
// - PDF writing against the floor any pango + cairo PDF of these forms pays: every cell's text
//   shaped once, unwrapped, on one page, with the same embedded fonts — no measuring,
//   wrapping, merging or page breaking.
// The same conversion by LibreOffice (soffice --headless --convert-to pdf of the HTML) is
// timed by bench/libreoffice_print_baseline.sh, a whole process per form.
#include <benchmark/benchmark.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "ziping/sample/form_generator.h"
#include "ziping/check/check.h"
#include "ziping/io/html/html_writer.h"
#include "ziping/io/json/form_writer.h"
#include "ziping/io/pdf_writer/pdf_writer.h"
#include "ziping/io/print/layout.h"
#include "ziping/rules/load.h"

namespace {

using namespace ziping;

// Fewer forms than the core benchmarks: a PDF takes tens of milliseconds.
const std::vector<model::Form>& forms() {
  static const auto generated = sample::benchmark_forms(24);
  return generated;
}

const rules::RuleSet& tianjin() {
  static const rules::RuleSet rules = *rules::load_embedded("tianjin-2022").rules;
  return rules;
}

const std::vector<check::Assessment>& assessments() {
  static const auto all = [] {
    std::vector<check::Assessment> out;
    for (const auto& form : forms())
      out.push_back(check::assess(form, tianjin(), rules::Mode::Review));
    return out;
  }();
  return all;
}

void BM_WriteHtml_Baseline(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& form : forms()) benchmark::DoNotOptimize(io::json::write_form_json(form));
  }
  state.SetItemsProcessed(std::int64_t(state.iterations() * forms().size()));
}
BENCHMARK(BM_WriteHtml_Baseline);

void BM_WriteHtml(benchmark::State& state) {
  const auto& assessed = assessments();
  for (auto _ : state) {
    for (std::size_t i = 0; i < forms().size(); ++i) {
      benchmark::DoNotOptimize(io::html::write_html(
          forms()[i], {&assessed[i].evaluation, &tianjin(), &assessed[i].diagnostics}));
    }
  }
  state.SetItemsProcessed(std::int64_t(state.iterations() * forms().size()));
}
BENCHMARK(BM_WriteHtml);

cairo_status_t discard(void* closure, const unsigned char*, unsigned int length) {
  *static_cast<std::size_t*>(closure) += length;
  return CAIRO_STATUS_SUCCESS;
}

// Every cell text of the form's sheet, shaped and shown once, on one page.
std::size_t floor_pdf(const io::print::Sheet& sheet) {
  std::size_t bytes = 0;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(discard, &bytes, 841.89, 595.28);
  cairo_t* cr = cairo_create(surface);
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* font = pango_font_description_from_string("Noto Sans CJK SC 8.5");
  pango_layout_set_font_description(layout, font);
  auto show = [&](const io::print::Cell& cell) {
    pango_layout_set_text(layout, cell.text.data(), int(cell.text.size()));
    cairo_move_to(cr, 20, 20);
    pango_cairo_show_layout(cr, layout);
  };
  for (const auto& section : sheet.sections) {
    if (section.label) show(*section.label);
    for (const auto* rows : {&section.header, &section.body})
      for (const auto& row : *rows)
        for (const auto& cell : row.cells) show(cell);
  }
  cairo_show_page(cr);
  pango_font_description_free(font);
  g_object_unref(layout);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return bytes;
}

void BM_WritePdf_Baseline(benchmark::State& state) {
  std::vector<io::print::Sheet> sheets;
  for (const auto& form : forms()) sheets.push_back(io::print::official_layout(form));
  for (auto _ : state) {
    for (const auto& sheet : sheets) benchmark::DoNotOptimize(floor_pdf(sheet));
  }
  state.SetItemsProcessed(std::int64_t(state.iterations() * forms().size()));
}
BENCHMARK(BM_WritePdf_Baseline)->Unit(benchmark::kMillisecond);

void BM_WritePdf(benchmark::State& state) {
  // Check the result before timing: a PDF, with the font the tests expect.
  if (!io::pdf_writer::write_pdf(forms()[0]).starts_with("%PDF-")) {
    state.SkipWithError("PDF writer broken");
    return;
  }
  for (auto _ : state) {
    for (const auto& form : forms()) benchmark::DoNotOptimize(io::pdf_writer::write_pdf(form));
  }
  state.SetItemsProcessed(std::int64_t(state.iterations() * forms().size()));
}
BENCHMARK(BM_WritePdf)->Unit(benchmark::kMillisecond);

} // namespace
