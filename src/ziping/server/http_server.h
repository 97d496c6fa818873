// server/http_server.h — `ziping serve`: the JSON API of docs/api.md (docs/openapi.yaml) over
// HTTP, plus the web UI's static files. The routes see only server::Request/Response/Router
// (http_types.h); the HTTP library stays in transport.cc.
//
// Binds 127.0.0.1 by default. Every request passes the gate (server/gate.h: origin, who,
// CSRF, the authorization table) before its route runs. Every limit below is documented in
// docs/api.md ("Limits") with its flag.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ziping/server/http_types.h"
#include "ziping/server/workbench.h"

namespace ziping::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;        // 0: any free port (bind() says which)
  std::string static_dir; // the built web UI; empty or missing: a placeholder page
  int threads = 8;        // worker threads for the requests' work; waiting connections cost none
  std::size_t max_body = 16u << 20; // bytes, whatever the encoding; larger requests get 413
  std::size_t max_header_bytes = 16u << 10;
  std::size_t max_header_count = 100;
  int header_timeout_seconds = 10; // the whole header block, not each read
  int body_timeout_seconds = 60;   // the whole body
  int write_timeout_seconds = 30;
  int keep_alive_seconds = 5;
  std::size_t max_connections = 4000;
  std::size_t max_queue = 256; // requests waiting for a worker; beyond: 503
  bool log_requests = false;   // one stderr line per request (off: only server errors)
  // Behind a reverse proxy: the origins people use ("https://ziping.example.gov.cn"); an https
  // one marks the session cookie Secure (--public-origin).
  std::vector<std::string> public_origins;
  int login_failures_per_address = 20;  // per 10 minutes, then 429 (--login-failures)
  std::map<int, std::string> deadlines; // year → "YYYY-MM-DD" for the progress board (--deadline)
};

class HttpServer {
public:
  HttpServer(Workbench& workbench, ServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the socket; returns the port, or -1 when the address cannot be bound.
  int bind();
  // Serves until stop(); returns false when serving failed.
  bool run();
  // Safe from any thread; run() returns soon after.
  void stop();
  // One request as the transport hands it in (its target parsed by parse_target), answered
  // without a socket: the routes, the one error shape, the static files; none of HTTP's
  // framing, limits or deadlines. For the in-process fuzzer (tests/fuzz/fuzz_http.cc).
  Response answer(Request& request);

  const ServerOptions& options() const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The page served at / when no built UI is present: says, in Chinese and English, that the
// workbench UI is not built yet and where the API is.
std::string placeholder_page();

} // namespace ziping::server
