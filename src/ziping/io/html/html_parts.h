// io/html/html_parts.h — internal to the HTML writer.
#pragma once

#include <string_view>

namespace ziping::io::html {

// The page's whole stylesheet, inlined into <style>: screen and A4-landscape print rules.
std::string_view stylesheet();

} // namespace ziping::io::html
