// Forms: list with filters, counts, create, read (any revision), save (optimistic), history,
// score and export of a stored form.
#include "ziping/access/review_chain.h"
#include "ziping/diag/render.h"
#include "ziping/rules/load.h"
#include "ziping/server/api_error.h"
#include "ziping/server/attachment.h"
#include "ziping/server/export_cache.h"
#include "ziping/server/overview.h"
#include "ziping/server/plan_links.h"
#include "ziping/server/render.h"
#include "ziping/server/request_json.h"
#include "ziping/server/review_export.h"
#include "ziping/server/routes.h"
#include "ziping/store/audit_trail.h"

namespace ziping::server {
namespace {

using diag::DiagId;

constexpr const char* kAnonymous = "未署名";

ApiError status_refused() {
  JsonOut details;
  details.begin_object().key("field").string("status").end_object();
  return ApiError(400, "invalid_field", diag::make(DiagId::err_status_via_transitions, ""),
                  details.take());
}

// A list cursor (docs/api.md): the sort key of a page's last form, as next_cursor gave it —
// "ID" for sort=id, "UPDATED_AT~ID" for sort=updated. Opaque to clients; a cursor of the
// other order, or not one at all, is a 400 like any bad parameter.
std::string cursor_text(const store::FormCursor& c, store::FormFilter::Order order) {
  return order == store::FormFilter::Order::Updated ? c.updated_at + "~" + std::to_string(c.id)
                                                    : std::to_string(c.id);
}

store::FormCursor parse_cursor(const std::string& text, store::FormFilter::Order order) {
  bool updated = order == store::FormFilter::Order::Updated;
  auto refused = [&] {
    return bad_parameter("cursor", text,
                         updated ? "上一页的 next_cursor（sort=updated）" : "上一页的 next_cursor",
                         updated ? "a next_cursor of the previous page (sort=updated)"
                                 : "a next_cursor of the previous page");
  };
  std::size_t tilde = text.rfind('~');
  if (updated != (tilde != std::string::npos)) throw refused();
  std::string id = updated ? text.substr(tilde + 1) : text;
  if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos)
    throw refused();
  store::FormCursor c{std::stoll(id), ""};
  if (updated) {
    c.updated_at = text.substr(0, tilde);
    // A timestamp as the store writes them (now_utc): digits and -:.TZ+ only.
    if (c.updated_at.empty() || c.updated_at.size() > 40 ||
        c.updated_at.find_first_not_of("0123456789-:.TZ+") != std::string::npos)
      throw refused();
  }
  if (c.id < 1) throw refused();
  return c;
}

store::FormFilter filter_of(const Request& req) {
  store::FormFilter f;
  if (auto year = integer_param(req, "year", 1900, 9999)) f.year = int(*year);
  if (auto kind = text_param(req, "kind")) {
    f.kind = store::parse_kind(*kind);
    if (!f.kind)
      throw bad_parameter("kind", *kind, "department 或 project", "department or project");
  }
  f.status = status_param(req);
  // The review chain's finer states (填报中 … 已公开), as the progress board names them.
  if (auto state = text_param(req, "review_state")) {
    if (!access::parse_state(*state))
      throw bad_parameter("review_state", *state,
                          "draft、submitted、returned、reviewed、approved、published 之一",
                          "one of draft, submitted, returned, reviewed, approved, published");
    f.review_state = *state;
  }
  if (auto grade = text_param(req, "grade")) f.grade = *grade;
  if (auto department = integer_param(req, "department", 1, INT64_MAX))
    f.department_id = *department;
  if (auto text = text_param(req, "q")) f.text = *text;
  if (auto sort = text_param(req, "sort")) {
    if (*sort == "updated")
      f.order = store::FormFilter::Order::Updated;
    else if (*sort != "id")
      throw bad_parameter("sort", *sort, "id 或 updated", "id or updated");
  }
  f.limit = int(integer_param(req, "limit", 1, store::kMaxPageSize).value_or(50));
  f.offset = int(integer_param(req, "offset", 0, INT32_MAX).value_or(0));
  if (auto cursor = text_param(req, "cursor")) f.after = parse_cursor(*cursor, f.order);
  return f;
}

// The envelope of create and save: {"content": {form}, "author", "comment", "status",
// "rules", "mode"[, "base_revision"]}.
struct Filing {
  model::ReadResult read;
  FilingOptions options;
  std::optional<long long> base_revision;
};

Filing filing_of(const Request& req, bool save) {
  // (`status` is read here and checked by the caller: a save may only repeat the form's
  // current status, a creation only draft; states change through transitions.)
  JsonValue body = parse_object_body(req.body);
  Filing f;
  if (save) f.base_revision = integer_member(body, "base_revision", true);
  const JsonValue* content = object_member(body, "content", true);
  f.options.author = string_member(body, "author").value_or(kAnonymous);
  if (f.options.author.empty()) f.options.author = kAnonymous;
  f.options.comment = string_member(body, "comment").value_or("");
  if (auto status = string_member(body, "status")) {
    f.options.status = store::parse_status(*status);
    if (!f.options.status)
      throw bad_parameter("status", *status, store::status_names() + " 之一",
                          "one of " + store::status_names());
  }
  // With an account the revision names the user, whatever the body says.
  if (req.caller.user) {
    f.options.author = req.caller.author();
    f.options.author_id = req.caller.user->id;
  }
  f.options.rules = string_member(body, "rules");
  f.options.mode = string_member(body, "mode");
  // Read where it stands in the body, so a 422 names the body's own line:column.
  f.read = Workbench::read_json(*content, "request");
  return f;
}

// The key of a list response in ListCache: the caller and the filter as the gate narrowed it
// (every field list_forms reads), each part length-prefixed so no two filters collide.
std::string list_key(const Caller& caller, const store::FormFilter& f) {
  std::string key;
  auto part = [&key](std::string_view text) {
    key += std::to_string(text.size());
    key += ':';
    key += text;
  };
  auto number = [&part](std::optional<long long> n) { part(n ? std::to_string(*n) : "-"); };
  number(caller.user ? std::optional<long long>(caller.user->id) : std::nullopt);
  number(int(caller.principal.role));
  number(caller.principal.org ? std::optional<long long>(*caller.principal.org) : std::nullopt);
  number(f.year ? std::optional<long long>(*f.year) : std::nullopt);
  number(f.kind ? std::optional<long long>(int(*f.kind)) : std::nullopt);
  number(f.status ? std::optional<long long>(int(*f.status)) : std::nullopt);
  part(f.grade ? "g" + *f.grade : "-");
  number(f.department_id ? std::optional<long long>(*f.department_id) : std::nullopt);
  part(f.text);
  if (f.visible_departments) {
    number((long long)f.visible_departments->size());
    for (store::Id id : *f.visible_departments) number(id);
  } else {
    part("*");
  }
  number(f.visible_under ? std::optional<long long>(*f.visible_under) : std::nullopt);
  number(f.or_published ? 1 : 0);
  part(f.review_state ? "s" + *f.review_state : "-");
  number(int(f.order));
  number(f.limit);
  number(f.offset);
  if (f.after) {
    number(f.after->id);
    part(f.after->updated_at);
  } else {
    part("-");
  }
  return key;
}

void list(RouteContext& ctx, const Request& req, Response& res) {
  Workbench& bench = ctx.bench;
  store::FormFilter filter = filter_of(req);
  ctx.gate.restrict(filter, req.caller);
  // The version before any read of the response (server/list_cache.h says why).
  std::int64_t version = bench.store().list_version();
  std::string key = list_key(req.caller, filter);
  if (auto kept = ctx.lists.find(version, key)) {
    send_json(res, 200, **kept);
    return;
  }
  store::FormPage page = bench.store().list_forms(filter);
  JsonOut out;
  out.begin_object().key("forms").begin_array();
  for (const auto& record : page.items) write_record(out, record);
  out.end_array();
  // The chain diagnostics of the forms on this page that have a 申报表 or 监控表 linked
  // (docs/chain.md): checked now, so they follow every save and link.
  out.key("chains").begin_object();
  auto candidates = chain_candidates(bench.store(), page.items);
  for (const auto& record : page.items) {
    ChainSlots slots = choose_plans(record, candidates);
    if (!slots.declaration && !slots.monitoring) continue;
    auto stored = bench.store().form(record.id);
    if (!stored) continue;
    auto checked = check_stored_chain(bench, *stored, std::move(slots));
    auto counts = check::count(checked.diagnostics);
    out.key(std::to_string(record.id)).begin_object();
    out.key("declaration")
        .optional_integer(checked.slots.declaration
                              ? std::optional<long long>(checked.slots.declaration->id)
                              : std::nullopt);
    out.key("monitoring")
        .optional_integer(checked.slots.monitoring
                              ? std::optional<long long>(checked.slots.monitoring->id)
                              : std::nullopt);
    out.key("errors").integer(counts.errors);
    out.key("warnings").integer(counts.warnings);
    out.key("notes").integer(counts.notes);
    out.end_object();
  }
  out.end_object();
  out.key("total").integer(page.total);
  out.key("limit").integer(filter.limit);
  out.key("offset").integer(filter.offset);
  out.key("next_cursor");
  if (page.next)
    out.string(cursor_text(*page.next, filter.order));
  else
    out.null();
  out.end_object();
  auto body = std::make_shared<const std::string>(out.take());
  ctx.lists.keep(version, key, body);
  send_json(res, 200, *body);
}

template <class Key>
void write_counts(JsonOut& out, const char* name,
                  const std::vector<std::pair<Key, std::int64_t>>& counts) {
  out.key(name).begin_object();
  for (const auto& [key, count] : counts) {
    if constexpr (std::is_same_v<Key, int>)
      out.key(std::to_string(key)).integer(count);
    else
      out.key(key).integer(count);
  }
  out.end_object();
}

void stats(RouteContext& ctx, const Request& req, Response& res) {
  Workbench& bench = ctx.bench;
  store::FormFilter filter = filter_of(req);
  ctx.gate.restrict(filter, req.caller);
  store::FormCounts counts = bench.store().count_forms(filter);
  // Grades in their order of merit, whatever order the database sorted them in.
  std::vector<std::pair<std::string, std::int64_t>> grades;
  for (const char* grade : {"优", "良", "中", "差"})
    for (const auto& entry : counts.by_grade)
      if (entry.first == grade) grades.push_back(entry);
  for (const auto& entry : counts.by_grade)
    if (entry.first != "优" && entry.first != "良" && entry.first != "中" && entry.first != "差")
      grades.push_back(entry);
  JsonOut out;
  out.begin_object().key("total").integer(counts.total);
  write_counts(out, "by_grade", grades);
  write_counts(out, "by_status", counts.by_status);
  write_counts(out, "by_kind", counts.by_kind);
  write_counts(out, "by_year", counts.by_year);
  out.end_object();
  send_json(res, 200, out.take());
}

// The dashboard's year: execution per department and the largest deviations, over the forms
// the usual filters select (?year=2022), scored under each form's own rules.
void year_overview(RouteContext& ctx, const Request& req, Response& res) {
  Workbench& bench = ctx.bench;
  store::FormFilter filter = filter_of(req);
  ctx.gate.restrict(filter, req.caller);
  int top = int(integer_param(req, "top", 0, 100).value_or(20));
  const auto& rules = bench.rule_set(text_param(req, "rules").value_or(rules::kDefaultRuleSet));
  JsonOut out;
  out.raw(report::year_overview_json(overview(bench, filter, rules, top)));
  send_json(res, 200, out.take());
}

void create(RouteContext& ctx, const Request& req, Response& res) {
  Workbench& bench = ctx.bench;
  Filing f = filing_of(req, false);
  if (f.options.status && *f.options.status != store::Status::Draft) throw status_refused();
  f.options.status.reset();
  // The unit is the form's department: only its own people may file for it (a form no store
  // can hold is the form's fault first).
  if (f.read.form) Workbench::check_storable(*f.read.form);
  ctx.gate.require(access::EndpointId::forms_create, req.caller,
                   ctx.gate.target_of_department(f.read.form ? f.read.form->department : ""));
  store::StoredForm stored = bench.create(std::move(f.read), f.options);
  res.set_header("Location", "/api/forms/" + std::to_string(stored.record.id));
  send_json(res, 201, form_document(stored));
}

void read(RouteContext& ctx, const Request& req, Response& res) {
  Workbench& bench = ctx.bench;
  auto revision = integer_param(req, "revision", 1, INT32_MAX);
  store::StoredForm stored =
      bench.stored(path_id(req), revision ? std::optional(int(*revision)) : std::nullopt);
  std::optional<std::string> score;
  if (auto include = text_param(req, "include")) {
    if (*include != "score") throw bad_parameter("include", *include, "score", "score");
    score = Workbench::score_json(check::run(stored.form, bench.rule_set(stored.revision.rule_set),
                                             Workbench::parse_mode(stored.revision.mode)));
  }
  res.set_header("ETag", "\"" + std::to_string(stored.revision.number) + "\"");
  send_json(res, 200, form_document(stored, score));
}

void save(RouteContext& ctx, const Request& req, Response& res) {
  Workbench& bench = ctx.bench;
  store::Id id = path_id(req);
  Filing f = filing_of(req, true);
  if (*f.base_revision < 1 || *f.base_revision > INT32_MAX)
    throw bad_parameter("base_revision", std::to_string(*f.base_revision), "正整数",
                        "a positive integer");
  int base = int(*f.base_revision);
  auto record = bench.store().form_record(id);
  if (!record) throw form_not_found(id);
  if (f.options.status && *f.options.status != record->status) throw status_refused();
  f.options.status.reset();
  // 409 rather than 403: the caller may edit this unit's forms, the form's state refuses (and
  // changes back when the form is returned or reopened).
  auto state = access::parse_state(record->review_state).value_or(access::ReviewState::Draft);
  if (!access::editable(state)) {
    JsonOut details;
    details.begin_object().key("form_id").integer(id);
    details.key("review_state").string(access::state_name(state));
    details.key("review_state_label").string(access::state_name_zh(state)).end_object();
    throw ApiError(409, "not_editable",
                   diag::make(DiagId::err_not_editable, "",
                              {std::to_string(id), std::string(access::state_name_zh(state))}),
                   details.take());
  }
  // A form moved to another department must still be one of the caller's own units'.
  if (f.read.form) Workbench::check_storable(*f.read.form);
  if (f.read.form && f.read.form->department != record->department)
    ctx.gate.require(access::EndpointId::form_put, req.caller,
                     ctx.gate.target_of_department(f.read.form->department));
  store::SaveResult result = bench.save(id, base, std::move(f.read), f.options);
  using Outcome = store::SaveResult::Outcome;
  if (result.outcome == Outcome::NotFound || !result.current) throw form_not_found(id);
  if (result.outcome == Outcome::Saved) {
    send_json(res, 200, form_document(*result.current));
    return;
  }
  int current = result.current->record.revision;
  JsonOut details;
  details.begin_object().key("form_id").integer(id).key("base_revision").integer(base);
  details.key("current_revision").integer(current).key("current");
  write_form_document(details, *result.current);
  details.end_object();
  throw ApiError(409, "conflict",
                 diag::make(DiagId::err_save_conflict, "",
                            {std::to_string(id), std::to_string(base), std::to_string(current)}),
                 details.take());
}

void revisions(RouteContext& ctx, const Request& req, Response& res) {
  Workbench& bench = ctx.bench;
  store::Id id = path_id(req);
  auto history = bench.store().revisions(id);
  if (history.empty()) throw form_not_found(id);
  JsonOut out;
  out.begin_object().key("form_id").integer(id).key("revisions").begin_array();
  for (const auto& r : history) write_revision(out, r);
  out.end_array().end_object();
  send_json(res, 200, out.take());
}

// The rule set and mode a stored form is scored under: its own unless the query names others.
struct Scoring {
  const rules::RuleSet* rules;
  rules::Mode mode;
};
Scoring scoring_of(Workbench& bench, const Request& req, const store::StoredForm& s) {
  auto rules = text_param(req, "rules").value_or(s.revision.rule_set);
  auto mode = text_param(req, "mode").value_or(s.revision.mode);
  return {&bench.rule_set(rules), Workbench::parse_mode(mode)};
}

void score(RouteContext& ctx, const Request& req, Response& res) {
  Workbench& bench = ctx.bench;
  auto revision = integer_param(req, "revision", 1, INT32_MAX);
  store::StoredForm stored =
      bench.stored(path_id(req), revision ? std::optional(int(*revision)) : std::nullopt);
  Scoring how = scoring_of(bench, req, stored);
  send_json(res, 200, Workbench::score_json(check::run(stored.form, *how.rules, how.mode)));
}

void export_form(RouteContext& ctx, const Request& req, Response& res) {
  Workbench& bench = ctx.bench;
  std::string name = text_param(req, "format").value_or("json");
  const io::Format* format = io::find_format(name);
  if (!format || !format->write) {
    JsonOut details;
    details.begin_object().key("writable").begin_array();
    for (const auto& f : io::formats())
      if (f.write) details.string(f.name);
    details.end_array().end_object();
    throw ApiError(400, "unknown_format",
                   diag::make(DiagId::err_unknown_format, "", {name, io::writable_format_names()}),
                   details.take());
  }
  auto revision = integer_param(req, "revision", 1, INT32_MAX);
  store::StoredForm stored =
      bench.stored(path_id(req), revision ? std::optional(int(*revision)) : std::nullopt);
  Scoring how = scoring_of(bench, req, stored);
  // The review as it is now (scores are per form, not per revision): part of the key.
  model::Review review = review_for_export(bench.store().review_log(), stored.record.id);
  bool cached = false;
  auto bytes = cached_export(
      {stored.record.id, stored.revision.number, std::string(format->name), how.rules->name,
       std::string(rules::mode_name(how.mode)), review_fingerprint(review)},
      [&] { return bench.write(stored, *format, *how.rules, how.mode, &review); }, cached);
  res.set_header("X-Ziping-Cache", cached ? "hit" : "miss");
  bench.store().audit_trail().append({req.caller.actor(), "form.export", stored.record.id,
                                      stored.revision.number, std::string(format->name)});
  std::string extension = io::file_extension(*format);
  const auto& r = stored.record;
  std::string base = "form-" + std::to_string(r.id) + "-r" + std::to_string(stored.revision.number);
  std::string readable = stored.form.department;
  if (stored.form.year) readable += "-" + std::to_string(*stored.form.year);
  if (!stored.form.project.empty()) readable += "-" + stored.form.project;
  readable += "-第" + std::to_string(stored.revision.number) + "版";
  res.set_header("Content-Disposition",
                 attachment_disposition(base + extension, readable + extension));
  res.set_content(*bytes, media_type(*format));
  res.status = 200;
}

} // namespace

void add_form_routes(Router& router, RouteContext& ctx) {
  using E = access::EndpointId;
  auto bind = [&ctx](void (*route)(RouteContext&, const Request&, Response&)) {
    return [&ctx, route](const Request& req, Response& res) { route(ctx, req, res); };
  };
  router.add(E::forms_list, bind(list));
  router.add(E::forms_stats, bind(stats));
  router.add(E::forms_overview, bind(year_overview));
  router.add(E::forms_create, bind(create));
  router.add(E::form_get, bind(read));
  router.add(E::form_put, bind(save));
  router.add(E::form_revisions, bind(revisions));
  router.add(E::form_score, bind(score));
  router.add(E::form_export, bind(export_form));
}

} // namespace ziping::server
