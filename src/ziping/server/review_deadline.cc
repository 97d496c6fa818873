#include "ziping/server/review_deadline.h"

#include <ctime>

namespace ziping::server {

std::string today_utc() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
  return text;
}

std::string deadline_of(const RouteContext& ctx, int year) {
  auto configured = ctx.deadlines.find(year);
  return configured != ctx.deadlines.end() ? configured->second
                                           : std::to_string(year + 1) + "-04-30";
}

} // namespace ziping::server
