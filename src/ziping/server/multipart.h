// server/multipart.h — multipart/form-data bodies (RFC 7578), as browsers and curl -F send
// them. Bounded: the body is already within the request limit; at most kMaxParts parts and
// kMaxPartHeaderBytes of headers per part. Never throws; a malformed body is nullopt (400).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "ziping/server/http_types.h"

namespace ziping::server {

inline constexpr std::size_t kMaxParts = 64;
inline constexpr std::size_t kMaxPartHeaderBytes = 8192;

// The boundary named by a Content-Type header value ("multipart/form-data; boundary=xyz"),
// unquoted; nullopt when there is none or it is not 1–70 characters.
std::optional<std::string> multipart_boundary(std::string_view content_type);

// The parts of `body` by field name; nullopt when the body is not well formed.
std::optional<std::multimap<std::string, MultipartItem>> parse_multipart(std::string_view body,
                                                                         std::string_view boundary);

} // namespace ziping::server
