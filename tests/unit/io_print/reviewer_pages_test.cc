// The 财政复核 section: one row per scored leaf in the form's order with the reviewer's exact
// digits, the comments with the cell each is pinned to, a title saying it is not the unit's
// form; nothing at all for an empty review. The HTML page prints it after the form.
#include <gtest/gtest.h>

#include "print_fixtures.h"
#include "ziping/io/html/html_writer.h"
#include "ziping/io/json/form_writer.h"
#include "ziping/io/print/review.h"
#include "ziping/io/registry.h"

namespace ziping::io::print {
namespace {

model::Review two_scores() {
  model::Review review;
  review.state = "已通过 approved";
  // Given out of the form's order: printed in it.
  review.scores.push_back({"goals[1].indicators[0]", std::nullopt,
                           num::Decimal::parse("3.0").value(), std::nullopt, "达标", "f", ""});
  review.scores.push_back({"goals[0].indicators[0]", num::Decimal::parse("2"),
                           num::Decimal::parse("1.250").value(), num::Decimal::parse("-0.750"),
                           "佐证不足", "f", "2026-12-07"});
  review.comments.push_back({"goals[0].indicators[0].actual", "请补充", "s", "2026-12-06"});
  review.comments.push_back({"", "整体偏高", "s", ""});
  return review;
}

std::string texts(const Row& row) {
  std::string out;
  for (const auto& cell : row.cells) out += cell.text + "|";
  return out;
}

TEST(ReviewerPages, ScoresInFormOrderAndCommentsWithTheirCells) {
  auto form = testing::seed_form();
  ASSERT_GE(form.goals.size(), 2u);
  auto sections = reviewer_sections(official_layout(form), form, two_scores());
  ASSERT_EQ(sections.size(), 2u);
  EXPECT_EQ(sections[0].name, "finance-review");
  std::string title = sections[0].header[0].cells[0].text;
  EXPECT_NE(title.find("附：复核意见（财政复核）"), std::string::npos);
  EXPECT_NE(title.find("已通过 approved"), std::string::npos);
  EXPECT_NE(title.find("非单位申报内容"), std::string::npos);
  ASSERT_EQ(sections[0].body.size(), 2u);
  std::string first = texts(sections[0].body[0]);
  EXPECT_NE(first.find(form.goals[0].indicators[0].name), std::string::npos) << first;
  EXPECT_NE(first.find("|2|1.250|-0.750|佐证不足"), std::string::npos) << first;
  EXPECT_NE(texts(sections[0].body[1]).find("|—|3.0|—|达标"), std::string::npos);
  ASSERT_EQ(sections[1].body.size(), 2u);
  std::string pinned = texts(sections[1].body[0]);
  EXPECT_NE(pinned.find("」·实际完成值\ngoals[0].indicators[0].actual|"), std::string::npos)
      << pinned;
  EXPECT_NE(texts(sections[1].body[1]).find("全表"), std::string::npos);
  EXPECT_TRUE(reviewer_sections(official_layout(form), form, model::Review{}).empty());
}

TEST(ReviewerPages, TheHtmlPagePrintsItAfterTheForm) {
  auto form = testing::seed_form();
  model::Review review = two_scores();
  std::string page = html::write_html(form, {.review = &review});
  auto form_end = page.find("</main>");
  auto section = page.find("id=\"finance-review\"");
  ASSERT_NE(section, std::string::npos);
  EXPECT_GT(section, form_end);
  EXPECT_NE(page.find("1.250", section), std::string::npos);
  EXPECT_EQ(html::write_html(form).find("finance-review"), std::string::npos);
  // The HTML reader takes the page back to the same form: the review is not read as the form's.
  const Format* format = find_format("html");
  ASSERT_TRUE(format && format->read);
  auto read = format->read(page, {"ours.html", form.kind});
  ASSERT_TRUE(read.form);
  EXPECT_EQ(json::write_form_json(*read.form), json::write_form_json(form));
}

} // namespace
} // namespace ziping::io::print
