// server/routes_analyses.cc — GET /api/analyses (the catalogue and the years with facts) and
// GET /api/analyses/{name}?year=Y (one analysis of store/analyses.h as a table). Readable by
// 主管部门, 财政 and administrators (access/endpoints.def); each sees the units form_get lets
// them read (Gate::restrict: a 主管部门 its units, 财政 those of its 财政局, an administrator all),
// and may narrow an answer to one of them with ?department=ID.
#include <algorithm>

#include "ziping/server/api_error.h"
#include "ziping/server/json_out.h"
#include "ziping/server/routes.h"
#include "ziping/server/workbench.h"
#include "ziping/store/analyses.h"

namespace ziping::server {
namespace {

using store::AnalysisColumn;

void catalogue(RouteContext& ctx, const Request&, Response& res) {
  Workbench& bench = ctx.bench;
  JsonOut out;
  out.begin_object().key("analyses").begin_array();
  for (const auto& a : store::analysis_catalogue()) {
    out.begin_object().key("id").string(a.id).key("title").string(a.title_zh);
    out.key("title_en").string(a.title_en);
    out.key("href").string("/api/analyses/" + std::string(a.id)).end_object();
  }
  out.end_array().key("years").begin_array();
  for (int year : bench.store().analyses().years()) out.integer(year);
  out.end_array().end_object();
  send_json(res, 200, out.take());
}

void cell(JsonOut& out, AnalysisColumn::Kind kind, const std::optional<std::string>& value) {
  if (!value) {
    out.null();
    return;
  }
  switch (kind) {
  case AnalysisColumn::Kind::Text:
    out.string(*value);
    break;
  case AnalysisColumn::Kind::Integer:
  case AnalysisColumn::Kind::Decimal:
    out.number(*value);
    break; // exact digits
  case AnalysisColumn::Kind::Flag:
    out.boolean(*value == "1");
    break;
  }
}

std::string_view kind_name(AnalysisColumn::Kind kind) {
  switch (kind) {
  case AnalysisColumn::Kind::Text:
    return "text";
  case AnalysisColumn::Kind::Integer:
    return "integer";
  case AnalysisColumn::Kind::Decimal:
    return "decimal";
  case AnalysisColumn::Kind::Flag:
    return "flag";
  }
  return "text";
}

void analysis(RouteContext& ctx, const Request& req, Response& res) {
  Workbench& bench = ctx.bench;
  std::string id = req.matches.size() > 1 ? req.matches[1] : "";
  store::AnalysisQuery query;
  auto year = integer_param(req, "year", 1900, 9999);
  if (!year) {
    auto years = bench.store().analyses().years();
    year = years.empty() ? 0 : years.front(); // the newest year with facts
  }
  query.year = int(*year);
  query.limit = int(integer_param(req, "limit", 1, 10000).value_or(500));
  store::FormFilter visible;
  ctx.gate.restrict(visible, req.caller);
  if (visible.visible_departments) query.departments = visible.visible_departments;
  // A 财政局's or 主管部门's scope stays a join in SQL (with the own-unit list empty).
  if (visible.visible_under) {
    query.under_org = visible.visible_under;
    query.departments.reset();
  }
  if (auto department = integer_param(req, "department", 1, INT64_MAX)) {
    // One unit of those the caller may see (under_org still applies); another unit's figures
    // answer nothing.
    bool allowed = query.under_org || !query.departments ||
                   std::find(query.departments->begin(), query.departments->end(), *department) !=
                       query.departments->end();
    query.departments = allowed ? std::vector<store::Id>{*department} : std::vector<store::Id>{};
  }
  auto table = bench.store().analyses().run(id, query);
  if (!table) {
    std::string names;
    for (const auto& a : store::analysis_catalogue())
      names += (names.empty() ? "" : ", ") + std::string(a.id);
    throw bad_parameter("analysis", id, names, names);
  }
  JsonOut out;
  out.begin_object().key("id").string(table->id).key("title").string(table->title_zh);
  out.key("title_en").string(table->title_en).key("year").integer(query.year);
  out.key("columns").begin_array();
  for (const auto& c : table->columns) {
    out.begin_object().key("key").string(c.key).key("title").string(c.zh);
    out.key("title_en").string(c.en).key("kind").string(kind_name(c.kind)).end_object();
  }
  out.end_array().key("rows").begin_array();
  for (const auto& row : table->rows) {
    out.begin_array();
    for (std::size_t i = 0; i < row.size(); ++i) cell(out, table->columns[i].kind, row[i]);
    out.end_array();
  }
  out.end_array().key("total_rows").integer(table->total_rows).end_object();
  send_json(res, 200, out.take());
}

} // namespace

void add_analysis_routes(Router& router, RouteContext& ctx) {
  using E = access::EndpointId;
  auto bind = [&ctx](void (*route)(RouteContext&, const Request&, Response&)) {
    return [&ctx, route](const Request& req, Response& res) { route(ctx, req, res); };
  };
  router.add(E::analyses_list, bind(catalogue));
  router.add(E::analysis_get, bind(analysis));
}

} // namespace ziping::server
