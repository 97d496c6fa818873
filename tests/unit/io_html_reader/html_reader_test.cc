// The HTML reader: our own pages read back to the form they were written from; published
// pages' markup (spans, entities, <br> in cells, GBK, layout tables, unclosed cells) reaches
// the recovery as rows of cells at their table columns; hostile pages end with a located
// error, never a crash.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "ziping/check/check.h"
#include "ziping/io/html/html_writer.h"
#include "ziping/io/html_reader/html_reader.h"
#include "ziping/io/html_reader/page_charset.h"
#include "ziping/io/html_reader/page_depth.h"
#include "ziping/io/html_reader/page_rows.h"
#include "ziping/io/html_reader/table_slots.h"
#include "ziping/io/json/form_reader.h"
#include "ziping/io/json/form_writer.h"
#include "ziping/rules/load.h"

namespace ziping::io::html_reader {
namespace {

using diag::DiagId;

std::string example(const std::string& name) {
  std::ifstream in(std::string(ZIPING_SOURCE_DIR) + "/examples/" + name, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool has(const model::ReadResult& result, DiagId id) {
  for (const auto& d : result.diagnostics)
    if (d.id == id) return true;
  return false;
}

TEST(HtmlReader, OurOwnPagesReadBackToTheirForms) {
  auto rules = rules::load_embedded("tianjin-2022");
  ASSERT_TRUE(rules.rules);
  for (const char* name : {"tianjin-2022-dept.json", "county-roads-2023-proj.json"}) {
    std::string json = example(name);
    auto form = json::read_form_json(json, name);
    ASSERT_TRUE(form.form) << name;
    // With the scores appendix and the diagnostics' marks in the cells: both are skipped.
    auto assessment = check::assess(*form.form, *rules.rules, rules::Mode::Review);
    ASSERT_FALSE(assessment.diagnostics.empty()) << name; // so that marks are in the cells
    std::string page = html::write_html(
        *form.form, {&assessment.evaluation, &*rules.rules, &assessment.diagnostics});
    auto back = read_html(page, {"ours.html", form.form->kind});
    ASSERT_TRUE(back.form) << name;
    EXPECT_EQ(json::write_form_json(*back.form), json) << name;
  }
}

TEST(HtmlReader, PublishedMarkupIsTextAsABrowserShowsIt) {
  // The golden case's page (tests/golden/html-published-page): a project form as a
  // government site publishes it.
  std::ifstream in(std::string(ZIPING_SOURCE_DIR) + "/tests/golden/html-published-page/input.html",
                   std::ios::binary);
  std::string page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(page.empty());
  auto result = read_html(page, {"page.html", std::nullopt});
  ASSERT_TRUE(result.form);
  const auto& form = *result.form;
  EXPECT_EQ(form.kind, model::FormKind::Project);
  EXPECT_EQ(form.project, "城区 道路&桥梁维护");
  EXPECT_EQ(form.implementing_unit, "某区市政工程管理所");
  ASSERT_TRUE(form.budget.annual);
  EXPECT_EQ(form.budget.annual->to_string(), "520");
  ASSERT_EQ(form.goals.size(), 1u);
  EXPECT_EQ(form.goals[0].target, "完成城区道路维护12公里。");
  ASSERT_EQ(form.goals[0].indicators.size(), 2u);
  EXPECT_EQ(form.goals[0].indicators[0].target, "≥12公里");
  EXPECT_EQ(form.goals[0].indicators[1].target, "≥95%");
  EXPECT_EQ(form.goals[0].indicators[1].name, "验收合格率");
  ASSERT_TRUE(form.total_score);
  EXPECT_EQ(form.total_score->to_string(), "99.5");
  // Every cell is located at its line in the page.
  for (const auto& d : result.diagnostics) EXPECT_EQ(d.where.file, "page.html");
}

TEST(HtmlReader, AGbkPageIsConvertedWhenItSaysSo) {
  // "<meta charset=gbk>" + 项目支出绩效自评表 in GBK.
  std::string page = "<html><head><meta charset=\"gbk\"></head><body><p>"
                     "\xCF\xEE\xC4\xBF\xD6\xA7\xB3\xF6\xBC\xA8\xD0\xA7\xD7\xD4\xC6\xC0\xB1\xED"
                     "</p></body></html>";
  auto result = read_html(page, {"gbk.html", std::nullopt});
  EXPECT_TRUE(has(result, DiagId::note_csv_converted_gb18030));
  EXPECT_FALSE(has(result, DiagId::err_input_not_utf8));
  // A page that declares nothing is read as GB18030 too, as the CSV reader reads a file, and
  // says so; a page that declares UTF-8 (or another set) is refused where its bad byte is.
  auto undeclared = read_html("<p>\xCF\xEE</p>", {"x.html", std::nullopt});
  EXPECT_TRUE(has(undeclared, DiagId::note_csv_converted_gb18030));
  auto lying = read_html("<meta charset=utf-8><script charset=gbk></script><p>\xCF\xEE</p>",
                         {"x.html", std::nullopt});
  EXPECT_FALSE(lying.form);
  EXPECT_TRUE(has(lying, DiagId::err_input_not_utf8));
}

TEST(HtmlReader, OnlyAMetaDeclaresThePageCharset) {
  EXPECT_EQ(declared_charset("<script charset=\"utf-8\" src=a.js></script><meta charset=GBK>"),
            DeclaredCharset::Chinese);
  EXPECT_EQ(declared_charset("<META http-equiv=Content-Type content='text/html; charset=gb2312'>"),
            DeclaredCharset::Chinese);
  EXPECT_EQ(declared_charset("<meta charset=\"UTF-8\">"), DeclaredCharset::Utf8);
  EXPECT_EQ(declared_charset("<meta charset=big5>"), DeclaredCharset::Other);
  EXPECT_EQ(declared_charset("<p>charset=gbk</p>"), DeclaredCharset::None);
}

TEST(TableSlots, SpansCoverTheColumnsOfTheRowsBelowAndBeside) {
  TableSlots slots;
  using S = TableSlots::Span;
  // 绩效指标 over three rows, 产出指标 over two, 数量指标 over one with colspan 2.
  EXPECT_EQ(slots.place_row({{1, 3}, {1, 2}, {2, 1}, {1, 1}}),
            (std::vector<std::size_t>{0, 1, 2, 4}));
  EXPECT_EQ(slots.place_row({{1, 1}, {1, 1}}), (std::vector<std::size_t>{2, 3}));
  EXPECT_EQ(slots.place_row({S{}, S{}}), (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(slots.place_row({S{}}), (std::vector<std::size_t>{0}));
  // rowspan="0" covers the rest of the table.
  TableSlots rest;
  EXPECT_EQ(rest.place_row({{1, 0}, S{}}), (std::vector<std::size_t>{0, 1}));
  for (int i = 0; i < 5; ++i) EXPECT_EQ(rest.place_row({S{}}), (std::vector<std::size_t>{1}));
  EXPECT_EQ(parse_span(" 3x", 1, 1, kMaxColspan), 3);
  EXPECT_EQ(parse_span("abc", 1, 1, kMaxColspan), 1);
  EXPECT_EQ(parse_span("99999999999", 1, 1, kMaxColspan), kMaxColspan);
  EXPECT_EQ(parse_span("0", 1, 1, kMaxColspan), 1);
}

std::vector<std::string> texts(const text::Row& row) {
  std::vector<std::string> out;
  for (const auto& cell : row.cells) out.push_back(cell.text);
  return out;
}

TEST(PageRows, CellsSitAtTheirColumnsAsABrowserBuildsTheTable) {
  // No </td> or </tr>, entities, <br> and <p> in cells, a row under a rowspan.
  auto grid = page_rows("<p>标题</p><table><tr><td rowspan=2>产出指标<td>数量<br>指标<td>PM<br>2.5"
                        "<tr><td><p>质量</p><p>指标</p><td>&ge;95&nbsp;%</table><p>页脚",
                        "t.html");
  ASSERT_EQ(grid.rows.size(), 4u);
  EXPECT_EQ(texts(grid.rows[0]), (std::vector<std::string>{"标题"}));
  EXPECT_EQ(texts(grid.rows[1]), (std::vector<std::string>{"产出指标", "数量指标", "PM 2.5"}));
  EXPECT_EQ(texts(grid.rows[2]), (std::vector<std::string>{"", "质量指标", "≥95 %"}));
  EXPECT_EQ(texts(grid.rows[3]), (std::vector<std::string>{"页脚"}));
  EXPECT_FALSE(grid.rows[1].may_continue_above);
  EXPECT_FALSE(grid.rows[3].may_continue_above); // a line never continues a cell
  EXPECT_TRUE(grid.rows[0].may_continue_above);
  EXPECT_EQ(grid.rows[1].cells[1].column, 39); // at its <td>
  EXPECT_EQ(grid.rows[0].cells[0].column, 4);  // at its first character
}

TEST(PageRows, ALayoutTableIsPageContentAndScriptsAreNotText) {
  auto grid = page_rows("<head><script>document.write('<td>假</td>')</script></head>"
                        "<table><tr><td>导航<td>正文<table><tr><td>一级指标<td>二级指标</table>"
                        "结尾</table><noscript>请启用</noscript>",
                        "t.html");
  ASSERT_EQ(grid.rows.size(), 4u);
  EXPECT_EQ(texts(grid.rows[0]), (std::vector<std::string>{"导航"}));
  EXPECT_EQ(texts(grid.rows[1]), (std::vector<std::string>{"正文"}));
  EXPECT_EQ(texts(grid.rows[2]), (std::vector<std::string>{"一级指标", "二级指标"}));
  EXPECT_EQ(texts(grid.rows[3]), (std::vector<std::string>{"结尾"}));
}

TEST(HtmlReader, HostilePagesEndWithALocatedError) {
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "<table><tr><td>";
  auto nested = read_html(deep, {"deep.html", std::nullopt});
  EXPECT_FALSE(nested.form);
  ASSERT_TRUE(has(nested, DiagId::err_html_too_deep));
  EXPECT_GT(nested.diagnostics[0].where.column, 1);

  // Elements kept open: refused before the parser, whose cost grows with depth × tags.
  std::string divs;
  for (int i = 0; i < 200000; ++i) divs += "<div>";
  auto open = read_html(divs, {"divs.html", std::nullopt});
  EXPECT_FALSE(open.form);
  ASSERT_TRUE(has(open, DiagId::err_html_too_deep));
  EXPECT_EQ(open.diagnostics[0].where.column, 1 + 5 * int(kMaxOpenElements));
  // What sloppy real pages keep open is closed as a browser closes it: not refused.
  std::string sloppy = "<table><tr><td><table>";
  for (int i = 0; i < 3000; ++i) sloppy += "<tr><td><font size=2><b>1<td><p>二<p>三<a href=#>链接";
  EXPECT_FALSE(scan_page(sloppy).too_deep_at);
  EXPECT_TRUE(scan_page(std::string(600, 'x') + divs.substr(0, 5 * 600)).too_deep_at);
  EXPECT_FALSE(scan_page("<script>" + divs + "</script><!--" + divs + "-->").too_deep_at);
  std::string tables; // unclosed tables one after another close each other, as in a browser
  for (int i = 0; i < 1000; ++i) tables += "<table><tr><td>1</td></tr>";
  EXPECT_FALSE(scan_page(tables).too_deep_at);

  std::string many = "<table><tr>";
  for (int i = 0; i < 200001; ++i) many += "<td>1";
  auto cells = read_html(many, {"many.html", std::nullopt});
  EXPECT_FALSE(cells.form);
  EXPECT_TRUE(has(cells, DiagId::err_html_too_many_cells));

  // Elements that close each other (no depth) but build a tree the size of the input.
  std::string links;
  for (std::size_t i = 0; i <= kMaxElements; ++i) links += "<a>";
  auto elements = read_html(links, {"links.html", std::nullopt});
  EXPECT_FALSE(elements.form);
  ASSERT_TRUE(has(elements, DiagId::err_html_too_many_cells));
  EXPECT_EQ(elements.diagnostics.back().where.column, 1 + 3 * int(kMaxElements));
  EXPECT_EQ(scan_page(links.substr(0, 3 * kMaxElements)).elements, kMaxElements);

  for (std::string text :
       {std::string(""), std::string("<"), std::string("<table><tr><td>三级指标"),
        std::string("<!--"), std::string("<script>"), std::string("&#xFFFFFFFF;&#0;"),
        std::string("<a href='>'>x</a>"), std::string(1000, '<')}) {
    auto result = read_html(text, {"bad.html", std::nullopt});
    EXPECT_TRUE(result.form || !result.diagnostics.empty()) << text.substr(0, 20);
  }
}

} // namespace
} // namespace ziping::io::html_reader
