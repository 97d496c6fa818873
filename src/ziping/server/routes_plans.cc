// The year's chain in the workbench (issue 14, docs/chain.md): the 绩效目标申报表 and 绩效运行
// 监控表 imported in any format a plan reader takes, listed, read, linked to a 自评表 by hand or
// unlinked (each audit-logged by the store), and the chain view of a form: its three forms,
// the indicators side by side as the chain's matcher pairs them, and the chain diagnostics.
#include <algorithm>

#include "ziping/chain/alignment.h"
#include "ziping/chain/chain.h"
#include "ziping/check/run.h"
#include "ziping/diag/render.h"
#include "ziping/io/json/form_writer.h"
#include "ziping/io/json/plan_json.h"
#include "ziping/io/plan_formats.h"
#include "ziping/rules/load.h"
#include "ziping/server/api_error.h"
#include "ziping/server/attachment.h"
#include "ziping/server/export_cache.h"
#include "ziping/server/plan_links.h"
#include "ziping/server/render.h"
#include "ziping/server/request_json.h"
#include "ziping/server/routes.h"
#include "ziping/server/upload.h"
#include "ziping/store/audit_trail.h"
#include "ziping/store/plan_shelf.h"

namespace ziping::server {
namespace {

using diag::DiagId;
using E = access::EndpointId;

void write_plan_record(JsonOut& out, const store::PlanRecord& r) {
  out.begin_object();
  out.key("id").integer(r.id);
  out.key("department_id").integer(r.department_id);
  out.key("department").string(r.department);
  out.key("kind").string(model::plan_kind_name(r.kind));
  out.key("kind_label")
      .string(r.kind == model::PlanKind::Monitoring ? "绩效运行监控表" : "绩效目标申报表");
  out.key("scope").string(model::kind_name(r.scope));
  out.key("year").optional_integer(r.year);
  out.key("title").string(r.title);
  out.key("project").string(r.project);
  out.key("project_code").string(r.project_code);
  out.key("source_name").string(r.source_name);
  out.key("link").string(store::plan_link_name(r.link));
  out.key("form_id").optional_integer(r.form_id);
  out.key("created_at").string(r.created_at);
  out.key("created_by").string(r.created_by);
  out.key("linked_at").string(r.linked_at);
  out.key("linked_by").string(r.linked_by);
  out.end_object();
}

store::Actor actor_of(const Request& req) {
  return req.caller.actor();
}

// A query parameter, or else a plain (non-file) field of a multipart upload.
std::optional<std::string> field(const Request& req, const std::string& name) {
  if (auto value = text_param(req, name)) return value;
  auto found = req.files.find(name);
  if (found != req.files.end() && found->second.filename.empty()) return found->second.content;
  return std::nullopt;
}

store::FormRecord linkable_form(RouteContext& ctx, const Request& req, store::Id form_id) {
  auto record = ctx.bench.store().form_record(form_id);
  if (!record) throw form_not_found(form_id);
  // The form must be one the caller may link plans to, as much as the plan.
  ctx.gate.require(E::plan_link, req.caller, ctx.gate.target_of_form(*record));
  return *record;
}

void import_plan(RouteContext& ctx, const Request& req, Response& res) {
  auto [file_name, bytes] = upload_of(req, "upload.json");
  std::string format = field(req, "format").value_or(io::plan_format_of(file_name));
  auto read = io::read_plan(bytes, format, file_name);
  if (!read) {
    JsonOut details;
    details.begin_object().key("readable").string(io::kReadablePlanFormats).end_object();
    throw ApiError(
        415, "unknown_format",
        diag::make(DiagId::err_unknown_format, "",
                   {format.empty() ? file_name : format, std::string(io::kReadablePlanFormats)}),
        details.take());
  }
  model::locate(read->diagnostics, read->map);
  if (!read->plan) {
    std::size_t errors = check::count(read->diagnostics).errors;
    throw ApiError(422, "unreadable_form",
                   diag::make(DiagId::err_unreadable_form, "", {std::to_string(errors)}),
                   diag::render_json(diag::in_source_order(read->diagnostics)));
  }
  const model::Plan& plan = *read->plan;
  if (plan.department.empty())
    throw ApiError(422, "no_department", diag::make(DiagId::err_form_no_department, "department"));
  ctx.gate.require(E::plans_import, req.caller, ctx.gate.target_of_department(plan.department));
  std::optional<store::Id> link_to;
  if (auto form = integer_param(req, "form", 1, INT64_MAX)) {
    linkable_form(ctx, req, *form);
    link_to = *form;
  }
  // The plan's own checks under the rules asked for (the default set when none).
  const auto& rules = ctx.bench.rule_set(field(req, "rules").value_or(rules::kDefaultRuleSet));
  std::vector<diag::Diagnostic> diagnostics = read->diagnostics;
  auto own = chain::check_plan({plan, read->map}, rules);
  diagnostics.insert(diagnostics.end(), own.begin(), own.end());

  store::PlanShelf& shelf = ctx.bench.store().plans();
  std::string canonical = io::json::write_plan_json(plan);
  store::PlanRecord record = shelf.add({plan, canonical, file_name, actor_of(req)});
  if (link_to && shelf.set_link(record.id, store::PlanLink::Manual, link_to, actor_of(req)))
    record = *shelf.record(record.id);
  JsonOut out;
  out.begin_object().key("plan");
  write_plan_record(out, record);
  out.key("format").string(format);
  out.key("content").raw(canonical);
  out.key("diagnostics");
  diag::write_json(out, diag::in_source_order(diagnostics));
  out.end_object();
  res.set_header("Location", "/api/plans/" + std::to_string(record.id));
  send_json(res, 201, out.take());
}

void list_plans(RouteContext& ctx, const Request& req, Response& res) {
  store::PlanFilter filter;
  if (auto d = integer_param(req, "department", 1, INT64_MAX)) filter.department_id = *d;
  if (auto y = integer_param(req, "year", 1900, 9999)) filter.year = int(*y);
  if (auto f = integer_param(req, "form", 1, INT64_MAX)) filter.form_id = *f;
  filter.limit = int(integer_param(req, "limit", 1, 1000).value_or(200));
  // The departments whose forms' revisions the caller may read (published forms' plans are
  // not public).
  store::FormFilter visible;
  ctx.gate.restrict(visible, req.caller);
  filter.visible_departments = visible.visible_departments;
  filter.visible_under = visible.visible_under;
  JsonOut out;
  out.begin_object().key("plans").begin_array();
  for (const auto& p : ctx.bench.store().plans().plans(filter)) write_plan_record(out, p);
  out.end_array().end_object();
  send_json(res, 200, out.take());
}

void get_plan(RouteContext& ctx, const Request& req, Response& res) {
  store::Id id = path_id(req);
  auto stored = ctx.bench.store().plans().plan(id);
  if (!stored) throw plan_not_found(id);
  JsonOut out;
  out.begin_object().key("plan");
  write_plan_record(out, stored->record);
  out.key("content").raw(stored->content);
  out.end_object();
  send_json(res, 200, out.take());
}

// The media type of each format a plan is written in (io::write_plan).
const char* plan_media_type(std::string_view format) {
  if (format == "json") return "application/json; charset=utf-8";
  if (format == "csv") return "text/csv; charset=utf-8";
  if (format == "xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  if (format == "html") return "text/html; charset=utf-8";
  return "application/pdf";
}

// GET /api/plans/{id}/export?format=…: the plan alone in any format a plan is written in, as
// the form export: converted in memory, kept in the export cache (a stored plan never changes),
// an audit entry naming the plan and the form it is linked to, the file named in ASCII and in
// Chinese; a PDF over the writer's page or time budget is 422 not_writable like a form's.
void export_plan(RouteContext& ctx, const Request& req, Response& res) {
  std::string format = text_param(req, "format").value_or("json");
  store::Id id = path_id(req);
  auto stored = ctx.bench.store().plans().plan(id);
  if (!stored) throw plan_not_found(id);
  static constexpr std::string_view kWritable[] = {"json", "csv", "xlsx", "html", "pdf"};
  if (std::find(std::begin(kWritable), std::end(kWritable), format) == std::end(kWritable)) {
    JsonOut details;
    details.begin_object().key("writable").begin_array();
    for (auto name : kWritable) details.string(name);
    details.end_array().end_object();
    throw ApiError(
        400, "unknown_format",
        diag::make(DiagId::err_unknown_format, "", {format, std::string(io::kWritablePlanFormats)}),
        details.take());
  }
  bool cached = false;
  auto bytes = cached_export(
      {id, 0, format, "", "", "", "plan"},
      [&] {
        auto read = io::json::read_plan_json(stored->content, "plan.json");
        if (!read.plan) throw std::runtime_error("export_plan: a stored plan does not read back");
        return *io::write_plan(*read.plan, format);
      },
      cached);
  res.set_header("X-Ziping-Cache", cached ? "hit" : "miss");
  const store::PlanRecord& r = stored->record;
  ctx.bench.store().audit_trail().append({actor_of(req), "plan.export", r.form_id, std::nullopt,
                                          "plan " + std::to_string(r.id) + " (" +
                                              std::string(model::plan_kind_name(r.kind)) + ") " +
                                              format});
  std::string readable = r.department;
  if (r.year) readable += "-" + std::to_string(*r.year);
  if (!r.project.empty()) readable += "-" + r.project;
  readable += r.kind == model::PlanKind::Monitoring ? "-绩效运行监控表" : "-绩效目标申报表";
  std::string extension = "." + format;
  res.set_header(
      "Content-Disposition",
      attachment_disposition("plan-" + std::to_string(r.id) + extension, readable + extension));
  res.set_content(*bytes, plan_media_type(format));
  res.status = 200;
}

void answer_record(RouteContext& ctx, store::Id id, Response& res) {
  auto record = ctx.bench.store().plans().record(id);
  if (!record) throw plan_not_found(id);
  JsonOut out;
  out.begin_object().key("plan");
  write_plan_record(out, *record);
  out.end_object();
  send_json(res, 200, out.take());
}

// {"form_id": N}: linked by hand to form N; {"form_id": null}: back to automatic linking.
void link_plan(RouteContext& ctx, const Request& req, Response& res) {
  store::Id id = path_id(req);
  JsonValue body = parse_object_body(req.body);
  auto form_id = integer_member(body, "form_id");
  auto& shelf = ctx.bench.store().plans();
  if (form_id) {
    auto form = linkable_form(ctx, req, *form_id);
    auto plan = shelf.record(id);
    if (!plan) throw plan_not_found(id);
    if (plan->scope != form.kind) {
      std::string kind(plan->kind == model::PlanKind::Monitoring ? "监控表" : "申报表");
      throw ApiError(
          409, "scope_mismatch",
          diag::make(
              DiagId::err_plan_link_form, "",
              {kind, std::to_string(id), std::to_string(*form_id),
               diag::bilingual(plan->scope == model::FormKind::Project
                                   ? "项目支出的表不能关联到部门整体自评表"
                                   : "部门整体的表不能关联到项目自评表",
                               "a plan's scope (project or department) must be the form's")}));
    }
    if (!shelf.set_link(id, store::PlanLink::Manual, *form_id, actor_of(req)))
      throw form_not_found(*form_id);
  } else if (!shelf.set_link(id, store::PlanLink::Auto, std::nullopt, actor_of(req))) {
    throw plan_not_found(id);
  }
  answer_record(ctx, id, res);
}

void unlink_plan(RouteContext& ctx, const Request& req, Response& res) {
  store::Id id = path_id(req);
  if (!ctx.bench.store().plans().set_link(id, store::PlanLink::None, std::nullopt, actor_of(req)))
    throw plan_not_found(id);
  answer_record(ctx, id, res);
}

void write_side(JsonOut& out, const std::optional<store::PlanRecord>& record,
                const std::optional<model::Plan>& plan) {
  if (!record || !plan) {
    out.null();
    return;
  }
  out.begin_object().key("plan");
  write_plan_record(out, *record);
  out.key("content").raw(io::json::write_plan_json(*plan));
  out.end_object();
}

void optional_path(JsonOut& out, const char* key, const std::optional<std::string>& path) {
  out.key(key);
  if (path)
    out.string(*path);
  else
    out.null();
}

void form_chain(RouteContext& ctx, const Request& req, Response& res) {
  Workbench& bench = ctx.bench;
  store::StoredForm stored = bench.stored(path_id(req), std::nullopt);
  std::vector<store::FormRecord> one{stored.record};
  auto candidates = chain_candidates(bench.store(), one);
  CheckedChain checked = check_stored_chain(bench, stored, choose_plans(stored.record, candidates));
  const model::Plan* decl = checked.declaration ? &*checked.declaration : nullptr;
  const model::Plan* mon = checked.monitoring ? &*checked.monitoring : nullptr;
  JsonOut out;
  out.begin_object().key("form");
  write_record(out, stored.record);
  out.key("content").raw(io::json::write_form_json(stored.form));
  out.key("declaration");
  write_side(out, checked.slots.declaration, checked.declaration);
  out.key("monitoring");
  write_side(out, checked.slots.monitoring, checked.monitoring);
  out.key("others").begin_array();
  for (const auto& p : checked.slots.others) write_plan_record(out, p);
  out.end_array();
  out.key("rows").begin_array();
  if (decl || mon) {
    for (const auto& row : chain::align(decl, mon, stored.form)) {
      out.begin_object();
      optional_path(out, "declaration", row.declaration);
      optional_path(out, "monitoring", row.monitoring);
      optional_path(out, "self", row.self);
      out.key("proposal");
      if (row.proposal_side) {
        out.begin_object();
        out.key("form").string(chain::side_name(*row.proposal_side));
        out.key("path").string(row.proposal_path);
        out.key("similarity").decimal(row.similarity);
        out.end_object();
      } else {
        out.null();
      }
      out.end_object();
    }
  }
  out.end_array();
  out.key("diagnostics");
  diag::write_json(out, checked.diagnostics);
  auto counts = check::count(checked.diagnostics);
  out.key("summary").begin_object();
  out.key("errors").integer(counts.errors);
  out.key("warnings").integer(counts.warnings);
  out.key("notes").integer(counts.notes);
  out.end_object();
  // Whether the caller may link, unlink and import plans for this form: the gate's own rule
  // (plan_link on the form's unit, the rule the link routes apply), so the chain view offers
  // those buttons only to whom the server then lets in.
  out.key("may_link")
      .boolean(
          access::decide(E::plan_link, req.caller.principal, ctx.gate.target_of_form(stored.record))
              .allowed);
  out.end_object();
  send_json(res, 200, out.take());
}

} // namespace

void add_plan_routes(Router& router, RouteContext& ctx) {
  auto bind = [&ctx](void (*route)(RouteContext&, const Request&, Response&)) {
    return [&ctx, route](const Request& req, Response& res) { route(ctx, req, res); };
  };
  router.add(E::plans_list, bind(list_plans));
  router.add(E::plans_import, bind(import_plan));
  router.add(E::plan_get, bind(get_plan));
  router.add(E::plan_export, bind(export_plan));
  router.add(E::plan_link, bind(link_plan));
  router.add(E::plan_unlink, bind(unlink_plan));
  router.add(E::form_chain, bind(form_chain));
}

} // namespace ziping::server
