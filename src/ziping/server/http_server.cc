#include "ziping/server/http_server.h"

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "ziping/server/api_error.h"
#include "ziping/server/routes.h"

namespace ziping::server {
namespace {

using diag::DiagId;

// Errors the library answers by itself (no route, body too large, a malformed request) get
// the same JSON shape as ours.
ApiError library_error(const httplib::Request& req, int status, std::size_t max_body) {
  switch (status) {
  case 404:
    return ApiError(404, "no_such_endpoint",
                    diag::make(DiagId::err_no_such_endpoint, "", {req.method, req.path}));
  case 413:
    // The library caps form-encoded bodies at 8192 bytes whatever the limit (curl --data sends
    // them so by default): say so instead of naming the wrong limit.
    if (req.get_header_value("Content-Type").starts_with("application/x-www-form-urlencoded"))
      return ApiError(413, "payload_too_large",
                      diag::make(DiagId::err_urlencoded_body, "", {"8192"}));
    return ApiError(413, "payload_too_large",
                    diag::make(DiagId::err_payload_too_large, "", {std::to_string(max_body)}));
  default:
    return ApiError(status, "bad_request",
                    diag::make(DiagId::err_bad_request, "", {std::to_string(status)}));
  }
}

ApiError from_exception(std::exception_ptr ep) {
  try {
    std::rethrow_exception(ep);
  } catch (const ApiError& error) {
    return error;
  } catch (const store::StoreError& error) {
    std::fprintf(stderr, "ziping serve: %s\n", error.what());
    return ApiError(503, "store_unavailable", error.diagnostic());
  } catch (const std::exception& error) {
    std::fprintf(stderr, "ziping serve: internal error: %s\n", error.what());
    return ApiError(500, "internal", diag::make(DiagId::err_internal, "", {error.what()}));
  } catch (...) {
    return ApiError(500, "internal", diag::make(DiagId::err_internal, "", {"unknown exception"}));
  }
}

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

} // namespace

void send_json(httplib::Response& res, int status, std::string body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(std::move(body), kJson);
}

std::optional<std::string> text_param(const httplib::Request& req, const std::string& name) {
  if (!req.has_param(name)) return std::nullopt;
  return req.get_param_value(name);
}

std::optional<long long> integer_param(const httplib::Request& req, const std::string& name,
                                       long long min, long long max) {
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

std::optional<store::Status> status_param(const httplib::Request& req) {
  auto text = text_param(req, "status");
  if (!text) return std::nullopt;
  auto status = store::parse_status(*text);
  if (!status)
    throw bad_parameter("status", *text, store::status_names() + " 之一",
                        "one of " + store::status_names());
  return status;
}

store::Id path_id(const httplib::Request& req, std::size_t index) {
  std::string text = req.matches[index].str();
  store::Id id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size()) return -1; // found by nobody
  return id;
}

struct HttpServer::Impl {
  Workbench& workbench;
  ServerOptions options;
  httplib::Server server;
  std::string index_html; // the UI's index.html, or the placeholder page
  socket_t listen_socket = -1;

  Impl(Workbench& w, ServerOptions o) : workbench(w), options(std::move(o)) { configure(); }

  void configure() {
    int threads = std::max(options.threads, 2);
    server.new_task_queue = [threads] { return new httplib::ThreadPool(std::size_t(threads)); };
    server.set_tcp_nodelay(true);
    // The library's default also sets SO_REUSEPORT, which lets a second server bind a port that
    // is in use and silently share it. Only SO_REUSEADDR (restart without waiting for
    // TIME_WAIT): a busy port must be an error.
    server.set_socket_options([this](socket_t socket) {
      int yes = 1;
      setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
      listen_socket = socket; // the last one offered is the one that gets bound
    });
    server.set_keep_alive_max_count(1000);
    server.set_keep_alive_timeout(options.keep_alive_seconds);
    server.set_read_timeout(options.read_timeout_seconds, 0);
    server.set_write_timeout(options.write_timeout_seconds, 0);
    server.set_payload_max_length(options.max_body);
    server.set_file_extension_and_mimetype_mapping("html", "text/html; charset=utf-8");
    server.set_file_extension_and_mimetype_mapping("js", "text/javascript; charset=utf-8");
    server.set_file_extension_and_mimetype_mapping("css", "text/css; charset=utf-8");
    server.set_file_extension_and_mimetype_mapping("json", "application/json; charset=utf-8");

    std::size_t max_body = options.max_body;
    server.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
          ApiError error = from_exception(ep);
          send_json(res, error.status(), error.to_json());
        });
    httplib::Server::HandlerWithResponse on_error = [max_body](const httplib::Request& req,
                                                               httplib::Response& res) {
      if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
      ApiError error = library_error(req, res.status, max_body);
      send_json(res, error.status(), error.to_json());
      return httplib::Server::HandlerResponse::Handled;
    };
    server.set_error_handler(on_error);
    bool log = options.log_requests;
    server.set_logger([log](const httplib::Request& req, const httplib::Response& res) {
      if (log || res.status >= 500)
        std::fprintf(stderr, "%s %s %d %zu\n", req.method.c_str(), req.path.c_str(), res.status,
                     res.body.size());
    });

    add_form_routes(server, workbench);
    add_transfer_routes(server, workbench);
    add_catalog_routes(server, workbench);
    serve_static();
  }

  // The built UI when there is one (its own files first, then index.html for any other path
  // outside /api/ so that client-side routes load the app); else the placeholder page.
  void serve_static() {
    std::error_code error;
    std::filesystem::path dir = options.static_dir;
    std::optional<std::string> index;
    if (!dir.empty() && std::filesystem::is_directory(dir, error)) {
      index = read_file(dir / "index.html");
      if (index) server.set_mount_point("/", dir.string());
    }
    if (!index) options.static_dir.clear();
    index_html = index ? *index : placeholder_page();
    // index.html is read again on every request: a UI rebuilt while the server runs (`make`
    // beside `make run`) names new hashed asset files, and a cached copy would point at
    // deleted ones. It is a few hundred bytes; the cached copy covers a build in progress.
    server.Get(R"(/(?!api(/|$)).*)", [this](const httplib::Request&, httplib::Response& res) {
      std::optional<std::string> fresh;
      if (!options.static_dir.empty())
        fresh = read_file(std::filesystem::path(options.static_dir) / "index.html");
      res.set_content(fresh ? *fresh : index_html, "text/html; charset=utf-8");
    });
  }
};

HttpServer::HttpServer(Workbench& workbench, ServerOptions options)
    : impl_(std::make_unique<Impl>(workbench, std::move(options))) {}

HttpServer::~HttpServer() = default;

int HttpServer::bind() {
  auto& o = impl_->options;
  bool bound = false;
  if (o.port == 0) {
    o.port = impl_->server.bind_to_any_port(o.host);
    bound = o.port > 0;
  } else {
    bound = impl_->server.bind_to_port(o.host, o.port);
  }
  if (!bound) return -1;
  // The library listens with a backlog of 5: a burst of new connections (50 clients starting
  // at once) overflows it, and with SYN cookies the overflowing clients see their first
  // request reset. Listening again on the bound socket raises the backlog (Linux).
  if (impl_->listen_socket >= 0) ::listen(impl_->listen_socket, SOMAXCONN);
  return o.port;
}

bool HttpServer::run() {
  return impl_->server.listen_after_bind();
}

void HttpServer::stop() {
  impl_->server.stop();
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
