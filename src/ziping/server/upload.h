// server/upload.h — the file an import request carries: a multipart upload's `file` part, or
// the raw body named by `?filename=`. One reading for the form and the plan imports, so both
// refuse an empty upload the same way.
#pragma once

#include <string>
#include <string_view>

#include "ziping/server/http_types.h"

namespace ziping::server {

struct Upload {
  std::string file_name;
  std::string_view bytes; // into the request, which outlives the handler
};

// ApiError 400 no_file when a multipart request has no named `file` part.
Upload upload_of(const Request& request, std::string_view default_name);

} // namespace ziping::server
