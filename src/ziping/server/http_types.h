// server/http_types.h — the project's own HTTP request, response and router. No route sees the
// HTTP library (server/transport.cc is the one file that does). A route is registered under
// its row of the authorization table (access/endpoints.def): the row gives the method and the
// path, so no route exists without a row, and the server authorizes every request from the
// row before the handler runs (server/gate.h).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ziping/access/policy.h"
#include "ziping/store/directory.h"

namespace ziping::server {

// Who a request is made by, resolved once before routing (server/gate.h).
struct Caller {
  enum class Via { None, Session, Token };
  Via via = Via::None;
  access::Principal principal;     // Public when nobody
  std::optional<store::User> user; // the account, when there is one
  std::string session_token;       // Via::Session: the cookie's value
  std::string session_expires_at;

  // Who the store and the audit trail name: the login, or "public".
  store::Actor actor() const;
  std::string author() const; // the user's name (or login) for a revision's author
};

// One part of a multipart/form-data body (server/multipart.h).
struct MultipartItem {
  std::string name;
  std::string content;
  std::string filename; // empty for a plain field
  std::string content_type;
};

struct Request {
  std::string method; // "GET", "POST", …
  std::string target; // as sent: path and query
  std::string path;   // percent-decoded, without the query
  // Header names lower-cased, in the order received.
  std::vector<std::pair<std::string, std::string>> headers;
  std::multimap<std::string, std::string> params; // the query, percent-decoded
  std::string body;
  // Filled by the router: [0] the whole path, [1…] the pattern's captures.
  std::vector<std::string> matches;
  // Filled before routing when the body is multipart/form-data.
  std::multimap<std::string, MultipartItem> files;
  std::string remote_address; // the peer's IP address, as the transport saw it
  Caller caller;              // filled before routing
  // The row the router matched (set with matches).
  std::optional<access::EndpointId> endpoint;

  // The first header of that name (case-insensitive), or "".
  std::string get_header_value(std::string_view name) const;
  bool has_param(const std::string& name) const { return params.count(name) > 0; }
  std::string get_param_value(const std::string& name) const;
  bool is_multipart_form_data() const;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string content_type;

  void set_header(std::string name, std::string value);
  void set_content(std::string content, std::string type);
};

using Handler = std::function<void(const Request&, Response&)>;

// Endpoint (its row's method and path: "{id}" matches digits, "{name}" a rule-set name) →
// handler. A row with a variant ("save=true") shares its route with the row without one; the
// handler authorizes the variant itself (Gate::require).
class Router {
public:
  void add(access::EndpointId endpoint, Handler handler);

  // The handler for the request, with request.matches and request.endpoint filled; nullptr
  // when none matches.
  const Handler* route(Request& request) const;
  // Every endpoint registered (the authorization walk checks none is missing).
  std::vector<access::EndpointId> registered() const;

private:
  struct Entry {
    access::EndpointId endpoint;
    std::string method;
    std::regex pattern;
    Handler handler;
  };
  std::vector<Entry> entries_;
};

// "/api/forms/{id}" → "/api/forms/(\d+)", as the router matches it.
std::string path_pattern(std::string_view path);

// "a%20b+c" → "a b c" (in a query) or "a b+c" (in a path); nullopt when an escape is broken.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);
// "a=1&b=%E4%B8%AD" → {a: 1, b: 中}; nullopt when an escape is broken.
std::optional<std::multimap<std::string, std::string>> parse_query(std::string_view query);
// Fills request.path and request.params from request.target; false (the transport answers
// 400) when the target is not a path ("http://…"), an escape is broken or the path holds NUL.
bool parse_target(Request& request);

} // namespace ziping::server
