// The HTML page: well-formed (checked as XML would be: every element closed or self-closed,
// attributes quoted, only the five entities the writer uses), self-contained, printable, text
// escaped, ids unique, every link landing on an id, and every diagnostic linked both ways
// with the cell it concerns.
#include "ziping/io/html/html_writer.h"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "../io_print/print_fixtures.h"
#include "ziping/io/registry.h"

namespace ziping::io::html {
namespace {

using testing::awkward_form;
using testing::project_form;
using testing::seed_form;

std::string page_for(const model::Form& form, const std::string& rules) {
  auto assessment = testing::assessed(form, rules);
  return write_html(form,
                    {&assessment.evaluation, &testing::rule_set(rules), &assessment.diagnostics});
}

// A strict well-formedness check: returns the first problem, or "".
std::string well_formed(const std::string& page) {
  std::vector<std::string> open;
  std::size_t i = 0;
  auto problem = [&](const std::string& what) { return what + " at byte " + std::to_string(i); };
  if (!page.starts_with("<!DOCTYPE html>\n")) return "no doctype";
  i = page.find('\n') + 1;
  while (i < page.size()) {
    char c = page[i];
    if (c == '&') {
      std::size_t end = page.find(';', i);
      if (end == std::string::npos) return problem("bare &");
      std::string entity = page.substr(i, end - i + 1);
      if (entity != "&amp;" && entity != "&lt;" && entity != "&gt;" && entity != "&quot;" &&
          entity != "&#39;")
        return problem("entity " + entity);
      i = end + 1;
    } else if (c == '>') {
      return problem("bare >");
    } else if (c != '<') {
      ++i;
    } else if (page.compare(i, 2, "</") == 0) {
      std::size_t end = page.find('>', i);
      std::string name = page.substr(i + 2, end - i - 2);
      if (open.empty() || open.back() != name)
        return problem("</" + name + "> closes nothing open");
      open.pop_back();
      i = end + 1;
    } else {
      std::size_t j = i + 1;
      while (j < page.size() && std::isalnum(static_cast<unsigned char>(page[j]))) ++j;
      std::string name = page.substr(i + 1, j - i - 1);
      if (name.empty()) return problem("bare <");
      // Attributes: name="value" with no < or " inside the value.
      for (;;) {
        while (page[j] == ' ') ++j;
        if (page.compare(j, 2, "/>") == 0) {
          j += 2;
          break;
        }
        if (page[j] == '>') {
          ++j;
          open.push_back(name);
          break;
        }
        std::size_t k = j;
        while (std::isalnum(static_cast<unsigned char>(page[k])) || page[k] == '-') ++k;
        if (k == j || page.compare(k, 2, "=\"") != 0) return problem("attribute in <" + name + ">");
        std::size_t close = page.find('"', k + 2);
        std::string value = page.substr(k + 2, close - k - 2);
        if (value.find('<') != std::string::npos) return problem("< in an attribute");
        j = close + 1;
      }
      i = j;
      if (name == "style") { // CSS is not markup: skip to its end tag
        std::size_t end = page.find("</style>", i);
        if (end == std::string::npos) return "unclosed <style>";
        i = end;
      }
    }
  }
  if (!open.empty()) return "unclosed <" + open.back() + ">";
  return "";
}

std::set<std::string> ids(const std::string& page, std::vector<std::string>* duplicates = nullptr) {
  std::set<std::string> found;
  std::regex id(" id=\"([^\"]+)\"");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), id); it != std::sregex_iterator();
       ++it)
    if (!found.insert((*it)[1]).second && duplicates) duplicates->push_back((*it)[1]);
  return found;
}

std::vector<std::string> fragment_links(const std::string& page) {
  std::vector<std::string> links;
  std::regex href(" href=\"#([^\"]+)\"");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), href); it != std::sregex_iterator();
       ++it)
    links.push_back((*it)[1]);
  return links;
}

// The opening tag of the element with this id.
std::string tag_with_id(const std::string& page, const std::string& id) {
  std::size_t at = page.find(" id=\"" + id + "\"");
  if (at == std::string::npos) return "";
  std::size_t start = page.rfind('<', at);
  return page.substr(start, page.find('>', at) - start + 1);
}

// The element's whole text up to its end tag (cells and list items do not nest themselves).
std::string element_with_id(const std::string& page, const std::string& id) {
  std::string tag = tag_with_id(page, id);
  if (tag.empty()) return "";
  std::size_t start = page.find(tag);
  std::string name = tag.substr(1, tag.find(' ') - 1);
  return page.substr(start, page.find("</" + name + ">", start) - start);
}

TEST(HtmlWriter, WellFormedForEveryFormWithAndWithoutExtras) {
  for (const auto& form : {seed_form(), project_form(), awkward_form()}) {
    EXPECT_EQ(well_formed(write_html(form)), "") << form.title;
    EXPECT_EQ(well_formed(page_for(form, "tianjin-2022")), "") << form.title;
    EXPECT_EQ(well_formed(page_for(form, "cn-2020")), "") << form.title;
  }
}

TEST(HtmlWriter, SelfContainedAndPrintable) {
  std::string page = page_for(seed_form(), "tianjin-2022");
  EXPECT_NE(page.find("<meta charset=\"utf-8\"/>"), std::string::npos);
  EXPECT_NE(page.find("<html lang=\"zh-CN\">"), std::string::npos);
  for (const char* outside : {"src=", "http://", "https://", "url(", "@import", "<link", "<script"})
    EXPECT_EQ(page.find(outside), std::string::npos) << outside;
  EXPECT_NE(page.find("@page { size: A4 landscape;"), std::string::npos);
  EXPECT_NE(page.find("thead { display: table-header-group; }"), std::string::npos);
  // The indicator table's headings sit in a <thead>, which print repeats on every page.
  std::size_t table = page.find("<table class=\"block indicators\">");
  ASSERT_NE(table, std::string::npos);
  std::size_t thead = page.find("<thead>", table);
  ASSERT_NE(thead, std::string::npos);
  EXPECT_LT(page.find("年度指标完成情况", table), page.find("</thead>", thead));
  EXPECT_NE(page.find("<title>整体支出绩效自评表（2022年度） 天津市人民政府政务服务办公室</title>"),
            std::string::npos);
}

TEST(HtmlWriter, EscapesEveryText) {
  std::string page = write_html(awkward_form());
  EXPECT_EQ(page.find("<script>"), std::string::npos);
  EXPECT_EQ(page.find("<b>"), std::string::npos);
  EXPECT_EQ(page.find("<i>"), std::string::npos);
  EXPECT_NE(page.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; 局"),
            std::string::npos);
  EXPECT_NE(page.find("培训&lt;次数&gt;"), std::string::npos);
  EXPECT_EQ(escape(std::string("a\x01"
                               "b\tc\n",
                               6)),
            "a\xEF\xBF\xBD"
            "b\tc\n");
}

TEST(HtmlWriter, IdsAreUniqueAndEveryLinkLands) {
  for (const auto& form : {seed_form(), project_form(), awkward_form()}) {
    std::string page = page_for(form, "tianjin-2022");
    std::vector<std::string> duplicates;
    auto all = ids(page, &duplicates);
    EXPECT_TRUE(duplicates.empty()) << duplicates.front();
    for (const auto& link : fragment_links(page)) EXPECT_TRUE(all.count(link)) << "#" << link;
  }
}

TEST(HtmlWriter, CellsCarryTheirModelPathsAsIds) {
  std::string page = write_html(seed_form());
  EXPECT_NE(tag_with_id(page, "goals-3-indicators-2-score"), "");
  EXPECT_EQ(element_with_id(page, "goals-3-indicators-2-score"),
            "<td class=\"num\" id=\"goals-3-indicators-2-score\">0.8");
  // Declared figures as declared: 8.7 and 87.3%, not the computed 8.73 and 87.26%.
  EXPECT_EQ(element_with_id(page, "budget-score"), "<td class=\"num\" id=\"budget-score\">8.7");
  EXPECT_EQ(element_with_id(page, "budget-rate"), "<td class=\"num\" id=\"budget-rate\">87.3%");
}

TEST(HtmlWriter, DiagnosticsAreLinkedBothWaysWithTheirCells) {
  auto form = seed_form();
  auto assessment = testing::assessed(form, "tianjin-2022");
  std::string page = write_html(
      form, {&assessment.evaluation, &testing::rule_set("tianjin-2022"), &assessment.diagnostics});
  // Every diagnostic is a list item d1 … dN.
  for (std::size_t i = 1; i <= assessment.diagnostics.size(); ++i)
    EXPECT_NE(tag_with_id(page, "d" + std::to_string(i)), "") << i;
  EXPECT_EQ(tag_with_id(page, "d" + std::to_string(assessment.diagnostics.size() + 1)), "");
  // 营商环境宣传费用支出 (goals[3].indicators[7].score): ZP0304, a warning.
  std::string cell = element_with_id(page, "goals-3-indicators-7-score");
  EXPECT_NE(cell.find("diag-warning"), std::string::npos) << cell;
  std::smatch mark;
  ASSERT_TRUE(std::regex_search(cell, mark, std::regex("href=\"#(d[0-9]+)\"")));
  std::string item = element_with_id(page, mark[1]);
  EXPECT_NE(item.find("ZP0304"), std::string::npos);
  EXPECT_NE(item.find("href=\"#goals-3-indicators-7-score\""), std::string::npos);
  EXPECT_NE(item.find("<span class=\"en\">the actual value deviates"), std::string::npos);
  // Cells without findings carry no mark.
  EXPECT_EQ(element_with_id(page, "goals-0-indicators-0-score").find("diag-"), std::string::npos);
  // The computed-scores appendix is titled as not part of the form and links to the form.
  EXPECT_NE(page.find("非表单申报内容"), std::string::npos);
  EXPECT_NE(page.find("<a href=\"#budget-score\">预算执行得分</a>"), std::string::npos);
}

TEST(HtmlWriter, ListsDiagnosticsInTheOrderOfTheirCells) {
  auto form = seed_form();
  auto assessment = testing::assessed(form, "tianjin-2022");
  std::string page = write_html(
      form, {&assessment.evaluation, &testing::rule_set("tianjin-2022"), &assessment.diagnostics});
  std::size_t budget = page.find("<li id=\"d1\"");
  ASSERT_NE(budget, std::string::npos);
  // The first findings are about the budget block, which the page prints first.
  EXPECT_NE(page.substr(budget, 400).find("budget"), std::string::npos);
}

TEST(HtmlWriter, WithoutExtrasOnlyTheForm) {
  std::string page = write_html(project_form());
  EXPECT_EQ(page.find("id=\"diagnostics\""), std::string::npos);
  EXPECT_EQ(page.find("id=\"review\""), std::string::npos);
  EXPECT_EQ(page.find(" diag-"), std::string::npos); // no cell is marked
  EXPECT_EQ(page.find("class=\"mark"), std::string::npos);
}

TEST(HtmlWriter, ThroughTheRegistry) {
  const Format* html = format_for_path("out.HTML");
  ASSERT_NE(html, nullptr);
  EXPECT_EQ(html->name, "html");
  EXPECT_NE(html->read, nullptr); // io/html_reader reads pages, ours among them
  ASSERT_NE(html->write, nullptr);
  EXPECT_EQ(format_for_path("out.htm"), html);
  std::string page = html->write(seed_form(), {});
  EXPECT_EQ(well_formed(page), "");
  auto back = html->read(page, {"seed.html", std::nullopt});
  ASSERT_TRUE(back.form);
  EXPECT_EQ(back.form->goals.size(), seed_form().goals.size());
}

} // namespace
} // namespace ziping::io::html
