// Reference data: health, the vocabulary (statuses, kinds, modes, grades), rule sets,
// departments and the diagnostic catalogue.
#include <algorithm>

#include "ziping/model/fields.h"
#include "ziping/rules/dump.h"
#include "ziping/rules/load.h"
#include "ziping/server/api_error.h"
#include "ziping/server/render.h"
#include "ziping/server/request_json.h"
#include "ziping/server/routes.h"
#include "ziping/text/utf8.h"

namespace ziping::server {
namespace {

using diag::DiagId;

void health(Workbench& bench, const Request&, Response& res) {
  JsonOut out;
  out.begin_object().key("status").string("ok").key("version").string("0.1.0");
  out.key("store").begin_object();
  out.key("backend").string(bench.store().backend());
  // Which kind of store only: its file path or socket stays in the server's own output.
  out.key("database").string(bench.store().backend());
  out.key("schema_version").integer(bench.store().schema_version());
  out.end_object().end_object();
  send_json(res, 200, out.take());
}

void vocabulary(Workbench&, const Request&, Response& res) {
  JsonOut out;
  out.begin_object();
  out.key("statuses").begin_array();
  for (auto s : {store::Status::Draft, store::Status::Submitted, store::Status::Returned,
                 store::Status::Approved}) {
    out.begin_object().key("name").string(store::status_name(s));
    out.key("label").string(store::status_name_zh(s)).end_object();
  }
  out.end_array();
  out.key("kinds").begin_array();
  out.begin_object()
      .key("name")
      .string("department")
      .key("label")
      .string("部门整体支出绩效自评表")
      .end_object();
  out.begin_object()
      .key("name")
      .string("project")
      .key("label")
      .string("项目支出绩效自评表")
      .end_object();
  out.end_array();
  out.key("modes").begin_array();
  out.begin_object().key("name").string("review").key("label").string("审核申报得分").end_object();
  out.begin_object().key("name").string("auto").key("label").string("按公式计分").end_object();
  out.end_array();
  out.key("grades").begin_array().string("优").string("良").string("中").string("差").end_array();
  // The indicator table's columns straight from the field catalogue, so the editor shows a
  // field the catalogue gains (a Variant column when some leaf fills it) without a change of its
  // own.
  out.key("indicator_fields").begin_array();
  for (const auto* info : model::fields_of(model::Owner::Indicator)) {
    out.begin_object().key("key").string(info->json_key).key("header").string(info->header);
    out.key("kind").string(model::field_kind_name(info->kind));
    out.key("presence").string(model::presence_name(info->presence));
    out.key("share").integer(info->share).end_object();
  }
  out.end_array();
  out.end_object();
  send_json(res, 200, out.take());
}

std::string_view rounding_name(num::RoundingMode mode) {
  switch (mode) {
  case num::RoundingMode::HalfUp:
    return "half_up";
  case num::RoundingMode::Down:
    return "down";
  case num::RoundingMode::Never:
    return "never";
  }
  return "half_up";
}

void write_rule_set_header(JsonOut& out, const rules::RuleSet& r) {
  out.key("name").string(r.name);
  out.key("title").string(r.title);
  out.key("version").string(r.version);
  out.key("description").string(r.description);
  out.key("extends");
  if (r.lineage.size() > 1)
    out.string(r.lineage[1]);
  else
    out.null();
  out.key("lineage").begin_array();
  for (const auto& name : r.lineage) out.string(name);
  out.end_array();
}

void rule_sets(Workbench& bench, const Request&, Response& res) {
  JsonOut out;
  out.begin_object().key("default").string(rules::kDefaultRuleSet);
  out.key("rule_sets").begin_array();
  for (const auto& [name, r] : bench.rule_sets()) {
    out.begin_object();
    write_rule_set_header(out, r);
    out.end_object();
  }
  out.end_array().end_object();
  send_json(res, 200, out.take());
}

void rule_set(Workbench& bench, const Request& req, Response& res) {
  const rules::RuleSet& r = bench.rule_set(req.matches[1]);
  JsonOut out;
  out.begin_object();
  write_rule_set_header(out, r);
  out.key("total_points").decimal(r.total_points);
  out.key("budget_weight").decimal(r.budget_weight);
  out.key("places").integer(r.places);
  out.key("rounding").string(rounding_name(r.rounding));
  out.key("grades").begin_array();
  for (const auto& band : r.grades) {
    out.begin_object().key("grade").string(band.grade).key("min").decimal(band.min);
    out.key("min_inclusive").boolean(band.min_inclusive).end_object();
  }
  out.end_array();
  out.key("framework").begin_object();
  for (const auto& [level1, level2s] : r.framework) {
    out.key(level1).begin_array();
    for (const auto& level2 : level2s) out.string(level2);
    out.end_array();
  }
  out.end_object();
  out.key("toml").string(rules::to_toml(r));
  out.end_object();
  send_json(res, 200, out.take());
}

// The departments the caller may see, each with the number of its forms the caller may read:
// the form list's scoping (Gate::restrict, form_get's cell). An administrator sees every
// department; 财政 and a 主管部门 the units under them, a unit's people their own unit (with
// 0 forms too), and everyone the departments that have published forms, counting those.
std::vector<store::Department> visible_departments(RouteContext& ctx, const Request& req) {
  store::FormFilter visible;
  ctx.gate.restrict(visible, req.caller);
  std::vector<store::Department> all = ctx.bench.store().departments(visible);
  auto ids = ctx.gate.visible_departments(req.caller);
  if (!ids) return all;
  const std::vector<store::Id>& mine = *ids;
  std::erase_if(all, [&](const store::Department& d) {
    return d.form_count == 0 && std::find(mine.begin(), mine.end(), d.id) == mine.end();
  });
  return all;
}

void departments(RouteContext& ctx, const Request& req, Response& res) {
  JsonOut out;
  out.begin_object().key("departments").begin_array();
  for (const auto& d : visible_departments(ctx, req)) write_department(out, d);
  out.end_array().end_object();
  send_json(res, 200, out.take());
}

// One department, if the caller may see it (else 404, as if there were none: its name is what
// would leak).
void department(RouteContext& ctx, const Request& req, Response& res) {
  store::Id id = path_id(req);
  for (const auto& d : visible_departments(ctx, req)) {
    if (d.id != id) continue;
    JsonOut out;
    write_department(out, d);
    send_json(res, 200, out.take());
    return;
  }
  JsonOut details;
  details.begin_object().key("department_id").integer(id).end_object();
  throw ApiError(404, "not_found",
                 diag::make(DiagId::err_department_not_found, "", {std::to_string(id)}),
                 details.take());
}

void create_department(Workbench& bench, const Request& req, Response& res) {
  JsonValue body = parse_object_body(req.body);
  std::string name(text::trim(*string_member(body, "name", true)));
  if (name.empty())
    throw ApiError(400, "missing_field",
                   diag::make(DiagId::err_request_missing_field, "", {"name"}));
  for (const auto& d : bench.store().departments()) {
    if (d.name != name) continue;
    JsonOut details;
    details.begin_object().key("department");
    write_department(details, d);
    details.end_object();
    throw ApiError(409, "department_exists", diag::make(DiagId::err_department_exists, "", {name}),
                   details.take());
  }
  store::Department created = bench.store().ensure_department(name);
  JsonOut out;
  write_department(out, created);
  res.set_header("Location", "/api/departments/" + std::to_string(created.id));
  send_json(res, 201, out.take());
}

void catalogue(Workbench&, const Request&, Response& res) {
  JsonOut out;
  out.begin_object().key("diagnostics").begin_array();
  for (const auto& e : diag::catalogue()) {
    out.begin_object();
    out.key("code").string(e.code);
    out.key("name").string(e.name);
    out.key("severity").string(diag::severity_name(e.severity));
    out.key("message").string(e.zh);
    out.key("message_en").string(e.en);
    out.end_object();
  }
  out.end_array().end_object();
  send_json(res, 200, out.take());
}

} // namespace

void add_catalog_routes(Router& router, RouteContext& ctx) {
  using E = access::EndpointId;
  Workbench& bench = ctx.bench;
  auto bind = [&bench](void (*route)(Workbench&, const Request&, Response&)) {
    return [&bench, route](const Request& req, Response& res) { route(bench, req, res); };
  };
  auto scoped = [&ctx](void (*route)(RouteContext&, const Request&, Response&)) {
    return [&ctx, route](const Request& req, Response& res) { route(ctx, req, res); };
  };
  router.add(E::health, bind(health));
  router.add(E::vocabulary, bind(vocabulary));
  router.add(E::rules_list, bind(rule_sets));
  router.add(E::rules_get, bind(rule_set));
  router.add(E::departments_list, scoped(departments));
  router.add(E::departments_get, scoped(department));
  router.add(E::departments_create, bind(create_department));
  router.add(E::diagnostics, bind(catalogue));
}

} // namespace ziping::server
