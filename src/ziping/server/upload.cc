#include "ziping/server/upload.h"

#include "ziping/server/api_error.h"
#include "ziping/server/routes.h"

namespace ziping::server {

Upload upload_of(const Request& req, std::string_view default_name) {
  if (req.is_multipart_form_data()) {
    auto found = req.files.find("file");
    if (found == req.files.end() || found->second.filename.empty())
      throw ApiError(400, "no_file", diag::make(diag::DiagId::err_upload_no_file, ""));
    return {found->second.filename, found->second.content};
  }
  return {text_param(req, "filename").value_or(std::string(default_name)), req.body};
}

} // namespace ziping::server
