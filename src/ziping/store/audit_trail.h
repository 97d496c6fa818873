// store/audit_trail.h — the append-only record of who did what: every login, save,
// transition, comment, reviewer score and export. Each entry's SHA-256 covers the previous
// entry's hash, so changing, deleting or reordering a stored entry breaks the chain from that
// entry on, and verify() names the first one that no longer fits.
//
// What the chain cannot show by itself: entries cut off at the end (the chain stays valid), or
// a whole chain recomputed by someone who can write the database and runs this code. Recording
// the head hash elsewhere (`ziping audit verify` prints it) covers both.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ziping/store/sql.h"

namespace ziping::store {

using Id = std::int64_t;

// Who acts: a user, or the command line / the server itself (user_id empty).
struct Actor {
  std::optional<Id> user_id;
  std::string name; // the login, or "cli", "system"
};

struct AuditRecord {
  Actor actor;
  std::string action; // "login.ok", "form.save", "review.approve", "form.export", …
  std::optional<Id> form_id;
  std::optional<int> revision;
  std::string detail; // free text: a reason, a path, a format
};

struct AuditEntry {
  std::int64_t seq = 0; // 1, 2, … in order of appending
  std::string at;       // ISO 8601 UTC
  AuditRecord record;
  std::string prev_hash; // hex; 64 zeros for the first entry
  std::string hash;      // hex SHA-256 of this entry's fields and prev_hash
};

// The hash an entry must carry (the canonical encoding: every field length-prefixed).
std::string audit_hash(const AuditEntry& entry);
inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

struct AuditVerification {
  bool ok = true;
  std::int64_t entries = 0;           // entries read
  std::optional<std::int64_t> broken; // seq of the first entry that does not fit
  std::string problem;                // what is wrong with it (English; the CLI adds Chinese)
  enum class Problem { None, Changed, Unlinked, Gap } kind = Problem::None;
  std::string head; // the last entry's hash (kGenesisHash when empty)
};

class AuditTrail {
public:
  virtual ~AuditTrail() = default;
  virtual AuditEntry append(const AuditRecord& record) = 0;
  // Entries with seq > after, oldest first (newest first when asked: the most recent page),
  // at most limit; filtered by form when given.
  virtual std::vector<AuditEntry> entries(std::int64_t after, int limit,
                                          std::optional<Id> form_id = std::nullopt,
                                          bool newest_first = false) = 0;
  virtual AuditVerification verify() = 0;
};

// Appends inside the caller's write transaction (so a save and its entry commit together).
AuditEntry append_audit(Transaction& tx, const AuditRecord& record);
// Several, in order, with one read of the chain's head and one insert. PostgreSQL holds the
// chain's lock from here to the commit: a batch appends last, just before it commits.
std::vector<AuditEntry> append_audits(Transaction& tx, std::span<const AuditRecord> records);

} // namespace ziping::store
