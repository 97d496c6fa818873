// server/http_server.h — `ziping serve`: the JSON API of docs/api.md (docs/openapi.yaml) over
// HTTP with cpp-httplib, plus the web UI's static files. The library stays behind this
// header: only server/*.cc include it.
//
// Binds 127.0.0.1 by default (accounts and roles come with the review-workflow issue). The
// limits are set on purpose, because the library's defaults are unsafe or slow: TCP_NODELAY
// on, a thread pool at least as large as the expected concurrent keep-alive clients, a body
// limit, read/write timeouts, idle keep-alive connections closed after a few seconds.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "ziping/server/workbench.h"

namespace ziping::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;        // 0: any free port (bind() says which)
  std::string static_dir; // the built web UI; empty or missing: a placeholder page
  int threads = 64;       // pool size: one thread per keep-alive connection while it lasts
  std::size_t max_body = 16u << 20; // bytes; larger requests get 413
  int read_timeout_seconds = 10;
  int write_timeout_seconds = 10;
  int keep_alive_seconds = 5;
  bool log_requests = false; // one stderr line per request (off: only server errors)
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

  const ServerOptions& options() const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The page served at / when no built UI is present: says, in Chinese and English, that the
// workbench UI is not built yet and where the API is.
std::string placeholder_page();

} // namespace ziping::server
