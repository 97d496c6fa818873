// server/attachment.h — the Content-Disposition of an export: an ASCII `filename` (form-12-r3.json,
// plan-4.xlsx) for clients that read only that, and the readable Chinese name as RFC 5987's
// `filename*` (部门-2022-项目-第3版.json). One writer for the form and plan exports.
#pragma once

#include <string>
#include <string_view>

namespace ziping::server {

std::string attachment_disposition(std::string_view ascii_name, std::string_view readable_name);

} // namespace ziping::server
