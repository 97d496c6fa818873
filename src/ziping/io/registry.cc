#include "ziping/io/registry.h"

#include <algorithm>
#include <cctype>

#include "ziping/diag/cap.h"
#include "ziping/io/csv/csv_form.h"
#include "ziping/io/full_formats.h"
#include "ziping/io/html/html_writer.h"
#include "ziping/io/html_reader/html_reader.h"
#include "ziping/io/json/form_reader.h"
#include "ziping/io/json/form_writer.h"
#include "ziping/io/text/text_reader.h"

namespace ziping::io {
namespace {

// Every reader's diagnostics are capped here, once, for the CLI and the server alike (diag/cap.h).
model::ReadResult capped(model::ReadResult result) {
  diag::cap_diagnostics(result.diagnostics);
  return result;
}

model::ReadResult read_json(std::string_view bytes, const ReadOptions& options) {
  return capped(json::read_form_json(bytes, options.file_name));
}

model::ReadResult read_text(std::string_view bytes, const ReadOptions& options) {
  return capped(text::read_text_form(bytes, {options.file_name, options.kind}));
}

std::string write_json(const model::Form& form, const WriteContext&) {
  return json::write_form_json(form); // the canonical form holds declared data only
}

model::ReadResult read_csv(std::string_view bytes, const ReadOptions& options) {
  return capped(csv::read_csv(bytes, options.file_name, options.kind));
}

std::string write_csv(const model::Form& form, const WriteContext&) {
  return csv::write_csv(form);
}

model::ReadResult read_html(std::string_view bytes, const ReadOptions& options) {
  return capped(html_reader::read_html(bytes, {options.file_name, options.kind}));
}

std::string write_html(const model::Form& form, const WriteContext& context) {
  return html::write_html(form,
                          {context.evaluation, context.rules, context.diagnostics, context.review});
}

model::ReadResult read_xlsx(std::string_view bytes, const ReadOptions& options) {
  return capped(full::read_xlsx(bytes, options));
}

model::ReadResult read_pdf(std::string_view bytes, const ReadOptions& options) {
  return capped(full::read_pdf(bytes, options));
}

const std::vector<Format>& table() {
  static const std::vector<Format> kFormats = {
      {"json", {".json"}, "ziping 规范 JSON (canonical form JSON)", read_json, write_json, true},
      {"xlsx",
       {".xlsx"},
       "Excel/WPS 工作簿，官方版式 (XLSX workbook, official layout)",
       read_xlsx,
       full::write_xlsx,
       true},
      {"csv",
       {".csv"},
       "CSV 表格，每行一个三级指标 (CSV, one row per indicator)",
       read_csv,
       write_csv,
       true},
      {"html",
       {".html", ".htm"},
       "网页，官方版式，诊断链接到单元格；可读入公开发布的自评表网页 (HTML page, official layout, "
       "linked diagnostics; reads published web pages)",
       read_html,
       write_html,
       false},
      // One "pdf" format: it reads published PDFs (ours among them) and writes ours.
      {"pdf",
       {".pdf"},
       "PDF，官方版式，A4 横向，供公开；可读入公开发布的自评表 PDF (PDF, official layout, A4 "
       "landscape, for publication; reads published PDFs)",
       read_pdf,
       full::write_pdf,
       false},
      {"pdf-review",
       {},
       "PDF，官方版式，附计分复核与检查结果 (PDF with computed scores and diagnostics appended)",
       nullptr,
       full::write_pdf_review,
       false,
       ".pdf"},
      {"text",
       {".txt", ".text"},
       "公开发布的自评表文本 (text of a published form)",
       read_text,
       nullptr,
       false},
  };
  return kFormats;
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  return out;
}

std::string names(bool (*wanted)(const Format&)) {
  std::string out;
  for (const auto& format : table()) {
    if (wanted(format)) out += (out.empty() ? "" : ", ") + std::string(format.name);
  }
  return out;
}

} // namespace

std::string file_extension(const Format& format) {
  if (!format.written_extension.empty()) return std::string(format.written_extension);
  if (!format.extensions.empty()) return std::string(format.extensions.front());
  return "." + std::string(format.name);
}

std::span<const Format> formats() {
  return table();
}

const Format* find_format(std::string_view name) {
  std::string key = lower(name);
  for (const auto& format : table()) {
    if (format.name == key) return &format;
  }
  return nullptr;
}

const Format* format_for_path(std::string_view path) {
  std::string key = lower(path);
  for (const auto& format : table()) {
    for (auto extension : format.extensions) {
      if (key.size() > extension.size() && key.ends_with(extension)) return &format;
    }
  }
  return nullptr;
}

std::string readable_format_names() {
  return names([](const Format& f) { return f.read != nullptr; });
}

std::string writable_format_names() {
  return names([](const Format& f) { return f.write != nullptr; });
}

} // namespace ziping::io
