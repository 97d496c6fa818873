#include "ziping/diag/diagnostic.h"

#include <algorithm>
#include <iterator>

namespace ziping::diag {
namespace {

// A plain array: std::array's deduction guide is a fold over every entry, and clang refuses a
// fold of more than 256 (the fuzz build broke at 258 entries).
constexpr CatalogueEntry kCatalogue[] = {
#define ZP_DIAG(number, name, severity, zh, en)                                                    \
  CatalogueEntry{DiagId::name, "ZP0" #number, #name, Severity::severity, zh, en},
#include "ziping/diag/catalogue.def"
#undef ZP_DIAG
};

// Codes are ZP0 followed by three digits; the .def numbers are all three-digit.
static_assert(std::all_of(std::begin(kCatalogue), std::end(kCatalogue),
                          [](const CatalogueEntry& e) { return e.code.size() == 6; }),
              "catalogue numbers must have three digits");
static_assert(std::is_sorted(std::begin(kCatalogue), std::end(kCatalogue),
                             [](const CatalogueEntry& a, const CatalogueEntry& b) {
                               return a.id < b.id;
                             }),
              "catalogue.def must list numbers in ascending order");

} // namespace

std::string_view severity_name(Severity severity) {
  switch (severity) {
  case Severity::Note:
    return "note";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  return "error";
}

std::string_view severity_name_zh(Severity severity) {
  switch (severity) {
  case Severity::Note:
    return "提示";
  case Severity::Warning:
    return "警告";
  case Severity::Error:
    return "错误";
  }
  return "错误";
}

std::span<const CatalogueEntry> catalogue() {
  return kCatalogue;
}

const CatalogueEntry& entry(DiagId id) {
  auto found = std::lower_bound(std::begin(kCatalogue), std::end(kCatalogue), id,
                                [](const CatalogueEntry& e, DiagId key) { return e.id < key; });
  return *found; // every DiagId comes from the same list, so it is always present
}

SourceLocation SourceLocation::text(std::string file, int line, int column) {
  SourceLocation loc;
  loc.kind = Kind::Text;
  loc.file = std::move(file);
  loc.line = line;
  loc.column = column;
  return loc;
}

SourceLocation SourceLocation::at_cell(std::string file, std::string sheet, std::string cell) {
  SourceLocation loc;
  loc.kind = Kind::Cell;
  loc.file = std::move(file);
  loc.sheet = std::move(sheet);
  loc.cell = std::move(cell);
  return loc;
}

SourceLocation SourceLocation::at_page(std::string file, int page) {
  SourceLocation loc;
  loc.kind = Kind::Page;
  loc.file = std::move(file);
  loc.page = page;
  return loc;
}

std::string SourceLocation::to_string() const {
  switch (kind) {
  case Kind::None:
    return file;
  case Kind::Text:
    return file + ":" + std::to_string(line) + (column > 0 ? ":" + std::to_string(column) : "");
  case Kind::Cell:
    return file + ":" + sheet + "!" + cell;
  case Kind::Page:
    return file + ":page " + std::to_string(page);
  }
  return file;
}

namespace {
constexpr char kLanguageSeparator = '\x1f'; // ASCII unit separator: never in form text we keep
} // namespace

std::string bilingual(std::string_view zh, std::string_view en) {
  std::string arg(zh);
  arg.push_back(kLanguageSeparator);
  arg.append(en);
  return arg;
}

std::string_view in_language(std::string_view arg, Language language) {
  auto cut = arg.find(kLanguageSeparator);
  if (cut == std::string_view::npos) return arg;
  return language == Language::Chinese ? arg.substr(0, cut) : arg.substr(cut + 1);
}

std::string format_template(std::string_view pattern, const std::vector<std::string>& args,
                            Language language) {
  std::string out;
  out.reserve(pattern.size() + 32);
  for (std::size_t pos = 0; pos < pattern.size(); ++pos) {
    if (pattern[pos] == '{') {
      std::size_t close = pattern.find('}', pos);
      if (close != std::string_view::npos && close > pos + 1 && close - pos <= 3) {
        std::string_view digits = pattern.substr(pos + 1, close - pos - 1);
        if (std::all_of(digits.begin(), digits.end(),
                        [](char c) { return c >= '0' && c <= '9'; })) {
          std::size_t index = std::stoul(std::string(digits));
          if (index < args.size()) {
            out += in_language(args[index], language);
          } else {
            out.append(pattern.substr(pos, close - pos + 1));
          }
          pos = close;
          continue;
        }
      }
    }
    out.push_back(pattern[pos]);
  }
  return out;
}

std::string Diagnostic::message_zh() const {
  return format_template(entry(id).zh, args);
}
std::string Diagnostic::message_en() const {
  return format_template(entry(id).en, args, Language::English);
}

Diagnostic make(DiagId id, std::string path, std::vector<std::string> args) {
  Diagnostic d;
  d.id = id;
  d.severity = entry(id).severity;
  d.path = std::move(path);
  d.args = std::move(args);
  return d;
}

Diagnostic& DiagnosticList::add(Diagnostic diagnostic) {
  items_.push_back(std::move(diagnostic));
  return items_.back();
}

Diagnostic& DiagnosticList::add(DiagId id, std::string path, std::vector<std::string> args) {
  return add(make(id, std::move(path), std::move(args)));
}

void DiagnosticList::append(const std::vector<Diagnostic>& more) {
  items_.insert(items_.end(), more.begin(), more.end());
}

std::size_t DiagnosticList::count(Severity severity) const {
  return std::count_if(items_.begin(), items_.end(),
                       [&](const Diagnostic& d) { return d.severity == severity; });
}

} // namespace ziping::diag
