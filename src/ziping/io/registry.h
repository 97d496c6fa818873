// io/registry.h — the one table of file formats (pandoc's readers/writers list). A format is
// named here and nowhere else: the CLI's --from/--to, upload sniffing, the golden runner and
// the benchmarks all walk this table. Adding a format is one folder under io/ and one row.
#pragma once

#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "ziping/model/read_result.h"
#include "ziping/model/review.h"
#include "ziping/rules/evaluation.h"
#include "ziping/rules/rule_set.h"

namespace ziping::io {

// What a reader is told besides the bytes: the name diagnostics use for the file, and the
// form kind when the user gives it (readers that recognise the kind from a title use it as a
// fallback, never to override what the document says).
struct ReadOptions {
  std::string file_name;
  std::optional<model::FormKind> kind;
};

using ReadFn = model::ReadResult (*)(std::string_view bytes, const ReadOptions& options);
// What a writer may show besides the form: the scores computed under the chosen rule set (for
// cached formula values and printed totals) and the diagnostics (a diagnostics sheet, links
// from cells). Both may be absent; a writer must then still write the declared form.
struct WriteContext {
  const rules::Evaluation* evaluation = nullptr;
  const rules::RuleSet* rules = nullptr;
  const std::vector<diag::Diagnostic>* diagnostics = nullptr;
  // The 财政复核 (reviewer scores and comments), when the form has one: the XLSX's 复核得分 and
  // 复核意见 columns, the printed 复核意见 pages. Never part of the declared form.
  const model::Review* review = nullptr;
};

using WriteFn = std::string (*)(const model::Form& form, const WriteContext& context);

// A writer that cannot produce its format on this machine (the PDF writer without a Chinese
// font) throws this; the caller reports the diagnostic and writes nothing.
struct WriteError : std::runtime_error {
  explicit WriteError(diag::Diagnostic d)
      : std::runtime_error(d.message_en()), diagnostic(std::move(d)) {}
  diag::Diagnostic diagnostic;
};

struct Format {
  std::string_view name;                    // "json"
  std::vector<std::string_view> extensions; // ".json"
  std::string_view description;             // Chinese, for help texts
  ReadFn read = nullptr;                    // nullptr: write-only format
  WriteFn write = nullptr;                  // nullptr: read-only format
  bool lossless = false;                    // read(write(f)) == f, golden-tested
  // The extension of a file this format writes when no path chose it (a download's name);
  // empty: the first of `extensions`. pdf-review is chosen by name only but is still a .pdf.
  std::string_view written_extension = {};
};

// ".pdf" for pdf and pdf-review, ".json" for json; "." + name for a format with none.
std::string file_extension(const Format& format);

std::span<const Format> formats();
const Format* find_format(std::string_view name);
// By the path's extension (case-insensitive); nullptr when no format claims it.
const Format* format_for_path(std::string_view path);
std::string readable_format_names();
std::string writable_format_names();

} // namespace ziping::io
