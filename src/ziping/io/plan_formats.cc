#include "ziping/io/plan_formats.h"

#include "ziping/io/csv/plan_csv.h"
#include "ziping/io/html/plan_html.h"
#include "ziping/io/json/plan_json.h"
#include "ziping/io/pdf_writer/pdf_writer.h"
#include "ziping/io/xlsx/plan_xlsx.h"

namespace ziping::io {

std::string plan_format_of(std::string_view file_name) {
  auto dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return "";
  std::string extension;
  for (char c : file_name.substr(dot + 1))
    extension += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (extension == "json" || extension == "csv" || extension == "xlsx" || extension == "html" ||
      extension == "pdf")
    return extension;
  if (extension == "htm") return "html";
  return "";
}

std::optional<model::PlanReadResult> read_plan(std::string_view bytes, std::string_view format,
                                               const std::string& file_name) {
  if (format == "json") return json::read_plan_json(bytes, file_name);
  if (format == "csv") return csv::read_plan_csv(bytes, file_name);
  if (format == "xlsx") return xlsx::read_plan_xlsx(bytes, file_name);
  return std::nullopt;
}

std::optional<std::string> write_plan(const model::Plan& plan, std::string_view format) {
  if (format == "json") return json::write_plan_json(plan);
  if (format == "csv") return csv::write_plan_csv(plan);
  if (format == "xlsx") return xlsx::write_plan_xlsx(plan);
  if (format == "html") return html::write_plan_html(plan);
  if (format == "pdf") return pdf_writer::write_plan_pdf(plan);
  return std::nullopt;
}

} // namespace ziping::io
