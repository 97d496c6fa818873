// parse_value() remembers the general path's answers for short texts (parse_memo.h): an
// answer from the memo must be exactly the general path's, for the role asked (the same text
// reads differently as a target and as an actual), also after texts have pushed one another
// out of their slots, and a text longer than the memo keeps must still be read.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ziping/value/parse_general.h"
#include "ziping/value/parse_memo.h"
#include "ziping/value/value.h"

namespace ziping::value {
namespace {

void expect_general(const std::string& text, Role role) {
  ParseResult remembered = parse_value(text, role);
  ParseResult general = parse_value_general(text, role);
  EXPECT_EQ(remembered.value, general.value)
      << text << " (" << (role == Role::Target ? "target" : "actual") << ")";
  ASSERT_EQ(remembered.diagnostics.size(), general.diagnostics.size()) << text;
  for (std::size_t i = 0; i < general.diagnostics.size(); ++i) {
    EXPECT_EQ(remembered.diagnostics[i].id, general.diagnostics[i].id) << text;
    EXPECT_EQ(remembered.diagnostics[i].args, general.diagnostics[i].args) << text;
  }
}

const std::vector<std::string> kVocabulary = {"合格以上",
                                              "合格",
                                              "基本合格",
                                              "2023年12月底前",
                                              "2023年11月底",
                                              "全部达成预期指标",
                                              "有所提高",
                                              "及时",
                                              "是",
                                              "优",
                                              "=58个",
                                              "达到58个",
                                              "58个以上",
                                              "不低于95%",
                                              "90%-95%",
                                              "3至5次",
                                              "—",
                                              "",
                                              "  合格 ",
                                              "≥ 120 次",
                                              "+2022年",
                                              "1e5",
                                              "≥≤5",
                                              "约100人",
                                              "100000000000000000000000000000000元",
                                              "（≥90％）"};

TEST(ParseMemo, AnswersAsTheGeneralPathForEachRole) {
  for (int round = 0; round < 3; ++round) // the first round fills the memo, the others read it
    for (const auto& text : kVocabulary)
      for (Role role : {Role::Target, Role::Actual}) expect_general(text, role);
}

TEST(ParseMemo, KeepsTheRoleApart) {
  EXPECT_EQ(parse_value("=58个", Role::Target).value.comparator, Comparator::Equal);
  EXPECT_EQ(parse_value("=58个", Role::Actual).value.comparator, Comparator::None);
  EXPECT_EQ(parse_value("=58个", Role::Target).value.comparator, Comparator::Equal);
}

TEST(ParseMemo, SlotsSharedByManyTextsStillAnswerRight) {
  // Far more texts than slots: every slot is overwritten several times.
  std::vector<std::string> texts;
  for (int i = 0; i < 2000; ++i)
    texts.push_back(std::to_string(2000 + i % 60) + "年" + std::to_string(1 + i % 12) + "月底前" +
                    (i % 2 ? "完成" : ""));
  for (int round = 0; round < 2; ++round)
    for (const auto& text : texts) expect_general(text, round ? Role::Actual : Role::Target);
}

TEST(ParseMemo, KeepsNothingLongerThanItsLimit) {
  std::string long_text(ParseMemo::kLongest + 3, 'x');
  ParseMemo memo;
  memo.keep(long_text, Role::Target, parse_value_general(long_text, Role::Target));
  EXPECT_EQ(memo.find(long_text, Role::Target), nullptr);
  std::string short_text = "合格";
  memo.keep(short_text, Role::Target, parse_value_general(short_text, Role::Target));
  ASSERT_NE(memo.find(short_text, Role::Target), nullptr);
  EXPECT_EQ(memo.find(short_text, Role::Actual), nullptr);
  expect_general(long_text, Role::Target);
}

} // namespace
} // namespace ziping::value
