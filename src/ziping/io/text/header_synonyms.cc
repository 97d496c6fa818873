#include "ziping/io/text/header_synonyms.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "ziping/io/text/keys.h"
#include "ziping/model/fields.h"

namespace ziping::io::text {
namespace {

using model::FieldId;

// The column of the published indicator table that holds a catalogue field. 一级/二级 are
// labels the recovery finds by their own vocabulary, not header words of the column model.
std::optional<Column> column_of(FieldId id) {
  switch (id) {
  case FieldId::Name:
    return Column::Name;
  case FieldId::Explanation:
    return Column::Explanation;
  case FieldId::Nature:
    return Column::Nature;
  case FieldId::Unit:
    return Column::Unit;
  case FieldId::Target:
    return Column::Target;
  case FieldId::AdjustedTarget:
    return Column::Adjusted;
  case FieldId::Actual:
    return Column::Actual;
  case FieldId::Weight:
    return Column::Weight;
  case FieldId::ScoreCoefficient:
    return Column::Coefficient;
  case FieldId::Score:
    return Column::Score;
  case FieldId::Reason:
    return Column::Reason;
  case FieldId::ScoringStandard:
    return Column::Standard;
  case FieldId::Core:
    return Column::Core;
  default:
    return std::nullopt;
  }
}

// Words of published pages only: columns the model does not hold, and the first halves of
// header cells wrapped over two lines (年度 / 指标值), which no spreadsheet header is.
constexpr HeaderSynonym kPublishedOnly[] = {
    {"得分计算方法", Column::Other},
    {"备注", Column::Other},
    {"年度", Column::None},
    {"实际", Column::None},
    {"全年", Column::None},
    {"年初", Column::None},
    {"参考分值", Column::Weight},
    {"评价标准", Column::Standard},
    {"评价标准及依据", Column::Standard},
    {"指标评价内容", Column::Standard}, // 四川 项目支出绩效评分表
    {"复核分", Column::Review},
    {"评价内容", Column::Name},
    {"复核得分", Column::Review},
    // A report's 项目年度绩效目标 table (评价内容 | 绩效内容 | 绩效目标值 | 实际完成值 |
    // 累计完成率): the indicator under 绩效内容, its completion rate a column the model does not
    // hold.
    {"绩效内容", Column::Name},
    {"绩效目标值", Column::Target},
    {"累计完成率", Column::Rate},
    {"目标完成率", Column::Rate},
};

// Sheet headers that are ordinary words in a published page's running text or block labels
// (绩效指标 heads the whole table in the 项目 template; 单位 and 分数 occur everywhere).
constexpr std::string_view kSheetOnly[] = {"绩效指标", "年度绩效指标", "单位", "分数"};

bool sheet_only(std::string_view word) {
  return std::find(std::begin(kSheetOnly), std::end(kSheetOnly), word) != std::end(kSheetOnly);
}

// The header words of the field catalogue (model/fields.def: each indicator field's printed
// header and the synonyms the sheet readers accept), then the published-only words: one table
// of wordings for the spreadsheets and the published pages alike.
std::vector<HeaderSynonym> build_synonyms() {
  std::vector<HeaderSynonym> out;
  for (const model::FieldInfo* info : model::fields_of(model::Owner::Indicator)) {
    auto column = column_of(info->id);
    if (!column) continue;
    if (!info->header.empty()) out.push_back({info->header, *column});
    for (std::string_view word : info->synonyms)
      if (!sheet_only(word)) out.push_back({word, *column});
  }
  out.insert(out.end(), std::begin(kPublishedOnly), std::end(kPublishedOnly));
  return out;
}

} // namespace

std::span<const HeaderSynonym> indicator_header_synonyms() {
  static const std::vector<HeaderSynonym> synonyms = build_synonyms();
  return synonyms;
}

std::optional<Column> exact_header_column(std::string_view cell_key) {
  static const std::map<std::string, Column, std::less<>> by_key = [] {
    std::map<std::string, Column, std::less<>> out;
    for (const auto& synonym : indicator_header_synonyms())
      if (synonym.column != Column::None) out.emplace(key(synonym.word), synonym.column);
    return out;
  }();
  auto found = by_key.find(cell_key);
  if (found == by_key.end()) return std::nullopt;
  return found->second;
}

} // namespace ziping::io::text
