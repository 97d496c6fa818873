#include "ziping/server/workbench.h"

#include "ziping/diag/render.h"
#include "ziping/facts/evaluation_facts.h"
#include "ziping/io/json/form_reader.h"
#include "ziping/model/source_map.h"
#include "ziping/report/score_report.h"
#include "ziping/rules/load.h"
#include "ziping/server/api_error.h"
#include "ziping/server/json_out.h"

namespace ziping::server {
namespace {

using diag::DiagId;

ApiError unreadable(const std::vector<diag::Diagnostic>& diagnostics) {
  std::size_t errors = 0;
  for (const auto& d : diagnostics)
    if (d.severity == diag::Severity::Error) ++errors;
  return ApiError(422, "unreadable_form",
                  diag::make(DiagId::err_unreadable_form, "", {std::to_string(errors)}),
                  diag::render_json(diag::in_source_order(diagnostics)));
}

ApiError no_department() {
  return ApiError(422, "no_department", diag::make(DiagId::err_form_no_department, "department"));
}

} // namespace

// What the store refuses, refused before scoring, as the form's fault (422), not the database's.
void Workbench::check_storable(const model::Form& form) {
  if (form.department.empty()) throw no_department();
  if (auto path = store::unstorable_text(form)) {
    JsonOut details;
    details.begin_object().key("path").string(*path).end_object();
    throw ApiError(422, "unstorable_text", diag::make(DiagId::err_text_nul, *path, {*path}),
                   details.take());
  }
}

Workbench::Workbench(store::Store& store) : store_(store) {
  for (const auto& name : rules::embedded_names()) {
    auto loaded = rules::load_embedded(name);
    if (loaded.rules) rules_.emplace(name, std::move(*loaded.rules));
  }
}

const rules::RuleSet& Workbench::rule_set(std::string_view name) const {
  auto found = rules_.find(name);
  if (found != rules_.end()) return found->second;
  std::string names;
  JsonOut details;
  details.begin_object().key("available").begin_array();
  for (const auto& [n, r] : rules_) {
    names += (names.empty() ? "" : ", ") + n;
    details.string(n);
  }
  details.end_array().end_object();
  throw ApiError(400, "unknown_rule_set",
                 diag::make(DiagId::err_rules_unknown, "", {std::string(name), names}),
                 details.take());
}

rules::Mode Workbench::parse_mode(std::string_view name) {
  if (auto mode = rules::parse_mode(name)) return *mode;
  throw bad_parameter("mode", std::string(name), "review 或 auto", "review or auto");
}

model::ReadResult Workbench::read(std::string_view bytes, const io::Format& format,
                                  const io::ReadOptions& options) {
  model::ReadResult result = format.read(bytes, options); // diagnostics capped by the registry
  if (result.map.file().empty()) result.map.set_file(options.file_name);
  if (!result.form) {
    model::locate(result.diagnostics, result.map);
    throw unreadable(result.diagnostics);
  }
  return result;
}

model::ReadResult Workbench::read_json(std::string_view bytes, const std::string& file_name) {
  return read(bytes, *io::find_format("json"), io::ReadOptions{file_name, std::nullopt});
}

model::ReadResult Workbench::read_json(const io::json::JsonValue& content,
                                       const std::string& file_name) {
  model::ReadResult result = io::json::read_form_json(content, file_name);
  if (!result.form) {
    model::locate(result.diagnostics, result.map);
    throw unreadable(result.diagnostics);
  }
  return result;
}

store::Summary Workbench::summary(const check::Run& run) {
  store::Summary out;
  const auto& e = run.evaluation;
  out.total = e.total;
  out.grade = e.grade;
  out.execution_rate = e.budget.rate_percent;
  out.indicator_score = e.indicator_score;
  out.errors = run.counts.errors;
  out.warnings = run.counts.warnings;
  out.notes = run.counts.notes;
  return out;
}

std::string Workbench::score_json(const check::Run& run) {
  return report::render_score_json({run.form, run.evaluation, *run.rules, run.diagnostics});
}

const rules::RuleSet& Workbench::filing_rules(const FilingOptions& options) const {
  return rule_set(options.rules.value_or(rules::kDefaultRuleSet));
}

rules::Mode Workbench::filing_mode(const FilingOptions& options) {
  return options.mode ? parse_mode(*options.mode) : rules::Mode::Review;
}

store::StoredForm Workbench::create(const check::Run& run, const FilingOptions& options) {
  check_storable(run.form);
  store::NewForm n;
  n.summary = summary(run);
  n.facts = facts::facts_of(run);
  n.form = run.form;
  n.status = options.status.value_or(store::Status::Draft);
  n.rule_set = run.rules->name;
  n.mode = std::string(rules::mode_name(run.mode));
  n.author = options.author;
  n.author_id = options.author_id;
  n.comment = options.comment;
  return store_.create_stored(n);
}

store::StoredForm Workbench::create(model::ReadResult read, const FilingOptions& options) {
  check_storable(*read.form); // refused before the cost of scoring
  return create(check::run(std::move(read), filing_rules(options), filing_mode(options)), options);
}

store::SaveResult Workbench::save(store::Id id, int base_revision, model::ReadResult read,
                                  const FilingOptions& options) {
  check_storable(*read.form);
  auto current = store_.form_record(id);
  if (!current) throw form_not_found(id);
  const auto& rules = rule_set(options.rules.value_or(current->rule_set));
  rules::Mode mode = parse_mode(options.mode.value_or(current->mode));
  check::Run run = check::run(std::move(read), rules, mode);
  store::Save s;
  s.form_id = id;
  s.base_revision = base_revision;
  s.summary = summary(run);
  s.facts = facts::facts_of(run);
  s.form = std::move(run.form);
  s.status = options.status;
  s.rule_set = rules.name;
  s.mode = std::string(rules::mode_name(mode));
  s.author = options.author;
  s.author_id = options.author_id;
  s.comment = options.comment;
  return store_.save_form(s);
}

store::StoredForm Workbench::stored(store::Id id, std::optional<int> revision) {
  auto found = store_.form(id, revision);
  if (found) return std::move(*found);
  if (revision && store_.form_record(id)) {
    JsonOut details;
    details.begin_object().key("form_id").integer(id).key("revision").integer(*revision);
    details.end_object();
    throw ApiError(404, "not_found",
                   diag::make(DiagId::err_revision_not_found, "",
                              {std::to_string(id), std::to_string(*revision)}),
                   details.take());
  }
  throw form_not_found(id);
}

std::string Workbench::write(const store::StoredForm& stored, const io::Format& format,
                             const rules::RuleSet& rules, rules::Mode mode,
                             const model::Review* review) {
  check::Run run = check::run(stored.form, rules, mode);
  io::WriteContext context{&run.evaluation, &rules, &run.diagnostics,
                           review && !review->empty() ? review : nullptr};
  return format.write(run.form, context);
}

std::string media_type(const io::Format& format) {
  static const std::map<std::string_view, std::string_view> kTypes = {
      {".json", "application/json; charset=utf-8"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {".xls", "application/vnd.ms-excel"},
      {".csv", "text/csv; charset=utf-8"},
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".pdf", "application/pdf"},
      {".txt", "text/plain; charset=utf-8"},
      {".md", "text/markdown; charset=utf-8"},
  };
  auto found = kTypes.find(io::file_extension(format));
  if (found != kTypes.end()) return std::string(found->second);
  return "application/octet-stream";
}

} // namespace ziping::server
