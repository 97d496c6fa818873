// Forms in and out without a stored form: the live check of an unsaved draft, import by upload
// in any format a registered reader handles, and the list of formats. All in memory.
#include "ziping/io/json/form_writer.h"
#include "ziping/rules/load.h"
#include "ziping/server/api_error.h"
#include "ziping/server/render.h"
#include "ziping/server/routes.h"
#include "ziping/server/upload.h"

namespace ziping::server {
namespace {

using diag::DiagId;

// The draft check the UI calls on every edit: body = canonical form JSON, answer = the score
// JSON (scores, derivations, every diagnostic with its path).
void check_draft(RouteContext& ctx, const Request& req, Response& res) {
  Workbench& bench = ctx.bench;
  const auto& rules = bench.rule_set(text_param(req, "rules").value_or(rules::kDefaultRuleSet));
  rules::Mode mode = Workbench::parse_mode(text_param(req, "mode").value_or("review"));
  check::Run run = check::run(Workbench::read_json(req.body, "draft"), rules, mode);
  send_json(res, 200, Workbench::score_json(run));
}

// A query parameter, or else a plain (non-file) field of a multipart upload.
std::optional<std::string> field(const Request& req, const std::string& name) {
  if (auto value = text_param(req, name)) return value;
  auto found = req.files.find(name);
  if (found != req.files.end() && found->second.filename.empty()) return found->second.content;
  return std::nullopt;
}

const io::Format& upload_format(const std::optional<std::string>& name, const std::string& file) {
  const io::Format* format = name ? io::find_format(*name) : io::format_for_path(file);
  if (format && format->read) return *format;
  JsonOut details;
  details.begin_object().key("readable").begin_array();
  for (const auto& f : io::formats())
    if (f.read) details.string(f.name);
  details.end_array().end_object();
  throw ApiError(415, "unknown_format",
                 diag::make(DiagId::err_unknown_format, "",
                            {name ? *name : file, io::readable_format_names()}),
                 details.take());
}

void import_form(RouteContext& ctx, const Request& req, Response& res) {
  Workbench& bench = ctx.bench;
  auto [file_name, bytes] = upload_of(req, "upload");
  const io::Format& format = upload_format(field(req, "format"), file_name);
  io::ReadOptions options{file_name, std::nullopt};
  if (auto kind = field(req, "kind")) {
    options.kind = store::parse_kind(*kind);
    if (!options.kind)
      throw bad_parameter("kind", *kind, "department 或 project", "department or project");
  }
  FilingOptions filing;
  filing.rules = field(req, "rules").value_or(rules::kDefaultRuleSet);
  filing.mode = field(req, "mode").value_or("review");
  const auto& rules = bench.filing_rules(filing);
  rules::Mode mode = Workbench::filing_mode(filing);
  // Scored once: the answer's score and the stored summary are the same evaluation.
  check::Run run = check::run(Workbench::read(bytes, format, options), rules, mode);

  std::string save = field(req, "save").value_or("false");
  if (save != "true" && save != "false" && save != "1" && save != "0")
    throw bad_parameter("save", save, "true 或 false", "true or false");
  std::optional<store::StoredForm> saved;
  if (save == "true" || save == "1") {
    filing.author = field(req, "author").value_or("未署名");
    if (req.caller.user) {
      filing.author = req.caller.author();
      filing.author_id = req.caller.user->id;
    }
    Workbench::check_storable(run.form);
    ctx.gate.require(access::EndpointId::import_save, req.caller,
                     ctx.gate.target_of_department(run.form.department));
    filing.comment = field(req, "comment").value_or("导入 " + file_name);
    if (auto status = field(req, "status")) {
      filing.status = store::parse_status(*status);
      if (!filing.status)
        throw bad_parameter("status", *status, store::status_names() + " 之一",
                            "one of " + store::status_names());
      if (*filing.status != store::Status::Draft) // states change through transitions
        throw ApiError(400, "invalid_field", diag::make(DiagId::err_status_via_transitions, ""));
    }
    saved = bench.create(run, filing);
  }
  JsonOut out;
  out.begin_object();
  out.key("format").string(format.name);
  out.key("file_name").string(file_name);
  out.key("content").raw(io::json::write_form_json(run.form));
  out.key("score").raw(Workbench::score_json(run));
  out.key("saved");
  if (saved)
    write_form_document(out, *saved);
  else
    out.null();
  out.end_object();
  if (saved) res.set_header("Location", "/api/forms/" + std::to_string(saved->record.id));
  send_json(res, saved ? 201 : 200, out.take());
}

void formats(RouteContext&, const Request&, Response& res) {
  JsonOut out;
  out.begin_object().key("formats").begin_array();
  for (const auto& f : io::formats()) {
    out.begin_object();
    out.key("name").string(f.name);
    out.key("extensions").begin_array();
    for (auto e : f.extensions) out.string(e);
    out.end_array();
    out.key("description").string(f.description);
    out.key("read").boolean(f.read != nullptr);
    out.key("write").boolean(f.write != nullptr);
    out.key("lossless").boolean(f.lossless);
    out.key("media_type").string(media_type(f));
    out.end_object();
  }
  out.end_array().end_object();
  send_json(res, 200, out.take());
}

} // namespace

void add_transfer_routes(Router& router, RouteContext& ctx) {
  using E = access::EndpointId;
  auto bind = [&ctx](void (*route)(RouteContext&, const Request&, Response&)) {
    return [&ctx, route](const Request& req, Response& res) { route(ctx, req, res); };
  };
  router.add(E::check, bind(check_draft));
  router.add(E::import_read, bind(import_form));
  router.add(E::formats, bind(formats));
}

} // namespace ziping::server
