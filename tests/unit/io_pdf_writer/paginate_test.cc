// Page breaking on made-up boxes (no fonts needed): headings repeated, labels and merged cells
// given room on every page, blocks kept together, headings never orphaned, tall rows split.
#include "ziping/io/pdf_writer/geometry.h"

#include <gtest/gtest.h>

namespace ziping::io::pdf_writer {
namespace {

PageFrame frame() {
  PageFrame f;
  f.first_top = 100;
  f.top = 20;
  f.bottom = 220; // 200 pt on later pages, 120 on the first
  f.padding = 2;
  f.min_row = 20;
  return f;
}

// A cell with `lines` lines of 10 pt.
CellBox cell(int column, int lines, int rows = 1) {
  CellBox box;
  box.column = column;
  box.rows = rows;
  for (int i = 0; i < lines; ++i) box.lines.push_back({Pt(10 * i), 10, Pt(10 * i + 8), 0});
  return box;
}

RowBox row(std::vector<CellBox> cells) {
  RowBox box;
  box.cells = std::move(cells);
  box.height = natural_height(box, frame());
  return box;
}

SectionBox table(int rows, int heading_rows = 1) {
  SectionBox section;
  for (int i = 0; i < heading_rows; ++i) section.header.push_back(row({cell(0, 1), cell(1, 1)}));
  for (int i = 0; i < rows; ++i) section.body.push_back(row({cell(0, 1), cell(1, 1)}));
  return section;
}

void expect_inside(const std::vector<PageBox>& pages, const PageFrame& f) {
  for (std::size_t p = 0; p < pages.size(); ++p) {
    for (const auto& slice : pages[p].slices) {
      EXPECT_GE(slice.y, p == 0 ? f.first_top : f.top);
      EXPECT_LE(slice.y + slice.height, f.bottom + 1e-6) << "page " << p + 1;
    }
  }
}

TEST(Paginate, NaturalHeightIsTextPlusPaddingAtLeastTheMinimum) {
  EXPECT_EQ(natural_height(row({cell(0, 0)}), frame()), 20);
  EXPECT_EQ(natural_height(row({cell(0, 1), cell(1, 3)}), frame()), 34);
  // A merged cell does not size its first row.
  EXPECT_EQ(natural_height(row({cell(0, 1), cell(1, 9, 4)}), frame()), 20);
}

TEST(Paginate, HeadingsRepeatOnEveryContinuedPage) {
  auto f = frame();
  auto pages = paginate({table(20)}, f);
  // 120 pt on the first page: heading + 5 rows; 200 pt later: heading + 9 rows.
  ASSERT_EQ(pages.size(), 3u);
  for (const auto& page : pages) {
    ASSERT_FALSE(page.slices.empty());
    EXPECT_TRUE(page.slices[0].header);
    EXPECT_EQ(page.slices[0].row, 0);
  }
  int body = 0;
  for (const auto& page : pages)
    for (const auto& slice : page.slices) body += slice.header ? 0 : 1;
  EXPECT_EQ(body, 20);
  expect_inside(pages, f);
}

TEST(Paginate, HeadingsAreNotLeftAloneAtTheFootOfAPage) {
  auto f = frame();
  SectionBox filler;
  for (int i = 0; i < 5; ++i) filler.body.push_back(row({cell(0, 1)}));
  auto pages = paginate({filler, table(3)}, f);
  // The first page holds 5 filler rows (100 pt of 120); the table's heading would fit alone.
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].slices.size(), 5u);
  EXPECT_TRUE(pages[1].slices[0].header);
  EXPECT_EQ(pages[1].slices[0].section, 1);
}

TEST(Paginate, SmallBlocksMoveWhole) {
  auto f = frame();
  SectionBox filler;
  for (int i = 0; i < 4; ++i) filler.body.push_back(row({cell(0, 1)}));
  SectionBox block;
  block.keep_together = true;
  for (int i = 0; i < 3; ++i) block.body.push_back(row({cell(0, 1)}));
  auto pages = paginate({filler, block}, f);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].slices.size(), 4u);
  EXPECT_EQ(pages[1].slices.size(), 3u);
}

TEST(Paginate, ALabelGetsRoomOnEveryPageItContinuesOn) {
  auto f = frame();
  SectionBox section = table(10);
  section.label = cell(0, 5); // 54 pt of text with padding
  auto pages = paginate({section}, f);
  ASSERT_GE(pages.size(), 2u);
  for (const auto& page : pages) {
    Pt covered = 0;
    for (const auto& slice : page.slices) covered += slice.height;
    EXPECT_GE(covered, 54 - 1e-6);
  }
  expect_inside(pages, f);
}

TEST(Paginate, AMergedCellGetsRoomWhereOnlyOneOfItsRowsIsOnThePage) {
  auto f = frame();
  SectionBox section;
  section.header.push_back(row({cell(0, 1), cell(1, 1)}));
  // 绩效目标N over all six rows, five lines tall (54 pt with padding); its rows are 20 pt.
  section.body.push_back(row({cell(0, 5, 6), cell(1, 1)}));
  for (int i = 0; i < 5; ++i) section.body.push_back(row({cell(1, 1)}));
  auto pages = paginate({section}, f);
  // First page: heading and rows 0–4 (120 pt); the second: heading and row 5, which alone
  // carries the repeated label and so grows to 54 pt.
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].slices.size(), 6u);
  ASSERT_EQ(pages[1].slices.size(), 2u);
  EXPECT_EQ(pages[1].slices[1].row, 5);
  EXPECT_DOUBLE_EQ(pages[1].slices[1].height, 54);
  expect_inside(pages, f);
}

TEST(Paginate, ARowTallerThanAPageIsSplitBetweenItsLines) {
  auto f = frame();
  SectionBox section = table(1);
  section.body.push_back(row({cell(0, 1), cell(1, 45)})); // 454 pt
  section.body.push_back(row({cell(0, 1), cell(1, 1)}));
  auto pages = paginate({section}, f);
  ASSERT_GE(pages.size(), 3u);
  int lines = 0;
  for (const auto& page : pages) {
    EXPECT_TRUE(page.slices[0].header);
    for (const auto& slice : page.slices) {
      if (slice.header || slice.row != 1) continue;
      ASSERT_EQ(slice.lines.size(), 2u);
      lines += slice.lines[1].second - slice.lines[1].first;
    }
  }
  EXPECT_EQ(lines, 45); // every line once
  expect_inside(pages, f);
}

TEST(Paginate, AnEmptyDocumentIsOneEmptyPage) {
  auto pages = paginate({}, frame());
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_TRUE(pages[0].slices.empty());
}

} // namespace
} // namespace ziping::io::pdf_writer
