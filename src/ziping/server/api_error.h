// server/api_error.h — every failed request answers with one shape (docs/api.md):
//   {"error": {"code": "conflict", "message": "表单 3 已被他人修改…", "message_en": "…",
//              "diagnostic": "ZP0706", "details": {…}}}
// `code` is the stable name a program branches on; the messages come from the diagnostic
// catalogue (Chinese first, English beside), so each text is declared once.
#pragma once

#include <exception>
#include <string>

#include "ziping/diag/diagnostic.h"

namespace ziping::server {

class ApiError : public std::exception {
public:
  // `details` is a rendered JSON object, or empty for none.
  ApiError(int status, std::string code, diag::Diagnostic diagnostic, std::string details = "");

  int status() const { return status_; }
  const std::string& code() const { return code_; }
  const diag::Diagnostic& diagnostic() const { return diagnostic_; }
  const std::string& details() const { return details_; }
  const char* what() const noexcept override { return what_.c_str(); }

  std::string to_json() const;

private:
  int status_;
  std::string code_;
  diag::Diagnostic diagnostic_;
  std::string details_;
  std::string what_;
};

// Shorthands for the errors many routes share.
ApiError bad_parameter(const std::string& name, const std::string& value,
                       const std::string& expected_zh, const std::string& expected_en);
ApiError form_not_found(long long id);
// An id as the client wrote it (too many digits to be one of ours): still a 404 naming it.
ApiError form_not_found(const std::string& id);
ApiError department_not_found(const std::string& id);
ApiError plan_not_found(long long id);

} // namespace ziping::server
