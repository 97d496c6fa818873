// server/review_deadline.h — internal to server/: the day a year's self-evaluations are due
// (--deadline; 30 April of the next year when not set), shared by 我的待办 and the progress board.
#pragma once

#include <string>

#include "ziping/server/routes.h"

namespace ziping::server {

std::string today_utc(); // "YYYY-MM-DD"
std::string deadline_of(const RouteContext& ctx, int year);

} // namespace ziping::server
