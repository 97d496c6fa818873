// The PDF reader: the committed fixtures read back to their truth; anything that is not a
// readable PDF is one diagnostic and no form; word boxes alone make a table.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "ziping/io/json/form_writer.h"
#include "ziping/io/pdf/pdf_reader.h"
#include "ziping/io/pdf/pdf_table.h"

namespace ziping::io::pdf {
namespace {

using diag::DiagId;

std::string file(const std::string& path) {
  std::ifstream in(std::string(ZIPING_SOURCE_DIR) + "/" + path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool has(const model::ReadResult& result, DiagId id) {
  for (const auto& d : result.diagnostics) {
    if (d.id == id) return true;
  }
  return false;
}

TEST(PdfReader, FixturesReadBackToTheirTruth) {
  for (std::string name : {"import-pdf-proj", "import-pdf-dept", "import-pdf-cairo"}) {
    auto result =
        read_pdf_form(file("tests/golden/" + name + "/input.pdf"), {"input.pdf", std::nullopt});
    ASSERT_TRUE(result.form) << name;
    EXPECT_EQ(json::write_form_json(*result.form), file("tests/golden/" + name + "/truth.json"))
        << name;
    EXPECT_TRUE(has(result, DiagId::note_pdf_layout));
  }
}

TEST(PdfReader, NotAPdf) {
  auto result = read_pdf_form("%PDF-1.4\nthis is not a PDF at all", {"x.pdf", std::nullopt});
  EXPECT_FALSE(result.form);
  EXPECT_TRUE(has(result, DiagId::err_pdf_unreadable));
  EXPECT_TRUE(has(read_pdf_form("", {"x.pdf", std::nullopt}), DiagId::err_input_empty));
  // A damaged fixture: the first half of a real PDF.
  std::string half = file("tests/golden/import-pdf-proj/input.pdf");
  half.resize(half.size() / 2);
  auto damaged = read_pdf_form(half, {"x.pdf", std::nullopt});
  EXPECT_TRUE(damaged.form || !damaged.diagnostics.empty());
}

TEST(PdfReader, APageWithoutText) {
  // A one-page PDF with no text operators (a scan would look like this to the reader).
  std::string pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                    "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
                    "trailer<</Root 1 0 R>>\n%%EOF\n";
  auto result = read_pdf_form(pdf, {"scan.pdf", std::nullopt});
  EXPECT_TRUE(has(result, DiagId::warn_pdf_page_no_text));
}

TEST(PdfTable, MergedLabelGoesToTheFirstRowOfItsSpan) {
  // Header, then three rows; 一级 "产出指标" is printed once, centred on the first two rows.
  std::vector<Word> words;
  auto word = [&](double x0, double x1, double y, std::string text) {
    words.push_back({1, x0, x1, y, std::move(text), 12});
  };
  const double y0 = 100, step = 20;
  word(10, 46, y0, "一级指标");
  word(60, 96, y0, "三级指标");
  word(110, 155, y0, "年度指标值");
  word(170, 215, y0, "实际完成值");
  word(230, 248, y0, "分值");
  word(260, 278, y0, "得分");
  const char* names[] = {"甲指标名", "乙指标名", "丙指标名"};
  for (int r = 0; r < 3; ++r) {
    double y = y0 + step * (r + 1);
    word(60, 96, y, names[r]);
    word(110, 140, y, "≥1次");
    word(170, 190, y, "1次");
    word(235, 240, y, "5");
    word(265, 270, y, "5");
  }
  word(10, 46, y0 + step * 1.5, "产出指标");
  word(10, 46, y0 + step * 3, "效益指标");
  auto grid = table_from_words(words, "t.pdf");
  ASSERT_EQ(grid.rows.size(), 4u);
  EXPECT_EQ(grid.rows[1].cells[0].text, "产出指标");
  EXPECT_EQ(grid.rows[2].cells[0].text, "");
  EXPECT_EQ(grid.rows[3].cells[0].text, "效益指标");
  EXPECT_EQ(grid.rows[2].cells[1].text, "乙指标名");
}

TEST(PdfTable, HeaderWordsCloserThanACharacterStillNameTwoColumns) {
  // An office suite's narrow columns: 分值 and 得分 are 5 pt apart (less than half a
  // character), so they join into one phrase; their figures below are 17 pt apart.
  std::vector<Word> words;
  auto word = [&](double x0, double x1, double y, std::string text) {
    words.push_back({1, x0, x1, y, std::move(text), 12});
  };
  word(10, 58, 100, "一级指标");
  word(70, 118, 100, "三级指标");
  word(130, 190, 100, "年度指标值");
  word(200, 260, 100, "实际完成值");
  word(270, 294, 100, "分值");
  word(299, 323, 100, "得分");
  word(10, 58, 140, "产出指标");
  word(70, 118, 140, "学校数量");
  word(130, 154, 140, "86所");
  word(200, 224, 140, "86所");
  word(270, 282, 140, "20");
  word(299, 311, 140, "19");
  auto grid = table_from_words(words, "t.pdf");
  ASSERT_EQ(grid.rows.size(), 2u);
  ASSERT_EQ(grid.rows[0].cells.size(), 6u);
  EXPECT_EQ(grid.rows[0].cells[4].text, "分值");
  EXPECT_EQ(grid.rows[0].cells[5].text, "得分");
  ASSERT_EQ(grid.rows[1].cells.size(), 6u);
  EXPECT_EQ(grid.rows[1].cells[4].text, "20");
  EXPECT_EQ(grid.rows[1].cells[5].text, "19");
}

// The text of all pages is bounded (kMaxPdfCharacters, ZP0179): the refusal names the limit
// and the page where it was passed. A small limit on a real fixture shows it.
TEST(PdfReader, TextBeyondTheCharacterLimitIsRefusedAtItsPage) {
  std::string pdf = file("tests/golden/import-pdf-dept/input.pdf");
  auto refused = read_pdf_form(pdf, {"input.pdf", std::nullopt}, 50);
  EXPECT_FALSE(refused.form);
  ASSERT_EQ(refused.diagnostics.size(), 1u);
  EXPECT_EQ(refused.diagnostics[0].id, DiagId::err_pdf_too_many_characters);
  EXPECT_EQ(refused.diagnostics[0].where.page, 1);
  EXPECT_NE(refused.diagnostics[0].message_en().find("more than 50 characters"), std::string::npos);
  EXPECT_TRUE(read_pdf_form(pdf, {"input.pdf", std::nullopt}).form);
}

} // namespace
} // namespace ziping::io::pdf
