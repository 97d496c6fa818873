#include "ziping/io/registry.h"

#include <algorithm>
#include <cctype>

#include "ziping/io/json/form_reader.h"
#include "ziping/io/json/form_writer.h"
#include "ziping/io/pdf/pdf_reader.h"
#include "ziping/io/text/text_reader.h"

namespace ziping::io {
namespace {

model::ReadResult read_json(std::string_view bytes, const ReadOptions& options) {
  return json::read_form_json(bytes, options.file_name);
}

model::ReadResult read_text(std::string_view bytes, const ReadOptions& options) {
  return text::read_text_form(bytes, {options.file_name, options.kind});
}

model::ReadResult read_pdf(std::string_view bytes, const ReadOptions& options) {
  return pdf::read_pdf_form(bytes, {options.file_name, options.kind});
}

std::string write_json(const model::Form& form, const WriteContext&) {
  return json::write_form_json(form); // the canonical form holds declared data only
}

const std::vector<Format>& table() {
  static const std::vector<Format> kFormats = {
      {"json", {".json"}, "ziping 规范 JSON (canonical form JSON)", read_json, write_json, true},
      {"text", {".txt", ".text"}, "公开发布的自评表文本 (text of a published form)", read_text,
       nullptr, false},
      {"pdf", {".pdf"}, "公开发布的自评表 PDF (PDF of a published form)", read_pdf, nullptr, false},
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
