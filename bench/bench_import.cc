// Import speed: the published seed text in the layouts it comes in (MB/s), each against
// splitting the same bytes into lines (the least any reader must do); web pages (the seed as
// ziping's own HTML prints it, and a published page with its chrome) against the same; and PDF
// import (pages/s) against poppler extracting the same pages' word boxes alone.
#include <benchmark/benchmark.h>

#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include "ziping/io/html_reader/html_reader.h"
#include "ziping/io/pdf/pdf_reader.h"
#include "ziping/io/text/layout.h"
#include "ziping/io/text/text_reader.h"

namespace {

using namespace ziping;

std::string file(const std::string& path) {
  std::ifstream in(std::string(ZIPING_SOURCE_DIR) + "/" + path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

const std::string& seed() {
  static const std::string text = file("examples/tianjin-2022-dept.txt");
  return text;
}

std::string as_layout(char separator) {
  std::string out;
  for (char c : seed()) {
    if (c != '\t') out.push_back(c);
    else if (separator != 0) out.push_back(separator);
  }
  return out;
}

void run_import(benchmark::State& state, const std::string& text) {
  for (auto _ : state) {
    auto result = io::text::read_text_form(text, {"bench.txt", std::nullopt});
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(std::int64_t(state.iterations() * text.size()));
}

void run_lines(benchmark::State& state, const std::string& text) {
  for (auto _ : state) {
    auto lines = io::text::split_lines(text);
    benchmark::DoNotOptimize(lines);
  }
  state.SetBytesProcessed(std::int64_t(state.iterations() * text.size()));
}

void BM_ImportTabs(benchmark::State& state) { run_import(state, seed()); }
void BM_ImportTabs_Baseline(benchmark::State& state) { run_lines(state, seed()); }
BENCHMARK(BM_ImportTabs_Baseline);
BENCHMARK(BM_ImportTabs);

void BM_ImportLines(benchmark::State& state) {
  static const std::string text = as_layout('\n');
  run_import(state, text);
}
void BM_ImportLines_Baseline(benchmark::State& state) {
  static const std::string text = as_layout('\n');
  run_lines(state, text);
}
BENCHMARK(BM_ImportLines_Baseline);
BENCHMARK(BM_ImportLines);

void BM_ImportRuns(benchmark::State& state) {
  static const std::string text = as_layout(0);
  run_import(state, text);
}
void BM_ImportRuns_Baseline(benchmark::State& state) {
  static const std::string text = as_layout(0);
  run_lines(state, text);
}
BENCHMARK(BM_ImportRuns_Baseline);
BENCHMARK(BM_ImportRuns);

void run_html(benchmark::State& state, const std::string& page) {
  for (auto _ : state) {
    auto result = io::html_reader::read_html(page, {"bench.html", std::nullopt});
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(std::int64_t(state.iterations() * page.size()));
}

const std::string& seed_page() {
  static const std::string page = file("tests/golden/html-own-seed/input.html");
  return page;
}

const std::string& published_page() {
  static const std::string page = file("tests/golden/html-published-page/input.html");
  return page;
}

void BM_ImportHtml(benchmark::State& state) { run_html(state, seed_page()); }
void BM_ImportHtml_Baseline(benchmark::State& state) { run_lines(state, seed_page()); }
BENCHMARK(BM_ImportHtml_Baseline);
BENCHMARK(BM_ImportHtml);

void BM_ImportHtmlPage(benchmark::State& state) { run_html(state, published_page()); }
void BM_ImportHtmlPage_Baseline(benchmark::State& state) { run_lines(state, published_page()); }
BENCHMARK(BM_ImportHtmlPage_Baseline);
BENCHMARK(BM_ImportHtmlPage);

const std::string& pdf() {
  static const std::string bytes = file("tests/golden/import-pdf-dept/input.pdf");
  return bytes;
}

void quiet(const std::string&, void*) {}

void BM_ImportPdf(benchmark::State& state) {
  int pages = 0;
  for (auto _ : state) {
    auto result = io::pdf::read_pdf_form(pdf(), {"bench.pdf", std::nullopt});
    benchmark::DoNotOptimize(result);
    pages += 2;
  }
  state.SetItemsProcessed(pages);
}

// Poppler alone: open the document and list every page's words.
void BM_ImportPdf_Baseline(benchmark::State& state) {
  poppler::set_debug_error_function(&quiet, nullptr);
  int pages = 0;
  for (auto _ : state) {
    std::unique_ptr<poppler::document> document(
        poppler::document::load_from_raw_data(pdf().data(), int(pdf().size())));
    for (int i = 0; i < document->pages(); ++i) {
      std::unique_ptr<poppler::page> page(document->create_page(i));
      auto words = page->text_list();
      benchmark::DoNotOptimize(words);
      ++pages;
    }
  }
  state.SetItemsProcessed(pages);
}
BENCHMARK(BM_ImportPdf_Baseline);
BENCHMARK(BM_ImportPdf);

} // namespace
