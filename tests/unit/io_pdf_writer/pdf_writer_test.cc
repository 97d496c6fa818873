// The PDF read back with poppler (pdftotext, pdfinfo, pdffonts): every indicator's texts and
// declared figures extractable, every page A4 landscape with its number, every word inside
// the page, the indicator headings and the goal labels repeated on continued pages, the fonts
// embedded, the output the same bytes twice (but for the creation date).
//
// These tests need a Chinese font and poppler-utils; without them they fail and say which
// package to install (scripts/deps.sh installs both).
#include "ziping/io/pdf_writer/pdf_writer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "../io_print/print_fixtures.h"
#include "poppler_text.h"
#include "ziping/io/json/form_writer.h"
#include "ziping/io/registry.h"

// LeakSanitizer (make test-asan): fontconfig keeps what pango asks of it for the life of the
// process (the family list, matches made on pango's font thread), and cairo 1.16 loses one
// small array (about 1.5 KB) per PDF while finishing the font subsets — neither ours to free.
// The fast unwinder stops inside these libraries (no frame pointers), so they are excused by
// library; a layout or font description of ours (pango, glib) would still be reported.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\nleak:libcairo.so\n";
}

namespace ziping::io::pdf_writer {
namespace {

using testing::awkward_form;
using testing::long_text_form;
using testing::project_form;
using testing::seed_form;

using testing_poppler::run;
using testing_poppler::without_spaces;

class PdfWriter : public ::testing::Test {
protected:
  void SetUp() override {
    if (run("fc-list :lang=zh family").empty())
      FAIL() << "no Chinese font installed (fc-list :lang=zh is empty): the PDF writer needs "
                "fonts-noto-cjk — run scripts/deps.sh";
    if (run("command -v pdftotext pdfinfo pdffonts").empty())
      FAIL() << "pdftotext not found: these tests read the PDF back with poppler-utils — run "
                "scripts/deps.sh";
  }

  // Writes the PDF to a file of its own and returns its path.
  std::string save(const std::string& pdf, const std::string& name) {
    std::string path = ::testing::TempDir() + "ziping-" + name + ".pdf";
    std::ofstream(path, std::ios::binary) << pdf;
    return path;
  }

  // Text in drawing order (each cell's lines together), spaces removed, all pages or one.
  std::string text(const std::string& path, int page = 0) {
    std::string range = page ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
    return without_spaces(run("pdftotext -raw" + range + " '" + path + "' -"));
  }

  int pages(const std::string& path) {
    std::smatch m;
    std::string info = run("pdfinfo '" + path + "'");
    return std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")) ? std::stoi(m[1]) : 0;
  }
};

TEST_F(PdfWriter, EveryIndicatorIsExtractable) {
  for (const auto& form : {seed_form(), project_form(), awkward_form()}) {
    std::string path = save(write_pdf(form), "indicators");
    std::string all = text(path);
    for (const auto& goal : form.goals) {
      EXPECT_NE(all.find(without_spaces(goal.target)), std::string::npos) << goal.target;
      EXPECT_NE(all.find(without_spaces(goal.actual)), std::string::npos) << goal.actual;
      for (const auto& leaf : goal.indicators) {
        // One cell's lines are drawn together, so its whole text reads back in one piece;
        // the row's cells follow in column order.
        std::string row =
            without_spaces(leaf.name + "\n" + leaf.target + "\n" + leaf.actual + "\n" +
                           leaf.weight->to_string() + "\n" + leaf.score->to_string());
        if (leaf.nature.empty() && leaf.unit.empty() && leaf.adjusted_target.empty() &&
            !leaf.score_coefficient) {
          EXPECT_NE(all.find(row), std::string::npos) << leaf.name;
        }
        for (const auto* text : {&leaf.name, &leaf.target, &leaf.actual, &leaf.deviation_reason})
          EXPECT_NE(all.find(without_spaces(*text)), std::string::npos) << *text;
      }
    }
    EXPECT_NE(all.find(without_spaces(form.conclusion)), std::string::npos);
  }
}

TEST_F(PdfWriter, SeedPagesAreA4LandscapeNumberedWithHeadingsRepeated) {
  std::string path = save(write_pdf(seed_form()), "seed");
  int count = pages(path);
  EXPECT_GE(count, 5);
  EXPECT_LE(count, 10);
  std::string info = run("pdfinfo -f 1 -l " + std::to_string(count) + " '" + path + "'");
  std::regex size("Page\\s+\\d+ size:\\s+([0-9.]+) x ([0-9.]+) pts");
  int sized = 0;
  for (auto it = std::sregex_iterator(info.begin(), info.end(), size); it != std::sregex_iterator();
       ++it, ++sized) {
    EXPECT_EQ((*it)[1], "841.89");
    EXPECT_EQ((*it)[2], "595.28");
  }
  EXPECT_EQ(sized, count);
  int first_indicator_page = 0;
  for (int page = 1; page <= count; ++page) {
    std::string t = text(path, page);
    EXPECT_NE(t.find("第" + std::to_string(page) + "页共" + std::to_string(count) + "页"),
              std::string::npos)
        << "page " << page;
    if (!first_indicator_page && t.find("三级指标") != std::string::npos)
      first_indicator_page = page;
    if (first_indicator_page && page > first_indicator_page) {
      // A continued page starts with the table's headings and names the goal it continues.
      EXPECT_NE(t.find("年度指标完成情况一级指标二级指标三级指标年度指标值实际完成值分值得分"),
                std::string::npos)
          << "page " << page;
      EXPECT_NE(t.find("绩效目标"), std::string::npos) << "page " << page;
    }
  }
  EXPECT_GT(first_indicator_page, 0);
  // Goal 4 breaks across pages: its label is printed on both.
  int with_goal4 = 0;
  for (int page = 1; page <= count; ++page)
    with_goal4 += text(path, page).find("绩效目标4") != std::string::npos;
  EXPECT_GE(with_goal4, 2);
}

TEST_F(PdfWriter, EveryWordLiesInsideThePage) {
  for (const auto& form : {seed_form(), project_form(), long_text_form()}) {
    std::string path = save(write_pdf(form), "bbox");
    std::string boxes = run("pdftotext -bbox '" + path + "' -");
    std::regex word("xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\"");
    int words = 0;
    for (auto it = std::sregex_iterator(boxes.begin(), boxes.end(), word);
         it != std::sregex_iterator(); ++it, ++words) {
      EXPECT_GE(std::stod((*it)[1]), 28.0);
      EXPECT_GE(std::stod((*it)[2]), 28.0);
      EXPECT_LE(std::stod((*it)[3]), 841.89 - 28.0);
      EXPECT_LE(std::stod((*it)[4]), 595.28 - 10.0);
    }
    EXPECT_GT(words, 50);
  }
}

TEST_F(PdfWriter, ATextTallerThanAPageContinuesOnTheNextPages) {
  model::Form form = long_text_form();
  std::string path = save(write_pdf(form), "long");
  EXPECT_GE(pages(path), 3);
  // Between two parts of the text come the cells right of it (是否核心指标: 否), the merged
  // labels of its row, the page number and the next page's headings; without them the text
  // reads back whole, every line once.
  std::string headings = "年度指标完成情况一级指标二级指标三级指标指标性质度量单位年度指标值"
                         "调整指标值实际完成值分值得分系数（%）得分偏差原因分析及改进措施"
                         "评（扣）分标准是否核心指标";
  std::string all = std::regex_replace(
      text(path), std::regex("(?:否)?绩效目标1产出指标数量指标第\\d+页共\\d+页" + headings), "");
  EXPECT_NE(all.find(without_spaces(form.goals[0].indicators[1].deviation_reason)),
            std::string::npos)
      << all;
}

TEST_F(PdfWriter, FontsAreEmbeddedAndTheTitleIsSet) {
  std::string path = save(write_pdf(seed_form()), "fonts");
  std::string fonts = run("pdffonts '" + path + "'");
  std::istringstream lines(fonts);
  std::string line;
  int listed = 0;
  while (std::getline(lines, line)) {
    if (line.find("CID") == std::string::npos && line.find("Type") == std::string::npos) continue;
    if (line.starts_with("name")) continue;
    ++listed;
    // Columns: name type encoding emb sub uni …: every font embedded, with a Unicode map.
    EXPECT_NE(line.find(" yes yes yes "), std::string::npos) << line;
  }
  EXPECT_GE(listed, 2); // regular and bold
  EXPECT_NE(fonts.find("NotoSansCJKsc"), std::string::npos) << fonts;
  std::string info = run("pdfinfo '" + path + "'");
  EXPECT_NE(info.find("整体支出绩效自评表（2022年度） 天津市人民政府政务服务办公室"),
            std::string::npos);
  EXPECT_NE(info.find("Creator:         ziping"), std::string::npos);
}

TEST_F(PdfWriter, SameFormSameBytesButTheCreationDate) {
  auto strip = [](std::string pdf) {
    return std::regex_replace(pdf, std::regex("/CreationDate \\(D:[0-9Z+'-]*\\)"), "");
  };
  std::string a = write_pdf(project_form());
  std::string b = write_pdf(project_form());
  EXPECT_TRUE(a.starts_with("%PDF-1."));
  EXPECT_EQ(strip(a), strip(b));
}

TEST_F(PdfWriter, ThreadsWriteTheSamePdfAtOnce) {
  // The server writes from several threads; pango's font map is per thread.
  auto strip = [](std::string pdf) {
    return std::regex_replace(pdf, std::regex("/CreationDate \\(D:[0-9Z+'-]*\\)"), "");
  };
  std::string expected = strip(write_pdf(project_form()));
  std::vector<std::string> written(4);
  std::vector<std::thread> threads;
  for (auto& out : written) threads.emplace_back([&out] { out = write_pdf(project_form()); });
  for (auto& thread : threads) thread.join();
  for (const auto& out : written) EXPECT_EQ(strip(out), expected);
}

TEST_F(PdfWriter, DeclaredFormOnlyUnlessTheAppendixIsAsked) {
  auto form = seed_form();
  auto assessment = testing::assessed(form, "tianjin-2022");
  PdfOptions options{&assessment.evaluation, &testing::rule_set("tianjin-2022"),
                     &assessment.diagnostics};
  std::string plain = text(save(write_pdf(form, options), "plain"));
  EXPECT_EQ(plain.find("ziping复核计算"), std::string::npos);
  EXPECT_EQ(plain.find("ZP0304"), std::string::npos);
  // The budget row as declared (B, 分值, 得分, 执行率): 8.7 and 87.3%, not 8.73 and 87.26%.
  EXPECT_NE(plain.find("19792.2108.787.3%"), std::string::npos);
  EXPECT_EQ(plain.find("87.26%"), std::string::npos);
  options.appendix = true;
  std::string review_path = save(write_pdf(form, options), "review");
  std::string review = text(review_path);
  EXPECT_NE(review.find("附：ziping复核计算（规则集tianjin-2022，review模式）——非表单申报内容"),
            std::string::npos);
  EXPECT_NE(review.find("ZP0304"), std::string::npos);
  EXPECT_GT(pages(review_path), pages(save(write_pdf(form, options = {}), "again")));
}

TEST_F(PdfWriter, ThroughTheRegistry) {
  const Format* pdf = format_for_path("out.PDF");
  ASSERT_NE(pdf, nullptr);
  EXPECT_EQ(pdf->name, "pdf");
  EXPECT_NE(pdf->read, nullptr); // the published-form importer reads ours too
  const Format* review = find_format("pdf-review");
  ASSERT_NE(review, nullptr);
  EXPECT_TRUE(review->extensions.empty()); // chosen by --to only; .pdf stays the clean copy
  EXPECT_TRUE(pdf->write(project_form(), {}).starts_with("%PDF-"));
}

// The "done when": importing our own PDF gives the same form back, through the
// published-form importer's reader (io/pdf) like any other PDF.
TEST_F(PdfWriter, ImportingOurOwnPdfGivesTheFormBack) {
  const Format* pdf = find_format("pdf");
  ASSERT_NE(pdf, nullptr);
  ASSERT_NE(pdf->read, nullptr);
  for (const auto& form : {project_form(), seed_form()}) {
    std::string bytes = pdf->write(form, {});
    auto result = pdf->read(bytes, {"ours.pdf", form.kind});
    ASSERT_TRUE(result.form) << form.title;
    std::string expected = json::write_form_json(form);
    std::string actual = json::write_form_json(*result.form);
    if (expected == actual) continue;
    std::istringstream a(expected), b(actual);
    std::string line_a, line_b;
    int line = 1;
    while (std::getline(a, line_a) && std::getline(b, line_b) && line_a == line_b) ++line;
    ADD_FAILURE() << form.title << ": the imported form differs from line " << line
                  << ":\n  ours:     " << line_a << "\n  imported: " << line_b;
  }
}

// The 财政复核 prints on pages of its own after the form, in the publication copy too, titled
// as not the unit's form; that copy still imports back to the same form.
model::Review finance_review() {
  model::Review review;
  review.state = "主管已审核 reviewed";
  review.scores.push_back({"goals[0].indicators[0]", num::Decimal::parse("2"),
                           num::Decimal::parse("1.250").value(), num::Decimal::parse("-0.750"),
                           "佐证材料不全", "auth-finance", "2026-12-07T08:00:00Z"});
  review.comments.push_back(
      {"goals[0].indicators[0].actual", "实际值与佐证不符", "auth-supervisor", "2026-12-06"});
  return review;
}

TEST_F(PdfWriter, TheFinanceReviewFollowsTheFormAndImportsBackToTheSameForm) {
  const Format* pdf = find_format("pdf");
  ASSERT_NE(pdf, nullptr);
  model::Review review = finance_review();
  for (const auto& form : {project_form(), seed_form()}) {
    WriteContext context;
    context.review = &review;
    std::string bytes = pdf->write(form, context);
    std::string path = save(bytes, "finance-review");
    std::string all = text(path);
    std::size_t at = all.find("附：复核意见（财政复核）");
    ASSERT_NE(at, std::string::npos) << form.title;
    EXPECT_NE(all.find("非单位申报内容", at), std::string::npos);
    EXPECT_NE(all.find("1.250", at), std::string::npos);
    EXPECT_NE(all.find("-0.750", at), std::string::npos);
    EXPECT_NE(all.find("佐证材料不全", at), std::string::npos);
    EXPECT_NE(all.find("goals[0].indicators[0].actual", at), std::string::npos);
    EXPECT_NE(all.find("实际值与佐证不符", at), std::string::npos);
    EXPECT_GT(pages(path), pages(save(pdf->write(form, {}), "no-review")));
    auto result = pdf->read(bytes, {"ours.pdf", form.kind});
    ASSERT_TRUE(result.form) << form.title;
    EXPECT_EQ(json::write_form_json(*result.form), json::write_form_json(form)) << form.title;
  }
}

// Runs without the font checks of the fixture: a missing family must fail loudly.
// The cost budget (write_budget.h): past the page limit or the time limit the writer throws
// OverBudget with ZP0192 / ZP0193 and no PDF; a form far over the page limit is refused from
// its row count, before any text is set.
diag::DiagId over_budget(const model::Form& form, const PdfOptions& options) {
  try {
    write_pdf(form, options);
  } catch (const OverBudget& over) {
    return over.diagnostic.id;
  }
  return diag::DiagId::note_more_diagnostics; // not refused
}

TEST_F(PdfWriter, MorePagesThanTheLimitAreRefused) {
  PdfOptions two_pages;
  two_pages.max_pages = 2;
  EXPECT_EQ(over_budget(seed_form(), two_pages), diag::DiagId::err_output_too_many_pages);
  // 40,000 one-line rows need at least 1,290 pages: refused before typesetting.
  model::Form huge = seed_form();
  auto leaf = huge.goals[0].indicators[0];
  huge.goals[0].indicators.assign(40000, leaf);
  EXPECT_EQ(over_budget(huge, PdfOptions{}), diag::DiagId::err_output_too_many_pages);
  EXPECT_FALSE(write_pdf(seed_form()).empty()); // within the default limits
}

TEST_F(PdfWriter, PastTheTimeLimitNothingIsWritten) {
  PdfOptions expired;
  expired.max_seconds = -1; // the deadline has passed before the first row is set
  EXPECT_EQ(over_budget(seed_form(), expired), diag::DiagId::err_output_too_slow);
}

TEST(PdfWriterFonts, NoChineseFontIsAnErrorNotAPageOfBoxes) {
  PdfOptions options;
  options.family = "No Such Font CJK";
  options.fallback = false;
  try {
    write_pdf(project_form(), options);
    FAIL() << "wrote a PDF without its font";
  } catch (const FontUnavailable& missing) {
    EXPECT_EQ(missing.diagnostic.id, diag::DiagId::err_output_font_missing);
    EXPECT_EQ(missing.diagnostic.code(), "ZP0190");
    EXPECT_EQ(missing.diagnostic.args,
              (std::vector<std::string>{"No Such Font CJK", "fonts-noto-cjk"}));
  }
}

} // namespace
} // namespace ziping::io::pdf_writer
