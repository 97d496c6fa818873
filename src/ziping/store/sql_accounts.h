// store/sql_accounts.h — the accounts side of the SQL store (directory, review log, audit
// trail), constructed by SqlStore over its own connection pool. Internal to store/.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "ziping/store/audit_trail.h"
#include "ziping/store/directory.h"
#include "ziping/store/plan_shelf.h"
#include "ziping/store/review_log.h"
#include "ziping/store/sql.h"

namespace ziping::store {

std::unique_ptr<Directory> make_sql_directory(ConnectionPool& pool);
std::unique_ptr<ReviewLog> make_sql_review_log(ConnectionPool& pool);
std::unique_ptr<AuditTrail> make_sql_audit_trail(ConnectionPool& pool);
std::unique_ptr<PlanShelf> make_sql_plan_shelf(ConnectionPool& pool); // the chain's plans

namespace cells {
inline std::string text(const SqlCell& cell) {
  return cell ? *cell : std::string();
}
inline std::int64_t integer(const SqlCell& cell) {
  return cell ? std::stoll(*cell) : 0;
}
inline std::optional<std::int64_t> maybe_integer(const SqlCell& cell) {
  if (!cell) return std::nullopt;
  return std::stoll(*cell);
}
inline SqlParam maybe(const std::optional<std::int64_t>& value) {
  if (!value) return std::monostate{};
  return *value;
}
} // namespace cells

} // namespace ziping::store
