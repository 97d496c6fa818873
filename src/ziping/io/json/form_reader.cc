#include "ziping/io/json/form_reader.h"

#include "ziping/io/json/field_reader.h"
#include "ziping/io/json/form_format.h"
#include "ziping/io/json/json_parser.h"

namespace ziping::io::json {
namespace {

using diag::DiagId;
using model::Budget;
using model::Form;
using model::FundingRow;
using model::Goal;
using model::Indicator;

void read_kind(FieldReader& reader, const JsonValue& value, const std::string& path, Form& form);
void read_budget(FieldReader& reader, const JsonValue& value, const std::string& path, Form& form);
void read_sources(FieldReader& reader, const JsonValue& value, const std::string& path,
                  Budget& budget);
void read_goals(FieldReader& reader, const JsonValue& value, const std::string& path, Form& form);
void read_indicators(FieldReader& reader, const JsonValue& value, const std::string& path,
                     Goal& goal);
void read_total(FieldReader& reader, const JsonValue& value, const std::string& path, Form& form);

// The tables are the format: one rule per key of docs/form-json.md, required ones marked.
// docs/form.schema.json says the same, and a test holds the three together.

const FieldRule<Form> kFormFields[] = {
    {"format", Need::Required, AlreadyRead{}},
    {"format_version", Need::Required, AlreadyRead{}},
    {"kind", Need::Required, &read_kind},
    {"title", Need::Optional, &Form::title},
    {"year", Need::Optional, &Form::year},
    {"department", Need::Optional, &Form::department},
    {"project", Need::Optional, &Form::project},
    {"implementing_unit", Need::Optional, &Form::implementing_unit},
    {"money_unit", Need::Optional, &Form::money_unit},
    {"budget", Need::Optional, &read_budget},
    {"goals", Need::Required, &read_goals},
    {"total", Need::Optional, &read_total},
    {"grade", Need::Optional, &Form::grade},
    {"conclusion", Need::Optional, &Form::conclusion},
    {"problems", Need::Optional, &Form::problems},
    {"improvements", Need::Optional, &Form::improvements},
    {"project_leader", Need::Optional, &Form::project_leader},
    {"finance_leader", Need::Optional, &Form::finance_leader},
};

const FieldRule<Form> kTotalFields[] = {
    {"weight", Need::Optional, &Form::total_weight},
    {"score", Need::Optional, &Form::total_score},
};

const FieldRule<Budget> kBudgetFields[] = {
    {"initial", Need::Optional, &Budget::initial},
    {"annual", Need::Optional, &Budget::annual},
    {"executed", Need::Optional, &Budget::executed},
    {"weight", Need::Optional, &Budget::weight},
    {"score", Need::Optional, &Budget::score},
    {"rate", Need::Optional, &Budget::rate},
    {"deviation_reason", Need::Optional, &Budget::deviation_reason},
    {"sources", Need::Optional, &read_sources},
};

const FieldRule<FundingRow> kFundingRowFields[] = {
    {"label", Need::Required, &FundingRow::label},
    {"initial", Need::Optional, &FundingRow::initial},
    {"annual", Need::Optional, &FundingRow::annual},
    {"executed", Need::Optional, &FundingRow::executed},
    {"rate", Need::Optional, &FundingRow::rate},
};

const FieldRule<Goal> kGoalFields[] = {
    {"number", Need::Optional, &Goal::number},
    {"target", Need::Optional, &Goal::target},
    {"actual", Need::Optional, &Goal::actual},
    {"deviation_reason", Need::Optional, &Goal::deviation_reason},
    {"weight", Need::Optional, &Goal::weight},
    {"score", Need::Optional, &Goal::score},
    {"indicators", Need::Required, &read_indicators},
};

const FieldRule<Indicator> kIndicatorFields[] = {
    {"level1", Need::Optional, &Indicator::level1},
    {"level2", Need::Optional, &Indicator::level2},
    {"name", Need::Required, &Indicator::name},
    {"target", Need::Optional, &Indicator::target},
    {"actual", Need::Optional, &Indicator::actual},
    {"weight", Need::Optional, &Indicator::weight},
    {"score", Need::Optional, &Indicator::score},
    {"deviation_reason", Need::Optional, &Indicator::deviation_reason},
    {"adjusted_target", Need::Optional, &Indicator::adjusted_target},
    {"nature", Need::Optional, &Indicator::nature},
    {"unit", Need::Optional, &Indicator::unit},
    {"score_coefficient", Need::Optional, &Indicator::score_coefficient},
    {"core", Need::Optional, &Indicator::core},
    {"scoring_standard", Need::Optional, &Indicator::scoring_standard},
};

void read_kind(FieldReader& reader, const JsonValue& value, const std::string& path, Form& form) {
  std::string kind;
  if (!reader.read_text(value, path, kind)) return;
  if (kind == "department") {
    form.kind = model::FormKind::Department;
  } else if (kind == "project") {
    form.kind = model::FormKind::Project;
  } else {
    reader.report(DiagId::err_bad_enum_value, path, value.position(),
                  {path, shown_value(value), "\"department\", \"project\""});
  }
}

void read_budget(FieldReader& reader, const JsonValue& value, const std::string& path, Form& form) {
  if (reader.expect_object(value, path)) {
    reader.read_fields(value, path, form.budget, kBudgetFields);
  }
}

void read_funding_row(FieldReader& reader, const JsonValue& value, const std::string& path,
                      FundingRow& row) {
  reader.read_fields(value, path, row, kFundingRowFields);
}

void read_sources(FieldReader& reader, const JsonValue& value, const std::string& path,
                  Budget& budget) {
  reader.read_objects(value, path, budget.sources, &read_funding_row);
}

void read_indicator(FieldReader& reader, const JsonValue& value, const std::string& path,
                    Indicator& indicator) {
  reader.read_fields(value, path, indicator, kIndicatorFields);
}

void read_indicators(FieldReader& reader, const JsonValue& value, const std::string& path,
                     Goal& goal) {
  reader.read_objects(value, path, goal.indicators, &read_indicator);
}

void read_goal(FieldReader& reader, const JsonValue& value, const std::string& path, Goal& goal) {
  reader.read_fields(value, path, goal, kGoalFields);
}

void read_goals(FieldReader& reader, const JsonValue& value, const std::string& path, Form& form) {
  reader.read_objects(value, path, form.goals, &read_goal);
}

void read_total(FieldReader& reader, const JsonValue& value, const std::string& path, Form& form) {
  if (reader.expect_object(value, path)) reader.read_fields(value, path, form, kTotalFields);
}

// "format" and "format_version" say whether the rest can be read at all: a file of another
// format or of a version this program does not know is refused before any field is judged.
bool is_readable_form(FieldReader& reader, const JsonValue& root) {
  const JsonValue* format = root.find("format");
  if (format == nullptr) {
    reader.report(DiagId::err_json_missing_field, "format", root.position(), {"format"});
    return false;
  }
  if (!format->is(JsonType::String) || format->text() != kFormFormatName) {
    reader.report(DiagId::err_json_not_a_form, "format", format->position(),
                  {shown_value(*format)});
    return false;
  }
  const JsonValue* version = root.find("format_version");
  if (version == nullptr) {
    reader.report(DiagId::err_json_missing_field, "format_version", root.position(),
                  {"format_version"});
    return false;
  }
  std::optional<int> number;
  if (version->is(JsonType::Null)) {
    reader.report(DiagId::err_json_wrong_type, "format_version", version->position(),
                  {"format_version", diag::bilingual("整数", "an integer"), "null"});
    return false;
  }
  if (!reader.read_integer(*version, "format_version", number)) return false;
  if (number != kFormFormatVersion) {
    reader.report(DiagId::err_format_version, "format_version", version->position(),
                  {shown_value(*version), std::to_string(kFormFormatVersion)});
    return false;
  }
  return true;
}

} // namespace

model::ReadResult read_form_json(std::string_view bytes, const std::string& file_name) {
  model::ReadResult result;
  result.map.set_file(file_name);
  if (bytes.size() > kMaxFormJsonBytes) {
    auto too_large = diag::make(DiagId::err_input_too_large, "",
                                {std::to_string(bytes.size()), std::to_string(kMaxFormJsonBytes)});
    too_large.where.file = file_name;
    result.diagnostics.push_back(std::move(too_large));
    return result;
  }
  auto parsed = parse_json(bytes);
  if (parsed.error) {
    parsed.error->where.file = file_name;
    result.diagnostics.push_back(std::move(*parsed.error));
    return result;
  }
  return read_form_json(*parsed.value, file_name);
}

model::ReadResult read_form_json(const JsonValue& root, const std::string& file_name) {
  model::ReadResult result;
  result.map.set_file(file_name);
  FieldReader reader(file_name, result.map, result.diagnostics);
  reader.locate("", root.position());
  if (!reader.expect_object(root, "")) return result;
  if (!is_readable_form(reader, root)) return result;
  Form form;
  reader.read_fields(root, "", form, kFormFields);
  result.form = std::move(form);
  return result;
}

} // namespace ziping::io::json
