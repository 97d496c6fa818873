// `ziping report --db URL --year Y -o report.xlsx|csv|html`: every analysis of
// store/analyses.h for the year, as one file: CSV (each table after a "# id" title line, a
// blank line between), XLSX (a sheet each) or HTML (tables, with bar charts of execution and
// grades drawn as inline SVG).
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "accounts_common.h"
#include "commands.h"
#include "input.h"
#include "ziping/io/html/html_writer.h"
#include "ziping/io/xlsx/table_book.h"
#include "ziping/store/analyses.h"
#include "ziping/store/open/open_store.h"

namespace ziping::cli {
namespace {

using io::html::escape;
using store::AnalysisColumn;
using store::AnalysisTable;

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string header_of(const AnalysisColumn& c) {
  return c.zh + " (" + c.en + ")";
}

std::string to_csv(const std::vector<AnalysisTable>& tables, int year) {
  std::string out = "# ziping report," + std::to_string(year) + "\n";
  for (const auto& t : tables) {
    out += "\n# " + t.id + "," + csv_field(t.title_zh) + "," + csv_field(t.title_en) + "\n";
    for (std::size_t c = 0; c < t.columns.size(); ++c)
      out += (c ? "," : "") + csv_field(header_of(t.columns[c]));
    out += "\n";
    for (const auto& row : t.rows) {
      for (std::size_t c = 0; c < row.size(); ++c)
        out += (c ? "," : "") + csv_field(row[c].value_or(""));
      out += "\n";
    }
  }
  return out;
}

// A bar's length in pixels for a value of at most `full` (drawing only: the text beside the
// bar is the exact figure).
int pixels(const std::optional<std::string>& value, long long full, int width) {
  if (!value) return 0;
  auto d = num::Decimal::parse(*value);
  if (!d || d->is_negative() || full <= 0) return 0;
  auto scaled = (*d * num::Decimal::from_int(width))
                    .divide(num::Decimal::from_int(full), 0, num::RoundingMode::HalfUp);
  long long px = std::stoll(scaled.to_string());
  return int(std::min<long long>(px, width));
}

std::string column_of(const AnalysisTable& t, std::string_view key, std::size_t& at) {
  for (at = 0; at < t.columns.size(); ++at)
    if (t.columns[at].key == key) return t.columns[at].key;
  return "";
}

// Execution rates per 主管部门 as horizontal bars with the execution line.
std::string execution_chart(const AnalysisTable& t) {
  std::size_t name = 0, rate = 0, line = 0;
  if (column_of(t, "rate", rate).empty() || column_of(t, "line", line).empty()) return "";
  constexpr int kWidth = 360, kRow = 20, kLabel = 180;
  std::string svg = "<svg class=\"chart\" width=\"" + std::to_string(kLabel + kWidth + 70) +
                    "\" height=\"" + std::to_string(kRow * int(t.rows.size()) + 10) + "\">";
  int y = 0;
  std::optional<std::string> line_value;
  for (const auto& row : t.rows) {
    int w = pixels(row[rate], 120, kWidth);
    if (row[line]) line_value = row[line];
    svg += "<text x=\"0\" y=\"" + std::to_string(y + 14) + "\">" + escape(row[name].value_or("")) +
           "</text><rect x=\"" + std::to_string(kLabel) + "\" y=\"" + std::to_string(y + 3) +
           "\" width=\"" + std::to_string(w) + "\" height=\"14\" fill=\"#4e79a7\"/><text x=\"" +
           std::to_string(kLabel + w + 4) + "\" y=\"" + std::to_string(y + 14) + "\">" +
           escape(row[rate].value_or("")) + "%</text>";
    y += kRow;
  }
  if (line_value) {
    int x = kLabel + pixels(line_value, 120, kWidth);
    svg += "<line x1=\"" + std::to_string(x) + "\" x2=\"" + std::to_string(x) +
           "\" y1=\"0\" y2=\"" + std::to_string(y) +
           "\" stroke=\"#e15759\" stroke-dasharray=\"4 3\"/>";
  }
  return svg + "</svg>";
}

// Grades per 主管部门 as stacked bars (优 良 中 差 未评).
std::string grade_chart(const AnalysisTable& t) {
  constexpr int kWidth = 360, kRow = 20, kLabel = 180;
  static const char* kColors[] = {"#59a14f", "#4e79a7", "#edc948", "#e15759", "#bab0ac"};
  std::string svg = "<svg class=\"chart\" width=\"" + std::to_string(kLabel + kWidth + 10) +
                    "\" height=\"" + std::to_string(kRow * int(t.rows.size()) + 10) + "\">";
  int y = 0;
  for (const auto& row : t.rows) {
    long long forms = std::stoll(row[1].value_or("0"));
    svg += "<text x=\"0\" y=\"" + std::to_string(y + 14) + "\">" + escape(row[0].value_or("")) +
           "</text>";
    int x = kLabel;
    for (std::size_t g = 0; g < 5 && g + 2 < row.size(); ++g) {
      int w = pixels(row[g + 2], forms, kWidth);
      svg += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y + 3) + "\" width=\"" +
             std::to_string(w) + "\" height=\"14\" fill=\"" + kColors[g] + "\"/>";
      x += w;
    }
    y += kRow;
  }
  return svg + "</svg>";
}

std::string to_html(const std::vector<AnalysisTable>& tables, int year) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" +
      std::to_string(year) +
      " 年度绩效自评分析 (analyses)</title><style>body{font-family:sans-serif;margin:2em}"
      "table{border-collapse:collapse;margin:0.5em 0 2em}td,th{border:1px solid #ccc;padding:2px "
      "6px}td.n{text-align:right}th{background:#f2f2f2}svg text{font-size:12px}</style></head>"
      "<body>\n<h1>" +
      std::to_string(year) + " 年度绩效自评分析 <small>analyses of " + std::to_string(year) +
      "</small></h1>\n";
  for (const auto& t : tables) {
    out += "<section id=\"" + escape(t.id) + "\"><h2>" + escape(t.title_zh) + " <small>" +
           escape(t.title_en) + "</small></h2>\n";
    if (t.id == "execution_supervisors") out += execution_chart(t) + "\n";
    if (t.id == "grades") out += grade_chart(t) + "\n";
    if (t.total_rows > std::int64_t(t.rows.size()))
      out += "<p>" + std::to_string(t.rows.size()) + " / " + std::to_string(t.total_rows) + "</p>";
    out += "<table><tr>";
    for (const auto& c : t.columns)
      out += "<th>" + escape(c.zh) + "<br><small>" + escape(c.en) + "</small></th>";
    out += "</tr>\n";
    for (const auto& row : t.rows) {
      out += "<tr>";
      for (std::size_t c = 0; c < row.size(); ++c) {
        bool number = t.columns[c].kind != AnalysisColumn::Kind::Text;
        out += std::string(number ? "<td class=\"n\">" : "<td>") + escape(row[c].value_or("")) +
               "</td>";
      }
      out += "</tr>\n";
    }
    out += "</table></section>\n";
  }
  return out + "</body></html>\n";
}

std::string to_xlsx(const std::vector<AnalysisTable>& tables) {
  std::vector<io::xlsx::TableSheet> sheets;
  for (const auto& t : tables) {
    io::xlsx::TableSheet s;
    s.name = t.id.substr(0, 31);
    s.title = t.title_zh + " " + t.title_en;
    for (const auto& c : t.columns) s.header.push_back(header_of(c));
    for (const auto& row : t.rows) {
      std::vector<io::xlsx::TableCell> cells;
      for (std::size_t c = 0; c < row.size(); ++c)
        cells.push_back({row[c].value_or(""), t.columns[c].kind != AnalysisColumn::Kind::Text});
      s.rows.push_back(std::move(cells));
    }
    sheets.push_back(std::move(s));
  }
  return io::xlsx::write_table_book(sheets);
}

} // namespace

int run_report(const ReportOptions& options) {
  std::string extension = std::filesystem::path(options.output).extension().string();
  for (auto& c : extension) c = char(std::tolower(static_cast<unsigned char>(c)));
  if (extension != ".csv" && extension != ".xlsx" && extension != ".html" && extension != ".htm") {
    std::fprintf(stderr, "ziping report: -o 应为 .xlsx、.csv 或 .html 文件 (must name an .xlsx, "
                         ".csv or .html file)\n");
    return kExitUnusable;
  }
  auto store = open_store_or_report(options.db);
  if (!store) return kExitUnusable;
  std::vector<AnalysisTable> tables;
  for (const auto& info : store::analysis_catalogue()) {
    auto start = std::chrono::steady_clock::now();
    tables.push_back(*store->analyses().run(info.id, {options.year, std::nullopt, 0}));
    if (options.timings)
      std::fprintf(
          stderr, "analysis %s %.1f ms %zu rows\n", std::string(info.id).c_str(),
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count(),
          tables.back().rows.size());
  }
  std::string bytes = extension == ".csv"    ? to_csv(tables, options.year)
                      : extension == ".xlsx" ? to_xlsx(tables)
                                             : to_html(tables, options.year);
  std::vector<diag::Diagnostic> diagnostics;
  if (!write_atomically(options.output, bytes, diagnostics)) {
    print_diagnostics(diagnostics);
    return kExitUnusable;
  }
  std::size_t rows = 0;
  for (const auto& t : tables) rows += t.rows.size();
  std::printf("报告 report: %zu 项分析 analyses, %zu 行 rows → %s\n", tables.size(), rows,
              options.output.c_str());
  return kExitOk;
}

} // namespace ziping::cli
