// The libsodium wrappers: argon2id strings, tokens, SHA-256 (known answers).
#include <gtest/gtest.h>

#include <set>

#include "ziping/crypto/crypto.h"

namespace ziping::crypto {
namespace {

TEST(Crypto, PasswordHashesAreArgon2idAndVerify) {
  set_hash_cost(HashCost::Test);
  std::string hash = hash_password("correct horse");
  EXPECT_TRUE(hash.starts_with("$argon2id$v=19$m=8,t=1,p=1$")) << hash;
  EXPECT_TRUE(verify_password(hash, "correct horse"));
  EXPECT_FALSE(verify_password(hash, "correct horsE"));
  EXPECT_FALSE(verify_password("not a hash", "correct horse"));
  EXPECT_FALSE(verify_password("", ""));
  EXPECT_NE(hash_password("correct horse"), hash); // salted
  EXPECT_FALSE(needs_rehash(hash));
  set_hash_cost(HashCost::Interactive);
  EXPECT_TRUE(needs_rehash(hash)); // made at the test cost: rehashed on the next login
  EXPECT_TRUE(verify_password(hash, "correct horse")); // the parameters travel with the hash
  set_hash_cost(HashCost::Test);
}

TEST(Crypto, TokensAreRandomBase64Url) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    std::string t = random_token();
    EXPECT_EQ(t.size(), 43u);
    EXPECT_EQ(
        t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos);
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 100u);
  EXPECT_EQ(random_token(12).size(), 16u);
}

TEST(Crypto, Sha256KnownAnswers) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(equal_constant_time("abc", "abc"));
  EXPECT_FALSE(equal_constant_time("abc", "abd"));
  EXPECT_FALSE(equal_constant_time("abc", "ab"));
}

} // namespace
} // namespace ziping::crypto
