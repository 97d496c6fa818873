// io/html_reader/page_depth.h — how deep a page nests its elements, estimated before parsing.
//
// An HTML5 parser checks "is there a <p> (a <button>, a <table> …) in scope" by walking its
// stack of open elements, so a page that keeps elements open costs it depth × tags: 80,000
// nested <div>s took libgumbo 15 s, the 8 MiB of the input limit hours. Real pages nest a few
// dozen deep. This scan keeps a stack as a browser roughly would (void elements never open,
// an end tag closes what was opened after its element, a <td>, <tr>, <li>, <p> … closes the
// previous one) and says where it first passes the limit; the reader refuses such a page
// (ZP0157) before the parser sees it, as it refuses a page of more than kMaxCells cells
// (ZP0158).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace ziping::io::html_reader {

inline constexpr std::size_t kMaxOpenElements = 512;
// The parser's tree costs about 220 bytes an element: 2.7 million unclosed <a>s in 8 MiB were
// 590 MB. A real published page has a few thousand elements; one of 500,000 is refused
// (ZP0158) and keeps the tree near 110 MB.
inline constexpr std::size_t kMaxElements = 500000;

struct PageScan {
  std::optional<std::size_t> too_deep_at;       // the start tag of element kMaxOpenElements + 1
  std::optional<std::size_t> too_many_cells_at; // the <td> or <th> number kMaxCells + 1, or
                                                // the start tag number kMaxElements + 1
  std::size_t cells = 0;
  std::size_t elements = 0;
};

// Stops at the first bound passed. The cell count also spares the parser's memory: a page of
// 8 MiB of "<tr><td>1" is a tree of half a gigabyte.
PageScan scan_page(std::string_view html);

} // namespace ziping::io::html_reader
