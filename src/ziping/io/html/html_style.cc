// The inline stylesheet. Fonts are named, never loaded: the page must not reach outside
// itself, so it asks for the CJK faces a reader's system usually has.
#include "ziping/io/html/html_parts.h"

namespace ziping::io::html {

std::string_view stylesheet() {
  return R"css(@page { size: A4 landscape; margin: 12mm 10mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
  "WenQuanYi Micro Hei", sans-serif; font-size: 10pt; line-height: 1.35; color: #000;
  margin: 16px auto; max-width: 1400px; padding: 0 12px; }
h1 { text-align: center; font-size: 18pt; margin: 0 0 2pt; letter-spacing: 1pt; }
.subtitle { text-align: center; margin: 0 0 8pt; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
table + table { margin-top: -1px; }
th, td { border: 1px solid #000; padding: 3pt 4pt; vertical-align: middle; white-space: pre-wrap;
  overflow-wrap: anywhere; word-break: break-word; position: relative; }
th { background: #f0f0f0; font-weight: bold; text-align: center; }
td.num, td.short { text-align: center; }
td.text { text-align: left; }
td.cont { border-top-style: hidden; }
thead { display: table-header-group; }
table.keep { break-inside: avoid; page-break-inside: avoid; }
.diag-error { background: #fbd5d3; box-shadow: inset 0 0 0 2px #c62828; }
.diag-warning { background: #fff0c2; box-shadow: inset 0 0 0 2px #e0a000; }
.diag-note { background: #dde9fb; box-shadow: inset 0 0 0 1px #4a78c2; }
.diag-error, .diag-warning, .diag-note { padding-right: 12pt; }
.marks { position: absolute; top: 0; right: 1px; line-height: 1; }
a.mark { font-size: 7pt; font-weight: bold; text-decoration: none; margin-left: 1px;
  padding: 0 1px; border-radius: 2px; color: #fff; }
a.mark.error { background: #c62828; }
a.mark.warning { background: #b07800; }
a.mark.note { background: #4a78c2; }
:target { outline: 3px solid #1565c0; outline-offset: -3px; }
.appendix { margin-top: 18pt; }
.appendix h2 { font-size: 13pt; margin: 0 0 4pt; }
.review th[colspan] { text-align: left; }
.legend { margin: 0 0 6pt; color: #333; }
.legend span { padding: 0 3pt; }
.diagnostics ol { padding-left: 2.2em; margin: 0; }
.diagnostics li { margin: 0 0 5pt; padding: 2pt 4pt; border-left: 4px solid #999; break-inside: avoid; }
.diagnostics li.error { border-left-color: #c62828; }
.diagnostics li.warning { border-left-color: #e0a000; }
.diagnostics li.note { border-left-color: #4a78c2; }
.diagnostics .sev { font-weight: bold; }
.diagnostics li.error .sev { color: #c62828; }
.diagnostics li.warning .sev { color: #8a5d00; }
.diagnostics li.note .sev { color: #2f5ea8; }
.diagnostics .en, .diagnostics .where { color: #444; font-size: 9pt; }
.diagnostics code { font-size: 8.5pt; }
.diagnostics ul.notes { margin: 2pt 0 0; padding-left: 1.5em; font-size: 9pt; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9pt; }
  .appendix { break-before: page; page-break-before: always; margin-top: 0; }
  a { color: inherit; }
}
)css";
}

} // namespace ziping::io::html
