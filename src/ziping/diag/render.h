// diag/render.h — diagnostics as a person reads them (compiler style, Chinese first, English
// beside) and as a program reads them (JSON). Rendering only: nothing here decides severity.
#pragma once

#include <string>
#include <vector>

#include "ziping/diag/diagnostic.h"

namespace ziping::text {
class JsonWriter;
}

namespace ziping::diag {

struct TextStyle {
  bool english = true;    // an "= en:" line under each message
  bool model_path = true; // an "= 位置:" line with the model path
};

// Diagnostics ordered by where they point (line, column); form-level ones first.
std::vector<Diagnostic> in_source_order(std::vector<Diagnostic> diagnostics);

std::string render_text(const std::vector<Diagnostic>& diagnostics, const TextStyle& style = {});
// "0 个错误，5 个警告，12 条提示（0 errors, 5 warnings, 12 notes）"
std::string render_summary(const std::vector<Diagnostic>& diagnostics);

// Writes the array of diagnostics as the value at the writer's current position.
void write_json(text::JsonWriter& writer, const std::vector<Diagnostic>& diagnostics);
// {"diagnostics": [...], "summary": {...}} as a whole document.
std::string render_json(const std::vector<Diagnostic>& diagnostics);

} // namespace ziping::diag
