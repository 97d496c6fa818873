#include "ziping/io/json/form_writer.h"

#include "ziping/io/json/canonical_json.h"
#include "ziping/io/json/form_format.h"

namespace ziping::io::json {
namespace {

using model::Decimal;

// The key order below is the format (docs/form-json.md); the reader accepts any order.

void write_text(CanonicalJson& json, std::string_view key, std::string_view text) {
  json.key(key);
  json.string(text);
}

void write_number(CanonicalJson& json, std::string_view key, const std::optional<Decimal>& value) {
  json.key(key);
  if (value) {
    json.number(value->to_string());
  } else {
    json.null();
  }
}

void write_integer(CanonicalJson& json, std::string_view key, std::optional<int> value) {
  json.key(key);
  if (value) {
    json.number(std::to_string(*value));
  } else {
    json.null();
  }
}

// Optional fields of local template variants appear only when they hold something, so a
// form from the national template carries none of them.
void write_text_if_present(CanonicalJson& json, std::string_view key, const std::string& text) {
  if (!text.empty()) write_text(json, key, text);
}

void write_funding_row(CanonicalJson& json, const model::FundingRow& row) {
  json.begin_object();
  write_text(json, "label", row.label);
  write_number(json, "initial", row.initial);
  write_number(json, "annual", row.annual);
  write_number(json, "executed", row.executed);
  write_text(json, "rate", row.rate);
  json.end_object();
}

void write_budget(CanonicalJson& json, const model::Budget& budget) {
  json.key("budget");
  json.begin_object();
  write_number(json, "initial", budget.initial);
  write_number(json, "annual", budget.annual);
  write_number(json, "executed", budget.executed);
  write_number(json, "weight", budget.weight);
  write_number(json, "score", budget.score);
  write_text(json, "rate", budget.rate);
  write_text(json, "deviation_reason", budget.deviation_reason);
  json.key("sources");
  json.begin_array();
  for (const auto& row : budget.sources) write_funding_row(json, row);
  json.end_array();
  json.end_object();
}

void write_indicator(CanonicalJson& json, const model::Indicator& indicator) {
  json.begin_object();
  write_text(json, "level1", indicator.level1);
  write_text(json, "level2", indicator.level2);
  write_text(json, "name", indicator.name);
  write_text(json, "target", indicator.target);
  write_text(json, "actual", indicator.actual);
  write_number(json, "weight", indicator.weight);
  write_number(json, "score", indicator.score);
  write_text(json, "deviation_reason", indicator.deviation_reason);
  write_text_if_present(json, "adjusted_target", indicator.adjusted_target);
  write_text_if_present(json, "nature", indicator.nature);
  write_text_if_present(json, "unit", indicator.unit);
  if (indicator.score_coefficient) {
    write_number(json, "score_coefficient", indicator.score_coefficient);
  }
  if (indicator.core) {
    json.key("core");
    json.boolean(*indicator.core);
  }
  write_text_if_present(json, "scoring_standard", indicator.scoring_standard);
  json.end_object();
}

void write_goal(CanonicalJson& json, const model::Goal& goal) {
  json.begin_object();
  write_integer(json, "number", goal.number);
  write_text(json, "target", goal.target);
  write_text(json, "actual", goal.actual);
  write_text(json, "deviation_reason", goal.deviation_reason);
  write_number(json, "weight", goal.weight);
  write_number(json, "score", goal.score);
  json.key("indicators");
  json.begin_array();
  for (const auto& indicator : goal.indicators) write_indicator(json, indicator);
  json.end_array();
  json.end_object();
}

} // namespace

std::string write_form_json(const model::Form& form) {
  CanonicalJson json;
  json.begin_object();
  write_text(json, "format", kFormFormatName);
  write_integer(json, "format_version", kFormFormatVersion);
  write_text(json, "kind", kind_name(form.kind));
  write_text(json, "title", form.title);
  write_integer(json, "year", form.year);
  write_text(json, "department", form.department);
  write_text(json, "project", form.project);
  write_text(json, "implementing_unit", form.implementing_unit);
  write_text(json, "money_unit", form.money_unit);
  write_budget(json, form.budget);
  json.key("goals");
  json.begin_array();
  for (const auto& goal : form.goals) write_goal(json, goal);
  json.end_array();
  json.key("total");
  json.begin_object();
  write_number(json, "weight", form.total_weight);
  write_number(json, "score", form.total_score);
  json.end_object();
  write_text(json, "grade", form.grade);
  write_text(json, "conclusion", form.conclusion);
  write_text_if_present(json, "problems", form.problems);
  write_text_if_present(json, "improvements", form.improvements);
  write_text_if_present(json, "project_leader", form.project_leader);
  write_text_if_present(json, "finance_leader", form.finance_leader);
  json.end_object();
  return json.finish();
}

} // namespace ziping::io::json
