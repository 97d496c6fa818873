// The text recovery's incremental shortcuts against the whole computations they replace: the
// stream's span facts gathered atom by atom, the cell-to-column alignment grown cell by cell
// (against the whole-table programme it replaced, kept here as the reference), and the label
// lookup's quick refusal by first characters against the word matching it stands in front of.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "ziping/io/text/align.h"
#include "ziping/io/text/stream.h"
#include "ziping/io/text/stream_ocr.h"

namespace ziping::io::text {
namespace {

// Pieces a span is made of: whole characters, among them every one the facts count.
const std::vector<std::string> kPieces = {"(",  ")",  "“",  "”",  "=",  ";",  "≥",  "≤", "得", "扣",
                                          "分", "指", "标", "率", "1",  "0",  ".",  "%", " ",  "a",
                                          "个", "萬", "一", "，", "、", "㐀", "龥", "é"};

bool same(const stream::SpanFacts& a, const stream::SpanFacts& b) {
  return a.key_points == b.key_points && a.key_cjk == b.key_cjk && a.depth == b.depth &&
         a.closed_unopened == b.closed_unopened && a.open_quotes == b.open_quotes &&
         a.close_quotes == b.close_quotes && a.sign == b.sign && a.scoring == b.scoring &&
         a.text_points == b.text_points && a.text_bytes == b.text_bytes &&
         a.text_space == b.text_space && a.balanced() == b.balanced();
}

// A random span grown one piece at a time, as the segmenter grows one atom at a time (a space
// is printed text, not key).
struct GrownSpan {
  stream::SpanFacts facts;
  std::string key, text;

  void add(std::mt19937& random) {
    const std::string& piece = kPieces[random() % kPieces.size()];
    if (piece != " ") {
      key += piece;
      facts.add_key(piece);
    }
    text += piece;
    facts.add_text(piece);
  }
};

TEST(SpanFacts, GatheredPieceByPieceEqualTheWholeSpans) {
  std::mt19937 random(7);
  for (int round = 0; round < 3000; ++round) {
    GrownSpan span;
    int length = 1 + int(random() % 24);
    for (int i = 0; i < length; ++i) {
      span.add(random);
      ASSERT_TRUE(same(span.facts, stream::SpanFacts::of(span.text, span.key)))
          << "text: " << span.text;
    }
  }
}

TEST(SpanFacts, TheFitsWithGatheredFactsEqualThePlainOnes) {
  std::mt19937 random(11);
  for (int round = 0; round < 3000; ++round) {
    GrownSpan span;
    int length = 1 + int(random() % 16);
    for (int i = 0; i < length; ++i) span.add(random);
    const auto& [grown, key, text] = span;
    for (Column c : {Column::Name, Column::Target, Column::Actual, Column::Reason}) {
      EXPECT_EQ(stream::fit_column(c, text, key, grown), stream::fit_column(c, text, key))
          << "text: " << text;
    }
  }
}

// The alignment programme as it was before it grew (a whole table per call), the reference.
Alignment whole_table(const std::vector<AlignInput>& cells,
                      const std::vector<AlignColumn>& columns) {
  constexpr int kImpossible = -1000000;
  const std::size_t n = cells.size(), m = columns.size();
  struct Step {
    int score = kImpossible, from_j = -1, from_open = 0, action = 0;
  };
  std::vector<Step> table((n + 1) * (m + 1) * 2);
  auto at = [&](std::size_t i, std::size_t j, int open) -> Step& {
    return table[(i * (m + 1) + j) * 2 + std::size_t(open)];
  };
  auto relax = [&](std::size_t i, std::size_t j, int open, int score, int from_j, int from_open,
                   int action) {
    Step& step = at(i, j, open);
    if (score > step.score) step = {score, from_j, from_open, action};
  };
  auto compat = [&](std::size_t i, std::size_t j) {
    return column_fit(columns[j].type, cells[i].shape);
  };
  at(0, 0, 0).score = 0;
  for (std::size_t i = 0; i <= n; ++i) {
    for (std::size_t j = 0; j <= m; ++j) {
      for (int open = 0; open < 2; ++open) {
        const Step current = at(i, j, open);
        if (current.score == kImpossible) continue;
        if (j < m)
          relax(i, j + 1, 0, current.score + (columns[j].type == Column::Name ? -6 : 0), int(j),
                open, 3);
        if (i == n) continue;
        relax(i + 1, j, 0, current.score + (cells[i].shape.empty ? 0 : -12), int(j), open, 0);
        if (cells[i].shape.empty) continue;
        if (j < m) relax(i + 1, j + 1, 1, current.score + compat(i, j), int(j), open, 1);
        if (open == 1 && j > 0) {
          Column type = columns[j - 1].type;
          bool text = type == Column::Name || type == Column::Target || type == Column::Adjusted ||
                      type == Column::Actual || type == Column::Reason ||
                      type == Column::Standard || type == Column::Explanation ||
                      type == Column::Other;
          if (text)
            relax(i + 1, j, 1, current.score + (cells[i].shape.unit ? 1 : -3), int(j), open, 2);
        }
      }
    }
  }
  Alignment result;
  result.score = std::max(at(n, m, 0).score, at(n, m, 1).score);
  return result;
}

TEST(GrowingAlignment, EveryPrefixScoresAsTheWholeTableProgramme) {
  const std::vector<std::string> texts = {"培训次数",
                                          "≥5次",
                                          "6次",
                                          "2",
                                          "1.5",
                                          "95%",
                                          "次",
                                          "—",
                                          "达成",
                                          "产出指标",
                                          "未完成原因是资金到位较晚，影响了项目进度安排",
                                          ""};
  const std::vector<AlignColumn> columns = {{Column::Name, -1, -1},   {Column::Target, -1, -1},
                                            {Column::Actual, -1, -1}, {Column::Weight, -1, -1},
                                            {Column::Score, -1, -1},  {Column::Reason, -1, -1}};
  std::vector<Cell> cells(texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) cells[i].text = texts[i];
  std::mt19937 random(3);
  for (int round = 0; round < 200; ++round) {
    GrowingAlignment growing(columns, false);
    std::vector<AlignInput> inputs;
    int length = 1 + int(random() % 12);
    for (int i = 0; i < length; ++i) {
      const Cell& cell = cells[random() % cells.size()];
      inputs.push_back({&cell, shape_of(cell.text), -1, -1});
      growing.push(inputs.back());
      Alignment grown = growing.alignment();
      EXPECT_EQ(grown.score, whole_table(inputs, columns).score);
      Alignment fresh = align_cells(inputs, columns, false);
      EXPECT_EQ(grown.column_of, fresh.column_of);
      EXPECT_EQ(grown.joined, fresh.joined);
    }
  }
}

// FirstCharacters may refuse an atom only where no word matches there, look-alikes included
// (label_at returns early on its refusal); and it does refuse atoms, or it would be no shortcut.
TEST(Incremental, FirstCharactersRefuseOnlyWhereNoWordIsRead) {
  const std::vector<std::string_view> words = {"项目决策", "产出", "效益", "满意度"};
  const stream::FirstCharacters firsts(words);
  const std::vector<std::string> pieces = {"项", "顼", "目", "fl", "决", "策", "产", "出",
                                           "效", "郊", "益", "满", "意", "度", "X",  ""};
  std::mt19937 random(5);
  int refused = 0;
  for (int round = 0; round < 2000; ++round) {
    stream::Stream s;
    for (int n = 0; n < 8; ++n) {
      stream::Atom atom;
      atom.text = atom.key = pieces[random() % pieces.size()];
      s.offset.push_back(s.keys.size());
      s.keys += atom.key;
      s.atoms.push_back(atom);
    }
    s.offset.push_back(s.keys.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
      bool read = false;
      for (auto word : words) read = read || stream::match_read(s, i, word) != 0;
      bool may = firsts.may_begin(s, i);
      EXPECT_TRUE(may || !read) << s.keys << " at " << i;
      refused += !may;
    }
  }
  EXPECT_GT(refused, 0);
}

} // namespace
} // namespace ziping::io::text
