// io/html_reader/page_charset.h — the character set a web page says it is in.
//
// Many government sites still serve GB2312/GBK pages, and a page saved from a browser keeps
// its <meta charset>. The reader converts a page that is not valid UTF-8 from GB18030 (a
// superset of GB2312 and GBK) when the page declares one of them, or declares nothing (as the
// CSV reader treats an undeclared file); a page declaring UTF-8 or another set that is not
// valid in it is refused where its first bad byte is, never read as something else.
#pragma once

#include <string_view>

namespace ziping::io::html_reader {

enum class DeclaredCharset { None, Utf8, Chinese, Other };

// The first charset declared in the page's first 4 KiB: <meta charset=gbk>, or the
// http-equiv Content-Type's "text/html; charset=gb2312".
DeclaredCharset declared_charset(std::string_view html);

} // namespace ziping::io::html_reader
