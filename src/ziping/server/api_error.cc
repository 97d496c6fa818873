#include "ziping/server/api_error.h"

#include "ziping/server/json_out.h"

namespace ziping::server {

ApiError::ApiError(int status, std::string code, diag::Diagnostic diagnostic, std::string details)
    : status_(status), code_(std::move(code)), diagnostic_(std::move(diagnostic)),
      details_(std::move(details)) {
  what_ = code_ + ": " + diagnostic_.message_en();
}

std::string ApiError::to_json() const {
  JsonOut out;
  out.begin_object().key("error").begin_object();
  out.key("code").string(code_);
  out.key("message").string(diagnostic_.message_zh());
  out.key("message_en").string(diagnostic_.message_en());
  out.key("diagnostic").string(diagnostic_.code());
  out.key("details");
  if (details_.empty())
    out.begin_object().end_object();
  else
    out.raw(details_);
  out.end_object().end_object();
  return out.take();
}

ApiError bad_parameter(const std::string& name, const std::string& value,
                       const std::string& expected_zh, const std::string& expected_en) {
  JsonOut details;
  details.begin_object().key("parameter").string(name).key("value").string(value).end_object();
  return ApiError(400, "invalid_parameter",
                  diag::make(diag::DiagId::err_bad_parameter, "",
                             {name, value, diag::bilingual(expected_zh, expected_en)}),
                  details.take());
}

ApiError form_not_found(long long id) {
  JsonOut details;
  details.begin_object().key("form_id").integer(id).end_object();
  return ApiError(404, "not_found",
                  diag::make(diag::DiagId::err_form_not_found, "", {std::to_string(id)}),
                  details.take());
}

ApiError form_not_found(const std::string& id) {
  JsonOut details;
  details.begin_object().key("form_id").string(id).end_object();
  return ApiError(404, "not_found", diag::make(diag::DiagId::err_form_not_found, "", {id}),
                  details.take());
}

ApiError plan_not_found(long long id) {
  JsonOut details;
  details.begin_object().key("plan_id").integer(id).end_object();
  return ApiError(404, "not_found",
                  diag::make(diag::DiagId::err_plan_not_found, "", {std::to_string(id)}),
                  details.take());
}

ApiError department_not_found(const std::string& id) {
  JsonOut details;
  details.begin_object().key("department_id").string(id).end_object();
  return ApiError(404, "not_found", diag::make(diag::DiagId::err_department_not_found, "", {id}),
                  details.take());
}

} // namespace ziping::server
