#include "ziping/server/http_types.h"

#include <algorithm>
#include <cctype>

namespace ziping::server {

namespace {
bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
} // namespace

std::string Request::get_header_value(std::string_view name) const {
  for (const auto& [key, value] : headers)
    if (iequals(key, name)) return value;
  return "";
}

std::string Request::get_param_value(const std::string& name) const {
  auto found = params.find(name);
  return found == params.end() ? "" : found->second;
}

bool Request::is_multipart_form_data() const {
  std::string type = get_header_value("content-type");
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  return type.starts_with("multipart/form-data");
}

void Response::set_header(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
}

void Response::set_content(std::string content, std::string type) {
  body = std::move(content);
  content_type = std::move(type);
}

store::Actor Caller::actor() const {
  if (user) return {user->id, user->login};
  return {std::nullopt, "public"};
}

std::string Caller::author() const {
  if (!user) return "";
  return user->name.empty() ? user->login : user->name;
}

std::string path_pattern(std::string_view path) {
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path.substr(i).starts_with("{id}")) {
      out += R"((\d+))";
      i += 3;
    } else if (path.substr(i).starts_with("{name}")) {
      out += "([A-Za-z0-9_.-]+)";
      i += 5;
    } else {
      if (std::string_view(".^$|()[]*+?\\").find(path[i]) != std::string_view::npos) out += '\\';
      out += path[i];
    }
  }
  return out;
}

void Router::add(access::EndpointId id, Handler handler) {
  const access::Endpoint& e = access::endpoint(id);
  entries_.push_back({id, std::string(access::method_name(e.method)),
                      std::regex(path_pattern(e.path)), std::move(handler)});
}

const Handler* Router::route(Request& request) const {
  for (const auto& entry : entries_) {
    if (entry.method != request.method) continue;
    std::smatch match;
    if (!std::regex_match(request.path, match, entry.pattern)) continue;
    request.matches.clear();
    for (const auto& group : match) request.matches.push_back(group.str());
    request.endpoint = entry.endpoint;
    return &entry.handler;
  }
  return nullptr;
}

std::vector<access::EndpointId> Router::registered() const {
  std::vector<access::EndpointId> out;
  for (const auto& entry : entries_) out.push_back(entry.endpoint);
  return out;
}

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      int high = hex_digit(text[i + 1]), low = hex_digit(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out += char(high * 16 + low);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::optional<std::multimap<std::string, std::string>> parse_query(std::string_view query) {
  std::multimap<std::string, std::string> params;
  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    std::size_t eq = pair.find('=');
    auto key = percent_decode(pair.substr(0, eq), true);
    auto value = percent_decode(eq == std::string_view::npos ? "" : pair.substr(eq + 1), true);
    if (!key || !value) return std::nullopt;
    params.emplace(std::move(*key), std::move(*value));
  }
  return params;
}

bool parse_target(Request& request) {
  std::string_view target = request.target;
  if (target.empty() || target.front() != '/') return false;
  std::size_t question = target.find('?');
  auto path = percent_decode(target.substr(0, question), false);
  if (!path || path->find('\0') != std::string::npos) return false;
  request.path = std::move(*path);
  if (question != std::string_view::npos) {
    auto params = parse_query(target.substr(question + 1));
    if (!params) return false;
    request.params = std::move(*params);
  }
  return true;
}

} // namespace ziping::server
