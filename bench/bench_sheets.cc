// Spreadsheet benchmarks on the generated department forms (5–12 goals of 5–13 leaves), each
// with a baseline in the same run (bench/ratios.py prints the ratios):
//   WriteXlsx  against writing the same forms as canonical JSON (the cheapest output ziping has);
//   ReadXlsx   against unpacking and parsing the same workbooks into cells (zip + XML only),
//              so the ratio is the cost of finding the form in the cells;
//   WriteCsv / ReadCsv likewise against JSON writing and plain RFC 4180 parsing.
// The process-level comparison with LibreOffice is bench/libreoffice_baseline.sh.
#include <benchmark/benchmark.h>

#include "ziping/sample/form_generator.h"
#include "ziping/io/csv/csv_form.h"
#include "ziping/io/csv/csv_table.h"
#include "ziping/io/json/form_writer.h"
#include "ziping/io/xlsx/workbook.h"
#include "ziping/io/xlsx/xlsx_reader.h"
#include "ziping/io/xlsx/xlsx_writer.h"

namespace {

using namespace ziping;

const std::vector<model::Form>& sheet_forms() {
  static const auto generated = sample::benchmark_forms(40, 7);
  return generated;
}

const std::vector<std::string>& workbooks() {
  static const auto written = [] {
    std::vector<std::string> out;
    for (const auto& form : sheet_forms()) out.push_back(io::xlsx::write_xlsx(form));
    return out;
  }();
  return written;
}

const std::vector<std::string>& csv_files() {
  static const auto written = [] {
    std::vector<std::string> out;
    for (const auto& form : sheet_forms()) out.push_back(io::csv::write_csv(form));
    return out;
  }();
  return written;
}

void forms_per_second(benchmark::State& state) {
  state.SetItemsProcessed(std::int64_t(state.iterations() * sheet_forms().size()));
}

void BM_WriteXlsx_Baseline(benchmark::State& state) {
  for (auto _ : state)
    for (const auto& form : sheet_forms())
      benchmark::DoNotOptimize(io::json::write_form_json(form));
  forms_per_second(state);
}
BENCHMARK(BM_WriteXlsx_Baseline);

void BM_WriteXlsx(benchmark::State& state) {
  for (auto _ : state)
    for (const auto& form : sheet_forms()) benchmark::DoNotOptimize(io::xlsx::write_xlsx(form));
  forms_per_second(state);
}
BENCHMARK(BM_WriteXlsx);

void BM_ReadXlsx_Baseline(benchmark::State& state) {
  for (auto _ : state)
    for (const auto& bytes : workbooks())
      benchmark::DoNotOptimize(io::xlsx::read_workbook(bytes, "bench.xlsx"));
  forms_per_second(state);
}
BENCHMARK(BM_ReadXlsx_Baseline);

void BM_ReadXlsx(benchmark::State& state) {
  // Check before timing: the generated forms must come back whole.
  auto first = io::xlsx::read_xlsx(workbooks()[0], "bench.xlsx");
  if (!first.form ||
      io::json::write_form_json(*first.form) != io::json::write_form_json(sheet_forms()[0])) {
    state.SkipWithError("XLSX does not read back as written");
    return;
  }
  for (auto _ : state)
    for (const auto& bytes : workbooks())
      benchmark::DoNotOptimize(io::xlsx::read_xlsx(bytes, "bench.xlsx"));
  forms_per_second(state);
}
BENCHMARK(BM_ReadXlsx);

void BM_WriteCsv_Baseline(benchmark::State& state) {
  for (auto _ : state)
    for (const auto& form : sheet_forms())
      benchmark::DoNotOptimize(io::json::write_form_json(form));
  forms_per_second(state);
}
BENCHMARK(BM_WriteCsv_Baseline);

void BM_WriteCsv(benchmark::State& state) {
  for (auto _ : state)
    for (const auto& form : sheet_forms()) benchmark::DoNotOptimize(io::csv::write_csv(form));
  forms_per_second(state);
}
BENCHMARK(BM_WriteCsv);

void BM_ReadCsv_Baseline(benchmark::State& state) {
  for (auto _ : state)
    for (const auto& bytes : csv_files())
      benchmark::DoNotOptimize(io::csv::read_table(bytes, "bench.csv"));
  forms_per_second(state);
}
BENCHMARK(BM_ReadCsv_Baseline);

void BM_ReadCsv(benchmark::State& state) {
  auto first = io::csv::read_csv(csv_files()[0], "bench.csv");
  if (!first.form ||
      io::json::write_form_json(*first.form) != io::json::write_form_json(sheet_forms()[0])) {
    state.SkipWithError("CSV does not read back as written");
    return;
  }
  for (auto _ : state)
    for (const auto& bytes : csv_files())
      benchmark::DoNotOptimize(io::csv::read_csv(bytes, "bench.csv"));
  forms_per_second(state);
}
BENCHMARK(BM_ReadCsv);

} // namespace
