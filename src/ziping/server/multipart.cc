#include "ziping/server/multipart.h"

#include <algorithm>
#include <cctype>

namespace ziping::server {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// A parameter of a header value (`name="file"` in `form-data; name="file"`), unquoted, with
// backslash escapes resolved; nullopt when absent or broken.
std::optional<std::string> header_parameter(std::string_view value, std::string_view name) {
  std::size_t at = value.find(';');
  while (at != std::string_view::npos) {
    std::string_view rest = trim(value.substr(at + 1));
    std::size_t eq = rest.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    std::string key = lower(trim(rest.substr(0, eq)));
    std::string_view after = trim(rest.substr(eq + 1));
    std::string parsed;
    std::size_t consumed = 0;
    if (!after.empty() && after.front() == '"') {
      std::size_t i = 1;
      bool closed = false;
      for (; i < after.size(); ++i) {
        if (after[i] == '\\' && i + 1 < after.size()) {
          parsed += after[++i];
        } else if (after[i] == '"') {
          closed = true;
          ++i;
          break;
        } else {
          parsed += after[i];
        }
      }
      if (!closed) return std::nullopt;
      consumed = i;
    } else {
      consumed = std::min(after.find(';'), after.size());
      parsed = std::string(trim(after.substr(0, consumed)));
    }
    if (key == name) return parsed;
    std::size_t next = after.substr(consumed).find(';');
    if (next == std::string_view::npos) return std::nullopt;
    // Position of the next ';' within `value`.
    at = std::size_t(after.data() - value.data()) + consumed + next;
  }
  return std::nullopt;
}

} // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  if (!lower(content_type).starts_with("multipart/form-data")) return std::nullopt;
  auto boundary = header_parameter(content_type, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > 70) return std::nullopt;
  return boundary;
}

std::optional<std::multimap<std::string, MultipartItem>>
parse_multipart(std::string_view body, std::string_view boundary) {
  std::string delimiter = "--" + std::string(boundary);
  std::multimap<std::string, MultipartItem> parts;
  // The first delimiter may open the body or follow a preamble after CRLF.
  std::size_t at;
  if (body.starts_with(delimiter)) {
    at = delimiter.size();
  } else {
    at = body.find("\r\n" + delimiter);
    if (at == std::string_view::npos) return std::nullopt;
    at += 2 + delimiter.size();
  }
  std::string separator = "\r\n" + delimiter;
  while (true) {
    std::string_view rest = body.substr(at);
    if (rest.starts_with("--")) return parts; // the closing delimiter; an epilogue is ignored
    // Transport padding, then CRLF.
    std::size_t eol = rest.find("\r\n");
    if (eol == std::string_view::npos || !trim(rest.substr(0, eol)).empty()) return std::nullopt;
    at += eol + 2;
    if (parts.size() == kMaxParts) return std::nullopt;
    std::size_t headers_end = body.find("\r\n\r\n", at);
    std::size_t content_start;
    std::string_view headers;
    if (body.substr(at).starts_with("\r\n")) { // a part with no headers
      headers = {};
      content_start = at + 2;
    } else {
      if (headers_end == std::string_view::npos || headers_end - at > kMaxPartHeaderBytes)
        return std::nullopt;
      headers = body.substr(at, headers_end - at);
      content_start = headers_end + 4;
    }
    MultipartItem item;
    bool disposition = false;
    while (!headers.empty()) {
      std::size_t line_end = headers.find("\r\n");
      std::string_view line = headers.substr(0, line_end);
      headers =
          line_end == std::string_view::npos ? std::string_view() : headers.substr(line_end + 2);
      std::size_t colon = line.find(':');
      if (colon == std::string_view::npos) return std::nullopt;
      std::string name = lower(trim(line.substr(0, colon)));
      std::string_view value = trim(line.substr(colon + 1));
      if (name == "content-disposition") {
        if (!lower(value).starts_with("form-data")) return std::nullopt;
        auto field = header_parameter(value, "name");
        if (!field) return std::nullopt;
        item.name = *field;
        item.filename = header_parameter(value, "filename").value_or("");
        disposition = true;
      } else if (name == "content-type") {
        item.content_type = std::string(value);
      }
    }
    if (!disposition) return std::nullopt;
    std::size_t end = body.find(separator, content_start);
    if (end == std::string_view::npos) return std::nullopt;
    item.content = std::string(body.substr(content_start, end - content_start));
    std::string key = item.name;
    parts.emplace(std::move(key), std::move(item));
    at = end + separator.size();
  }
}

} // namespace ziping::server
