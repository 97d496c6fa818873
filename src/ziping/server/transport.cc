#include "ziping/server/transport.h"

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdio>
#include <limits>
#include <optional>

namespace ziping::server {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using std::chrono::seconds;

constexpr std::size_t kUrlencodedLimit = 8192; // we never parse form-encoded bodies
constexpr std::size_t kDrainBytes = 4u << 20;  // read after a refusal so the client sees it
constexpr int kDrainSeconds = 1;

bool iequals(beast::string_view a, beast::string_view b) {
  return beast::iequals(a, b);
}

} // namespace

struct Transport::Impl {
  TransportLimits limits;
  TransportHandler handler;
  TransportError error;
  std::atomic<std::size_t> connections{0};
  std::atomic<std::size_t> queued{0};
  net::io_context io{1};
  net::thread_pool workers;
  tcp::acceptor acceptor{io};

  Impl(TransportLimits l, TransportHandler h, TransportError e)
      : limits(l), handler(std::move(h)), error(std::move(e)),
        workers(std::size_t(std::max(1, l.workers))) {}

  void accept();
};

namespace {

class Connection : public std::enable_shared_from_this<Connection> {
public:
  Connection(Transport::Impl& impl, tcp::socket socket) : impl_(impl), stream_(std::move(socket)) {
    ++impl_.connections;
  }
  ~Connection() { --impl_.connections; }

  void start() { read_header(); }

private:
  using Parser = http::request_parser<http::string_body>;

  void read_header() {
    parser_.emplace();
    parser_->header_limit(std::uint32_t(impl_.limits.max_header_bytes));
    // The body limit is set once the headers are known (it depends on them); until then none,
    // so that a Content-Length over it is answered 413 by us rather than failing the parse.
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    int deadline =
        first_ ? impl_.limits.header_timeout_seconds
               : std::min(impl_.limits.header_timeout_seconds, impl_.limits.keep_alive_seconds);
    first_ = false;
    stream_.expires_after(seconds(deadline));
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Connection::on_header, shared_from_this()));
  }

  void on_header(beast::error_code ec, std::size_t) {
    if (ec == http::error::end_of_stream || ec == net::error::eof || ec == beast::error::timeout ||
        ec == net::error::connection_reset || ec == net::error::operation_aborted)
      return close(); // idle keep-alive ends, or headers too slow: the socket is gone
    if (ec == http::error::header_limit || ec == http::error::buffer_overflow) return refuse(431);
    if (ec) return refuse(400);
    const auto& header = parser_->get();
    std::size_t count = 0, lengths = 0, encodings = 0, hosts = 0;
    for (const auto& field : header) {
      ++count;
      if (field.name() == http::field::content_length) ++lengths;
      if (field.name() == http::field::transfer_encoding) ++encodings;
      if (field.name() == http::field::host) ++hosts;
    }
    request_ = partial_request();
    if (count > impl_.limits.max_header_count) return refuse(431);
    if (header.version() != 11 && header.version() != 10) return refuse(400);
    if (lengths > 1 || encodings > 1 || (lengths && encodings) || hosts > 1) return refuse(400);
    if (header.version() == 11 && hosts == 0) return refuse(400);
    if (encodings && !iequals(header[http::field::transfer_encoding], "chunked"))
      return refuse(400);
    if (!request_ready_) return refuse(400); // a target that is not a path, or broken escapes

    std::size_t limit = impl_.limits.max_body;
    if (iequals(header[http::field::content_type].substr(0, 33),
                "application/x-www-form-urlencoded"))
      limit = std::min(limit, kUrlencodedLimit);
    auto length = parser_->content_length();
    if (length && *length > limit) return refuse(413);
    parser_->body_limit(limit);
    if (parser_->is_done()) return dispatch();
    if (iequals(header[http::field::expect], "100-continue")) {
      auto self = shared_from_this();
      auto message = std::make_shared<std::string>("HTTP/1.1 100 Continue\r\n\r\n");
      stream_.expires_after(seconds(impl_.limits.write_timeout_seconds));
      net::async_write(stream_, net::buffer(*message),
                       [self, message](beast::error_code write_error, std::size_t) {
                         if (write_error) return self->close();
                         self->read_body();
                       });
      return;
    }
    read_body();
  }

  void read_body() {
    stream_.expires_after(seconds(impl_.limits.body_timeout_seconds));
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Connection::on_body, shared_from_this()));
  }

  void on_body(beast::error_code ec, std::size_t) {
    if (ec == http::error::body_limit) return refuse(413);
    if (ec == beast::error::timeout) return close(); // the stream closed the socket
    if (ec == net::error::eof || ec == http::error::end_of_stream ||
        ec == net::error::connection_reset || ec == http::error::partial_message)
      return close();
    if (ec) return refuse(400);
    dispatch();
  }

  // Method, target, path, query and headers of what was read (no body yet).
  Request partial_request() {
    Request request;
    const auto& header = parser_->get();
    request.method = std::string(header.method_string());
    request.target = std::string(header.target());
    for (const auto& field : header) {
      std::string name(field.name_string());
      for (auto& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
      request.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    beast::error_code peer_error;
    auto peer = stream_.socket().remote_endpoint(peer_error);
    if (!peer_error) request.remote_address = peer.address().to_string();
    request_ready_ = parse_target(request);
    return request;
  }

  void dispatch() {
    keep_alive_ = parser_->get().keep_alive();
    request_.body = std::move(parser_->get().body());
    version_ = parser_->get().version();
    parser_.reset();
    if (impl_.queued.load() >= impl_.limits.max_queue) return answer(impl_.error(request_, 503));
    ++impl_.queued;
    auto self = shared_from_this();
    net::post(impl_.workers, [self] {
      Response response = self->impl_.handler(self->request_);
      --self->impl_.queued;
      net::post(self->stream_.get_executor(), [self, response = std::move(response)]() mutable {
        self->answer(std::move(response));
      });
    });
  }

  // Refused before any handler ran: the error answer, then the connection ends (the rest of a
  // refused body is never read, so the connection cannot be reused).
  void refuse(int status) {
    keep_alive_ = false;
    drain_ = true;
    version_ = 11;
    answer(impl_.error(request_, status));
  }

  void answer(Response response) {
    auto message = std::make_shared<http::response<http::string_body>>();
    message->version(version_ == 10 ? 10 : 11);
    message->result(unsigned(response.status));
    message->set(http::field::server, "ziping");
    if (!response.content_type.empty())
      message->set(http::field::content_type, response.content_type);
    for (auto& [name, value] : response.headers) message->insert(name, value);
    message->body() = std::move(response.body);
    message->keep_alive(keep_alive_);
    message->prepare_payload();
    stream_.expires_after(seconds(impl_.limits.write_timeout_seconds));
    auto self = shared_from_this();
    http::async_write(stream_, *message, [self, message](beast::error_code ec, std::size_t) {
      if (ec) return self->close();
      if (self->drain_) return self->drain();
      if (!self->keep_alive_) return self->close();
      self->request_ = Request();
      self->read_header();
    });
  }

  // After a refusal: stop sending, read (and drop) what the client still sends for a moment,
  // so that closing does not reset the connection before the client has read the answer.
  void drain() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(seconds(kDrainSeconds));
    drain_buffer_.resize(64u << 10);
    drain_more();
  }
  void drain_more() {
    auto self = shared_from_this();
    stream_.async_read_some(net::buffer(drain_buffer_),
                            [self](beast::error_code ec, std::size_t n) {
                              self->drained_ += n;
                              if (ec || self->drained_ > kDrainBytes) return self->close();
                              self->drain_more();
                            });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
  }

  Transport::Impl& impl_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_{64u << 10};
  std::optional<Parser> parser_;
  Request request_;
  bool request_ready_ = false;
  bool first_ = true;
  bool keep_alive_ = true;
  bool drain_ = false;
  unsigned version_ = 11;
  std::vector<char> drain_buffer_;
  std::size_t drained_ = 0;
};

} // namespace

void Transport::Impl::accept() {
  acceptor.async_accept(io, [this](beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted) return;
    if (!ec) {
      if (connections.load() >= limits.max_connections) {
        beast::error_code ignored;
        socket.close(ignored);
      } else {
        socket.set_option(tcp::no_delay(true), ec);
        std::make_shared<Connection>(*this, std::move(socket))->start();
      }
    }
    accept();
  });
}

Transport::Transport(TransportLimits limits, TransportHandler handler, TransportError error)
    : impl_(std::make_unique<Impl>(limits, std::move(handler), std::move(error))) {}

Transport::~Transport() {
  impl_->workers.join();
}

int Transport::bind(const std::string& host, int port) {
  beast::error_code ec;
  auto address = net::ip::make_address(host, ec);
  if (ec) return -1;
  tcp::endpoint endpoint(address, std::uint16_t(port));
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (ec) return -1;
  // SO_REUSEADDR only (restart without waiting for TIME_WAIT); never SO_REUSEPORT, which would
  // let a second server share a busy port silently.
  acceptor.set_option(net::socket_base::reuse_address(true), ec);
  acceptor.bind(endpoint, ec);
  if (ec) return -1;
  acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return -1;
  return acceptor.local_endpoint().port();
}

bool Transport::run() {
  impl_->accept();
  impl_->io.run();
  return true;
}

void Transport::stop() {
  net::post(impl_->io, [impl = impl_.get()] {
    beast::error_code ignored;
    impl->acceptor.close(ignored);
    impl->io.stop();
  });
}

} // namespace ziping::server
