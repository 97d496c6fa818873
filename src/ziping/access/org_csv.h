// access/org_csv.h — the organisation tree as a CSV file (`ziping org import FILE.csv`, see
// docs/accounts.md): one organisation per row, a parent named before its children.
//
//   kind,name,parent,code            类型,名称,上级,代码
//   finance,天津市财政局,,          财政局,天津市财政局,,
//   supervisor,天津市教育委员会,天津市财政局,   …
//   unit,天津市第一中学,天津市教育委员会,12010001
//
// Headers in English or Chinese, columns in any order; kind as finance|supervisor|unit or
// 财政局|主管部门|预算单位. UTF-8 or GB18030 (what Chinese spreadsheets save), as io/csv reads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ziping/access/role.h"
#include "ziping/diag/diagnostic.h"

namespace ziping::access {

struct OrgRow {
  OrgKind kind = OrgKind::Unit;
  std::string name;
  std::string code;
  std::string parent; // the parent's name ("" for a 财政局); its kind follows from `kind`
  diag::SourceLocation where; // the row, for diagnostics
};

struct OrgCsv {
  std::vector<OrgRow> rows;                  // the rows that could be read
  std::vector<diag::Diagnostic> diagnostics; // any error: import nothing
};

// Never throws; every diagnostic carries file:line:column.
OrgCsv read_org_csv(std::string_view bytes, const std::string& file_name);

} // namespace ziping::access
