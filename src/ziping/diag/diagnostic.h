// diag/diagnostic.h — what ziping says about a form: a catalogue entry, the data that fills
// its message, the place in the form it concerns, and attached notes.
//
// Diagnostics are values returned to callers; nothing here prints, logs or throws. Every
// diagnostic names a catalogue entry (catalogue.def), so codes, severities and both languages
// are declared in exactly one place.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ziping::diag {

enum class Severity { Note, Warning, Error };
std::string_view severity_name(Severity severity);    // "note", "warning", "error"
std::string_view severity_name_zh(Severity severity); // "提示", "警告", "错误"

enum class DiagId : std::uint16_t {
#define ZP_DIAG(number, name, severity, zh, en) name = number,
#include "ziping/diag/catalogue.def"
#undef ZP_DIAG
};

struct CatalogueEntry {
  DiagId id;
  std::string_view code; // "ZP0301"
  std::string_view name; // "err_score_above_allowed"
  Severity severity;
  std::string_view zh;
  std::string_view en;
};

std::span<const CatalogueEntry> catalogue();
const CatalogueEntry& entry(DiagId id);

// Where in the source document a node came from.
struct SourceLocation {
  enum class Kind { None, Text, Cell, Page };
  Kind kind = Kind::None;
  std::string file; // path as given by the user, or "-" for standard input
  int line = 0;     // Text: 1-based line and column (column counts code points)
  int column = 0;
  std::string sheet; // Cell: worksheet name and A1 reference
  std::string cell;
  int page = 0; // Page: 1-based page number

  static SourceLocation text(std::string file, int line, int column);
  static SourceLocation at_cell(std::string file, std::string sheet, std::string cell);
  static SourceLocation at_page(std::string file, int page);
  bool empty() const { return kind == Kind::None; }
  // "file:12:5", "file:Sheet1!C7", "file:page 3"
  std::string to_string() const;
};

struct Diagnostic {
  DiagId id{};
  Severity severity = Severity::Error;
  std::string path; // model path: "goals[3].indicators[2].score"; empty = whole form
  std::string subject; // how a person names the node: 绩效目标4「营商环境宣传费用支出」
  SourceLocation where; // filled from the SourceMap when the form came from a file
  std::vector<std::string> args;
  std::vector<Diagnostic> notes;

  std::string_view code() const { return entry(id).code; }
  std::string message_zh() const;
  std::string message_en() const;
};

// Builds a diagnostic with the catalogue's default severity.
Diagnostic make(DiagId id, std::string path, std::vector<std::string> args = {});
// An argument that reads differently in each language ("数值" / "a number"). Arguments are
// data from the form and need no translation; phrases the program itself supplies do.
std::string bilingual(std::string_view zh, std::string_view en);
enum class Language { Chinese, English };
// One language's side of an argument (the whole argument when it is not bilingual).
std::string_view in_language(std::string_view arg, Language language);
// Replaces {0}, {1}, … in a template; a missing argument renders as "{n}".
std::string format_template(std::string_view pattern, const std::vector<std::string>& args,
                            Language language = Language::Chinese);

// An ordered collection of diagnostics with the counts the CLI's exit status needs.
class DiagnosticList {
public:
  Diagnostic& add(Diagnostic diagnostic);
  Diagnostic& add(DiagId id, std::string path, std::vector<std::string> args = {});
  void append(const std::vector<Diagnostic>& more);
  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic>& items() { return items_; }
  std::size_t count(Severity severity) const;
  bool has_errors() const { return count(Severity::Error) > 0; }

private:
  std::vector<Diagnostic> items_;
};

} // namespace ziping::diag
