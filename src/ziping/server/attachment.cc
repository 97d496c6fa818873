#include "ziping/server/attachment.h"

#include <cctype>

namespace ziping::server {
namespace {

std::string percent_encoded(std::string_view text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += char(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

} // namespace

std::string attachment_disposition(std::string_view ascii_name, std::string_view readable_name) {
  return "attachment; filename=\"" + std::string(ascii_name) + "\"; filename*=UTF-8''" +
         percent_encoded(readable_name);
}

} // namespace ziping::server
