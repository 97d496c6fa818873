// server/http_types.h — the project's own HTTP request, response and router. No route sees the
// HTTP library (server/transport.cc is the one file that does): a later authorization table
// (endpoint × role) belongs to the Router, and a change of transport touches no route.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ziping::server {

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

// Method + path pattern (an ECMAScript regex matched against the whole path) → handler.
class Router {
public:
  void add(std::string method, const std::string& pattern, Handler handler);
  void Get(const std::string& pattern, Handler handler) { add("GET", pattern, std::move(handler)); }
  void Post(const std::string& pattern, Handler handler) {
    add("POST", pattern, std::move(handler));
  }
  void Put(const std::string& pattern, Handler handler) { add("PUT", pattern, std::move(handler)); }

  // The handler for the request, with request.matches filled; nullptr when none matches.
  const Handler* route(Request& request) const;

private:
  struct Entry {
    std::string method;
    std::regex pattern;
    Handler handler;
  };
  std::vector<Entry> entries_;
};

// "a%20b+c" → "a b c" (in a query) or "a b+c" (in a path); nullopt when an escape is broken.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);
// "a=1&b=%E4%B8%AD" → {a: 1, b: 中}; nullopt when an escape is broken.
std::optional<std::multimap<std::string, std::string>> parse_query(std::string_view query);
// Fills request.path and request.params from request.target; false (the transport answers
// 400) when the target is not a path ("http://…"), an escape is broken or the path holds NUL.
bool parse_target(Request& request);

} // namespace ziping::server
