// store/migrations/plans_schema.h — migration 5 (branch chain-server, issue 14): the chain's
// 绩效目标申报表 and 绩效运行监控表 kept beside the self-evaluations, with how each is linked.
#pragma once

#include <string_view>

namespace ziping::store {

std::string_view plans_schema();

} // namespace ziping::store
