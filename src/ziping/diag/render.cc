#include "ziping/diag/render.h"

#include <algorithm>
#include <tuple>

#include "ziping/text/json_writer.h"

namespace ziping::diag {
namespace {

std::size_t count(const std::vector<Diagnostic>& diagnostics, Severity severity) {
  return std::count_if(diagnostics.begin(), diagnostics.end(),
                       [&](const Diagnostic& d) { return d.severity == severity; });
}

std::string where_text(const Diagnostic& d) {
  std::string where = d.where.to_string();
  if (where.empty()) where = "ziping";
  return where;
}

void render_one(std::string& out, const Diagnostic& d, const TextStyle& style, bool as_note,
                const std::string& parent_file = {}) {
  if (as_note) {
    out += "  note[" + std::string(d.code()) + "]: ";
    // A note in another file (the year's chain: the declaration beside the 自评表) names its
    // place; a note in the same file never did.
    if (!d.where.file.empty() && d.where.file != parent_file) out += where_text(d) + ": ";
    out += d.message_zh() + "\n";
    return;
  }
  out += where_text(d) + ": " + std::string(severity_name(d.severity)) + "[" +
         std::string(d.code()) + "]: ";
  if (!d.subject.empty()) out += d.subject + "：";
  out += d.message_zh() + "\n";
  if (style.english) out += "  = en: " + d.message_en() + "\n";
  if (style.model_path && !d.path.empty()) out += "  = 位置 (path): " + d.path + "\n";
  for (const auto& note : d.notes) render_one(out, note, style, true, d.where.file);
}

void write_location(text::JsonWriter& w, const SourceLocation& where) {
  if (where.empty() && where.file.empty()) {
    w.null();
    return;
  }
  w.begin_object();
  w.key("file").string(where.file);
  switch (where.kind) {
  case SourceLocation::Kind::Text:
    w.key("line").integer(where.line);
    w.key("column").integer(where.column);
    break;
  case SourceLocation::Kind::Cell:
    w.key("sheet").string(where.sheet);
    w.key("cell").string(where.cell);
    break;
  case SourceLocation::Kind::Page:
    w.key("page").integer(where.page);
    break;
  case SourceLocation::Kind::None:
    break;
  }
  w.end_object();
}

void write_one(text::JsonWriter& w, const Diagnostic& d) {
  w.begin_object();
  w.key("code").string(d.code());
  w.key("severity").string(severity_name(d.severity));
  w.key("path").string(d.path);
  w.key("subject").string(d.subject);
  w.key("message").string(d.message_zh());
  w.key("message_en").string(d.message_en());
  w.key("location");
  write_location(w, d.where);
  w.key("args").begin_array();
  for (const auto& arg : d.args) w.string(in_language(arg, Language::Chinese));
  w.end_array();
  w.key("notes");
  write_json(w, d.notes);
  w.end_object();
}

} // namespace

std::vector<Diagnostic> in_source_order(std::vector<Diagnostic> diagnostics) {
  std::stable_sort(
      diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
      });
  return diagnostics;
}

std::string render_text(const std::vector<Diagnostic>& diagnostics, const TextStyle& style) {
  std::string out;
  for (const auto& d : diagnostics) render_one(out, d, style, false);
  return out;
}

std::string render_summary(const std::vector<Diagnostic>& diagnostics) {
  auto errors = std::to_string(count(diagnostics, Severity::Error));
  auto warnings = std::to_string(count(diagnostics, Severity::Warning));
  auto notes = std::to_string(count(diagnostics, Severity::Note));
  return errors + " 个错误，" + warnings + " 个警告，" + notes + " 条提示（" + errors +
         " errors, " + warnings + " warnings, " + notes + " notes）";
}

void write_json(text::JsonWriter& w, const std::vector<Diagnostic>& diagnostics) {
  w.begin_array();
  for (const auto& d : diagnostics) write_one(w, d);
  w.end_array();
}

std::string render_json(const std::vector<Diagnostic>& diagnostics) {
  text::JsonWriter w;
  w.begin_object();
  w.key("diagnostics");
  write_json(w, diagnostics);
  w.key("summary").begin_object();
  w.key("errors").integer(static_cast<long long>(count(diagnostics, Severity::Error)));
  w.key("warnings").integer(static_cast<long long>(count(diagnostics, Severity::Warning)));
  w.key("notes").integer(static_cast<long long>(count(diagnostics, Severity::Note)));
  w.end_object();
  w.end_object();
  return w.finish();
}

} // namespace ziping::diag
