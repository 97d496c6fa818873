// server/transport.h — HTTP/1.1 on Boost.Beast/Asio, behind our own Request/Response. Event
// driven: one I/O thread holds every connection, so a client that waits (or sends one byte a
// minute) costs a socket and a small buffer, never a thread. A complete, valid request goes to
// a small fixed pool of worker threads for the CPU work; the answer is written back by the I/O
// thread.
//
// What it refuses before any handler runs, and how (docs/api.md, "Limits"):
//   headers not complete within header_timeout → the connection is closed (408 if possible)
//   body not complete within body_timeout         → 408, closed
//   more than max_header_bytes or max_header_count → 431, closed
//   body larger than max_body, however it is sent (Content-Length or chunked): 413 as soon as
//   the limit is passed, nothing beyond it buffered; the connection is closed
//   two Content-Length headers, one that is not a number, Content-Length with
//   Transfer-Encoding, a Transfer-Encoding other than chunked, HTTP/1.1 without Host,
//   anything that is not HTTP/1.x → 400, closed
//   more than max_connections open → the new one is closed at once
//   more than max_queue requests waiting for a worker → 503
// This is the one file that includes Boost.Beast (28 s to compile; stack.md §1).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "ziping/server/http_types.h"

namespace ziping::server {

struct TransportLimits {
  int workers = 4;
  std::size_t max_body = 16u << 20;
  std::size_t max_header_bytes = 16u << 10;
  std::size_t max_header_count = 100;
  int header_timeout_seconds = 10;
  int body_timeout_seconds = 60;
  int write_timeout_seconds = 30;
  int keep_alive_seconds = 5;
  std::size_t max_connections = 4000;
  std::size_t max_queue = 256;
};

// What the transport answers by itself (bad request, too large, timeout, busy): the server
// renders those in the API's one error shape. `request` holds what was read (method, path,
// headers) or is empty.
using TransportError = std::function<Response(const Request& request, int status)>;
// The handler runs on a worker thread and must not throw.
using TransportHandler = std::function<Response(Request& request)>;

class Transport {
public:
  Transport(TransportLimits limits, TransportHandler handler, TransportError error);
  ~Transport();
  Transport(const Transport&) = delete;
  Transport& operator=(const Transport&) = delete;

  // Binds and listens; returns the port, or -1.
  int bind(const std::string& host, int port);
  // Serves until stop(); false when serving failed.
  bool run();
  void stop(); // from any thread

  struct Impl; // transport.cc's, public so that its connections can name it

private:
  std::unique_ptr<Impl> impl_;
};

} // namespace ziping::server
