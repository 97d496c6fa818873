// Structure-aware fuzzing of the pipeline after the reader: the input is a list of edits to a
// valid form (form_mutations.h), so every input is scored and checked under a rule set and a
// mode it chooses, then rendered as score JSON and written and read back as canonical JSON.
// What must hold for any form:
// - no exception (scoring and checking never throw on content);
// - the arithmetic of the Evaluation: each goal's score and weight are the sums of its leaves,
//   the indicator score and weight the sums of the goals and of the 一级 subtotals, the total
//   the execution score plus the indicator score, the grade the band of that total;
// - one leaf per indicator, each pointing at its own indicator;
// - every diagnostic names a catalogue entry, has an argument for every {n} of both messages,
//   renders to valid UTF-8, and its path names a node that exists in the form;
// - the score JSON is valid UTF-8, and the canonical JSON of the form reads back without an
//   error and writes the same bytes (each on the inputs whose third byte asks for it, since
//   the writers cost as much as scoring and checking together).
// ZIPING_FUZZ_DEBUG=1 prints the form of a failing input as canonical JSON.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "form_mutations.h"
#include "ziping/check/check.h"
#include "ziping/diag/diagnostic.h"
#include "ziping/io/json/form_reader.h"
#include "ziping/io/json/form_writer.h"
#include "ziping/report/score_report.h"
#include "ziping/rules/load.h"
#include "ziping/rules/scorer.h"
#include "ziping/text/utf8.h"

namespace {

using namespace ziping;
using num::Decimal;

// The form of the input being run, printed on failure when ZIPING_FUZZ_DEBUG is set (the
// input itself is only a list of edits).
const model::Form* current_form = nullptr;

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz_form_check: %s\n", what.c_str());
  if (current_form && std::getenv("ZIPING_FUZZ_DEBUG"))
    std::fprintf(stderr, "%s\n", io::json::write_form_json(*current_form).c_str());
  __builtin_trap();
}

const std::vector<rules::RuleSet>& rule_sets() {
  static const std::vector<rules::RuleSet> sets = [] {
    std::vector<rules::RuleSet> out;
    for (const auto& name : rules::embedded_names()) {
      auto loaded = rules::load_embedded(name);
      if (!loaded.rules) fail("embedded rule set " + name + " does not load");
      out.push_back(std::move(*loaded.rules));
    }
    return out;
  }();
  return sets;
}

// The largest {n} in a message template, plus one: how many arguments it needs.
std::size_t arguments_needed(std::string_view pattern) {
  std::size_t needed = 0;
  for (std::size_t at = pattern.find('{'); at != std::string_view::npos;
       at = pattern.find('{', at + 1)) {
    std::size_t close = pattern.find('}', at);
    if (close == std::string_view::npos || close == at + 1) continue;
    std::size_t n = 0;
    bool number = true;
    for (char c : pattern.substr(at + 1, close - at - 1)) {
      if (c < '0' || c > '9') number = false;
      n = n * 10 + std::size_t(c - '0');
    }
    if (number) needed = std::max(needed, n + 1);
  }
  return needed;
}

const std::map<diag::DiagId, std::size_t>& catalogue_arguments() {
  static const std::map<diag::DiagId, std::size_t> needed = [] {
    std::map<diag::DiagId, std::size_t> out;
    for (const auto& entry : diag::catalogue()) {
      out[entry.id] = std::max(arguments_needed(entry.zh), arguments_needed(entry.en));
    }
    return out;
  }();
  return needed;
}

// Reads "[<digits>]" at `at`; nullopt when the path has no index there.
std::optional<std::size_t> index_at(const std::string& path, std::size_t at) {
  if (at >= path.size() || path[at] != '[') return std::nullopt;
  std::size_t n = 0, i = at + 1;
  for (; i < path.size() && path[i] >= '0' && path[i] <= '9'; ++i)
    n = n * 10 + std::size_t(path[i] - '0');
  if (i == at + 1 || i >= path.size() || path[i] != ']') return std::nullopt;
  return n;
}

void check_path(const std::string& path, const model::Form& form) {
  const std::string goals = "goals", indicators = ".indicators", sources = "budget.sources";
  if (path.rfind(goals, 0) == 0) {
    auto goal = index_at(path, goals.size());
    if (!goal) return; // "goals": the list itself
    if (*goal >= form.goals.size()) fail("diagnostic path " + path + ": no such goal");
    std::size_t rest = path.find(']') + 1;
    if (path.compare(rest, indicators.size(), indicators) == 0) {
      auto indicator = index_at(path, rest + indicators.size());
      if (indicator && *indicator >= form.goals[*goal].indicators.size())
        fail("diagnostic path " + path + ": no such indicator");
    }
  } else if (path.rfind(sources, 0) == 0) {
    auto source = index_at(path, sources.size());
    if (source && *source >= form.budget.sources.size())
      fail("diagnostic path " + path + ": no such row");
  }
}

void check_diagnostic(const diag::Diagnostic& d, const model::Form& form) {
  const auto& needed = catalogue_arguments();
  auto found = needed.find(d.id);
  if (found == needed.end())
    fail("diagnostic id " + std::to_string(int(d.id)) + " is not in the catalogue");
  std::string code(d.code());
  if (d.args.size() < found->second)
    fail(code + " has " + std::to_string(d.args.size()) + " arguments, its message needs " +
         std::to_string(found->second));
  if (text::first_invalid_utf8(d.message_zh()) || text::first_invalid_utf8(d.message_en()) ||
      text::first_invalid_utf8(d.subject))
    fail(code + " renders to invalid UTF-8");
  check_path(d.path, form);
  for (const auto& note : d.notes) check_diagnostic(note, form);
}

void check_evaluation(const rules::Evaluation& e, const model::Form& form,
                      const rules::RuleSet& rules) {
  if (e.goals.size() != form.goals.size()) fail("one goal evaluation per goal");
  Decimal weight, score;
  for (std::size_t g = 0; g < e.goals.size(); ++g) {
    const auto& goal = e.goals[g];
    if (goal.goal_index != g || goal.leaves.size() != form.goals[g].indicators.size())
      fail("goal " + std::to_string(g) + ": one leaf per indicator");
    Decimal goal_weight, goal_score;
    for (std::size_t i = 0; i < goal.leaves.size(); ++i) {
      const auto& leaf = goal.leaves[i];
      if (leaf.goal_index != g || leaf.indicator_index != i ||
          leaf.path != model::indicator_path(g, i))
        fail("leaf " + leaf.path + " does not point at its indicator");
      if (leaf.weight) goal_weight += *leaf.weight;
      if (leaf.score) goal_score += *leaf.score;
      for (const auto& d : leaf.value_diagnostics) check_diagnostic(d, form);
    }
    if (goal_weight != goal.weight || goal_score != goal.score)
      fail("goal " + std::to_string(g) + ": subtotal is not the sum of its leaves");
    weight += goal.weight;
    score += goal.score;
  }
  if (weight != e.indicator_weight || score != e.indicator_score)
    fail("indicator weight/score " + e.indicator_weight.to_string() + "/" +
         e.indicator_score.to_string() + " is not the sum of the goals " + weight.to_string() +
         "/" + score.to_string());
  Decimal level1_weight, level1_score;
  for (const auto& subtotal : e.level1) {
    level1_weight += subtotal.weight;
    level1_score += subtotal.score;
  }
  if (level1_weight != e.indicator_weight || level1_score != e.indicator_score)
    fail("the 一级 subtotals do not add up to the indicator weight and score");
  Decimal total = e.indicator_score;
  if (e.budget.score) total += *e.budget.score;
  if (total != e.total)
    fail("total " + e.total.to_string() + " != execution score + indicator score " +
         total.to_string());
  if (e.grade != rules::grade_for(e.total, rules))
    fail("grade " + e.grade + " is not the band of the total");
}

void check_json_round_trip(const model::Form& form) {
  std::string written = io::json::write_form_json(form);
  auto read = io::json::read_form_json(written, "fuzz.json");
  if (!read.form) fail("the canonical JSON of a form is not read back as a form");
  for (const auto& d : read.diagnostics) {
    if (d.severity == diag::Severity::Error)
      fail("the canonical JSON of a form reads back with " + std::string(d.code()) + " at " +
           d.where.to_string() + ": " + d.message_en());
  }
  if (io::json::write_form_json(*read.form) != written) fail("the canonical JSON is not stable");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::Choices choices(data, size);
  const auto& sets = rule_sets();
  const rules::RuleSet& rules = sets[choices.below(sets.size())];
  rules::Mode mode = choices.coin() ? rules::Mode::Auto : rules::Mode::Review;
  std::size_t writers = choices.below(4); // bit 0: score JSON, bit 1: canonical JSON round trip
  model::Form form = fuzz::mutated_form(choices);
  current_form = &form;
  try {
    check::Assessment assessment = check::assess(form, rules, mode);
    check_evaluation(assessment.evaluation, form, rules);
    for (const auto& d : assessment.diagnostics) check_diagnostic(d, form);
    // The writers cost as much as scoring and checking together: the input picks which run.
    if (writers & 1) {
      std::string json =
          report::render_score_json({form, assessment.evaluation, rules, assessment.diagnostics});
      if (text::first_invalid_utf8(json)) fail("the score JSON is not valid UTF-8");
    }
    if (writers & 2) check_json_round_trip(form);
  } catch (const std::exception& error) {
    fail(std::string("exception: ") + error.what());
  }
  return 0;
}
