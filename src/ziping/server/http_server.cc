#include "ziping/server/http_server.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <malloc.h>

#include "ziping/crypto/crypto.h"
#include "ziping/io/registry.h"
#include "ziping/server/api_error.h"
#include "ziping/server/gate.h"
#include "ziping/server/multipart.h"
#include "ziping/server/routes.h"
#include "ziping/server/transport.h"
#include "ziping/store/directory.h"

namespace ziping::server {
namespace {

using diag::DiagId;

void send_error(Response& res, const ApiError& error) {
  // Headers a route set before failing go, except Retry-After (a 429 says when to come back).
  std::vector<std::pair<std::string, std::string>> kept;
  for (auto& header : res.headers)
    if (header.first == "Retry-After") kept.push_back(std::move(header));
  res.headers = std::move(kept);
  send_json(res, error.status(), error.to_json());
}

// The placeholder page's one inline <style>, allowed by its hash (CSP 'sha256-…'), so the CSP
// needs no 'unsafe-inline' for it either.
std::string inline_style_hash(const std::string& page) {
  std::size_t open = page.find("<style>"), close = page.find("</style>");
  if (open == std::string::npos || close == std::string::npos) return "";
  std::string hex = crypto::sha256_hex(page.substr(open + 7, close - open - 7));
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    bytes += char(std::stoi(hex.substr(i, 2), nullptr, 16));
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    unsigned v = (unsigned char)bytes[i] << 16 | (unsigned char)bytes[i + 1] << 8 |
                 (unsigned char)bytes[i + 2];
    for (int shift : {18, 12, 6, 0}) out += kAlphabet[(v >> shift) & 63];
  }
  if (i + 1 == bytes.size()) { // 32 bytes: 10 groups and 2 left over
    unsigned v = (unsigned char)bytes[i] << 16;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == bytes.size()) {
    unsigned v = (unsigned char)bytes[i] << 16 | (unsigned char)bytes[i + 1] << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

// What the transport refuses by itself (a malformed request, a body too large, too many
// headers, no worker free) gets the same JSON shape as the routes' errors.
ApiError transport_error(const Request& req, int status, std::size_t max_body) {
  switch (status) {
  case 413:
    // Form-encoded bodies are never parsed, so they are capped at 8192 bytes whatever the limit
    // (curl --data sends them so by default): say so instead of naming the wrong limit.
    if (req.get_header_value("content-type").starts_with("application/x-www-form-urlencoded"))
      return ApiError(413, "payload_too_large",
                      diag::make(DiagId::err_urlencoded_body, "", {"8192"}));
    return ApiError(413, "payload_too_large",
                    diag::make(DiagId::err_payload_too_large, "", {std::to_string(max_body)}));
  case 503:
    return ApiError(503, "busy", diag::make(DiagId::err_server_busy, ""));
  default:
    return ApiError(status, "bad_request",
                    diag::make(DiagId::err_bad_request, "", {std::to_string(status)}));
  }
}

// Nothing of the server's inside reaches the client: no file path, no socket, no SQL. The
// store's own message goes to the server's log only.
ApiError from_exception(std::exception_ptr ep) {
  try {
    std::rethrow_exception(ep);
  } catch (const ApiError& error) {
    return error;
  } catch (const io::WriteError& error) {
    // A writer over its cost budget (a PDF of more than 1,000 pages or 20 s, ZP0192/ZP0193) or
    // without what it needs on this machine (a Chinese font, ZP0190): nothing was written.
    return ApiError(422, "not_writable", error.diagnostic);
  } catch (const store::StoreError& error) {
    std::fprintf(stderr, "ziping serve: %s\n", error.what());
    return ApiError(503, "store_unavailable", diag::make(DiagId::err_store_unavailable, ""));
  } catch (const std::exception& error) {
    std::fprintf(stderr, "ziping serve: internal error: %s\n", error.what());
    return ApiError(500, "internal",
                    diag::make(DiagId::err_internal, "", {"见服务器日志 (see the server log)"}));
  } catch (...) {
    std::fprintf(stderr, "ziping serve: internal error: unknown exception\n");
    return ApiError(500, "internal",
                    diag::make(DiagId::err_internal, "", {"见服务器日志 (see the server log)"}));
  }
}

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

const char* media_type_of(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".map") return "application/json; charset=utf-8";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

bool is_api_path(const std::string& path) {
  return path == "/api" || path.starts_with("/api/");
}

} // namespace

void send_json(Response& res, int status, std::string body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(std::move(body), kJson);
}

std::optional<std::string> text_param(const Request& req, const std::string& name) {
  if (!req.has_param(name)) return std::nullopt;
  std::string value = req.get_param_value(name);
  if (value.find('\0') != std::string::npos) // never reaches a database, on either backend
    throw bad_parameter(name, "\\u0000", "不含 U+0000 的文字", "text without U+0000");
  return value;
}

std::optional<long long> integer_param(const Request& req, const std::string& name, long long min,
                                       long long max) {
  auto text = text_param(req, name);
  if (!text) return std::nullopt;
  long long value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || value < min || value > max)
    throw bad_parameter(name, *text,
                        "" + std::to_string(min) + " 到 " + std::to_string(max) + " 之间的整数",
                        "an integer from " + std::to_string(min) + " to " + std::to_string(max));
  return value;
}

std::optional<store::Status> status_param(const Request& req) {
  auto text = text_param(req, "status");
  if (!text) return std::nullopt;
  auto status = store::parse_status(*text);
  if (!status)
    throw bad_parameter("status", *text, store::status_names() + " 之一",
                        "one of " + store::status_names());
  return status;
}

store::Id path_id(const Request& req, std::size_t index) {
  const std::string& text = req.matches[index];
  store::Id id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size()) {
    // More digits than an id can have: no such resource, named as the client wrote it.
    if (req.path.starts_with("/api/departments/")) throw department_not_found(text);
    throw form_not_found(text);
  }
  return id;
}

struct HttpServer::Impl {
  Workbench& workbench;
  ServerOptions options;
  Gate gate;
  RouteContext context;
  Router router;
  std::string placeholder_csp;
  std::string index_html; // the UI's index.html, or the placeholder page
  std::unique_ptr<Transport> transport;

  Impl(Workbench& w, ServerOptions o)
      : workbench(w), options(std::move(o)),
        gate(w.store(), GateOptions{options.public_origins, options.login_failures_per_address}),
        context{w, gate, options.deadlines} {
    configure();
#ifdef ZIPING_BENCH_OPEN_GATE
    open_as(std::getenv("ZIPING_OPEN_GATE_LOGIN"));
#endif
  }

#ifdef ZIPING_BENCH_OPEN_GATE
  // Only in bench/open_gate_serve.cc's program, never in ziping-full: every request is taken
  // as one fixed account with none of the gate's work (Host/Origin, the token or session
  // lookup, CSRF, the table), and the route then runs exactly as in `ziping serve`: the same
  // facts, the same audit entry written as that account. scripts/wrk_auth.sh compares the two
  // to measure what the gate costs a request.
  Caller open_caller;
  void open_as(const char* login) {
    auto user = login ? workbench.store().directory().find_user(login) : std::nullopt;
    if (!user) throw std::runtime_error("ZIPING_OPEN_GATE_LOGIN names no account");
    open_caller.via = Caller::Via::Token;
    open_caller.principal = {user->role, user->org_id};
    open_caller.user = std::move(user);
  }
#endif

  void configure() {
    // Few arenas: each worker thread would otherwise get its own, and each keeps the peak of
    // the requests it served (issue 11: 4.2 GB after sequential uploads, 319 MB with one).
    mallopt(M_ARENA_MAX, 2);
    add_form_routes(router, context);
    add_transfer_routes(router, context);
    add_catalog_routes(router, context);
    add_session_routes(router, context);
    add_review_routes(router, context);
    add_progress_routes(router, context);
    add_admin_routes(router, context);
    placeholder_csp = content_security_policy(inline_style_hash(placeholder_page()));
    add_analysis_routes(router, context);
    add_plan_routes(router, context);
    std::error_code error;
    std::filesystem::path dir = options.static_dir;
    std::optional<std::string> index;
    if (!dir.empty() && std::filesystem::is_directory(dir, error))
      index = read_file(dir / "index.html");
    if (!index) options.static_dir.clear();
    index_html = index ? *index : placeholder_page();

    TransportLimits limits;
    limits.workers = std::max(options.threads, 1);
    limits.max_body = options.max_body;
    limits.max_header_bytes = options.max_header_bytes;
    limits.max_header_count = options.max_header_count;
    limits.header_timeout_seconds = options.header_timeout_seconds;
    limits.body_timeout_seconds = options.body_timeout_seconds;
    limits.write_timeout_seconds = options.write_timeout_seconds;
    limits.keep_alive_seconds = options.keep_alive_seconds;
    limits.max_connections = options.max_connections;
    limits.max_queue = options.max_queue;
    std::size_t max_body = options.max_body;
    bool log = options.log_requests;
    transport = std::make_unique<Transport>(
        limits,
        [this, log](Request& req) {
          Response res = handle(req);
          // glibc keeps freed memory in its arenas: after a large request (a 1 M-cell
          // spreadsheet costs ~280 MB while read) it is handed back, or RSS ratchets up to the
          // worst request seen per arena (4.2 GB measured). A few ms, after large requests only.
          if (req.body.size() + res.body.size() > (1u << 20)) {
            std::string().swap(req.body);
            req.files.clear();
            malloc_trim(0);
          }
          if (log || res.status >= 500)
            std::fprintf(stderr, "%s %s %d %zu\n", req.method.c_str(), req.path.c_str(), res.status,
                         res.body.size());
          return res;
        },
        [max_body, log](const Request& req, int status) {
          Response res;
          send_error(res, transport_error(req, status, max_body));
          add_security_headers(res);
          if (log)
            std::fprintf(stderr, "%s %s %d (refused)\n", req.method.c_str(), req.path.c_str(),
                         status);
          return res;
        });
  }

  Response handle(Request& req) {
    Response res;
    try {
#ifndef ZIPING_BENCH_OPEN_GATE
      gate.check_origin(req); // Host for every request, Origin and the rest for writes
#endif
      if (req.is_multipart_form_data()) {
        auto boundary = multipart_boundary(req.get_header_value("content-type"));
        auto parts = boundary ? parse_multipart(req.body, *boundary) : std::nullopt;
        if (!parts) throw ApiError(400, "bad_multipart", diag::make(DiagId::err_bad_multipart, ""));
        for (const auto& [name, part] : *parts)
          if (part.filename.empty() && part.content.find('\0') != std::string::npos)
            throw bad_parameter(name, "\\u0000", "不含 U+0000 的文字", "text without U+0000");
        req.files = std::move(*parts);
      }
      if (const Handler* handler = router.route(req)) {
#ifdef ZIPING_BENCH_OPEN_GATE
        req.caller = open_caller;
#else
        req.caller = gate.identify(req);
        gate.check_csrf(req);
        gate.authorize(req); // the endpoint's row: 401/403 before the route runs
#endif
        (*handler)(req, res);
      } else if ((req.method == "GET" || req.method == "HEAD") && !is_api_path(req.path)) {
        serve_static(req, res);
      } else {
        throw ApiError(404, "no_such_endpoint",
                       diag::make(DiagId::err_no_such_endpoint, "", {req.method, req.path}));
      }
    } catch (...) {
      send_error(res, from_exception(std::current_exception()));
    }
    if (req.method == "HEAD") res.body.clear();
    add_security_headers(res);
    if (res.content_type.starts_with("text/html"))
      res.set_header("Content-Security-Policy",
                     res.body == placeholder_page() ? placeholder_csp : content_security_policy());
    return res;
  }

  // The built UI's own files when there is one; index.html for any other path outside /api/,
  // so that client-side routes load the app; else the placeholder page. index.html is read
  // again on every request: a UI rebuilt while the server runs (`make` beside `make run`)
  // names new hashed asset files, and a cached copy would point at deleted ones.
  void serve_static(const Request& req, Response& res) {
    if (!options.static_dir.empty() && req.path != "/") {
      std::filesystem::path root = options.static_dir;
      std::filesystem::path relative = std::filesystem::path(req.path.substr(1)).lexically_normal();
      bool inside = !relative.empty() && relative.is_relative() && *relative.begin() != ".." &&
                    relative.string().find('\0') == std::string::npos;
      std::error_code error;
      if (inside && std::filesystem::is_regular_file(root / relative, error)) {
        if (auto bytes = read_file(root / relative)) {
          res.set_content(std::move(*bytes), media_type_of(relative));
          return;
        }
      }
    }
    std::optional<std::string> fresh;
    if (!options.static_dir.empty())
      fresh = read_file(std::filesystem::path(options.static_dir) / "index.html");
    res.set_content(fresh ? *fresh : index_html, "text/html; charset=utf-8");
  }
};

HttpServer::HttpServer(Workbench& workbench, ServerOptions options)
    : impl_(std::make_unique<Impl>(workbench, std::move(options))) {}

HttpServer::~HttpServer() = default;

Response HttpServer::answer(Request& request) {
  return impl_->handle(request);
}

int HttpServer::bind() {
  auto& o = impl_->options;
  int port = impl_->transport->bind(o.host, o.port);
  if (port > 0) {
    o.port = port;
    impl_->gate.listen_on(o.host, port);
  }
  return port;
}

bool HttpServer::run() {
  return impl_->transport->run();
}

void HttpServer::stop() {
  impl_->transport->stop();
}

const ServerOptions& HttpServer::options() const {
  return impl_->options;
}

std::string placeholder_page() {
  return R"HTML(<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ziping 自评工作台</title>
<style>
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; max-width: 44rem;
       margin: 3rem auto; padding: 0 1rem; line-height: 1.7; color: #222; }
code { background: #f3f3f3; padding: 0 .3em; }
.en { color: #666; }
</style>
</head>
<body>
<h1>ziping 自评工作台</h1>
<p>服务已启动，但网页界面尚未构建。界面构建完成后（<code>web/dist</code>），刷新本页即可使用。</p>
<p class="en">The server is running, but the web UI has not been built yet. Once it is built
(<code>web/dist</code>), reload this page.</p>
<p>现在可以使用 JSON 接口 (the JSON API works now)：</p>
<ul>
<li><a href="/api/health">/api/health</a> — 服务状态 (status)</li>
<li><a href="/api/forms">/api/forms</a> — 表单列表 (forms)</li>
<li><a href="/api/departments">/api/departments</a> — 部门 (departments)</li>
<li><a href="/api/rules">/api/rules</a> — 规则集 (rule sets)</li>
<li><a href="/api/formats">/api/formats</a> — 导入导出格式 (formats)</li>
</ul>
<p>接口说明见 <code>docs/api.md</code> 与 <code>docs/openapi.yaml</code>。
<span class="en">The API is described in docs/api.md and docs/openapi.yaml.</span></p>
</body>
</html>
)HTML";
}

} // namespace ziping::server
