#include "ziping/access/org_csv.h"

#include <optional>

#include "ziping/io/csv/csv_table.h"

namespace ziping::access {
namespace {

using diag::DiagId;

enum Column { Kind, Name, Parent, Code, kColumnCount };

struct Header {
  Column column;
  std::string_view en;
  std::string_view zh;
};

constexpr Header kHeaders[] = {
    {Kind, "kind", "类型"},
    {Name, "name", "名称"},
    {Parent, "parent", "上级"},
    {Code, "code", "代码"},
};

std::string trimmed(const std::string& text) {
  auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

} // namespace

OrgCsv read_org_csv(std::string_view bytes, const std::string& file_name) {
  OrgCsv out;
  auto read = io::csv::read_table(bytes, file_name);
  out.diagnostics = std::move(read.diagnostics);
  for (const auto& d : out.diagnostics)
    if (d.severity == diag::Severity::Error) return out;
  if (!read.table || read.table->rows.empty()) {
    out.diagnostics.push_back(diag::make(DiagId::err_input_empty, ""));
    return out;
  }
  const auto& rows = read.table->rows;
  std::optional<std::size_t> index[kColumnCount];
  for (std::size_t i = 0; i < rows[0].size(); ++i) {
    std::string name = trimmed(rows[0][i].text);
    for (const auto& h : kHeaders)
      if (name == h.en || name == h.zh) index[h.column] = i;
  }
  for (Column required : {Kind, Name})
    if (!index[required]) {
      auto d = diag::make(
          DiagId::err_org_column_missing, "",
          {std::string(kHeaders[required].zh) + "/" + std::string(kHeaders[required].en)});
      d.where = diag::SourceLocation::text(file_name, 1, 1);
      out.diagnostics.push_back(std::move(d));
    }
  if (!out.diagnostics.empty()) return out;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    auto cell = [&](Column c) -> std::string {
      if (!index[c] || *index[c] >= row.size()) return "";
      return trimmed(row[*index[c]].text);
    };
    bool blank = true;
    for (const auto& f : row)
      if (!trimmed(f.text).empty()) blank = false;
    if (blank) continue; // spreadsheets leave empty rows at the end
    int line = row.empty() ? 0 : row[0].line;
    OrgRow o;
    o.where = diag::SourceLocation::text(file_name, line, 1);
    auto kind = parse_org_kind(cell(Kind));
    if (!kind) {
      auto d = diag::make(DiagId::err_org_kind, "", {cell(Kind)});
      d.where = diag::SourceLocation::text(
          file_name, line, *index[Kind] < row.size() ? row[*index[Kind]].column : 1);
      out.diagnostics.push_back(std::move(d));
      continue;
    }
    o.kind = *kind;
    o.name = cell(Name);
    o.parent = cell(Parent);
    o.code = cell(Code);
    out.rows.push_back(std::move(o));
  }
  return out;
}

} // namespace ziping::access
