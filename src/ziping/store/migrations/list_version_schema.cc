#include "ziping/store/migrations/list_version_schema.h"

namespace ziping::store {
namespace {

// data_versions('lists'): raised by every transaction that changes a row a form list filters
// on or shows (forms), searches (departments' names) or scopes by (org_scope). A reader that
// reads the version first and counts after may keep the count for that version: any commit
// after the version read raises it, so a count is never kept for a version older than the
// data it counted (store/sql_store.cc, CountCache).
//
// PostgreSQL: a deferred constraint trigger, so the one row is updated at commit time and its
// lock held only through the commit (an immediate trigger would hold it from a load chunk's
// first insert to its commit and queue the other workers behind it); a transaction-local
// setting makes it one update per transaction, not per row. SQLite has one writer at a time
// and no statement triggers: a row trigger per change.
constexpr std::string_view kSchema = R"SQL(
CREATE TABLE data_versions (
  name TEXT PRIMARY KEY,
  version BIGINT NOT NULL
);
INSERT INTO data_versions (name, version) VALUES ('lists', 1);
{pg}
CREATE FUNCTION ziping_raise_list_version() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  IF COALESCE(current_setting('ziping.list_version_raised', true), '') <> 'y' THEN
    UPDATE data_versions SET version = version + 1 WHERE name = 'lists';
    PERFORM set_config('ziping.list_version_raised', 'y', true);
  END IF;
  RETURN NULL;
END
$body$;
CREATE CONSTRAINT TRIGGER forms_list_version AFTER INSERT OR UPDATE OR DELETE ON forms
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ziping_raise_list_version();
CREATE CONSTRAINT TRIGGER departments_list_version AFTER INSERT OR UPDATE OR DELETE ON
  departments DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION
  ziping_raise_list_version();
CREATE CONSTRAINT TRIGGER org_scope_list_version AFTER INSERT OR UPDATE OR DELETE ON org_scope
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ziping_raise_list_version();
{/pg}
{sqlite}
CREATE TRIGGER forms_list_version_insert AFTER INSERT ON forms BEGIN
  UPDATE data_versions SET version = version + 1 WHERE name = 'lists'; END;
CREATE TRIGGER forms_list_version_update AFTER UPDATE ON forms BEGIN
  UPDATE data_versions SET version = version + 1 WHERE name = 'lists'; END;
CREATE TRIGGER forms_list_version_delete AFTER DELETE ON forms BEGIN
  UPDATE data_versions SET version = version + 1 WHERE name = 'lists'; END;
CREATE TRIGGER departments_list_version_insert AFTER INSERT ON departments BEGIN
  UPDATE data_versions SET version = version + 1 WHERE name = 'lists'; END;
CREATE TRIGGER departments_list_version_update AFTER UPDATE ON departments BEGIN
  UPDATE data_versions SET version = version + 1 WHERE name = 'lists'; END;
CREATE TRIGGER departments_list_version_delete AFTER DELETE ON departments BEGIN
  UPDATE data_versions SET version = version + 1 WHERE name = 'lists'; END;
CREATE TRIGGER org_scope_list_version_insert AFTER INSERT ON org_scope BEGIN
  UPDATE data_versions SET version = version + 1 WHERE name = 'lists'; END;
CREATE TRIGGER org_scope_list_version_delete AFTER DELETE ON org_scope BEGIN
  UPDATE data_versions SET version = version + 1 WHERE name = 'lists'; END;
{/sqlite}
)SQL";

} // namespace

std::string_view list_version_schema() {
  return kSchema;
}

} // namespace ziping::store
