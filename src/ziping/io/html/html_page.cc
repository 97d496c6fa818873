// The page: head (title, inline CSS), the form as one table per block on a shared column
// grid, then the computed-scores appendix and the linked diagnostics.
#include <algorithm>
#include <map>

#include "ziping/io/html/html_parts.h"
#include "ziping/io/html/html_writer.h"
#include "ziping/io/print/review.h"
#include "ziping/text/utf8.h"

namespace ziping::io::html {
namespace {

using print::Cell;
using print::Section;
using print::Style;

std::string style_class(Style style) {
  switch (style) {
  case Style::Label:
    return "label";
  case Style::Number:
    return "num";
  case Style::Short:
    return "short";
  case Style::Text:
    return "text";
  }
  return "short";
}

std::string_view severity_class(diag::Severity severity) {
  return diag::severity_name(severity); // "error", "warning", "note"
}

class Page {
public:
  Page(const model::Form& form, const HtmlExtras& extras)
      : form_(form), extras_(extras), sheet_(print::official_layout(form)), index_(sheet_) {
    if (extras.diagnostics) mark_cells(*extras.diagnostics);
  }

  std::string run() {
    head();
    out_ += "<body>\n<main class=\"form\" id=\"form\">\n";
    out_ += "<h1>" + escape(sheet_.title) + "</h1>\n";
    if (!sheet_.subtitle.empty())
      out_ += "<p class=\"subtitle\">" + escape(sheet_.subtitle) + "</p>\n";
    for (const auto& section : sheet_.sections) table(section, true);
    out_ += "</main>\n";
    if (extras_.review && !extras_.review->empty()) {
      out_ += "<section class=\"appendix finance-review\" id=\"finance-review\">\n";
      for (const auto& section : print::reviewer_sections(sheet_, form_, *extras_.review))
        table(section, false);
      out_ += "</section>\n";
    }
    if (extras_.evaluation && extras_.rules) {
      out_ += "<section class=\"appendix review\" id=\"review\">\n";
      for (const auto& section :
           print::review_sections(sheet_, form_, *extras_.evaluation, *extras_.rules))
        table(section, false);
      out_ += "</section>\n";
    }
    if (extras_.diagnostics) diagnostics(*extras_.diagnostics);
    out_ += "</body>\n</html>\n";
    return std::move(out_);
  }

private:
  struct Mark {
    std::size_t number; // 1-based position in the list
    diag::Severity severity;
  };

  void head() {
    std::string title = sheet_.heading;
    if (!form_.department.empty()) title += " " + form_.department;
    if (!form_.project.empty()) title += " " + form_.project;
    out_ += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\"/>\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
    out_ += "<meta name=\"generator\" content=\"ziping\"/>\n";
    out_ += "<title>" + escape(title) + "</title>\n<style>\n";
    out_ += stylesheet();
    out_ += "</style>\n</head>\n";
  }

  // Orders the diagnostics as the cells they concern appear on the page (form-level ones
  // first), numbers them, and records each cell's marks.
  void mark_cells(const std::vector<diag::Diagnostic>& diagnostics) {
    std::map<std::string, std::size_t> order; // anchor → reading position
    std::size_t position = 0;
    auto visit = [&](const Cell& cell) {
      if (!cell.paths.empty()) order.emplace(print::anchor_id(cell.paths.front()), ++position);
    };
    for (const auto& section : sheet_.sections) {
      if (section.label) visit(*section.label);
      for (const auto* rows : {&section.header, &section.body})
        for (const auto& row : *rows)
          for (const auto& cell : row.cells) visit(cell);
    }
    for (const auto& d : diagnostics) {
      auto anchor = index_.anchor_for(d.path);
      std::size_t at = anchor ? order[*anchor] : 0;
      listed_.push_back({&d, anchor.value_or(""), at});
    }
    std::stable_sort(listed_.begin(), listed_.end(),
                     [](const Listed& a, const Listed& b) { return a.position < b.position; });
    for (std::size_t i = 0; i < listed_.size(); ++i) {
      if (!listed_[i].anchor.empty())
        marks_[listed_[i].anchor].push_back({i + 1, listed_[i].diagnostic->severity});
    }
  }

  void table(const Section& section, bool form_part) {
    out_ += "<table class=\"block " + section.name + (section.keep_together ? " keep" : "") +
            "\">\n" + colgroup();
    // A long block keeps its headings in <thead>, which browsers repeat on every printed
    // page; its merged first-column label then continues under them as an open cell.
    bool split = !section.keep_together && !section.header.empty();
    const Cell* label = section.label ? &*section.label : nullptr;
    auto list = [](const std::vector<print::Row>& rows) {
      std::vector<const print::Row*> pointers;
      for (const auto& row : rows) pointers.push_back(&row);
      return pointers;
    };
    if (split) {
      out_ += "<thead>\n";
      rows(list(section.header), label, false, true, form_part);
      out_ += "</thead>\n<tbody>\n";
      rows(list(section.body), label, true, false, form_part);
      out_ += "</tbody>\n";
    } else {
      // The cells themselves, not copies: the index knows each cell by its address.
      auto all = list(section.header);
      for (const auto* row : list(section.body)) all.push_back(row);
      out_ += "<tbody>\n";
      rows(all, label, false, false, form_part);
      out_ += "</tbody>\n";
    }
    out_ += "</table>\n";
  }

  int share(const Cell& c) const {
    int total = 0, covered = 0;
    for (std::size_t i = 0; i < sheet_.columns.size(); ++i) {
      total += sheet_.columns[i].share;
      if (int(i) >= c.column && int(i) < c.column + c.span) covered += sheet_.columns[i].share;
    }
    return total > 0 ? covered * 100 / total : 0;
  }

  std::string colgroup() const {
    int total = 0;
    for (const auto& column : sheet_.columns) total += column.share;
    std::string out = "<colgroup>";
    for (const auto& column : sheet_.columns) {
      // Per mille of the width as an integer, printed as a percentage with one decimal.
      int per_mille = column.share * 1000 / total;
      out += "<col class=\"c-" + std::string(column.key) +
             "\" style=\"width:" + std::to_string(per_mille / 10) + "." +
             std::to_string(per_mille % 10) + "%\"/>";
    }
    return out + "</colgroup>\n";
  }

  // `label`: the section's merged first-column cell, printed in the first of `rows` over all
  // of them; `continued`: the label was printed in the heading above, so an open cell stands
  // in for it here.
  void rows(const std::vector<const print::Row*>& list, const Cell* label, bool continued,
            bool heading, bool form_part) {
    for (std::size_t r = 0; r < list.size(); ++r) {
      out_ += "<tr>";
      if (label && r == 0) {
        std::string span =
            list.size() > 1 ? " rowspan=\"" + std::to_string(list.size()) + "\"" : "";
        if (continued)
          out_ += "<td class=\"cont\"" + span + "></td>";
        else
          cell(*label, heading, form_part, span);
      }
      for (const auto& c : list[r]->cells) {
        std::string span;
        if (c.span > 1) span += " colspan=\"" + std::to_string(c.span) + "\"";
        if (c.rows > 1) span += " rowspan=\"" + std::to_string(c.rows) + "\"";
        cell(c, heading, form_part, span);
      }
      out_ += "</tr>\n";
    }
  }

  void cell(const Cell& c, bool heading, bool form_part, const std::string& span) {
    std::string tag = c.style == Style::Label ? "th" : "td";
    std::string attributes = span;
    std::string classes = style_class(c.style);
    // A short value centres while it fits one line; a long one reads better left-aligned.
    // Shares are per cent of the width and a CJK character is about 1 % wide at 10 pt on a
    // page 1400 px wide, two display columns per character.
    if (c.style == Style::Short && text::display_width(c.text) > std::size_t(2 * share(c) - 2))
      classes = "text";
    std::string marks;
    std::string text = escape(c.text);
    if (form_part && !c.paths.empty()) {
      std::string anchor = print::anchor_id(c.paths.front());
      // Only the cell the index knows by this id carries it, so that ids stay unique.
      if (index_.cell_with_anchor(anchor) == &c) {
        attributes = " id=\"" + anchor + "\"" + attributes;
        if (auto found = marks_.find(anchor); found != marks_.end()) {
          diag::Severity worst = diag::Severity::Note;
          for (const auto& mark : found->second) {
            worst = std::max(worst, mark.severity);
            marks += "<a class=\"mark " + std::string(severity_class(mark.severity)) +
                     "\" href=\"#d" + std::to_string(mark.number) + "\">" +
                     std::to_string(mark.number) + "</a>";
          }
          classes += " diag-" + std::string(severity_class(worst));
        }
      }
    } else if (!form_part && !c.paths.empty()) {
      // Appendix rows link to the form cell they are about.
      if (auto anchor = index_.anchor_for(c.paths.front()))
        text = "<a href=\"#" + *anchor + "\">" + text + "</a>";
    }
    if (heading && tag == "th") attributes += " scope=\"col\"";
    out_ += "<" + tag + " class=\"" + classes + "\"" + attributes + ">" + text +
            (marks.empty() ? "" : "<span class=\"marks\">" + marks + "</span>") + "</" + tag + ">";
  }

  void diagnostics(const std::vector<diag::Diagnostic>& all) {
    std::size_t counts[3] = {0, 0, 0};
    for (const auto& d : all) ++counts[int(d.severity)];
    out_ += "<section class=\"appendix diagnostics\" id=\"diagnostics\">\n";
    out_ += "<h2>检查结果 Diagnostics（" + std::to_string(counts[2]) + " 个错误，" +
            std::to_string(counts[1]) + " 个警告，" + std::to_string(counts[0]) +
            " 条提示 / errors, warnings, notes）</h2>\n";
    out_ +=
        "<p class=\"legend\">非表单申报内容。编号与表中单元格右上角的标记对应，点击可来回跳转；"
        "<span class=\"diag-error\">红</span>＝错误，<span class=\"diag-warning\">黄</span>＝警告，"
        "<span class=\"diag-note\">蓝</span>＝提示。 / Not part of the form. Numbers match the "
        "marks "
        "in the cells; follow the links both ways.</p>\n";
    if (all.empty()) {
      out_ += "<p>没有发现问题。 No findings.</p>\n</section>\n";
      return;
    }
    out_ += "<ol>\n";
    for (std::size_t i = 0; i < listed_.size(); ++i) {
      const auto& d = *listed_[i].diagnostic;
      std::string severity(severity_class(d.severity));
      out_ += "<li id=\"d" + std::to_string(i + 1) + "\" class=\"" + severity + "\">";
      out_ += "<span class=\"sev\">" + escape(print::severity_code(d)) + "</span> ";
      if (!d.subject.empty()) out_ += "<span class=\"subject\">" + escape(d.subject) + "</span>：";
      out_ += "<span class=\"zh\">" + escape(d.message_zh()) + "</span>";
      out_ += "<br/><span class=\"en\">" + escape(d.message_en()) + "</span>";
      out_ += "<br/><span class=\"where\">";
      std::string target = listed_[i].anchor.empty() ? "form" : listed_[i].anchor;
      out_ += "<a class=\"to-cell\" href=\"#" + target + "\">↩ " +
              (listed_[i].anchor.empty() ? std::string("表单 form") : std::string("单元格 cell")) +
              "</a>";
      if (!d.path.empty()) out_ += " <code>" + escape(d.path) + "</code>";
      if (!d.where.empty())
        out_ += " <span class=\"source\">" + escape(d.where.to_string()) + "</span>";
      out_ += "</span>";
      if (!d.notes.empty()) {
        out_ += "<ul class=\"notes\">";
        for (const auto& note : d.notes) {
          out_ += "<li>" +
                  escape(std::string(diag::severity_name_zh(note.severity)) + " " +
                         std::string(note.code()) + "：" + note.message_zh()) +
                  "<br/><span class=\"en\">" + escape(note.message_en()) + "</span></li>";
        }
        out_ += "</ul>";
      }
      out_ += "</li>\n";
    }
    out_ += "</ol>\n</section>\n";
  }

  struct Listed {
    const diag::Diagnostic* diagnostic;
    std::string anchor; // empty: no printed cell
    std::size_t position;
  };

  const model::Form& form_;
  const HtmlExtras& extras_;
  print::Sheet sheet_;
  print::CellIndex index_;
  std::vector<Listed> listed_;
  std::map<std::string, std::vector<Mark>> marks_;
  std::string out_;
};

} // namespace

std::string write_html(const model::Form& form, const HtmlExtras& extras) {
  return Page(form, extras).run();
}

} // namespace ziping::io::html
