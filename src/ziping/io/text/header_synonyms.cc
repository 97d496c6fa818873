#include "ziping/io/text/header_synonyms.h"

namespace ziping::io::text {
namespace {

// Longest words first is not required: the matcher takes the longest match at each place.
constexpr HeaderSynonym kSynonyms[] = {
    // the name column, which starts the column model
    {"三级指标", Column::Name},
    {"指标名称", Column::Name},
    {"三级指标名称", Column::Name},
    {"绩效指标名称", Column::Name},
    // targets
    {"年度指标值", Column::Target},
    {"年度目标值", Column::Target},
    {"年初指标值", Column::Target},
    {"年初目标值", Column::Target},
    {"年初设定目标", Column::Target},
    {"预期指标值", Column::Target},
    {"预期目标值", Column::Target},
    {"指标值", Column::Target},
    {"目标值", Column::Target},
    {"全年指标值", Column::Target},
    {"调整指标值", Column::Adjusted},
    {"调整后指标值", Column::Adjusted},
    {"全年调整指标值", Column::Adjusted},
    // actuals
    {"实际完成值", Column::Actual},
    {"全年实际值", Column::Actual},
    {"全年完成值", Column::Actual},
    {"实际完成情况", Column::Actual},
    {"完成值", Column::Actual},
    {"实际值", Column::Actual},
    {"实际完成", Column::Actual},
    // weights and scores
    {"分值", Column::Weight},
    {"权重", Column::Weight},
    {"指标分值", Column::Weight},
    {"指标权重", Column::Weight},
    {"权重(分)", Column::Weight},
    {"得分", Column::Score},
    {"自评得分", Column::Score},
    {"指标得分", Column::Score},
    {"评分", Column::Score},
    {"得分系数", Column::Coefficient},
    // reasons and other texts
    {"偏差原因分析及改进措施", Column::Reason},
    {"未完成原因及拟采取的改进措施", Column::Reason},
    {"未完成原因分析及改进措施", Column::Reason},
    {"未完成原因分析", Column::Reason},
    {"未完成原因", Column::Reason},
    {"偏差原因分析", Column::Reason},
    {"偏差原因", Column::Reason},
    {"原因分析", Column::Reason},
    {"评分标准", Column::Standard},
    {"评(扣)分标准", Column::Standard},
    {"指标说明及评分标准", Column::Standard},
    {"评分依据", Column::Standard},
    {"指标解释", Column::Other},
    {"指标说明", Column::Other},
    {"得分计算方法", Column::Other},
    {"备注", Column::Other},
    {"是否核心指标", Column::Core},
    // a target over sub-columns
    {"指标性质", Column::Nature},
    {"符号", Column::Nature},
    {"度量单位", Column::Unit},
    {"计量单位", Column::Unit},
    // fragments of a header cell wrapped over two lines
    {"年度", Column::None},
    {"实际", Column::None},
    {"全年", Column::None},
    {"年初", Column::None},
};

constexpr std::string_view kSuffixes[] = {"(A)", "(B)", "(%)", "(分)", "(万元)", "(元)"};

} // namespace

std::span<const HeaderSynonym> indicator_header_synonyms() {
  return kSynonyms;
}
std::span<const std::string_view> header_word_suffixes() {
  return kSuffixes;
}

} // namespace ziping::io::text
