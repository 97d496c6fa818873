// Benchmarks of the core on generated forms, each with a baseline in the same run
// (bench/ratios.py prints the ratios): value parsing against copying the same strings,
// scoring and checking against walking the same leaves, JSON reading against validating the
// same bytes as UTF-8, JSON writing against copying the written bytes.
#include <benchmark/benchmark.h>

#include "ziping/check/check.h"
#include "ziping/io/json/form_reader.h"
#include "ziping/io/json/form_writer.h"
#include "ziping/rules/load.h"
#include "ziping/rules/scorer.h"
#include "ziping/sample/form_generator.h"
#include "ziping/text/utf8.h"
#include "ziping/value/parse_general.h"
#include "ziping/value/quick_quantity.h"
#include "ziping/value/value.h"

namespace {

using namespace ziping;

const std::vector<model::Form>& forms() {
  static const auto generated = sample::benchmark_forms(200);
  return generated;
}

std::size_t leaf_count() {
  std::size_t count = 0;
  for (const auto& form : forms()) count += form.indicator_count();
  return count;
}

std::vector<std::string> value_texts() {
  std::vector<std::string> texts;
  for (const auto& form : forms())
    for (const auto& goal : form.goals)
      for (const auto& leaf : goal.indicators) {
        texts.push_back(leaf.target);
        texts.push_back(leaf.actual);
      }
  return texts;
}

const rules::RuleSet& tianjin() {
  static const rules::RuleSet rules = *rules::load_embedded("tianjin-2022").rules;
  return rules;
}

void BM_ParseValues_Baseline(benchmark::State& state) {
  auto texts = value_texts();
  for (auto _ : state) {
    for (const auto& text : texts) {
      std::string copy = text;
      benchmark::DoNotOptimize(copy);
    }
  }
  state.SetItemsProcessed(std::int64_t(state.iterations() * texts.size()));
}
BENCHMARK(BM_ParseValues_Baseline);

void BM_ParseValues(benchmark::State& state) {
  auto texts = value_texts();
  // Check the result before timing: every generated quantity must parse as one.
  if (value::parse_value("≥120次", value::Role::Target).value.kind != value::ValueKind::Quantity) {
    state.SkipWithError("value parser broken");
    return;
  }
  for (auto _ : state) {
    for (const auto& text : texts)
      benchmark::DoNotOptimize(value::parse_value(text, value::Role::Target));
  }
  state.SetItemsProcessed(std::int64_t(state.iterations() * texts.size()));
}
BENCHMARK(BM_ParseValues);

// What BM_ParseValues measures with parse_value()'s memo of short texts (parse_memo.h) left
// out: the generated forms draw their qualitative values from a handful of phrases, so there
// nearly every short text is remembered. Here every value that is not a canonically written
// quantity (quick_quantity.h) goes the general way, as a form of fresh wording would.
void BM_ParseValuesUnremembered(benchmark::State& state) {
  auto texts = value_texts();
  for (auto _ : state) {
    for (const auto& text : texts) {
      value::Value quick;
      if (value::read_quick_quantity(text, value::Role::Target, quick))
        benchmark::DoNotOptimize(quick);
      else
        benchmark::DoNotOptimize(value::parse_value_general(text, value::Role::Target));
    }
  }
  state.SetItemsProcessed(std::int64_t(state.iterations() * texts.size()));
}
BENCHMARK(BM_ParseValuesUnremembered);

void BM_ScoreAndCheck_Baseline(benchmark::State& state) {
  for (auto _ : state) {
    std::size_t characters = 0;
    for (const auto& form : forms())
      for (const auto& goal : form.goals)
        for (const auto& leaf : goal.indicators)
          characters += leaf.target.size() + leaf.actual.size();
    benchmark::DoNotOptimize(characters);
  }
  state.SetItemsProcessed(std::int64_t(state.iterations() * leaf_count()));
}
BENCHMARK(BM_ScoreAndCheck_Baseline);

void BM_Score(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& form : forms())
      benchmark::DoNotOptimize(rules::score(form, tianjin(), rules::Mode::Review));
  }
  state.SetItemsProcessed(std::int64_t(state.iterations() * leaf_count()));
  state.counters["leaves"] = double(leaf_count());
}
BENCHMARK(BM_Score);

void BM_ScoreAndCheck(benchmark::State& state) {
  auto first = check::assess(forms()[0], tianjin(), rules::Mode::Review);
  if (first.evaluation.leaf_count() != forms()[0].indicator_count()) {
    state.SkipWithError("scorer lost leaves");
    return;
  }
  for (auto _ : state) {
    for (const auto& form : forms())
      benchmark::DoNotOptimize(check::assess(form, tianjin(), rules::Mode::Review));
  }
  state.SetItemsProcessed(std::int64_t(state.iterations() * leaf_count()));
  state.counters["forms"] = double(forms().size());
}
BENCHMARK(BM_ScoreAndCheck);

std::vector<std::string> json_documents() {
  std::vector<std::string> documents;
  for (const auto& form : forms()) documents.push_back(io::json::write_form_json(form));
  return documents;
}

std::int64_t total_bytes(const std::vector<std::string>& documents) {
  std::int64_t bytes = 0;
  for (const auto& document : documents) bytes += std::int64_t(document.size());
  return bytes;
}

void BM_ReadJson_Baseline(benchmark::State& state) {
  auto documents = json_documents();
  for (auto _ : state) {
    for (const auto& document : documents)
      benchmark::DoNotOptimize(text::first_invalid_utf8(document));
  }
  state.SetBytesProcessed(state.iterations() * total_bytes(documents));
}
BENCHMARK(BM_ReadJson_Baseline);

void BM_ReadJson(benchmark::State& state) {
  auto documents = json_documents();
  if (!io::json::read_form_json(documents[0], "bench").form) {
    state.SkipWithError("generated JSON does not read back");
    return;
  }
  for (auto _ : state) {
    for (const auto& document : documents)
      benchmark::DoNotOptimize(io::json::read_form_json(document, "bench"));
  }
  state.SetBytesProcessed(state.iterations() * total_bytes(documents));
  state.SetItemsProcessed(std::int64_t(state.iterations() * documents.size()));
}
BENCHMARK(BM_ReadJson);

void BM_WriteJson_Baseline(benchmark::State& state) {
  auto documents = json_documents();
  for (auto _ : state) {
    for (const auto& document : documents) {
      std::string copy = document;
      benchmark::DoNotOptimize(copy);
    }
  }
  state.SetBytesProcessed(state.iterations() * total_bytes(documents));
}
BENCHMARK(BM_WriteJson_Baseline);

void BM_WriteJson(benchmark::State& state) {
  auto documents = json_documents();
  for (auto _ : state) {
    for (const auto& form : forms()) benchmark::DoNotOptimize(io::json::write_form_json(form));
  }
  state.SetBytesProcessed(state.iterations() * total_bytes(documents));
  state.SetItemsProcessed(std::int64_t(state.iterations() * forms().size()));
}
BENCHMARK(BM_WriteJson);

} // namespace
