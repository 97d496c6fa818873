// io/csv/columns.h — the column headers of spreadsheet forms (XLSX and CSV alike): how a
// header cell is folded before comparing, which spellings name which field (分值 / 权重 /
// 分数, 得分 / 自评得分, …; the catalogue's headers and synonyms, model/fields.def) and which
// known header a misspelt one probably meant.
//
// It knows header texts only: no cells, no positions, no file formats. It never throws.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ziping/model/fields.h"
#include "ziping/num/decimal.h"

namespace ziping::io::sheet {

// A field of the form that a column (or a labelled cell) can hold: the catalogue's
// (model/fields.def), layout headers (序号, 绩效目标, 总分, 小计) included.
using Field = model::FieldId;

// A header as compared: NFKC and the value fold (full-width → half-width), then without
// spaces, asterisks, a trailing colon and parenthesised asides ("全年预算数（A）" →
// "全年预算数", "评(扣)分标准" → "评分标准", "得分系数(%)" → "得分系数").
std::string fold_header(std::string_view text);

// The text inside the last parenthesised aside, if any: "预算执行情况（万元）" → "万元".
std::optional<std::string> parenthesised(std::string_view text);

struct HeaderName {
  Field field;
  std::string canonical; // the catalogue's printed header, folded
  std::vector<std::string_view> synonyms;
};

// The columns of an indicator table, the goal block and the budget block.
std::span<const HeaderName> indicator_headers();
std::span<const HeaderName> goal_headers();
std::span<const HeaderName> budget_headers();
// Cells that label the value to their right (部门名称, 年度, 自评等级, …).
std::span<const HeaderName> label_headers();

// The field a folded header names in `table`, exact canonical names first, then synonyms.
std::optional<Field> match_header(std::string_view folded, std::span<const HeaderName> table);
// Whether the folded text is a header's canonical name rather than one of its synonyms.
bool is_canonical_header(std::string_view folded, std::span<const HeaderName> table);
// The canonical name closest to an unknown header, when one is close enough to be a typo or
// a variant (edit distance on code points at most a third of the length), else "".
std::string suggest_header(std::string_view folded, std::span<const HeaderName> table);

// The first digits in a text as a goal number: "绩效目标3" → 3, "目标 12" → 12.
std::optional<int> number_in(std::string_view text);

} // namespace ziping::io::sheet

namespace ziping::io::sheet {

enum class NumberText { Blank, Number, NotANumber };

// A number typed as text, as people type them into sheets: "22681.6", " 1,466.50 ", "２",
// "9.55分". A dash or slash alone ("—", "-", "/") means "nothing here" and reads as Blank.
// Exponents and anything else read as NotANumber; `out` keeps the digits as written.
NumberText parse_number_text(std::string_view text, std::optional<num::Decimal>& out);

} // namespace ziping::io::sheet
