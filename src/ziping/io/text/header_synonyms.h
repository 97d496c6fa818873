// io/text/header_synonyms.h — the one table of words that head the columns of a published
// indicator table, and the column each names. Open by design: templates of every province
// word their headers differently (全年实际值, 年初设定目标, 指标名称, 计量单位, 得分系数 …); a new
// wording is one more synonym in model/fields.def (shared with the sheet readers), or, for
// a word only published pages print, one line in header_synonyms.cc; never a new layout.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "ziping/io/text/vocabulary.h"

namespace ziping::io::text {

// A header word as its key (keys.h: simplified, folded, no spaces) and the column it heads.
// Column::None marks a fragment (年度, 实际): the first half of a header cell printed over two
// lines, whose second half (指标值, 完成值) follows later in the header.
struct HeaderSynonym {
  std::string_view word;
  Column column;
};

std::span<const HeaderSynonym> indicator_header_synonyms();

// The column a header cell names when its key is exactly one of the table's words (keyed as
// keys.h does); nullopt otherwise, and for the fragments (年度, 实际) that head nothing alone.
std::optional<Column> exact_header_column(std::string_view key);

} // namespace ziping::io::text
