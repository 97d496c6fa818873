#include "ziping/io/html_reader/page_charset.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace ziping::io::html_reader {
namespace {

DeclaredCharset classify(std::string_view name) {
  if (name == "utf-8" || name == "utf8") return DeclaredCharset::Utf8;
  for (std::string_view chinese : {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "windows-936"})
    if (name == chinese) return DeclaredCharset::Chinese;
  return name.empty() ? DeclaredCharset::None : DeclaredCharset::Other;
}

} // namespace

DeclaredCharset declared_charset(std::string_view html) {
  std::string head(html.substr(0, std::min<std::size_t>(html.size(), 4096)));
  for (char& ch : head) ch = char(std::tolower(static_cast<unsigned char>(ch)));
  // Only a <meta> declares the page's set: <script charset="utf-8"> is the script's.
  for (std::size_t meta = head.find("<meta"); meta != std::string::npos;
       meta = head.find("<meta", meta + 5)) {
    std::string_view tag = std::string_view(head).substr(meta, head.find('>', meta) - meta);
    std::size_t at = tag.find("charset");
    if (at == std::string_view::npos) continue;
    std::size_t from = tag.find_first_not_of(" \t\n\r=\"'", at + 7);
    if (from == std::string_view::npos) continue;
    std::size_t to = tag.find_first_of(" \t\n\r\"';/", from);
    return classify(tag.substr(from, to == std::string_view::npos ? tag.npos : to - from));
  }
  return DeclaredCharset::None;
}

} // namespace ziping::io::html_reader
