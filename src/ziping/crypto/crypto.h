// crypto/crypto.h — the few cryptographic operations accounts and the audit trail need, all
// through libsodium (which is included here and nowhere else): argon2id password hashes,
// random tokens, SHA-256 and constant-time comparison.
#pragma once

#include <string>
#include <string_view>

namespace ziping::crypto {

// Password hashing cost. Interactive is libsodium's OPSLIMIT/MEMLIMIT_INTERACTIVE: argon2id
// with t = 2 passes over 64 MiB, ~135 ms on the development machine — inside OWASP's argon2id
// recommendations, and bounded enough that a server can verify a few logins at once. Test is
// t = 1 over 8 KiB: only for test binaries, which hash hundreds of passwords; a hash records
// its own parameters, so verification works whatever the current cost is.
enum class HashCost { Interactive, Test };
void set_hash_cost(HashCost cost); // process-wide; the default is Interactive
HashCost hash_cost();

// "$argon2id$v=19$m=65536,t=2,p=1$…" (a C string of at most 127 bytes). Throws
// std::runtime_error only when the system is out of memory.
std::string hash_password(std::string_view password);
// False for a wrong password and for a hash that is not an argon2 string.
bool verify_password(const std::string& hash, std::string_view password);
// True when `hash` was made with other parameters than the current cost (rehash on login).
bool needs_rehash(const std::string& hash);

// `bytes` random bytes from the system's CSPRNG, as unpadded base64url (43 characters for 32).
std::string random_token(std::size_t bytes = 32);
// Lower-case hex SHA-256 of `data` (64 characters).
std::string sha256_hex(std::string_view data);
// Equal texts, compared in time independent of where they differ (lengths may leak).
bool equal_constant_time(std::string_view a, std::string_view b);

} // namespace ziping::crypto
