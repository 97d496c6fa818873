// fold()'s plain fast path (no ICU, no table) must give exactly what the general path gives,
// for the texts it takes and for those it hands on: every generated form's values and names,
// the seed's cells, and texts built to sit on the fast path's edges.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ziping/sample/form_generator.h"
#include "ziping/value/fold_general.h"
#include "ziping/value/value.h"

namespace ziping::value {
namespace {

const std::vector<std::string> kEdges = {
    "",
    " ",
    "  \t\n ",
    "≥95%",
    "  ≥ 95 %  ",
    "≤353.3 万元",
    "=100%",
    "==100%",
    ">=95",
    "=>95",
    "<=5",
    "=<5",
    ">>5",
    "> 5",
    "<5",
    "a=b",
    "2022年12月底前",
    "全部达成预期指标。",
    "合格、良好",
    "95%－100%",
    "90%–95%",
    "3~5次",
    "3〜5次",
    "（以上）",
    "＞＝95",
    "＜＝5",
    "＝＝100",
    "＞95，＜99",
    "完成，效果良好。",
    "“双随机”《办法》「是」『否』〈一〉‘单’",
    "【一】〔二〕…",
    "１２３",
    "\u3000有效\u3000",
    "有\u00A0效",
    "有\u200B效",
    "<\u0338 5",
    "e\u0301",
    "\x7F",
    "\x01"
    "abc",
    "\xE4\xB8",     // truncated sequence
    "\xC0\xAF",     // overlong
    "\xED\xA0\x80", // surrogate
    "\xEF\xBF\xBD",
    "丁\u9FFF\u4E00",
    "\u4DFF\u3400",
    "\uF900", // a CJK compatibility ideograph: NFKC changes it
    "≥\u0338",
};

TEST(FoldFastPath, EdgesAgreeWithTheGeneralPath) {
  for (const auto& text : kEdges) EXPECT_EQ(fold(text), fold_general(text)) << text;
}

TEST(FoldFastPath, NulAndControlBytesGoTheGeneralWay) {
  for (const std::string& text : {std::string("a\0b", 3), std::string("\0", 1),
                                  std::string("年\0≥5", 7), std::string("5\0\0次", 6)})
    EXPECT_EQ(fold(text), fold_general(text));
}

TEST(FoldFastPath, GeneratedFormsAgreeWithTheGeneralPath) {
  std::size_t texts = 0;
  for (const auto& form : sample::benchmark_forms(40)) {
    for (const auto& goal : form.goals) {
      for (const auto& leaf : goal.indicators) {
        for (const std::string* text :
             {&leaf.target, &leaf.actual, &leaf.name, &leaf.level1, &leaf.level2}) {
          EXPECT_EQ(fold(*text), fold_general(*text)) << *text;
          ++texts;
        }
      }
    }
  }
  EXPECT_GT(texts, 1000u);
}

TEST(FoldFastPath, EveryPairOfSignificantCharactersAgrees) {
  const std::vector<std::string> pieces = {
      " ",  "=",  "<",  ">",  "≥", "≤",  "5", "a",  "年", "。", "、",     "％",     "＝", "＞",
      "＜", "，", "～", "Ａ", "—", "《", "“", "【", "〔", "…",  "\u0338", "\u3000", "-",  "~"};
  for (const auto& a : pieces)
    for (const auto& b : pieces)
      for (const auto& c : pieces) {
        std::string text = a + b + c;
        EXPECT_EQ(fold(text), fold_general(text)) << text;
      }
}

} // namespace
} // namespace ziping::value

namespace ziping::value {
namespace {

// is_folded() lets the scorer compare texts without folding them: it must never say "folded"
// of a text that fold() changes.
TEST(IsFolded, NeverClaimsATextThatFoldChanges) {
  std::size_t folded = 0;
  auto expect_sound = [&](const std::string& text) {
    if (!is_folded(text)) return;
    ++folded;
    EXPECT_EQ(fold(text), text) << text;
  };
  for (const auto& text : kEdges) expect_sound(text);
  const std::vector<std::string> pieces = {
      " ",  "=",  "<",  ">",  "≥", "≤",  "5", "a",  "年", "。", "、",     "％",     "＝", "＞",
      "＜", "，", "～", "Ａ", "—", "《", "“", "【", "〔", "…",  "\u0338", "\u3000", "-",  "~"};
  for (const auto& a : pieces)
    for (const auto& b : pieces)
      for (const auto& c : pieces) expect_sound(a + b + c);
  for (const auto& form : sample::benchmark_forms(10))
    for (const auto& goal : form.goals)
      for (const auto& leaf : goal.indicators)
        for (const std::string* text : {&leaf.target, &leaf.actual, &leaf.name})
          expect_sound(*text);
  EXPECT_GT(folded, 100u);
  EXPECT_TRUE(is_folded("合格以上"));
  EXPECT_FALSE(is_folded("合格 以上"));
  EXPECT_FALSE(is_folded("＞95"));
}

} // namespace
} // namespace ziping::value
