#include "ziping/crypto/crypto.h"

#include <sodium.h>

#include <atomic>
#include <stdexcept>

namespace ziping::crypto {
namespace {

std::atomic<HashCost> g_cost{HashCost::Interactive};

void ensure_initialised() {
  // sodium_init is idempotent and thread-safe; it fails only without a random source.
  static const bool ok = sodium_init() >= 0;
  if (!ok) throw std::runtime_error("libsodium could not be initialised");
}

unsigned long long opslimit() {
  return g_cost.load() == HashCost::Test ? crypto_pwhash_OPSLIMIT_MIN
                                         : crypto_pwhash_OPSLIMIT_INTERACTIVE;
}

std::size_t memlimit() {
  return g_cost.load() == HashCost::Test ? crypto_pwhash_MEMLIMIT_MIN
                                         : crypto_pwhash_MEMLIMIT_INTERACTIVE;
}

} // namespace

void set_hash_cost(HashCost cost) {
  g_cost.store(cost);
}

HashCost hash_cost() {
  return g_cost.load();
}

std::string hash_password(std::string_view password) {
  ensure_initialised();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), opslimit(), memlimit(),
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("argon2id: out of memory");
  return out;
}

bool verify_password(const std::string& hash, std::string_view password) {
  ensure_initialised();
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool needs_rehash(const std::string& hash) {
  ensure_initialised();
  return crypto_pwhash_str_needs_rehash(hash.c_str(), opslimit(), memlimit()) != 0;
}

std::string random_token(std::size_t bytes) {
  ensure_initialised();
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  const int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_ENCODED_LEN(bytes, variant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                    raw.size(), variant);
  out.resize(out.find('\0'));
  sodium_memzero(raw.data(), raw.size());
  return out;
}

std::string sha256_hex(std::string_view data) {
  ensure_initialised();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

bool equal_constant_time(std::string_view a, std::string_view b) {
  ensure_initialised();
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace ziping::crypto
