#include "ziping/store/migrations/plan_version_schema.h"

namespace ziping::store {
namespace {

// The same triggers as migration 9's on forms (list_version_schema.cc: PostgreSQL's raise once
// per transaction at commit; SQLite's per row), on plans: importing, linking or unlinking a
// plan changes the chain a list page shows for its form.
constexpr std::string_view kSchema = R"SQL(
{pg}
CREATE CONSTRAINT TRIGGER plans_list_version AFTER INSERT OR UPDATE OR DELETE ON plans
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ziping_raise_list_version();
{/pg}
{sqlite}
CREATE TRIGGER plans_list_version_insert AFTER INSERT ON plans BEGIN
  UPDATE data_versions SET version = version + 1 WHERE name = 'lists'; END;
CREATE TRIGGER plans_list_version_update AFTER UPDATE ON plans BEGIN
  UPDATE data_versions SET version = version + 1 WHERE name = 'lists'; END;
CREATE TRIGGER plans_list_version_delete AFTER DELETE ON plans BEGIN
  UPDATE data_versions SET version = version + 1 WHERE name = 'lists'; END;
{/sqlite}
)SQL";

} // namespace

std::string_view plan_version_schema() {
  return kSchema;
}

} // namespace ziping::store
