// io/xlsx/xlsx_reader.h — reads a self-evaluation form from an XLSX workbook: ziping's own
// output, the same re-saved by LibreOffice, Excel or WPS, and hand-made variants of the
// templates (columns in another order or under other names, extra columns such as 指标性质,
// 度量单位, 权重, one sheet per goal, blank spacer rows, unmerged cells left blank under a
// 一级/二级 value). Blocks are found by their header cells, columns by their header text.
//
// Never throws on content. Every field read is located in the SourceMap as Sheet!Cell, and
// every problem is a diagnostic at its cell. A file that is not a readable workbook (not a
// zip, too large, a zip bomb, missing parts) or holds no indicator table gives no form.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "ziping/model/read_result.h"

namespace ziping::io::xlsx {

// `kind` is the user's --kind: used only when the workbook itself does not tell.
model::ReadResult read_xlsx(std::string_view bytes, const std::string& file_name,
                            std::optional<model::FormKind> kind = std::nullopt);
// The same from parts already unpacked (tests and the fuzzer).
model::ReadResult read_xlsx_parts(const std::map<std::string, std::string>& parts,
                                  const std::string& file_name,
                                  std::optional<model::FormKind> kind = std::nullopt);

} // namespace ziping::io::xlsx
