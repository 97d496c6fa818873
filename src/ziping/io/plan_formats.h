// io/plan_formats.h — the chain's plans (model/plan.h) by file name: canonical JSON, the plans'
// CSV and XLSX read and written, HTML and PDF written, picked by extension. The one place that says
// which formats a plan may come in, for `ziping chain` and the server's plan import. Part of
// `ziping_io` only (XLSX), like io/full_formats.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ziping/model/plan.h"

namespace ziping::io {

// "json", "csv", "xlsx" (read and written), "html" and "pdf" (written only) by the name's
// extension; "" for any other.
std::string plan_format_of(std::string_view file_name);
inline constexpr std::string_view kReadablePlanFormats = "json, csv, xlsx";
inline constexpr std::string_view kWritablePlanFormats = "json, csv, xlsx, html, pdf";

// nullopt when `format` is not one a plan is read from.
std::optional<model::PlanReadResult> read_plan(std::string_view bytes, std::string_view format,
                                               const std::string& file_name);
// nullopt when `format` is not one a plan is written to.
std::optional<std::string> write_plan(const model::Plan& plan, std::string_view format);

} // namespace ziping::io
