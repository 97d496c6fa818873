// The audit trail over SQL: append under a lock (the chain needs its entries in one order),
// read in pages, verify by recomputing every hash.
#include <algorithm>

#include "ziping/crypto/crypto.h"
#include "ziping/store/sql_accounts.h"
#include "ziping/store/sql_store.h"

namespace ziping::store {
namespace {

// PostgreSQL: appends take this transaction-scoped advisory lock, after every row lock the
// transaction needs (an append is always its last statement), so two appends cannot both
// read the same previous entry. SQLite's write transactions are serial already.
constexpr std::int64_t kAuditLock = 0x7a6970696e68;
constexpr int kVerifyPage = 1000;

constexpr std::string_view kColumns =
    "seq, at, actor_id, actor, action, form_id, revision, detail, prev_hash, hash";

AuditEntry entry_from(const SqlRow& row) {
  AuditEntry e;
  e.seq = cells::integer(row[0]);
  e.at = cells::text(row[1]);
  e.record.actor.user_id = cells::maybe_integer(row[2]);
  e.record.actor.name = cells::text(row[3]);
  e.record.action = cells::text(row[4]);
  e.record.form_id = cells::maybe_integer(row[5]);
  if (row[6]) e.record.revision = int(cells::integer(row[6]));
  e.record.detail = cells::text(row[7]);
  e.prev_hash = cells::text(row[8]);
  e.hash = cells::text(row[9]);
  return e;
}

void field(std::string& out, std::string_view value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += ';';
}

void field(std::string& out, const std::optional<std::int64_t>& value) {
  if (value)
    field(out, std::to_string(*value));
  else
    out += "~;"; // NULL, distinct from any text
}

class SqlAuditTrail final : public AuditTrail {
public:
  explicit SqlAuditTrail(ConnectionPool& pool) : pool_(pool) {}

  AuditEntry append(const AuditRecord& record) override {
    auto c = pool_.lease();
    Transaction tx(*c, true);
    AuditEntry e = append_audit(tx, record);
    tx.commit();
    return e;
  }

  std::vector<AuditEntry> entries(std::int64_t after, int limit, std::optional<Id> form_id,
                                  bool newest_first) override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    std::vector<AuditEntry> out;
    limit = std::clamp(limit, 1, 10000);
    std::string order = newest_first ? " ORDER BY seq DESC" : " ORDER BY seq";
    SqlRows rows = form_id
                       ? tx.query("SELECT " + std::string(kColumns) +
                                      " FROM audit_entries WHERE seq > $1 AND form_id = $2" +
                                      order + " LIMIT $3",
                                  {after, *form_id, std::int64_t(limit)})
                       : tx.query("SELECT " + std::string(kColumns) +
                                      " FROM audit_entries WHERE seq > $1" + order + " LIMIT $2",
                                  {after, std::int64_t(limit)});
    for (const auto& row : rows) out.push_back(entry_from(row));
    return out;
  }

  AuditVerification verify() override {
    AuditVerification v;
    v.head = std::string(kGenesisHash);
    std::int64_t expected = 1;
    std::int64_t after = 0;
    auto c = pool_.lease();
    Transaction tx(*c, false); // one snapshot: appends during the walk are not seen
    for (;;) {
      auto rows = tx.query("SELECT " + std::string(kColumns) +
                               " FROM audit_entries WHERE seq > $1 ORDER BY seq LIMIT $2",
                           {after, std::int64_t(kVerifyPage)});
      if (rows.empty()) break;
      for (const auto& row : rows) {
        AuditEntry e = entry_from(row);
        ++v.entries;
        auto fail = [&](AuditVerification::Problem kind, std::string problem) {
          v.ok = false;
          v.broken = e.seq;
          v.kind = kind;
          v.problem = std::move(problem);
        };
        if (e.seq != expected)
          fail(AuditVerification::Problem::Gap, "expected entry " + std::to_string(expected) +
                                                    " but found entry " + std::to_string(e.seq) +
                                                    ": entries are missing");
        else if (e.prev_hash != v.head)
          fail(AuditVerification::Problem::Unlinked,
               "its prev_hash is not the hash of the entry before it");
        else if (audit_hash(e) != e.hash)
          fail(AuditVerification::Problem::Changed,
               "its content does not match its hash: the entry was changed");
        if (!v.ok) return v;
        v.head = e.hash;
        expected = e.seq + 1;
        after = e.seq;
      }
    }
    return v;
  }

private:
  ConnectionPool& pool_;
};

} // namespace

std::string audit_hash(const AuditEntry& e) {
  std::string text = "ziping-audit-1;";
  field(text, std::to_string(e.seq));
  field(text, e.at);
  field(text, e.record.actor.user_id);
  field(text, e.record.actor.name);
  field(text, e.record.action);
  field(text, e.record.form_id);
  field(text, e.record.revision ? std::optional<std::int64_t>(*e.record.revision) : std::nullopt);
  field(text, e.record.detail);
  field(text, e.prev_hash);
  return crypto::sha256_hex(text);
}

AuditEntry append_audit(Transaction& tx, const AuditRecord& record) {
  return append_audits(tx, std::span(&record, 1)).at(0);
}

std::vector<AuditEntry> append_audits(Transaction& tx, std::span<const AuditRecord> records) {
  std::vector<AuditEntry> out;
  if (records.empty()) return out;
  if (tx.dialect() == Dialect::PostgreSQL)
    tx.query("SELECT pg_advisory_xact_lock($1)", {kAuditLock});
  auto last = tx.query("SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1");
  std::int64_t seq = last.empty() ? 0 : cells::integer(last[0][0]);
  std::string prev = last.empty() ? std::string(kGenesisHash) : cells::text(last[0][1]);
  std::vector<SqlParam> values;
  for (const auto& record : records) {
    AuditEntry e;
    e.seq = ++seq;
    e.prev_hash = prev;
    e.at = now_utc();
    e.record = record;
    e.hash = audit_hash(e);
    prev = e.hash;
    values.insert(values.end(),
                  {e.seq, e.at, cells::maybe(record.actor.user_id), record.actor.name,
                   record.action, cells::maybe(record.form_id),
                   record.revision ? SqlParam(std::int64_t(*record.revision)) : SqlParam(),
                   record.detail, e.prev_hash, e.hash});
    out.push_back(std::move(e));
  }
  tx.insert_values("audit_entries",
                   "seq, at, actor_id, actor, action, form_id, revision, detail, prev_hash, hash",
                   10, values);
  return out;
}

std::unique_ptr<AuditTrail> make_sql_audit_trail(ConnectionPool& pool) {
  return std::make_unique<SqlAuditTrail>(pool);
}

} // namespace ziping::store
